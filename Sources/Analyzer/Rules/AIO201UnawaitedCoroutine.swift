/// AIO201 unawaited-coroutine: inside a coroutine, a coroutine is created and then dropped —
/// never awaited, scheduled, returned or stored (see `CoroutineFlow` for what counts as handled).
/// At run time CPython reports these with "RuntimeWarning: coroutine '...' was never awaited".
public enum AIO201UnawaitedCoroutine: Rule {
    public static let code = "AIO201"
    public static let name = "unawaited-coroutine"
    public static let severity = Severity.warning
    public static let summary = "a coroutine is created and then dropped: never awaited, scheduled, returned or stored"
    public static let reference = QuickReferenceID.forgotAwait

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks a call of a coroutine function (an `async def` of the file, a sibling module's, or a catalogued library coroutine such as `asyncio.sleep`) inside an `async def` whose coroutine is dropped: discarded as a statement, bound to `_` or to a name that is never handled, tested in an `if` (a coroutine object is always true), or only inspected with `type()`. A coroutine is handled when it is awaited, returned, yielded, passed to a call, or stored in a container or attribute.",
        whyIsThisBad: "Calling a coroutine function only creates a coroutine object; its body never runs. CPython warns `RuntimeWarning: coroutine 'fetch' was never awaited` when the object is garbage-collected, long after the mistake.",
        example: "async def main():\n    save_report(data)      # never runs\n    _ = notify(user)       # never runs either\n    if is_ready():         # always true\n        ...",
        useInstead: "async def main():\n    await save_report(data)\n    await notify(user)\n    if await is_ready():\n        ...",
        fixSafety: "The fix inserts `await`. It is safe: the coroutine's body runs where the author evidently meant it to. There is no fix when the coroutine is only inspected.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let fixer = FixBuilder(context: context)
        return context.coroutineFlow.dropped.compactMap { dropped in
            guard !dropped.isTask, dropped.scope.isAsyncContext else { return nil }
            let call = context.snippet(dropped.call.range)
            let message: String
            switch dropped.reason {
            case .discarded:
                message = "coroutine `\(call)` is created and dropped: it never runs (missing `await`?)"
            case .truthTest:
                message = "coroutine `\(call)` is tested for truth: a coroutine object is always true and its body never runs (missing `await`?)"
            case .inspectedOnly:
                message = "coroutine `\(call)` is only inspected, never awaited: its body never runs"
            case .boundButNeverHandled(let name):
                message = "coroutine `\(call)` is assigned to `\(name)` and then dropped: it is never awaited, scheduled, returned or stored"
            }
            var fix: Fix?
            if dropped.reason != .inspectedOnly {
                fix = Fix(title: "Insert `await`", edits: fixer.awaitEdits(for: dropped.call, parenthesize: false), isSafe: true)
            }
            return diagnostic(message, dropped.call.range, fix: fix)
        }
    }
}
