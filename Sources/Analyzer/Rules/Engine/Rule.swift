/// One async lint rule: its identity, its documentation and its check. Each rule lives in its
/// own file under `Rules/` (ruff's `rules/<linter>/rules/<rule>.rs` layout) and defines its
/// message texts there; `RuleRegistry` lists them all.
public protocol Rule: Sendable {
    static var code: String { get }
    /// Kebab-case name, as in the contract's Rules table.
    static var name: String { get }
    static var severity: Severity { get }
    /// One line: what the rule marks.
    static var summary: String { get }
    static var documentation: RuleDocumentation { get }
    /// The quick-reference entry (`async/lookup` id) that explains this rule's findings.
    static var reference: String { get }
    static func check(_ context: RuleContext) -> [Diagnostic]
}

/// A rule's documentation with ruff's headings; `asyncd rules CODE` prints `markdown`.
public struct RuleDocumentation: Hashable, Sendable {
    public var whatItDoes: String
    public var whyIsThisBad: String
    public var example: String
    public var useInstead: String
    public var fixSafety: String

    public init(whatItDoes: String, whyIsThisBad: String, example: String, useInstead: String, fixSafety: String) {
        self.whatItDoes = whatItDoes
        self.whyIsThisBad = whyIsThisBad
        self.example = example
        self.useInstead = useInstead
        self.fixSafety = fixSafety
    }

    public var markdown: String {
        """
        ## What it does
        \(whatItDoes)

        ## Why is this bad?
        \(whyIsThisBad)

        ## Example
        ```python
        \(example)
        ```

        Use instead:
        ```python
        \(useInstead)
        ```

        ## Fix safety
        \(fixSafety)
        """
    }
}

extension Rule {
    public static var info: RuleInfo {
        RuleInfo(code: code, name: name, severity: severity, summary: summary,
                 documentation: "# \(code) \(name)\n\n\(summary)\n\n" + documentation.markdown + "\n\nQuick reference: `\(reference)`\n")
    }

    /// A diagnostic of this rule.
    static func diagnostic(_ message: String, _ range: SourceRange, fix: Fix? = nil, reference: String? = nil) -> Diagnostic {
        Diagnostic(code: code, name: name, severity: severity, message: message, range: range, fix: fix,
                   reference: reference ?? self.reference)
    }
}

/// Everything a rule may read about one file; the expensive analyses are computed once, lazily.
public final class RuleContext {
    public let source: SourceText
    public let model: SemanticModel
    public let path: String?
    private var cachedViolations: [ScopeViolation]?
    private var cachedFlow: CoroutineFlow?

    public init(source: SourceText, model: SemanticModel, path: String?) {
        self.source = source
        self.model = model
        self.path = path
    }

    public var scopeViolations: [ScopeViolation] {
        if let cachedViolations { return cachedViolations }
        let result = ScopeChecker.check(model.module)
        cachedViolations = result
        return result
    }

    public var coroutineFlow: CoroutineFlow {
        if let cachedFlow { return cachedFlow }
        let result = CoroutineFlow(model: model)
        cachedFlow = result
        return result
    }

    /// The source text of a node, shortened for messages.
    public func snippet(_ range: SourceRange, limit: Int = 60) -> String {
        let text = source.text(of: range)
        let oneLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: " \t") }.joined(separator: " ")
        if oneLine.count <= limit { return oneLine }
        return String(oneLine.prefix(limit - 1)) + "…"
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
