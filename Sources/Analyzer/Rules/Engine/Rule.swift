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
    public let module: Module
    public let path: String?
    private let importedModules: [String: ModuleSummary]
    private var cachedModel: SemanticModel?
    private var cachedViolations: [ScopeViolation]?
    private var cachedFlow: CoroutineFlow?

    public init(source: SourceText, module: Module, path: String?, importedModules: [String: ModuleSummary] = [:]) {
        self.source = source
        self.module = module
        self.path = path
        self.importedModules = importedModules
    }

    public convenience init(source: SourceText, model: SemanticModel, path: String?) {
        self.init(source: source, module: model.module, path: path, importedModules: model.importedModules)
        cachedModel = model
    }

    /// The semantic model, built on first use.
    public var model: SemanticModel {
        if let cachedModel { return cachedModel }
        let result = SemanticModel(module: module, source: source, importedModules: importedModules)
        cachedModel = result
        return result
    }

    /// Whether any rule can fire on this file at all. Every rule needs an `async`/`await`
    /// keyword, an `asyncio`/`asyncpg` name (both contain "async"), an `aiohttp`, `httpx` or
    /// `aiofiles` name, or a coroutine function imported from a sibling module; a file with
    /// none of these (most files) skips the semantic model entirely.
    public var mayContainAsyncCode: Bool {
        Self.mayContainAsyncCode(source.bytes, importedModules: importedModules)
    }

    static let asyncWords = ["async", "await", "aiohttp", "httpx", "aiofiles"]

    static func mayContainAsyncCode<Bytes: RandomAccessCollection>(_ bytes: Bytes, importedModules: [String: ModuleSummary]) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        if importedModules.values.contains(where: { !$0.coroutineFunctions.isEmpty }) { return true }
        return containsAny(bytes, of: asyncWords)
    }

    static func containsAny<Bytes: RandomAccessCollection>(_ bytes: Bytes, of words: [String]) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        let needles = words.map { Array($0.utf8) }
        guard bytes.count >= 5 else { return false }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "a") || byte == UInt8(ascii: "h") {
                for needle in needles where needle[0] == byte && index + needle.count <= bytes.endIndex {
                    var matched = true
                    for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
            }
            index += 1
        }
        return false
    }

    public var scopeViolations: [ScopeViolation] {
        if let cachedViolations { return cachedViolations }
        let result = ScopeChecker.check(module)
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
        // Most quoted code is one line without surrounding blanks, short enough to keep whole.
        let bytes = source.bytes
        let lower = max(0, min(range.start.offset, bytes.count))
        let upper = max(lower, min(range.end.offset, bytes.count))
        if upper > lower, upper - lower <= limit, bytes[lower] != 0x20, bytes[lower] != 0x09,
           bytes[upper - 1] != 0x20, bytes[upper - 1] != 0x09,
           !bytes[lower..<upper].contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            return source.slice(lower, upper)
        }
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
