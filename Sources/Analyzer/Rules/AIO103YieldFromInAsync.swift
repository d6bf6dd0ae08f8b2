/// AIO103 yield-from-in-async: `yield from` inside an `async def`, which CPython's `compile()`
/// refuses ("'yield from' inside async function").
public enum AIO103YieldFromInAsync: Rule {
    public static let code = "AIO103"
    public static let name = "yield-from-in-async"
    public static let severity = Severity.error
    public static let summary = "`yield from` inside an `async def`"
    public static let reference = QuickReferenceID.asyncFunction

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks `yield from` directly in the body of an `async def` (not in a nested `def` or `lambda`).",
        whyIsThisBad: "An `async def` that yields is an asynchronous generator, and asynchronous generators cannot delegate with `yield from`. CPython refuses to compile the file. Old generator-based coroutines used `yield from` where modern code uses `await`.",
        example: "async def numbers(source):\n    yield from source",
        useInstead: "async def numbers(source):\n    for item in source:\n        yield item",
        fixSafety: "No fix is offered: whether `await` or an explicit loop is meant depends on the code.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.scopeViolations.compactMap { violation in
            guard violation.kind == .yieldFromInAsync else { return nil }
            return diagnostic(violation.kind.cpythonMessage, violation.range)
        }
    }
}
