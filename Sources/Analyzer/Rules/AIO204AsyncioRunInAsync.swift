/// AIO204 asyncio-run-in-async: `asyncio.run(...)` inside an `async def`, where an event loop
/// is already running. `asyncio.run` (Lib/asyncio/runners.py) raises "asyncio.run() cannot be
/// called from a running event loop" there, and the coroutine passed to it is never awaited.
public enum AIO204AsyncioRunInAsync: Rule {
    public static let code = "AIO204"
    public static let name = "asyncio-run-in-async"
    public static let severity = Severity.error
    public static let summary = "`asyncio.run(...)` inside an `async def` (a loop is already running)"
    public static let reference = QuickReferenceID.runFromSync

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks calls of `asyncio.run` (however imported) in the body of an `async def`, including comprehensions there, but not in nested plain functions or lambdas.",
        whyIsThisBad: "`asyncio.run` starts a new event loop and refuses to when one is already running in the thread: it raises `RuntimeError` and the coroutine argument is left never awaited.",
        example: "async def main():\n    result = asyncio.run(fetch())",
        useInstead: "async def main():\n    result = await fetch()",
        fixSafety: "The fix replaces `asyncio.run(x)` with `await x` when the call has exactly one argument. It is unsafe: `asyncio.run` also closes async generators and the default executor, which `await` does not.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let fixer = FixBuilder(context: context)
        var result: [Diagnostic] = []
        for visit in context.model.expressions {
            guard case .call(let function, let args, let keywords) = visit.expr.kind, SemanticModel.calleeLastName(visit.expr) == "run",
                  visit.scope.isAsyncContext,
                  context.model.qualifiedName(function, in: visit.scope) == "asyncio.run" else { continue }
            var fix: Fix?
            if args.count == 1, keywords.isEmpty, let argument = args.first {
                if case .starred = argument.kind {} else {
                    let text = "await " + context.source.text(of: argument.range)
                    let replacement = FixBuilder.needsParentheses(visit.context) ? "(\(text))" : text
                    fix = Fix(title: "Replace `asyncio.run(...)` with `await`", edits: [fixer.replace(visit.expr.range, with: replacement)], isSafe: false)
                }
            }
            result.append(diagnostic("`asyncio.run()` cannot be called from a running event loop: inside an `async def`, `await` the coroutine instead",
                                     visit.expr.range, fix: fix))
        }
        return result
    }
}
