/// AIO401 blocking-call-in-async: a blocking call inside `async def` — directly (`time.sleep`,
/// `requests.get`, `open()`, `subprocess.run`, ...) or through the file's own plain helpers,
/// followed transitively, with the chain in the message (`fetch_all → load_config → open()`).
public enum AIO401BlockingCallInAsync: Rule {
    public static let code = "AIO401"
    public static let name = "blocking-call-in-async"
    public static let severity = Severity.warning
    public static let summary = "a blocking call inside `async def`: `time.sleep`, `requests.*`, `urllib.request.urlopen`, `subprocess.run`, `open()`, `input()` ..."
    public static let reference = QuickReferenceID.callSyncFromAsync

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks calls in the body of an `async def` (comprehensions included, nested plain functions and lambdas excluded) of a catalogued blocking API, or of a plain `def` of the file that calls one, directly or through further plain helpers. The message shows the chain from the coroutine to the blocking call.",
        whyIsThisBad: "An event loop runs one callback at a time. A blocking call stops every other task until it returns: a `time.sleep(1)` in one handler freezes all of them for a second.",
        example: "def load_config():\n    with open(\"config.toml\") as f:\n        return f.read()\n\nasync def fetch_all():\n    config = load_config()",
        useInstead: "async def fetch_all():\n    config = await asyncio.to_thread(load_config)",
        fixSafety: "`time.sleep(x)` becomes `await asyncio.sleep(x)`, a safe fix when the call is a statement of its own. Other calls become `await asyncio.to_thread(f, ...)`, which is unsafe: the function then runs in another thread.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var finder = BlockingFinder(model: context.model)
        let fixer = FixBuilder(context: context)
        var result: [Diagnostic] = []
        for visit in context.model.expressions {
            guard case .call(let function, let args, let keywords) = visit.expr.kind, visit.scope.isAsyncContext,
                  visit.context != .awaited,
                  let chain = finder.chain(forCall: visit.expr, in: visit.scope) else { continue }
            let owner = visit.scope.executionScope.functionDef?.name ?? "<async>"
            let path = ([owner] + chain).joined(separator: " → ")
            let direct = chain.count == 1
            let fix: Fix
            if direct && chain[0] == "time.sleep()" {
                var edits = [fixer.replace(function.range, with: "asyncio.sleep")]
                edits += fixer.awaitEdits(for: visit.expr, parenthesize: FixBuilder.needsParentheses(visit.context))
                fix = Fix(title: "Use `await asyncio.sleep(...)`", edits: fixer.withAsyncioImport(edits), isSafe: visit.context == .statement)
            } else {
                let callee = context.source.text(of: function.range)
                let argRanges = args.map(\.range) + keywords.map(\.range)
                var inner = callee
                if let start = argRanges.map(\.start.offset).min(), let end = argRanges.map(\.end.offset).max() {
                    inner += ", " + context.source.slice(start, end)
                }
                var text = "await asyncio.to_thread(\(inner))"
                if FixBuilder.needsParentheses(visit.context) { text = "(\(text))" }
                fix = Fix(title: "Run it in a thread with `asyncio.to_thread`",
                          edits: fixer.withAsyncioImport([fixer.replace(visit.expr.range, with: text)]), isSafe: false)
            }
            let advice = direct && chain[0] == "time.sleep()" ? "use `await asyncio.sleep(...)`" : "use `await asyncio.to_thread(...)`"
            let reference = direct && chain[0] == "time.sleep()" ? QuickReferenceID.nonBlockingSleep : self.reference
            result.append(diagnostic("blocking call in async function: \(path) blocks the event loop; \(advice)", visit.expr.range,
                                     fix: fix, reference: reference))
        }
        return result
    }
}

/// Decides which calls block, following the file's plain `def`s transitively (memoised, with
/// a guard against recursion between helpers).
struct BlockingFinder {
    let model: SemanticModel
    private var memo: [ObjectIdentifier: [String]?] = [:]
    private var inProgress: Set<ObjectIdentifier> = []
    /// The calls of each execution scope, gathered on the first question about a helper's body
    /// (most files call no plain helper from a coroutine and never need them).
    private var callsByScope: [ObjectIdentifier: [ExprVisit]]?

    init(model: SemanticModel) {
        self.model = model
    }

    private mutating func calls(of key: ObjectIdentifier) -> [ExprVisit] {
        if callsByScope == nil {
            var byScope: [ObjectIdentifier: [ExprVisit]] = [:]
            for visit in model.expressions {
                if case .call = visit.expr.kind {
                    byScope[ObjectIdentifier(visit.scope.executionScope), default: []].append(visit)
                }
            }
            callsByScope = byScope
        }
        return callsByScope?[key] ?? []
    }

    /// The chain `["load_config", "open()"]` when the call blocks, else nil.
    mutating func chain(forCall call: Expr, in scope: Scope) -> [String]? {
        guard case .call(let function, _, _) = call.kind, let last = SemanticModel.calleeLastName(call),
              LibraryCatalogue.blockingLastNames.contains(last) || model.plainDefNames.contains(last) else { return nil }
        switch model.callTarget(function, in: scope) {
        case .qualified(let name):
            return LibraryCatalogue.blockingCalls[name] != nil ? ["\(name)()"] : nil
        case .fileFunction(let def, let defScope):
            guard !def.isAsync, let inner = blockingChain(of: defScope) else { return nil }
            return [def.name] + inner
        default:
            return nil
        }
    }

    /// The blocking chain inside a plain function's own body, if any.
    mutating func blockingChain(of scope: Scope) -> [String]? {
        let key = ObjectIdentifier(scope)
        if let known = memo[key] { return known }
        if inProgress.contains(key) { return nil }
        inProgress.insert(key)
        var found: [String]?
        for visit in calls(of: key) {
            if let chain = chain(forCall: visit.expr, in: visit.scope) {
                found = chain
                break
            }
        }
        inProgress.remove(key)
        memo[key] = .some(found)
        return found
    }
}
