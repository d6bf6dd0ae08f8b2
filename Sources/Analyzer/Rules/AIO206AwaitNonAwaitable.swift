/// AIO206 await-non-awaitable: `await` on a call that returns no awaitable — a catalogued
/// synchronous API (`await time.sleep(1)`) or a plain `def` of the file that returns `None`, a
/// literal or a generator. CPython raises "TypeError: object NoneType can't be used in 'await'
/// expression" (Objects/genobject.c, `_PyCoro_GetAwaitableIter`).
public enum AIO206AwaitNonAwaitable: Rule {
    public static let code = "AIO206"
    public static let name = "await-non-awaitable"
    public static let severity = Severity.error
    public static let summary = "`await` on a call that returns no awaitable (`await time.sleep(1)`, a plain `def` of the file)"
    public static let reference = QuickReferenceID.awaitCoroutine

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks `await f(...)` where `f` is a known synchronous API (`time.sleep`, `print`, `requests.get`, `open`, ...) or an undecorated plain `def` of the file whose every `return` gives `None`, a literal, a container or a formatted string, or which is a generator.",
        whyIsThisBad: "Only coroutines, tasks, futures and objects with `__await__` can be awaited. The synchronous call runs to completion first (blocking the loop), then `await` raises `TypeError`.",
        example: "async def main():\n    await time.sleep(1)",
        useInstead: "async def main():\n    await asyncio.sleep(1)",
        fixSafety: "For `time.sleep` the fix calls `asyncio.sleep` instead (adding `import asyncio` when missing); it is safe. Other cases have no fix: make the function `async def` or drop the `await`.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let fixer = FixBuilder(context: context)
        var result: [Diagnostic] = []
        for visit in context.model.expressions {
            guard case .await(let value) = visit.expr.kind, case .call(let function, _, _) = value.kind else { continue }
            let model = context.model
            switch model.callTarget(function, in: visit.scope) {
            case .qualified(let name) where LibraryCatalogue.nonAwaitableCalls.contains(name):
                var fix: Fix?
                if name == "time.sleep" {
                    fix = Fix(title: "Use `asyncio.sleep`", edits: fixer.withAsyncioImport([fixer.replace(function.range, with: "asyncio.sleep")]), isSafe: true)
                }
                result.append(diagnostic("`\(name)()` does not return an awaitable: `await` on it raises TypeError" +
                                         (name == "time.sleep" ? "; use `asyncio.sleep`" : ""), visit.expr.range, fix: fix))
            case .fileFunction(_, let defScope) where defScope.isAsyncFunction:
                continue  // (`nonAwaitableReason` is nil for an `async def`; this skips copying the `def` out)
            case .fileFunction(let def, let defScope):
                guard let why = nonAwaitableReason(def, scope: defScope, model: model) else { continue }
                result.append(diagnostic("`\(def.name)()` is a plain function that \(why), which cannot be awaited: make it `async def` or drop the `await`",
                                         visit.expr.range))
            default:
                continue
            }
        }
        return result
    }

    /// Why calling `def` gives something that cannot be awaited, or nil when it might be awaitable.
    static func nonAwaitableReason(_ def: FunctionDef, scope: Scope, model: SemanticModel) -> String? {
        guard !def.isAsync, def.decoratorList.isEmpty else { return nil }
        if model.containsYield(def, scope: scope) { return "returns a generator" }
        var literal = false
        var unknown = false
        ASTChildren.forEachStatement(in: def.body) { stmt in
            guard case .return(let value) = stmt.kind, let value else { return }
            switch value.kind {
            case .constant(.none, _): break
            case .constant, .joinedStr, .list, .tuple, .dict, .set, .listComp, .setComp, .dictComp, .compare, .binOp:
                literal = true
            default:
                unknown = true
            }
        }
        if unknown { return nil }
        return literal ? "returns a plain value" : "returns None"
    }
}
