/// AIO202 coroutine-used-as-value: a coroutine object is used as if it were its result —
/// the seed's "Mistake 1 — Forgetting to await a coroutine" (`result = fetch_data(1)` then
/// `print(result)`).
public enum AIO202CoroutineUsedAsValue: Rule {
    public static let code = "AIO202"
    public static let name = "coroutine-used-as-value"
    public static let severity = Severity.warning
    public static let summary = "a coroutine object is used as if it were its result (`print(result)`, `result[\"id\"]`, `result + 1`)"
    public static let reference = QuickReferenceID.forgotAwait

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks the first place where a coroutine object, directly or through the name holding it, is used as a value before it is handled: printed or converted (`print`, `str`, `len`, f-strings), indexed, compared, used in arithmetic, iterated over, tested for truth, or read for an attribute. The diagnostic points at the use; the fix inserts `await` where the coroutine is created.",
        whyIsThisBad: "The name holds a `<coroutine object ...>`, not the data: `result[\"id\"]` raises `TypeError`, `print(result)` prints the object's repr, and the coroutine's body never runs (CPython later warns it was never awaited).",
        example: "async def main():\n    result = fetch_data(1)  # forgot await\n    print(result)           # <coroutine object fetch_data ...>",
        useInstead: "async def main():\n    result = await fetch_data(1)\n    print(result)",
        fixSafety: "Inside an `async def`, the fix inserts `await` where the coroutine is created. It is safe when the coroutine is not handled anywhere later (otherwise that later `await` would await the result); it is not offered in synchronous code.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let fixer = FixBuilder(context: context)
        return context.coroutineFlow.usedAsValue.map { use in
            let call = context.snippet(use.call.range)
            let message: String
            if let name = use.name {
                message = "`\(name)` holds the coroutine `\(call)`, not its result: it is \(use.how) before being awaited (missing `await`?)"
            } else {
                message = "coroutine `\(call)` is \(use.how) instead of its result (missing `await`?)"
            }
            var fix: Fix?
            if use.scope.isAsyncContext {
                let parenthesize = use.name == nil && FixBuilder.needsParentheses(use.callContext)
                fix = Fix(title: "Insert `await`", edits: fixer.awaitEdits(for: use.call, parenthesize: parenthesize), isSafe: !use.handledLater)
            }
            return diagnostic(message, use.useRange, fix: fix)
        }
    }
}
