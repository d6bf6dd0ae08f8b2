/// Small shared option parsing: `--format text|json` (or `--format=json`), flags, and `--`
/// after which everything is positional.
struct ArgumentScanner {
    var arguments: [String]
    var index = 0
    var onlyPositional = false

    init(_ arguments: [String]) { self.arguments = arguments }

    enum Item: Equatable { case option(String, String?), positional(String) }

    /// Next item; options that take a value get it from `=value` or the next argument.
    mutating func next(takesValue: Set<String>) throws(FileAccess.Failure) -> Item? {
        guard index < arguments.count else { return nil }
        let argument = arguments[index]
        index += 1
        if onlyPositional { return .positional(argument) }
        if argument == "--" {
            onlyPositional = true
            return try next(takesValue: takesValue)
        }
        guard argument.hasPrefix("-"), argument != "-" else { return .positional(argument) }
        if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
            return .option(String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
        }
        if takesValue.contains(argument) {
            guard index < arguments.count else { throw FileAccess.Failure(description: "option \(argument) needs a value") }
            index += 1
            return .option(argument, arguments[index - 1])
        }
        return .option(argument, nil)
    }
}

enum OutputFormat: String { case text, json }

extension OutputFormat {
    static func parse(_ value: String?, command: String) throws(FileAccess.Failure) -> OutputFormat {
        guard let value, let format = OutputFormat(rawValue: value) else {
            throw FileAccess.Failure(description: "\(command): --format must be 'text' or 'json'")
        }
        return format
    }
}
