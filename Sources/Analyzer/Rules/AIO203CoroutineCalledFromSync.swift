/// AIO203 coroutine-called-from-sync: a coroutine function called from synchronous code where
/// nothing will run the result — the seed's Rules row "Run from sync code":
/// `main()` → nothing runs; `asyncio.run(main())` is right.
public enum AIO203CoroutineCalledFromSync: Rule {
    public static let code = "AIO203"
    public static let name = "coroutine-called-from-sync"
    public static let severity = Severity.warning
    public static let summary = "a coroutine function called from synchronous code where nothing will run it (`main()` instead of `asyncio.run(main())`)"
    public static let reference = QuickReferenceID.runFromSync

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks a call of a coroutine function at module level, in a class body, a plain `def` or a `lambda` whose coroutine is dropped: not passed to `asyncio.run`, `loop.run_until_complete` or any other call, not returned, not stored.",
        whyIsThisBad: "Outside a coroutine there is no `await`: calling `main()` only creates a coroutine object, so the program does nothing and CPython warns `coroutine 'main' was never awaited`.",
        example: "async def main():\n    ...\n\nif __name__ == \"__main__\":\n    main()",
        useInstead: "import asyncio\n\nasync def main():\n    ...\n\nif __name__ == \"__main__\":\n    asyncio.run(main())",
        fixSafety: "The fix wraps the call in `asyncio.run(...)` (adding `import asyncio` when missing). It is safe for a statement at module level; inside a function it is unsafe, because that function may itself be called while an event loop runs.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let fixer = FixBuilder(context: context)
        return context.coroutineFlow.dropped.compactMap { dropped in
            guard !dropped.isTask, !dropped.scope.isAsyncContext else { return nil }
            let call = context.snippet(dropped.call.range)
            let message: String
            switch dropped.reason {
            case .boundButNeverHandled(let name):
                message = "coroutine `\(call)` is created in synchronous code and assigned to `\(name)`, but nothing runs it: use `asyncio.run(\(call))`"
            default:
                message = "`\(call)` only creates a coroutine: nothing runs it from synchronous code; use `asyncio.run(\(call))`"
            }
            var fix: Fix?
            if dropped.reason != .inspectedOnly {
                let atModule = dropped.scope.executionScope.kind == .module && dropped.reason == .discarded
                let edits = fixer.withAsyncioImport([fixer.insert("asyncio.run(", at: dropped.call.range.start.offset),
                                                     fixer.insert(")", at: dropped.call.range.end.offset)])
                fix = Fix(title: "Run it with `asyncio.run(...)`", edits: edits, isSafe: atModule)
            }
            return diagnostic(message, dropped.call.range, fix: fix)
        }
    }
}
