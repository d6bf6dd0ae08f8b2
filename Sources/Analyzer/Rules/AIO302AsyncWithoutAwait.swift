/// AIO302 async-without-await: an `async def` whose body awaits nothing, where a plain `def`
/// would do — the seed: "If you do not await anything, use a regular def".
public enum AIO302AsyncWithoutAwait: Rule {
    public static let code = "AIO302"
    public static let name = "async-without-await"
    public static let severity = Severity.hint
    public static let summary = "an `async def` whose body awaits nothing (a plain `def` would do)"
    public static let reference = QuickReferenceID.asyncFunction

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks an `async def` whose own body has no `await`, `async for`, `async with` or asynchronous comprehension and does not `yield`. It never fires where an interface requires `async`: dunder methods (`__aenter__`, `__aexit__`, `__anext__`, ...), the async generator protocol's `asend`, `athrow` and `aclose`, methods of a class with a base outside the file, overrides of an `async` method of a base class in the file, decorated functions (route handlers, fixtures), functions passed around as values (callbacks), functions whose coroutine objects callers pass on instead of awaiting (`gather(self._noop(), ...)`), stubs whose body is only a docstring, `pass`, `...` or `raise`, and bodies that create a coroutine without awaiting it (a forgotten `await`, which AIO201/AIO202 report).",
        whyIsThisBad: "An `async def` that never suspends still costs every caller a coroutine object and an `await`, and it misleads readers into thinking it does I/O. A synchronous body belongs in a plain `def`.",
        example: "async def total(prices):\n    return sum(prices)",
        useInstead: "def total(prices):\n    return sum(prices)",
        fixSafety: "No fix is offered: every caller's `await` would have to go too.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let model = context.model
        var suspending = Set<ObjectIdentifier>()
        for visit in model.expressions {
            switch visit.expr.kind {
            case .await:
                suspending.insert(ObjectIdentifier(visit.scope.executionScope))
            case .listComp(_, let generators), .setComp(_, let generators), .dictComp(_, _, let generators), .generatorExp(_, let generators):
                if generators.contains(where: \.isAsync) { suspending.insert(ObjectIdentifier(visit.scope.executionScope)) }
            default:
                break
            }
        }
        for visit in model.statements {
            switch visit.stmt.kind {
            case .for(true, _, _, _, _, _), .with(true, _, _, _):
                suspending.insert(ObjectIdentifier(visit.scope.executionScope))
            default:
                break
            }
        }
        // The cheap conditions first: most files have no `async def` left to report once the
        // ones that await something are set aside, and then the passes below are not needed.
        let candidates = model.functionScopes.filter { scope in
            guard scope.isAsyncFunction, let def = scope.functionDef, !suspending.contains(ObjectIdentifier(scope)) else { return false }
            if def.name.hasPrefix("__") && def.name.hasSuffix("__") { return false }
            if scope.enclosingClass != nil && asyncProtocolMethods.contains(def.name) { return false }
            return def.decoratorList.isEmpty
        }
        guard !candidates.isEmpty else { return [] }
        // A body that creates a coroutine it does not await (`result = fetch(1)`) most likely
        // forgot an `await`: AIO201/AIO202 say so, and "a plain `def` would do" would be wrong advice.
        for visit in model.expressions where visit.context != .awaited {
            if case .call = visit.expr.kind, model.coroutineCall(visit.expr, in: visit.scope) != nil {
                suspending.insert(ObjectIdentifier(visit.scope.executionScope))
            }
        }
        var usedAsValue = Set<String>()
        var attributesUsedAsValue = Set<String>()
        for visit in model.expressions where visit.context != .callee {
            switch visit.expr.kind {
            case .name(let id, .load): usedAsValue.insert(id)
            case .attribute(_, let attr, .load): attributesUsedAsValue.insert(attr)
            default: break
            }
        }
        // Coroutine functions whose coroutine objects callers pass around (to `gather`, into a
        // list, ...) rather than awaiting them: the callers rely on getting a coroutine.
        var passedAround = Set<Int>()
        for visit in model.expressions {
            guard case .call(let function, _, _) = visit.expr.kind, visit.context != .awaited, visit.context != .statement,
                  let last = SemanticModel.calleeLastName(visit.expr), model.asyncDefNames.contains(last) else { continue }
            if case .fileFunction(let def, _) = model.callTarget(function, in: visit.scope), def.isAsync {
                passedAround.insert(def.nameRange.start.offset)
            }
        }
        var result: [Diagnostic] = []
        for scope in candidates {
            guard let def = scope.functionDef, !suspending.contains(ObjectIdentifier(scope)) else { continue }
            if def.name.hasPrefix("__") && def.name.hasSuffix("__") { continue }
            if scope.enclosingClass != nil && asyncProtocolMethods.contains(def.name) { continue }
            if !def.decoratorList.isEmpty { continue }
            if usedAsValue.contains(def.name) || passedAround.contains(def.nameRange.start.offset) { continue }
            if model.containsYield(def, scope: scope) { continue }
            if isStub(def.body) { continue }
            if let classScope = scope.enclosingClass, requiredByInterface(def.name, classScope: classScope, model: model) { continue }
            if attributesUsedAsValue.contains(def.name) { continue }  // `self.on_message` passed as a callback
            result.append(diagnostic("`async def \(def.name)` awaits nothing: a plain `def` would do", def.nameRange))
        }
        return result
    }

    /// Methods of the asynchronous generator and closing protocols (`aclose` for
    /// `contextlib.aclosing`), which must be coroutines without being dunders.
    static let asyncProtocolMethods: Set<String> = ["asend", "athrow", "aclose"]

    /// Whether the body is only a docstring, `pass`, `...` or `raise`.
    static func isStub(_ body: [Stmt]) -> Bool {
        body.allSatisfy { stmt in
            switch stmt.kind {
            case .pass, .raise: return true
            case .expr(let value):
                if case .constant(let constant, _) = value.kind {
                    switch constant {
                    case .str, .ellipsis: return true
                    default: return false
                    }
                }
                return false
            default: return false
            }
        }
    }

    /// Whether a base class outside the file, or an `async` method of the same name in a base
    /// class of the file, may require this method to be `async`.
    static func requiredByInterface(_ name: String, classScope: Scope, model: SemanticModel) -> Bool {
        guard let cls = classScope.classDef else { return false }
        let fileBases = model.baseClasses(of: classScope)
        let namedBases = cls.bases.filter { base in
            if case .name("object", _) = base.kind { return false }
            return true
        }
        if namedBases.count > fileBases.count || !cls.keywords.isEmpty { return true }
        for base in fileBases {
            if let (def, _) = model.method(name, of: base, depth: 0), def.isAsync { return true }
        }
        return false
    }
}
