/// Name, type and call resolution over the scopes of `SemanticModel`, following Python's
/// LEGB rule (class bodies are skipped from nested functions, as in `Python/symtable.c`).
///
/// Rebinding is respected: within the scope of the use, the binding in force is the last one
/// before the use (or the first one, for a use that textually precedes every binding, as in a
/// loop); from an enclosing scope, whose code ran before the nested function is called, it is
/// the last binding of the name.
extension SemanticModel {
    /// What a value is known to be an instance of.
    public enum ValueType {
        /// A catalogued library type (`httpx.AsyncClient`, `asyncpg.Connection`).
        case library(String)
        /// A class of this file.
        case fileClass(ClassDef, Scope)
    }

    /// What a call calls.
    public indirect enum CallTarget {
        /// A `def`/`async def` of this file (`function`, `self.method`, `obj.method`).
        case fileFunction(FunctionDef, scope: Scope)
        /// A class of this file (the call constructs an instance).
        case fileClass(ClassDef, Scope)
        /// A library function (`asyncio.sleep`) or method (`httpx.AsyncClient.get`) by qualified name,
        /// or a name that could not be resolved further (a builtin, an unknown module's function).
        case qualified(String)
        /// A function of a sibling module of the workspace.
        case workspaceFunction(module: String, name: String, isCoroutine: Bool)
        case unknown
    }

    /// The binding of `name` in force at `offset` in `scope`, or nil for a builtin or an unbound name.
    public func lookup(_ name: String, in scope: Scope, at offset: Int) -> Binding? {
        var current: Scope? = scope
        var immediate = true
        var first = true
        while let candidate = current {
            // (`isEmpty` first: hashing the name costs more than the test, and most scopes declare no globals.)
            if !candidate.globals.isEmpty, candidate.globals.contains(name) {
                return pick(candidate.module.bindings[name], offset: offset, immediate: false)
            }
            let visible = first || candidate.kind != .classBody
            if visible, candidate.nonlocals.isEmpty || !candidate.nonlocals.contains(name), let bindings = candidate.bindings[name], !bindings.isEmpty {
                return pick(bindings, offset: offset, immediate: immediate)
            }
            if candidate.kind != .comprehension { immediate = false }
            first = false
            current = candidate.parent
        }
        return nil
    }

    private func pick(_ bindings: [Binding]?, offset: Int, immediate: Bool) -> Binding? {
        guard let bindings, !bindings.isEmpty else { return nil }
        if !immediate { return bindings.last }
        return bindings.last(where: { $0.offset <= offset }) ?? bindings.first
    }

    /// The dotted name an expression refers to (`asyncio.sleep`, `time.sleep`, `print`),
    /// following imports; nil when it names something else (a local variable, a file function).
    public func qualifiedName(_ expr: Expr, in scope: Scope, depth: Int = 0) -> String? {
        guard depth < 16 else { return nil }
        switch expr.kind {
        case .name(let id, _):
            return nameQualifiedName(id, binding: lookup(id, in: scope, at: expr.range.start.offset), in: scope, depth: depth)
        case .attribute(let value, let attr, _):
            guard let base = qualifiedName(value, in: scope, depth: depth + 1) else { return nil }
            return base + "." + attr
        default:
            return nil
        }
    }

    /// What `expr` is an instance of, when the file says so (a constructor call, a catalogued
    /// `await`, `async with ... as name`, a parameter annotation, `self`).
    public func valueType(_ expr: Expr, in scope: Scope, depth: Int = 0) -> ValueType? {
        guard depth < 12 else { return nil }
        switch expr.kind {
        case .call(let function, _, _):
            switch callTarget(function, in: scope, depth: depth + 1) {
            case .fileClass(let cls, let clsScope): return .fileClass(cls, clsScope)
            case .qualified(let name): return LibraryCatalogue.constructors[name].map { .library($0) }
            default: return nil
            }
        case .await(let value):
            guard case .call(let function, _, _) = value.kind, let key = calleeKey(function, in: scope, depth: depth + 1) else { return nil }
            return LibraryCatalogue.awaitedResultTypes[key].map { .library($0) }
        case .name(let id, _):
            if let type = selfType(id, in: scope) { return type }
            return bindingType(lookup(id, in: scope, at: expr.range.start.offset), in: scope, depth: depth)
        default:
            return nil
        }
    }

    /// `qualifiedName` of the name `id` whose binding in force is `binding`.
    private func nameQualifiedName(_ id: String, binding: Binding?, in scope: Scope, depth: Int) -> String? {
        guard let binding else { return id }
        switch binding.kind {
        case .importModule(let module): return module
        case .importFrom(let module, let name, let level):
            if level > 0 { return String(repeating: ".", count: level) + (module.isEmpty ? "" : module + ".") + name }
            return module.isEmpty ? name : module + "." + name
        case .assignment(let value):
            switch value.kind {
            case .name, .attribute: return qualifiedName(value, in: scope, depth: depth + 1)
            default: return nil
            }
        default: return nil
        }
    }

    /// `valueType` of the name `id` (the expression `expr`) whose binding in force is `binding`.
    private func nameType(_ id: String, _ expr: Expr, binding: Binding?, in scope: Scope, depth: Int) -> ValueType? {
        guard depth < 12 else { return nil }
        if let type = selfType(id, in: scope) { return type }
        return bindingType(binding, in: scope, depth: depth)
    }

    private func bindingType(_ binding: Binding?, in scope: Scope, depth: Int) -> ValueType? {
        guard let binding else { return nil }
        switch binding.kind {
        case .assignment(let value): return valueType(value, in: scope, depth: depth + 1)
        case .annotated(let annotation, let value):
            return annotationType(annotation, in: scope, depth: depth + 1) ?? value.flatMap { valueType($0, in: scope, depth: depth + 1) }
        case .parameter(let annotation, _):
            return annotation.flatMap { annotationType($0, in: scope, depth: depth + 1) }
        case .withItem(let context, let isAsync):
            if isAsync, case .call(let function, _, _) = context.kind,
               let key = calleeKey(function, in: scope, depth: depth + 1),
               let type = LibraryCatalogue.asyncWithResultTypes[key] {
                return .library(type)
            }
            return nil
        case .unpacked(let value, let index):
            guard case .await(let awaited) = value.kind, case .call(let function, _, _) = awaited.kind,
                  let key = calleeKey(function, in: scope, depth: depth + 1),
                  let types = LibraryCatalogue.awaitedTupleTypes[key], index >= 0, index < types.count else { return nil }
            return .library(types[index])
        default:
            return nil
        }
    }

    /// `self` (or `cls`) as the first parameter of a method: an instance of the enclosing class.
    private func selfType(_ id: String, in scope: Scope) -> ValueType? {
        let function = scope.executionScope
        guard function.kind == .function, let classScope = function.enclosingClass, let cls = classScope.classDef,
              let def = function.functionDef else { return nil }
        let first = (def.args.posonlyargs + def.args.args).first
        guard first?.arg == id else { return nil }
        let isStatic = def.decoratorList.contains { decorator in
            if case .name("staticmethod", _) = decorator.kind { return true }
            return false
        }
        return isStatic ? nil : .fileClass(cls, classScope)
    }

    private func annotationType(_ annotation: Expr, in scope: Scope, depth: Int) -> ValueType? {
        if case .name(let id, _) = annotation.kind, let binding = lookup(id, in: scope, at: annotation.range.start.offset),
           case .classDef(let cls) = binding.kind, let clsScope = classScope(for: binding) {
            return .fileClass(cls, clsScope)
        }
        guard let name = qualifiedName(annotation, in: scope, depth: depth) else { return nil }
        if let type = LibraryCatalogue.constructors[name] { return .library(type) }
        if LibraryCatalogue.coroutineMethods[name] != nil { return .library(name) }
        // `asyncpg.pool.Pool`, `asyncpg.connection.Connection`.
        let parts = name.split(separator: ".")
        if parts.count >= 3 {
            let short = "\(parts[0]).\(parts[parts.count - 1])"
            if LibraryCatalogue.coroutineMethods[short] != nil { return .library(short) }
        }
        return nil
    }

    /// The catalogue key of a callee: its qualified name, or `Type.method` for a method of a
    /// value whose type is known.
    public func calleeKey(_ function: Expr, in scope: Scope, depth: Int = 0) -> String? {
        if case .attribute(let receiver, let attr, _) = function.kind,
           case .library(let type)? = valueType(receiver, in: scope, depth: depth + 1) {
            return type + "." + attr
        }
        return qualifiedName(function, in: scope, depth: depth)
    }

    /// Resolves a callee expression (memoised per callee and scope).
    public func callTarget(_ function: Expr, in scope: Scope, depth: Int = 0) -> CallTarget {
        guard depth < 12 else { return .unknown }
        let key = CallKey(start: function.range.start.offset, end: function.range.end.offset, scope: ObjectIdentifier(scope))
        if let cached = callTargetCache[key] { return cached }
        let result = resolveCallTarget(function, in: scope, depth: depth)
        callTargetCache[key] = result
        return result
    }

    private func resolveCallTarget(_ function: Expr, in scope: Scope, depth: Int) -> CallTarget {
        switch function.kind {
        case .name(let id, _):
            guard let binding = lookup(id, in: scope, at: function.range.start.offset) else { return .qualified(id) }
            switch binding.kind {
            case .function(let def):
                if let defScope = functionScope(for: def, binding: binding) { return .fileFunction(def, scope: defScope) }
                return .unknown
            case .classDef(let cls):
                if let clsScope = classScope(for: binding) { return .fileClass(cls, clsScope) }
                return .unknown
            case .importFrom(let module, let name, let level):
                let key = String(repeating: ".", count: level) + module
                if let summary = importedModules[key] {
                    if summary.coroutineFunctions.contains(name) { return .workspaceFunction(module: key, name: name, isCoroutine: true) }
                    if summary.plainFunctions.contains(name) { return .workspaceFunction(module: key, name: name, isCoroutine: false) }
                }
                return qualifiedName(function, in: scope, depth: depth).map { .qualified($0) } ?? .unknown
            case .importModule, .assignment:
                return qualifiedName(function, in: scope, depth: depth).map { .qualified($0) } ?? .unknown
            default:
                return .unknown
            }
        case .attribute(let receiver, let attr, _):
            // A name receiver is looked up once, for the four questions below (each used to look it up again).
            var receiverName: String?
            var receiverBinding: Binding?
            if case .name(let id, _) = receiver.kind {
                receiverName = id
                receiverBinding = lookup(id, in: scope, at: receiver.range.start.offset)
            }
            if let binding = receiverBinding {
                // `import helpers` / `from . import helpers` / `from pkg import helpers`, then `helpers.fetch()`.
                var moduleKey: String?
                switch binding.kind {
                case .importModule(let module): moduleKey = module
                case .importFrom(let module, let name, let level):
                    moduleKey = String(repeating: ".", count: level) + (module.isEmpty ? name : module + "." + name)
                default: break
                }
                if !importedModules.isEmpty, let key = moduleKey, let summary = importedModules[key] {
                    if summary.coroutineFunctions.contains(attr) { return .workspaceFunction(module: key, name: attr, isCoroutine: true) }
                    if summary.plainFunctions.contains(attr) { return .workspaceFunction(module: key, name: attr, isCoroutine: false) }
                }
            }
            let type = receiverName.map { nameType($0, receiver, binding: receiverBinding, in: scope, depth: depth + 1) }
                ?? valueType(receiver, in: scope, depth: depth + 1)
            if let type {
                switch type {
                case .library(let name): return .qualified(name + "." + attr)
                case .fileClass(_, let clsScope):
                    if let (def, defScope) = method(attr, of: clsScope, depth: 0) { return .fileFunction(def, scope: defScope) }
                    return .unknown
                }
            }
            // `ClassName.method(...)`
            if let binding = receiverBinding, case .classDef = binding.kind, let clsScope = classScope(for: binding) {
                if let (def, defScope) = method(attr, of: clsScope, depth: 0) { return .fileFunction(def, scope: defScope) }
                return .unknown
            }
            if let receiverName {
                // `qualifiedName(function)`, with the receiver's binding already known.
                guard depth < 16, depth + 1 < 16 else { return .unknown }
                return nameQualifiedName(receiverName, binding: receiverBinding, in: scope, depth: depth + 1).map { .qualified($0 + "." + attr) } ?? .unknown
            }
            return qualifiedName(function, in: scope, depth: depth).map { .qualified($0) } ?? .unknown
        default:
            return .unknown
        }
    }

    func functionScope(for def: FunctionDef, binding: Binding? = nil) -> Scope? {
        scopesByNameOffset[def.nameRange.start.offset]
    }

    func classScope(for binding: Binding) -> Scope? {
        guard case .classDef(let cls) = binding.kind else { return nil }
        return scopesByNameOffset[cls.nameRange.start.offset]
    }

    /// The method `name` of a class of the file, looked up through the class's bases in the file.
    public func method(_ name: String, of classScope: Scope, depth: Int) -> (FunctionDef, Scope)? {
        guard depth < 10 else { return nil }
        if let binding = classScope.bindings[name]?.last, case .function(let def) = binding.kind,
           let defScope = functionScope(for: def, binding: binding) {
            return (def, defScope)
        }
        for base in baseClasses(of: classScope) {
            if let found = method(name, of: base, depth: depth + 1) { return found }
        }
        return nil
    }

    /// The bases of a class that are classes of this file.
    public func baseClasses(of derived: Scope) -> [Scope] {
        guard let cls = derived.classDef, let parent = derived.parent else { return [] }
        var result: [Scope] = []
        for base in cls.bases {
            if case .name(let id, _) = base.kind, let binding = lookup(id, in: parent, at: derived.range.start.offset),
               case .classDef = binding.kind, let baseScope = self.classScope(for: binding), baseScope !== derived {
                result.append(baseScope)
            }
        }
        return result
    }

    /// Whether calling `def` returns a coroutine object: an `async def` that does not `yield`
    /// (that would be an async generator) and whose decorators keep it a coroutine function.
    public func isCoroutineFunction(_ def: FunctionDef, scope: Scope) -> Bool {
        guard def.isAsync, !containsYield(def, scope: scope) else { return false }
        return decoratorsKeepCoroutine(def.decoratorList, scope: scope)
    }

    /// `isCoroutineFunction` of the `def` that opens `scope` (a call target's scope), reading
    /// its fields in place instead of copying the whole `def` out of the target.
    func isCoroutineFunction(scope: Scope) -> Bool {
        guard scope.functionDef?.isAsync == true else { return false }
        let yields: Bool
        if let cached = scope.containsYieldMemo {
            yields = cached
        } else {
            yields = ASTChildren.containsYield(scope.functionDef?.body ?? [])
            scope.containsYieldMemo = yields
        }
        guard !yields else { return false }
        return decoratorsKeepCoroutine(scope.functionDef?.decoratorList ?? [], scope: scope)
    }

    private func decoratorsKeepCoroutine(_ decoratorList: [Expr], scope: Scope) -> Bool {
        for decorator in decoratorList {
            var target = decorator
            if case .call(let function, _, _) = decorator.kind { target = function }
            guard let name = qualifiedName(target, in: scope.parent ?? scope),
                  LibraryCatalogue.transparentDecorators.contains(name) else { return false }
        }
        return true
    }

    public func containsYield(_ def: FunctionDef, scope: Scope) -> Bool {
        // Memoised on the scope (it used to be a dictionary keyed by the scope's start offset,
        // which is unique to the `def`).
        if let cached = scope.containsYieldMemo { return cached }
        let result = ASTChildren.containsYield(def.body)
        scope.containsYieldMemo = result
        return result
    }

    /// Whether the call creates a coroutine object that must be awaited, and a display name.
    public func coroutineCall(_ call: Expr, in scope: Scope) -> String? {
        guard case .call(let function, _, _) = call.kind else { return nil }
        switch callTarget(function, in: scope) {
        case .fileFunction(_, let defScope):
            return isCoroutineFunction(scope: defScope) ? defScope.functionDef?.name : nil
        case .workspaceFunction(_, let name, let isCoroutine):
            return isCoroutine ? name : nil
        case .qualified(let name):
            if LibraryCatalogue.coroutineFunctions.contains(name) { return name }
            if let dot = name.lastIndex(of: ".") {
                let type = String(name[..<dot])
                let method = String(name[name.index(after: dot)...])
                if LibraryCatalogue.isCoroutineMethod(type: type, method: method) { return name }
            }
            return nil
        case .fileClass, .unknown:
            return nil
        }
    }

    /// The qualified name of a task factory call (`asyncio.create_task`), if it is one.
    public func taskFactoryCall(_ call: Expr, in scope: Scope) -> String? {
        guard case .call(let function, _, _) = call.kind, let key = calleeKey(function, in: scope),
              LibraryCatalogue.taskFactories.contains(key) else { return nil }
        return key
    }

    /// Whether `asyncio` is bound to the module at top level (so a fix may write `asyncio.x`).
    public var importsAsyncioModule: Bool {
        guard let bindings = moduleScope.bindings["asyncio"] else { return false }
        return bindings.contains { binding in
            if case .importModule("asyncio") = binding.kind { return true }
            return false
        }
    }
}

