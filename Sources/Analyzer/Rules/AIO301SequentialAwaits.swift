/// AIO301 sequential-awaits: consecutive independent awaits that `asyncio.gather` could run
/// concurrently — the seed's "Mistake 3 — Confusing sequential await with concurrent execution".
public enum AIO301SequentialAwaits: Rule {
    public static let code = "AIO301"
    public static let name = "sequential-awaits"
    public static let severity = Severity.hint
    public static let summary = "consecutive independent awaits that `asyncio.gather` could run concurrently"
    public static let reference = QuickReferenceID.sequentialAwait

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks two or more consecutive statements of the form `x = await f(...)` or `await f(...)` in an `async def` where no later call reads a name an earlier statement assigns, and the calls are not ordering-sensitive (`asyncio.sleep`, lock, queue, event and stream methods, methods that start, open, connect, serve, stop or close something, or methods of one shared receiver other than an HTTP client).",
        whyIsThisBad: "`await` waits for each call to finish before the next starts, so independent I/O runs one after the other; `asyncio.gather` runs them concurrently and takes as long as the slowest.",
        example: "async def main():\n    result1 = await fetch(url1)\n    result2 = await fetch(url2)",
        useInstead: "async def main():\n    result1, result2 = await asyncio.gather(fetch(url1), fetch(url2))",
        fixSafety: "The fix rewrites the statements into one `asyncio.gather(...)` (adding `import asyncio` when missing). It is unsafe: the calls then interleave, which changes behaviour when they share state or when an exception in one should have prevented the next.")

    /// Method names whose calls depend on what happened before them.
    static let orderSensitiveMethods: Set<String> = [
        "acquire", "release", "wait", "wait_for", "join", "drain", "close", "aclose", "wait_closed", "commit",
        "rollback", "sleep", "start", "stop", "shutdown", "connect", "cancel", "send", "recv", "flush", "put", "get_nowait",
        "put_nowait", "readline", "readexactly", "readuntil", "write", "begin", "login", "logout",
    ]
    /// Method-name prefixes that set something up or tear it down for what follows.
    static let orderSensitivePrefixes = ["start", "stop", "connect", "open", "close", "setup", "set_up", "init", "login", "serve", "shutdown"]
    static let concurrencySafeReceivers: Set<String> = ["httpx.AsyncClient", "aiohttp.ClientSession"]

    struct Candidate {
        let stmt: Stmt
        let call: Expr
        /// The target's text (`result1`, `a, b`), or nil for a bare `await` statement.
        let target: Expr?
        /// Names (a handful at most: plain arrays beat hashing them into sets).
        let assigned: [String]
        let read: [String]
        let receiverRoot: String?
        let receiverIsSafe: Bool
    }

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for scope in context.model.functionScopes where scope.isAsyncFunction {
            guard let def = scope.functionDef else { continue }
            forEachBlock(def.body, depth: 0) { block in
                result += checkBlock(block, scope: scope, context: context)
            }
        }
        return result
    }

    static func forEachBlock(_ body: [Stmt], depth: Int, _ visit: ([Stmt]) -> Void) {
        guard depth < ASTChildren.maxDepth else { return }
        visit(body)
        for stmt in body {
            ASTChildren.forEachBlock(of: stmt) { block in forEachBlock(block, depth: depth + 1, visit) }
        }
    }

    static func checkBlock(_ block: [Stmt], scope: Scope, context: RuleContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var run: [Candidate] = []
        func flush() {
            if run.count >= 2 { diagnostics.append(report(run, context: context)) }
            run = []
        }
        for stmt in block {
            guard let candidate = candidate(stmt, scope: scope, context: context) else {
                flush()
                continue
            }
            let independent = !run.contains(where: { earlier in shareAName(candidate.read, earlier.assigned) || shareAName(candidate.assigned, earlier.assigned) })
                && !run.contains(where: { earlier in
                    guard let root = candidate.receiverRoot, root == earlier.receiverRoot else { return false }
                    return !(candidate.receiverIsSafe && earlier.receiverIsSafe)
                })
                && !run.contains(where: { shareAName($0.read, candidate.assigned) })
            if !independent { flush() }
            run.append(candidate)
        }
        flush()
        return diagnostics
    }

    static func candidate(_ stmt: Stmt, scope: Scope, context: RuleContext) -> Candidate? {
        let awaited: Expr
        var target: Expr?
        switch stmt.kind {
        case .expr(let value):
            awaited = value
        case .assign(let targets, let value, _):
            guard targets.count == 1 else { return nil }
            awaited = value
            target = targets[0]
        default:
            return nil
        }
        guard case .await(let call) = awaited.kind, case .call(let function, _, _) = call.kind else { return nil }
        var assigned: [String] = []
        if let target {
            guard collectNames(target, into: &assigned) else { return nil }
        }
        let model = context.model
        var receiverRoot: String?
        var receiverIsSafe = false
        switch model.callTarget(function, in: scope) {
        case .fileFunction(_, let defScope):
            guard model.isCoroutineFunction(scope: defScope) else { return nil }
        case .qualified(let name):
            if name == "asyncio.sleep" || name == "asyncio.gather" || name == "asyncio.wait" || name == "asyncio.wait_for" { return nil }
            if LibraryCatalogue.nonAwaitableCalls.contains(name) { return nil }
        case .fileClass:
            return nil
        default:
            break
        }
        if case .attribute(let receiver, let attr, _) = function.kind {
            if orderSensitiveMethods.contains(attr) || orderSensitivePrefixes.contains(where: { attr.hasPrefix($0) }) { return nil }
            var root = receiver
            while case .attribute(let inner, _, _) = root.kind { root = inner }
            if case .name(let id, _) = root.kind {
                receiverRoot = id
                if case .library(let type)? = model.valueType(receiver, in: scope) { receiverIsSafe = concurrencySafeReceivers.contains(type) }
                // A module (`api.fetch(...)`) is not shared state.
                if let binding = model.lookup(id, in: scope, at: receiver.range.start.offset), case .importModule = binding.kind {
                    receiverRoot = nil
                }
            } else {
                return nil
            }
        }
        var read: [String] = []
        ASTChildren.forEachExpression(call) { expr in
            if case .name(let id, _) = expr.kind, !read.contains(id) { read.append(id) }
        }
        return Candidate(stmt: stmt, call: call, target: target, assigned: assigned, read: read,
                         receiverRoot: receiverRoot, receiverIsSafe: receiverIsSafe)
    }

    static func shareAName(_ a: [String], _ b: [String]) -> Bool {
        a.contains(where: { b.contains($0) })
    }

    /// Collects the names of a target made only of names (and tuples/lists of them).
    static func collectNames(_ target: Expr, into names: inout [String]) -> Bool {
        switch target.kind {
        case .name(let id, _):
            if !names.contains(id) { names.append(id) }
            return true
        case .tuple(let elts, _), .list(let elts, _):
            for elt in elts { guard collectNames(elt, into: &names) else { return false } }
            return true
        default:
            return false
        }
    }

    static func report(_ run: [Candidate], context: RuleContext) -> Diagnostic {
        guard let first = run.first, let last = run.last else {
            return diagnostic("", context.source.point(0))
        }
        let range = SourceRange(start: first.stmt.range.start, end: last.stmt.range.end)
        let calls = run.map { context.snippet($0.call.range, limit: 30) }.joined(separator: ", ")
        let message = "\(run.count) independent awaits run one after another (\(calls)): `asyncio.gather` would run them concurrently"
        return diagnostic(message, range, fix: gatherFix(run, context: context))
    }

    /// Replaces the first statement with the `gather` and removes the others; comments that
    /// follow the statements on their lines are kept.
    static func gatherFix(_ run: [Candidate], context: RuleContext) -> Fix? {
        let source = context.source
        let fixer = FixBuilder(context: context)
        // Each statement alone on its lines (no `a = await x; b = await y`).
        let bytes = source.bytes
        for candidate in run {
            let start = max(0, min(candidate.stmt.range.start.offset, bytes.count))
            let lineStart = source.lineStart(at: start)
            guard bytes[lineStart..<max(lineStart, start)].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
            // What follows on the line is nothing or a comment (`restOfLine`'s text is empty or starts with `#`).
            var index = max(0, min(candidate.stmt.range.end.offset, bytes.count))
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "#"), bytes[index + 1] >= 0x80 {
                // `#` and a combining mark are one Character: ask the String as before.
                let rest = restOfLine(after: candidate.stmt.range.end.offset, source: source)
                guard rest.text.isEmpty || rest.text.hasPrefix("#") else { return nil }
                continue
            }
            guard index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == UInt8(ascii: "#") else { return nil }
        }
        guard let first = run.first else { return nil }
        let calls = run.map { source.text(of: $0.call.range) }.joined(separator: ", ")
        var text = "await asyncio.gather(\(calls))"
        if run.contains(where: { $0.target != nil }) {
            let targets = run.map { candidate -> String in
                guard let target = candidate.target else { return "_" }
                let targetText = source.text(of: target.range)
                if case .tuple = target.kind, !targetText.hasPrefix("(") { return "(\(targetText))" }
                return targetText
            }
            text = targets.joined(separator: ", ") + " = " + text
        }
        var edits = [fixer.replace(first.stmt.range, with: text)]
        for candidate in run.dropFirst() {
            let range = candidate.stmt.range
            let rest = restOfLine(after: range.end.offset, source: source)
            if rest.text.isEmpty {
                // Remove the whole line, indentation and line end included.
                let lineStart = source.lineStart(at: range.start.offset)
                edits.append(TextEdit(range: source.range(lineStart, rest.nextLineStart), newText: ""))
            } else {
                // Keep the comment, in place of the statement.
                edits.append(TextEdit(range: source.range(range.start.offset, rest.commentStart), newText: ""))
            }
        }
        return Fix(title: "Run them concurrently with `asyncio.gather`", edits: fixer.withAsyncioImport(edits), isSafe: false)
    }

    /// What follows `offset` on its line: the trimmed text, where a comment starts, and where the next line starts.
    static func restOfLine(after offset: Int, source: SourceText) -> (text: String, commentStart: Int, nextLineStart: Int) {
        let bytes = source.bytes
        var index = max(0, min(offset, bytes.count))
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        let commentStart = index
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        var next = end
        if next < bytes.count, bytes[next] == UInt8(ascii: "\r") { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "\n") { next += 1 }
        return (source.slice(index, end), commentStart, next)
    }
}
