#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var directory = URL(fileURLWithPath: path).standardizedFileURL
        if !isDirectory(directory.path) {
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
            let line = trimmed(stripComment(String(rawLine)))
            if pendingKey != nil {
                pendingValue += " " + line
                if line.contains("]") { finish() }
                continue
            }
            if line.hasPrefix("[") {
                inTable = line.filter { $0 != " " } == "[tool.asyncd]"
                continue
            }
            guard inTable, let equals = line.firstIndex(of: "=") else { continue }
            let key = trimmed(trimmed(line[..<equals]), also: { $0 == "\"" || $0 == "'" })
            let value = trimmed(line[line.index(after: equals)...])
            pendingKey = key
            pendingValue = value
            if !value.hasPrefix("[") || value.contains("]") { finish() }
        }
        finish()
        return selection
    }

    /// `text` without leading and trailing blanks (tabs and Unicode space separators, what
    /// Foundation calls `.whitespaces`), or without the characters `also` accepts instead.
    static func trimmed<S: StringProtocol>(_ text: S, also: ((Character) -> Bool)? = nil) -> String {
        let isTrimmed = also ?? { character in
            character == "\t" || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = text.firstIndex(where: { !isTrimmed($0) }),
              let last = text.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return String(text[first...last])
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
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

extension RuleSelection {
    /// The selection `asyncd check` uses for one file: `[tool.asyncd]` of the nearest
    /// `pyproject.toml` (when `path` is known), refined by `--select` / `--ignore` from the
    /// command line (a non-empty `--select` replaces the file's `select`; ignores add up).
    /// Fails on an entry that names no rule.
    public static func effective(forPath path: String?, select: String?, ignore: String?) -> Result<RuleSelection, SelectionError> {
        switch parse(select: select, ignore: ignore) {
        case .failure(let error):
            return .failure(error)
        case .success(let commandLine):
            let base = path.flatMap { PyprojectConfig.nearest(to: $0)?.selection } ?? .all
            return .success(base.overridden(by: commandLine))
        }
    }
}
