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

    /// Whether the rule `code` runs. `ALL` selects everything; the longest matching prefix
    /// wins, as in ruff, so `--select AIO2 --ignore AIO201` and `--ignore AIO2 --select AIO201`
    /// both do what they say.
    public func includes(_ code: String) -> Bool {
        let code = code.uppercased()
        func longest(_ prefixes: [String]) -> Int {
            prefixes.map { $0.uppercased() }.filter { $0 == "ALL" || code.hasPrefix($0) }
                .map { $0 == "ALL" ? 0 : $0.count }.max() ?? -1
        }
        let selected = select.isEmpty ? 0 : longest(select)
        let ignored = longest(ignore)
        return selected >= 0 && selected > ignored
    }

    /// Parses comma- or space-separated lists as given to `--select` / `--ignore`; nil with a
    /// message when an entry matches no rule.
    public static func parse(select: String?, ignore: String?) -> Result<RuleSelection, SelectionError> {
        func entries(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map { String($0).uppercased() }
        }
        let selection = RuleSelection(select: entries(select), ignore: entries(ignore))
        for entry in selection.select + selection.ignore where entry != "ALL" {
            if !Linter.rules.contains(where: { $0.code.hasPrefix(entry) }) {
                return .failure(SelectionError(entry: entry))
            }
        }
        return .success(selection)
    }

    /// This selection refined by another (command-line options over `pyproject.toml`):
    /// a non-empty `select` replaces, `ignore` lists add up.
    public func overridden(by other: RuleSelection) -> RuleSelection {
        RuleSelection(select: other.select.isEmpty ? select : other.select, ignore: ignore + other.ignore)
    }
}

public struct SelectionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var entry: String
    public var description: String { "unknown rule code or prefix '\(entry)' (see `asyncd rules`)" }
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
    public static var rules: [RuleInfo] { RuleRegistry.rules.map { $0.info } }

    /// Syntax errors and rule diagnostics for one file, sorted by position; `# noqa` applied.
    /// `path` is used for messages and for resolving sibling-module imports when known.
    public static func check(source: String, path: String? = nil, selection: RuleSelection = .all) throws -> [Diagnostic] {
        let parsed = try PythonFrontEnd.parse(source)
        return check(parsed: parsed, source: source, path: path, selection: selection, importedModules: [:])
    }

    /// The diagnostics of an already parsed file; `importedModules` are summaries of the
    /// sibling modules it imports (see `Workspace`).
    public static func check(parsed: ParseResult, source: String, path: String?, selection: RuleSelection,
                             importedModules: [String: ModuleSummary]) -> [Diagnostic] {
        check(parsed: parsed, source: source, path: path, selection: selection, importedModules: importedModules, gated: true)
    }

    /// `gated: false` runs every rule even on files that cannot contain async code (the tests
    /// use it to show that the gate never hides a finding).
    static func check(parsed: ParseResult, source: String, path: String?, selection: RuleSelection,
                      importedModules: [String: ModuleSummary], gated: Bool) -> [Diagnostic] {
        var keepAlive: RuleContext?
        return check(parsed: parsed, source: source, path: path, selection: selection, importedModules: importedModules,
                     gated: gated, keepAlive: &keepAlive)
    }

    /// `keepAlive` receives the rules' context (the semantic model and everything it built), so
    /// that a caller in a hurry can free it later, off its critical path.
    ///
    /// `hasAsyncWords`, when the caller already knows it (`Workspace.check` finds it in its first
    /// pass), is whether the source contains one of `RuleContext.asyncWords`, the byte scan of
    /// the async-code gate.
    /// `source` is only evaluated when the rules run or there is something to report (a
    /// `Workspace.File` known by its bytes makes its text then).
    static func check(parsed: ParseResult, source: @autoclosure () -> String, path: String?, selection: RuleSelection,
                      importedModules: [String: ModuleSummary], gated: Bool, hasAsyncWords: Bool? = nil,
                      keepAlive: inout RuleContext?) -> [Diagnostic] {
        var diagnostics = parsed.diagnostics
        let mayBeAsync: Bool
        if let hasAsyncWords {
            mayBeAsync = hasAsyncWords || importedModules.values.contains(where: { !$0.coroutineFunctions.isEmpty })
        } else {
            let source = source()
            mayBeAsync = source.utf8.withContiguousStorageIfAvailable {
                RuleContext.mayContainAsyncCode($0, importedModules: importedModules)
            } ?? RuleContext.mayContainAsyncCode(Array(source.utf8), importedModules: importedModules)
        }
        var text: SourceText?
        if !gated || mayBeAsync {
            let sourceText = SourceText(source())
            text = sourceText
            let context = RuleContext(source: sourceText, module: parsed.module, path: path, importedModules: importedModules)
            keepAlive = context
            diagnostics += LargeStack.run {
                RuleRegistry.rules.filter { selection.includes($0.code) }.flatMap { $0.check(context) }
            }
        }
        if diagnostics.isEmpty { return [] }
        let sourceText = text ?? SourceText(source())
        // The lexer's comments when the front end gives them (exact, f-strings included),
        // else the comment scanner.
        let noqa = parsed.comments.isEmpty ? NoqaDirectives(source: sourceText) : NoqaDirectives(source: sourceText, commentRanges: parsed.comments)
        diagnostics.removeAll { noqa.suppresses($0) }
        return diagnostics.sorted {
            ($0.range.start.offset, $0.range.end.offset, $0.code) < ($1.range.start.offset, $1.range.end.offset, $1.code)
        }
    }

    /// The names a module offers to its siblings: top-level coroutine functions and plain functions.
    public static func summary(of module: Module) -> ModuleSummary {
        var summary = ModuleSummary()
        for stmt in module.body {
            guard case .functionDef(let def) = stmt.kind else { continue }
            let transparent = def.decoratorList.isEmpty
            if def.isAsync && transparent && !ASTChildren.containsYield(def.body) {
                summary.coroutineFunctions.insert(def.name)
            } else if !def.isAsync {
                summary.plainFunctions.insert(def.name)
            }
        }
        return summary
    }
}

/// An analysis for a language server: the diagnostics, and what it needs to tell whether a
/// later edit that only touches a comment can change them (`CommentMap`).
public struct FileAnalysis: Sendable {
    public var diagnostics: [Diagnostic]
    public var comments: CommentMap
    /// The number literals whose digits may change without a new analysis (see `LiteralMap`).
    public var literals: LiteralMap
    /// The syntax tree, semantic model and rule state behind the diagnostics. Freeing them takes
    /// a good part of an analysis' time; holding this lets a language server free them after it
    /// has published the diagnostics (by dropping it), not before.
    public var retained: RetainedAnalysis
}

/// See `FileAnalysis.retained`. Nothing in it is read again; it is only ever released.
public final class RetainedAnalysis: @unchecked Sendable {
    private var parsed: ParseResult?
    private var context: RuleContext?

    init(parsed: ParseResult?, context: RuleContext?) {
        self.parsed = parsed
        self.context = context
    }
}

/// The comments of an analysed text, in source order, each with whether it lies inside an
/// expression. Diagnostics depend on a comment's text only through `# noqa`, a coding
/// declaration on the first two lines, and the source text of expressions that messages and
/// fixes quote — and only a comment inside an expression's range can be part of such a quote.
public struct CommentMap: Sendable, Equatable {
    public var ranges: [Range<Int>]
    public var insideExpression: [Bool]

    public init(ranges: [Range<Int>], insideExpression: [Bool]) {
        self.ranges = ranges
        self.insideExpression = insideExpression
    }

    init(comments: [Range<Int>], module: Module) {
        ranges = comments
        insideExpression = Array(repeating: false, count: comments.count)
        guard !comments.isEmpty else { return }
        mark(module.body, depth: 0)
    }

    /// Marks the comments within the range of each statement-level expression (every nested
    /// expression lies within its statement-level ancestor's range).
    private mutating func mark(_ body: [Stmt], depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        for stmt in body {
            // A comment runs to the end of its line, so only an expression that goes on to a
            // later line can hold one: single-line statements (most of them) are skipped.
            guard stmt.range.start.line < stmt.range.end.line else { continue }
            ASTChildren.forEachExpression(of: stmt) { expr in
                if expr.range.start.line < expr.range.end.line { markComments(from: expr.range.start.offset, to: expr.range.end.offset) }
            }
            ASTChildren.forEachBlock(of: stmt) { block in mark(block, depth: depth + 1) }
            if let inner = ASTChildren.scopeBody(of: stmt) { mark(inner, depth: depth + 1) }
        }
    }

    private mutating func markComments(from start: Int, to end: Int) {
        guard start < end else { return }
        // The first comment starting after `start` (comments are sorted and disjoint).
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound <= start { low = mid + 1 } else { high = mid }
        }
        var index = low
        while index < ranges.count, ranges[index].lowerBound < end {
            insideExpression[index] = true
            index += 1
        }
    }
}

extension Linter {
    /// One file of a language server's workspace: its diagnostics, with sibling-module imports
    /// resolved against `knownModules` (file path → summary) as `Workspace.check` resolves them,
    /// and its `CommentMap`. Without a path: no imports are resolved.
    public static func analyze(source: String, path: String?, knownModules: [String: ModuleSummary],
                               selection: RuleSelection) throws -> FileAnalysis {
        let parsed = try PythonFrontEnd.parse(source)
        var imported: [String: ModuleSummary] = [:]
        if let path {
            let folders = Workspace.Folders(knownModules.map { modulePath, summary in
                let (folder, module) = Workspace.split(Workspace.normalized(modulePath))
                return (folder, module, summary)
            })
            imported = Workspace.importNames(location: Workspace.split(Workspace.normalized(path)),
                                             module: parsed.module, folders: folders)
        }
        var context: RuleContext?
        let diagnostics = check(parsed: parsed, source: source, path: path, selection: selection, importedModules: imported,
                                gated: true, keepAlive: &context)
        let literals = LiteralMap(module: parsed.module, syntaxErrors: !parsed.diagnostics.isEmpty, diagnostics: diagnostics)
        return FileAnalysis(diagnostics: diagnostics, comments: CommentMap(comments: parsed.comments, module: parsed.module),
                            literals: literals, retained: RetainedAnalysis(parsed: parsed, context: context))
    }
}
