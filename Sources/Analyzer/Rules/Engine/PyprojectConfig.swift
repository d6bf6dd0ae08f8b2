import Foundation

/// The `[tool.asyncd]` table of the nearest `pyproject.toml`, which chooses rules the way
/// ruff's `[tool.ruff.lint]` does:
///
/// ```toml
/// [tool.asyncd]
/// select = ["AIO1", "AIO2"]      # default: all rules
/// ignore = ["AIO302"]
/// ```
///
/// Only this table is read, with a small TOML subset (string arrays, possibly over several
/// lines, `#` comments); anything else in the file is ignored.
public struct PyprojectConfig: Hashable, Sendable {
    /// The `pyproject.toml` the settings came from.
    public var path: String
    public var selection: RuleSelection

    /// Walks up from `path` (a file or folder) to the nearest `pyproject.toml` and reads it; nil
    /// when there is none. A `pyproject.toml` without `[tool.asyncd]` gives the default selection.
    public static func nearest(to path: String) -> PyprojectConfig? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        var directory = URL(fileURLWithPath: path).standardizedFileURL
        if !(fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            directory = directory.deletingLastPathComponent()
        }
        for _ in 0..<64 {
            let candidate = directory.appendingPathComponent("pyproject.toml")
            if fileManager.fileExists(atPath: candidate.path),
               let data = fileManager.contents(atPath: candidate.path) {
                let text = String(decoding: data, as: UTF8.self)
                return PyprojectConfig(path: candidate.path, selection: parse(text))
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }

    /// The selection in a `pyproject.toml` text.
    public static func parse(_ text: String) -> RuleSelection {
        var inTable = false
        var selection = RuleSelection()
        var pendingKey: String?
        var pendingValue = ""
        func finish() {
            guard let key = pendingKey else { return }
            let values = strings(in: pendingValue)
            switch key {
            case "select": selection.select = values
            case "extend-select": selection.select += values
            case "ignore", "extend-ignore": selection.ignore += values
            default: break
            }
            pendingKey = nil
            pendingValue = ""
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if pendingKey != nil {
                pendingValue += " " + line
                if line.contains("]") { finish() }
                continue
            }
            if line.hasPrefix("[") {
                inTable = line.replacingOccurrences(of: " ", with: "") == "[tool.asyncd]"
                continue
            }
            guard inTable, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            pendingKey = key
            pendingValue = value
            if !value.hasPrefix("[") || value.contains("]") { finish() }
        }
        finish()
        return selection
    }

    /// The quoted strings of a TOML array.
    static func strings(in text: String) -> [String] {
        var result: [String] = []
        var current: String?
        var quote: Character = "\""
        for character in text {
            if var value = current {
                if character == quote {
                    result.append(value.uppercased())
                    current = nil
                } else {
                    value.append(character)
                    current = value
                }
            } else if character == "\"" || character == "'" {
                quote = character
                current = ""
            }
        }
        return result
    }

    /// The line without a `#` comment that is outside quotes.
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var result = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                break
            }
            result.append(character)
        }
        return result
    }
}
