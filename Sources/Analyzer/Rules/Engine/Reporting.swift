/// Renderings of diagnostics that `asyncd check` can print: a ruff-style text report with code
/// frames and fix diffs (also the format of the rules' `.snap` snapshots), and a SARIF 2.1.0
/// log for code-scanning uploads (OASIS SARIF v2.1.0, sections 3.13 `run`, 3.27 `result`,
/// 3.30 `region`, 3.55 `fix`).
public enum DiagnosticReport {
    /// One file's diagnostics with its text (needed for frames and column conversion).
    public struct FileDiagnostics: Sendable {
        public var path: String
        public var source: String
        public var diagnostics: [Diagnostic]

        public init(path: String, source: String, diagnostics: [Diagnostic]) {
            self.path = path
            self.source = source
            self.diagnostics = diagnostics
        }
    }

    /// `path:line:col: CODE message`, the source line with the range underlined, and for a
    /// fix its title, safety and a line diff of the fixed text. Columns are 1-based
    /// characters, as ruff prints them.
    public static func text(_ file: FileDiagnostics) -> String {
        let source = SourceText(file.source)
        var out = ""
        for diagnostic in file.diagnostics {
            let start = diagnostic.range.start
            let column = characterColumn(source, start) + 1
            out += "\(file.path):\(start.line):\(column): \(diagnostic.code) \(diagnostic.message)\n"
            let lineText = source.line(start.line)
            let gutter = String(repeating: " ", count: String(start.line).count)
            out += "\(gutter) |\n\(start.line) | \(lineText)\n"
            let endOnLine = diagnostic.range.end.line == start.line ? characterColumn(source, diagnostic.range.end) : lineText.count
            let width = max(1, endOnLine - (column - 1))
            out += "\(gutter) | \(String(repeating: " ", count: column - 1))\(String(repeating: "^", count: width)) \(diagnostic.code)\n"
            if let fix = diagnostic.fix {
                out += "\(gutter) = fix (\(fix.isSafe ? "safe" : "unsafe")): \(fix.title)\n"
                out += fixDiff(fix, source: file.source)
            }
            out += "\n"
        }
        return out
    }

    /// The lines a fix changes, before (`-`) and after (`+`).
    static func fixDiff(_ fix: Fix, source: String) -> String {
        let diagnostic = Diagnostic(code: "", name: "", severity: .hint, message: "", range: SourceText(source).point(0), fix: Fix(title: fix.title, edits: fix.edits, isSafe: true))
        let fixed = FixApplier.apply([diagnostic], to: source, includeUnsafe: true).source
        let before = source.split(separator: "\n", omittingEmptySubsequences: false)
        let after = fixed.split(separator: "\n", omittingEmptySubsequences: false)
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
              before[before.count - 1 - suffix] == after[after.count - 1 - suffix] { suffix += 1 }
        var out = ""
        for line in before[prefix..<(before.count - suffix)] { out += "    - \(line)\n" }
        for line in after[prefix..<(after.count - suffix)] { out += "    + \(line)\n" }
        return out
    }

    /// The 0-based column of a location in Unicode characters of its line.
    static func characterColumn(_ source: SourceText, _ location: SourceLocation) -> Int {
        let lineStart = location.offset - location.column
        return source.slice(lineStart, location.offset).count
    }

    /// The 0-based column in UTF-16 code units (SARIF's default `columnKind`).
    static func utf16Column(_ source: SourceText, _ location: SourceLocation) -> Int {
        let lineStart = location.offset - location.column
        return source.slice(lineStart, location.offset).utf16.count
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .information, .hint: return "note"
        }
    }

    static func region(_ range: SourceRange, _ source: SourceText) -> [String: Any] {
        ["startLine": range.start.line, "startColumn": utf16Column(source, range.start) + 1,
         "endLine": range.end.line, "endColumn": utf16Column(source, range.end) + 1]
    }

    /// A SARIF 2.1.0 log of all files' diagnostics (E999 included), with the rules' metadata
    /// and fixes, as pretty-printed JSON with sorted keys.
    public static func sarif(_ files: [FileDiagnostics], toolVersion: String) -> String {
        let rules = RuleRegistry.rules
        var ruleObjects: [[String: Any]] = rules.map { rule in
            ["id": rule.code, "name": rule.name,
             "shortDescription": ["text": rule.summary],
             "fullDescription": ["text": rule.documentation.whatItDoes],
             "help": ["text": rule.documentation.whyIsThisBad, "markdown": rule.documentation.markdown],
             "defaultConfiguration": ["level": level(rule.severity)]]
        }
        ruleObjects.append(["id": "E999", "name": "syntax-error", "shortDescription": ["text": "a syntax error"],
                            "defaultConfiguration": ["level": "error"]])
        var results: [[String: Any]] = []
        for file in files {
            let source = SourceText(file.source)
            for diagnostic in file.diagnostics {
                var result: [String: Any] = [
                    "ruleId": diagnostic.code,
                    "level": level(diagnostic.severity),
                    "message": ["text": diagnostic.message],
                    "locations": [["physicalLocation": ["artifactLocation": ["uri": file.path],
                                                        "region": region(diagnostic.range, source)]]],
                ]
                if let index = rules.firstIndex(where: { $0.code == diagnostic.code }) {
                    result["ruleIndex"] = index
                } else if diagnostic.code == "E999" {
                    result["ruleIndex"] = rules.count
                }
                if let fix = diagnostic.fix {
                    let replacements: [[String: Any]] = fix.edits.map { edit in
                        ["deletedRegion": region(edit.range, source), "insertedContent": ["text": edit.newText]]
                    }
                    result["fixes"] = [["description": ["text": fix.title],
                                        "artifactChanges": [["artifactLocation": ["uri": file.path], "replacements": replacements]]]]
                }
                if let reference = diagnostic.reference { result["properties"] = ["reference": reference, "rule": diagnostic.name] }
                results.append(result)
            }
        }
        let log: [String: Any] = [
            "version": "2.1.0",
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "runs": [["tool": ["driver": ["name": "asyncd", "version": toolVersion, "rules": ruleObjects]],
                      "columnKind": "utf16CodeUnits",
                      "results": results]],
        ]
        var out = ""
        PrettyJSON.write(log, indent: 0, into: &out)
        return out
    }
}

/// The SARIF log's JSON in the layout the report has always had (that of Foundation's
/// `JSONSerialization` with `.prettyPrinted, .sortedKeys`: two-space indent, `"key" : value`,
/// `/` escaped), written without Foundation so that the binary does not link it.
enum PrettyJSON {
    static func write(_ value: Any, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch value {
        case let object as [String: Any]:
            out += "{\n"
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out += ",\n" }
                out += pad
                string(key, into: &out)
                out += " : "
                write(object[key] ?? "", indent: indent + 2, into: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        case let array as [Any]:
            out += "[\n"
            for (index, element) in array.enumerated() {
                if index > 0 { out += ",\n" }
                out += pad
                write(element, indent: indent + 2, into: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "]"
        case let text as String: string(text, into: &out)
        case let flag as Bool: out += flag ? "true" : "false"
        case let number as Int: out += String(number)
        default: out += "null"
        }
    }

    static func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "/": out += "\\/"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
