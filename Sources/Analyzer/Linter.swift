// The public face of the analyzer: run the rules over a file. `asyncd check`, `asyncd rules`
// and the daemon's `async/analyze`, code actions and diagnostics call only these.

/// Which rules run: `select` (empty means all) minus `ignore`; codes or prefixes (`AIO2`).
public struct RuleSelection: Hashable, Sendable {
    public var select: [String]
    public var ignore: [String]

    public init(select: [String] = [], ignore: [String] = []) {
        self.select = select
        self.ignore = ignore
    }

    public static let all = RuleSelection()
}

/// What `asyncd rules` prints for one rule: its code, name, default severity and documentation
/// (Markdown with ruff's headings: what it does, why is this bad, example, use instead, fix safety).
public struct RuleInfo: Hashable, Sendable {
    public var code: String
    public var name: String
    public var severity: Severity
    public var summary: String
    public var documentation: String

    public init(code: String, name: String, severity: Severity, summary: String, documentation: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.documentation = documentation
    }
}

public enum Linter {
    /// Every rule, sorted by code.
    public static var rules: [RuleInfo] { [] }

    /// Syntax errors and rule diagnostics for one file, sorted by position; `# noqa` applied.
    /// `path` is used for messages and for resolving sibling-module imports when known.
    public static func check(source: String, path: String? = nil, selection: RuleSelection = .all) throws -> [Diagnostic] {
        throw NotImplementedYet("the analyzer")
    }
}
