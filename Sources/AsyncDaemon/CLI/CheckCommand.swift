import Analyzer

/// `asyncd check [--format text|json] PATH...`: analyze files and folders (`-` is stdin).
/// Exit 0 when clean, 1 when diagnostics were found, 2 for usage or I/O errors (or while the
/// analyzer is not implemented yet).
enum CheckCommand {
    struct CheckedFile {
        var path: String
        var source: String
        var diagnostics: [Diagnostic]
    }

    static func run(_ arguments: [String]) -> Int32 {
        var format = OutputFormat.text
        var paths: [String] = []
        var scanner = ArgumentScanner(arguments)
        do {
            while let item = try scanner.next(takesValue: ["--format"]) {
                switch item {
                case .option("--format", let value): format = try OutputFormat.parse(value, command: "asyncd check")
                case .option("--help", _), .option("-h", _):
                    Output.out(HelpText.check)
                    return 0
                case .option(let name, _): throw FileAccess.Failure(description: "asyncd check: unknown option '\(name)'")
                case .positional(let path): paths.append(path)
                }
            }
        } catch {
            Output.err("\(error)")
            return 2
        }
        guard !paths.isEmpty else {
            Output.err("asyncd check: give at least one file or folder ('-' reads stdin)")
            return 2
        }

        // Expand folders; a single plain file (or stdin) answers with the bare analyze result.
        var files: [String] = []
        var ioError = false
        for path in paths {
            if path == "-" {
                files.append("-")
            } else if FileAccess.isDirectory(path) {
                files.append(contentsOf: FileAccess.pythonFiles(under: path))
            } else if FileAccess.exists(path) {
                files.append(path)
            } else {
                Output.err("asyncd check: \(path): no such file or folder")
                ioError = true
            }
        }
        let single = paths.count == 1 && !FileAccess.isDirectory(paths[0]) && !ioError

        var checked: [CheckedFile] = []
        for path in files {
            let source: String
            do {
                source = try FileAccess.readText(path)
            } catch {
                Output.err("asyncd check: \(error.description)")
                ioError = true
                continue
            }
            do {
                let diagnostics = try Linter.check(source: source, path: path == "-" ? nil : path)
                checked.append(CheckedFile(path: path, source: source, diagnostics: diagnostics))
            } catch let error as NotImplementedYet {
                Output.err("asyncd: \(error.description)")
                return 2
            } catch {
                Output.err("asyncd check: \(path): \(error)")
                ioError = true
            }
        }

        switch format {
        case .json:
            if single, let file = checked.first {
                Output.out(JSONWriter.string(ResultEncoding.analyzeResult(file.diagnostics, source: file.source, encoding: .utf16, uri: nil)))
            } else {
                let documents: [JSONValue] = checked.map { file in
                    let result = ResultEncoding.analyzeResult(file.diagnostics, source: file.source, encoding: .utf16, uri: nil)
                    return .object(["path": .string(file.path), "diagnostics": result["diagnostics"] ?? .array([])])
                }
                Output.out(JSONWriter.string(.object(["files": .array(documents)])))
            }
        case .text:
            let lines = textLines(checked, color: Output.useColor)
            if !lines.isEmpty { Output.out(lines.joined(separator: "\n")) }
            Output.out(summary(checked))
        }
        if ioError { return 2 }
        return checked.contains { !$0.diagnostics.isEmpty } ? 1 : 0
    }

    /// `path:line:col: CODE message`, one per diagnostic, the columns aligned across the listing.
    /// Lines are 1-based and columns 1-based in characters, as ruff and CPython print them.
    static func textLines(_ files: [CheckedFile], color: Bool) -> [String] {
        var rows: [[String]] = []
        var severities: [Severity] = []
        for file in files {
            let table = LineTable(file.source)
            for diagnostic in file.diagnostics {
                let (line, column) = table.humanPosition(of: diagnostic.range.start)
                rows.append(["\(file.path):\(line):\(column):", diagnostic.code, diagnostic.message])
                severities.append(diagnostic.severity)
            }
        }
        let plain = Output.table(rows, color: false, separator: " ")
        guard color else { return plain }
        // Colour the code by severity, keeping the plain layout's padding.
        return zip(rows, zip(plain, severities)).map { row, pair in
            let (line, severity) = pair
            let style: Output.Style
            switch severity {
            case .error: style = .red
            case .warning: style = .yellow
            case .information: style = .blue
            case .hint: style = .cyan
            }
            let location = row[0]
            let afterLocation = line.dropFirst(location.count)
            let codeStart = afterLocation.firstIndex(where: { $0 != " " }) ?? afterLocation.startIndex
            let padding = afterLocation[..<codeStart]
            let rest = afterLocation[codeStart...].dropFirst(row[1].count)
            return Output.paint(location, .bold, color: true) + padding + Output.paint(row[1], style, color: true) + rest
        }
    }

    static func summary(_ files: [CheckedFile]) -> String {
        let count = files.reduce(0) { $0 + $1.diagnostics.count }
        let withFindings = files.filter { !$0.diagnostics.isEmpty }.count
        let checked = "\(files.count) file\(files.count == 1 ? "" : "s") checked"
        if count == 0 { return "All checks passed (\(checked))." }
        return "Found \(count) diagnostic\(count == 1 ? "" : "s") in \(withFindings) file\(withFindings == 1 ? "" : "s") (\(checked))."
    }
}
