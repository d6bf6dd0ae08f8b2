/// `asyncd lookup [--format text|json] [--limit N] QUERY...`: search the quick reference.
/// Exit 0 when something was found, 1 when nothing was, 2 for usage errors.
enum LookupCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var format = OutputFormat.text
        var limit = LookupMethod.defaultLimit
        var words: [String] = []
        var scanner = ArgumentScanner(arguments)
        do {
            while let item = try scanner.next(takesValue: ["--format", "--limit"]) {
                switch item {
                case .option("--format", let value): format = try OutputFormat.parse(value, command: "asyncd lookup")
                case .option("--limit", let value):
                    guard let value, let n = Int(value), (1...100).contains(n) else {
                        throw FileAccess.Failure(description: "asyncd lookup: --limit must be an integer from 1 to 100")
                    }
                    limit = n
                case .option("--help", _), .option("-h", _):
                    Output.out(HelpText.lookup)
                    return 0
                case .option(let name, _): throw FileAccess.Failure(description: "asyncd lookup: unknown option '\(name)'")
                case .positional(let word): words.append(word)
                }
            }
        } catch {
            Output.err("\(error)")
            return 2
        }
        guard !words.isEmpty else {
            Output.err("asyncd lookup: give a query, e.g. 'asyncd lookup gather'")
            return 2
        }
        let hits = QuickReferenceSearch.shared.search(words.joined(separator: " "), limit: limit)
        switch format {
        case .json:
            Output.out(JSONWriter.string(.object(["entries": .array(hits.map(ResultEncoding.lookupEntry))])))
        case .text:
            if hits.isEmpty {
                Output.err("asyncd lookup: nothing found for '\(words.joined(separator: " "))'")
            } else {
                Output.out(render(hits, color: Output.useColor).joined(separator: "\n"))
            }
        }
        return hits.isEmpty ? 1 : 0
    }

    /// A table of the hits (score, id, table, pattern), each followed by its code, wrong form
    /// and consequence, indented under it.
    static func render(_ hits: [QuickReferenceSearch.Hit], color: Bool) -> [String] {
        let rows = hits.map { hit -> [String] in
            let score = String(Int((hit.score * 100).rounded()))
            return [String(repeating: " ", count: max(0, 3 - score.count)) + score + "%", hit.entry.id, hit.entry.table.rawValue, hit.entry.pattern]
        }
        let headerLines = Output.table(rows, styles: [.dim, .bold, .cyan, nil], color: color)
        var lines: [String] = []
        for (hit, header) in zip(hits, headerLines) {
            lines.append(header)
            let indent = "      "
            for line in hit.entry.code.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(indent + Output.paint("✓ ", .green, color: color) + line)
            }
            if let wrong = hit.entry.wrong {
                for line in wrong.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(indent + Output.paint("✗ ", .red, color: color) + line)
                }
            }
            if let consequence = hit.entry.consequence {
                lines.append(indent + Output.paint("→ ", .yellow, color: color) + consequence)
            }
            if let note = hit.entry.note {
                lines.append(indent + Output.paint("· ", .dim, color: color) + note)
            }
        }
        return lines
    }
}
