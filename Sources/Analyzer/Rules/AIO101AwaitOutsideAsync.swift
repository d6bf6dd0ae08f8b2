/// AIO101 await-outside-async: `await` outside an `async def` body (module level, a plain
/// `def`, a `lambda`, a class body). CPython's `compile()` refuses it with
/// "'await' outside function" or "'await' outside async function" (see `ScopeChecker`).
public enum AIO101AwaitOutsideAsync: Rule {
    public static let code = "AIO101"
    public static let name = "await-outside-async"
    public static let severity = Severity.error
    public static let summary = "`await` outside an `async def` body: module level, a plain `def`, a `lambda`, a class body"
    public static let reference = QuickReferenceID.awaitInsideAsync

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks an `await` expression that is not inside the body of an `async def` (comprehensions inside one count as inside). The message is CPython 3.12's own.",
        whyIsThisBad: "`await` only means something inside a coroutine. CPython refuses to compile the file (`SyntaxError: 'await' outside async function`), so nothing in it runs. `ast.parse` accepts it, which is why editors built on it stay silent.",
        example: "def process():\n    data = await fetch_data(1)",
        useInstead: "async def process():\n    data = await fetch_data(1)",
        fixSafety: "When the `await` is directly in a plain `def`, the fix makes that `def` an `async def`. It is unsafe: every caller now gets a coroutine and must `await` it.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let fixer = FixBuilder(context: context)
        return context.scopeViolations.compactMap { violation in
            switch violation.kind {
            case .awaitOutsideFunction, .awaitOutsideAsyncFunction, .awaitInAnnotation: break
            default: return nil
            }
            var fix: Fix?
            if violation.kind != .awaitInAnnotation, let def = violation.enclosingPlainDef, let defRange = violation.enclosingPlainDefRange {
                fix = Fix(title: "Make `\(def.name)` an `async def`", edits: [fixer.insert("async ", at: defRange.start.offset)], isSafe: false)
            }
            let reference = violation.enclosingPlainDef != nil ? QuickReferenceID.awaitOutsideAsync : reference
            return diagnostic(violation.kind.cpythonMessage, violation.range, fix: fix, reference: reference)
        }
    }
}
