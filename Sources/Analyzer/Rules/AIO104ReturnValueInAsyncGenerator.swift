/// AIO104 return-value-in-async-generator: `return <value>` inside an `async def` that also
/// `yield`s; CPython's `compile()` refuses it ("'return' with value in async generator").
public enum AIO104ReturnValueInAsyncGenerator: Rule {
    public static let code = "AIO104"
    public static let name = "return-value-in-async-generator"
    public static let severity = Severity.error
    public static let summary = "`return <value>` inside an `async def` that also `yield`s"
    public static let reference = QuickReferenceID.asyncFunction

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks every `return` with a value (even `return None`) in an `async def` whose own body contains `yield`, wherever the `return` stands. Yields in nested functions, lambdas and generator expressions do not count.",
        whyIsThisBad: "An asynchronous generator ends with `StopAsyncIteration`, which carries no value, so CPython refuses to compile a `return` with a value in one.",
        example: "async def ticks(n):\n    for i in range(n):\n        yield i\n    return n",
        useInstead: "async def ticks(n):\n    for i in range(n):\n        yield i\n    return",
        fixSafety: "No fix is offered: the returned value would have to go somewhere else.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.scopeViolations.compactMap { violation in
            guard violation.kind == .returnValueInAsyncGenerator else { return nil }
            return diagnostic(violation.kind.cpythonMessage, violation.range)
        }
    }
}
