/// AIO102 async-syntax-outside-async: `async for`, `async with` or an asynchronous list, set or
/// dict comprehension outside an `async def` body, which CPython's `compile()` refuses.
public enum AIO102AsyncSyntaxOutsideAsync: Rule {
    public static let code = "AIO102"
    public static let name = "async-syntax-outside-async"
    public static let severity = Severity.error
    public static let summary = "`async for`, `async with` or an async comprehension outside an `async def` body"
    public static let reference = QuickReferenceID.awaitInsideAsync

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks `async for` and `async with` statements outside an `async def`, and list, set or dict comprehensions that are asynchronous (an `async for` clause or an `await` inside) where they are not directly in an `async def` or another comprehension. Generator expressions may be asynchronous anywhere and are not marked. Messages are CPython 3.12's own.",
        whyIsThisBad: "These constructs suspend the running coroutine, so they need one. CPython refuses to compile the file (`'async for' outside async function`, `asynchronous comprehension outside of an asynchronous function`).",
        example: "def read_all(stream):\n    return [line async for line in stream]",
        useInstead: "async def read_all(stream):\n    return [line async for line in stream]",
        fixSafety: "When the construct is directly in a plain `def`, the fix makes that `def` an `async def`. It is unsafe: callers must now `await` it.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let fixer = FixBuilder(context: context)
        return context.scopeViolations.compactMap { violation in
            switch violation.kind {
            case .asyncForOutsideAsync, .asyncWithOutsideAsync, .asyncComprehensionOutsideAsync: break
            default: return nil
            }
            var fix: Fix?
            if let def = violation.enclosingPlainDef, let defRange = violation.enclosingPlainDefRange {
                fix = Fix(title: "Make `\(def.name)` an `async def`", edits: [fixer.insert("async ", at: defRange.start.offset)], isSafe: false)
            }
            return diagnostic(violation.kind.cpythonMessage, violation.range, fix: fix)
        }
    }
}
