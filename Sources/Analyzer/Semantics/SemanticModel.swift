/// How an expression's value is used by its parent: the facts rules AIO201–AIO205 reason about.
public enum UseContext: Hashable, Sendable {
    /// An expression statement: the value is discarded.
    case statement
    case awaited
    case returned
    case yielded
    /// Passed as an argument (positional, starred or keyword) to `call`.
    case argument(call: Expr)
    /// Called: `value()`.
    case callee
    /// The value of an assignment (or walrus) to a single name.
    case assignedToName(String, bindingOffset: Int)
    /// Assigned to something else: an attribute, a subscript, several targets.
    case assignedElsewhere
    /// Unpacked into several targets: `a, b = value`.
    case unpacked
    /// Read as `value.attr`.
    case attributeBase(String)
    /// Tested for truth: `if`, `while`, `assert`, `not`, `and`/`or`, conditional expressions.
    case truthTest
    /// Used as an operand: arithmetic, comparison, indexing, formatting, iteration.
    case operand(String)
    /// An element of a list, tuple, set, dict or comprehension result.
    case stored
    case other
}

/// One visited expression with its scope and its use by the parent.
public struct ExprVisit {
    public let expr: Expr
    public let scope: Scope
    public let context: UseContext
}

/// One visited statement with the scope it runs in.
public struct StmtVisit {
    public let stmt: Stmt
    public let scope: Scope
}

/// A summary of another module of the workspace: which of its top-level names are coroutine
/// functions and which are plain functions (for `from helpers import fetch`).
public struct ModuleSummary: Hashable, Sendable {
    public var coroutineFunctions: Set<String>
    public var plainFunctions: Set<String>

    public init(coroutineFunctions: Set<String> = [], plainFunctions: Set<String> = []) {
        self.coroutineFunctions = coroutineFunctions
        self.plainFunctions = plainFunctions
    }

    /// The summary from a line scan, without parsing: `async def name` and `def name` at the
    /// start of a line (top level), skipping decorated ones (a decorator may make the function
    /// anything). Cheaper than a parse for the workspace's first pass; `Linter.summary(of:)`
    /// gives the exact answer from a tree (it also leaves out async generators).
    public static func scan(_ source: String) -> ModuleSummary {
        var source = source
        return source.withUTF8 { scan(utf8: $0) }
    }
}

/// The scopes and bindings of one module plus a flat, source-ordered record of the expressions
/// rules ask about — calls, names, awaits, attributes and comprehensions, each with its scope
/// and use context — and of every statement, built in one walk. Rules read it instead of
/// re-walking the tree; name and call resolution live in `SemanticModel+Resolution.swift`.
public final class SemanticModel {
    public let module: Module
    public let source: SourceText
    public let moduleScope: Scope
    public private(set) var expressions: [ExprVisit] = []
    public private(set) var statements: [StmtVisit] = []
    /// Every function scope, in source order.
    public private(set) var functionScopes: [Scope] = []
    /// Names of the file's `async def`s and plain `def`s (for cheap pre-filtering of calls).
    public private(set) var asyncDefNames: Set<String> = []
    public private(set) var plainDefNames: Set<String> = []
    /// Names bound to another name (`from asyncio import sleep as nap`, `get = client.get`):
    /// a call through one of them is always resolved.
    public private(set) var aliasNames: Set<String> = []
    /// Summaries of sibling modules, keyed by the module name as imported (`helpers`, `.helpers`).
    public let importedModules: [String: ModuleSummary]
    /// `def` and `class` scopes by the offset of their name.
    var scopesByNameOffset: [Int: Scope] = [:]
    /// `callTarget` results by callee range, since several rules resolve the same calls.
    var callTargetCache: [CallKey: CallTarget] = [:]

    struct CallKey: Hashable {
        let start: Int
        let end: Int
        let scope: ObjectIdentifier
    }

    /// The statement list being walked; the root (no statement list, an empty path) encloses all.
    private var block = Binding.Block(id: 0, parent: nil)
    private var nextBlockID = 0
    /// Calls seen while building (to size `callTargetCache`).
    private var callCount = 0

    public init(module: Module, source: SourceText, importedModules: [String: ModuleSummary] = [:]) {
        self.module = module
        self.source = source
        self.importedModules = importedModules
        let end = source.location(at: source.bytes.count)
        self.moduleScope = Scope(kind: .module, parent: nil, range: SourceRange(start: SourceLocation(line: 1, column: 0, offset: 0), end: end))
        // The module binds about one name per top-level statement: room for them at once.
        moduleScope.bindings.reserveCapacity(module.body.count)
        visitBody(module.body, moduleScope, depth: 0)
        // Most calls get resolved by some rule: room for them all at once, not by doubling.
        callTargetCache.reserveCapacity(callCount)
    }

    /// The scope opened by a `def`/`class` statement, `lambda` or comprehension node.
    /// (No rule asks this on a hot path: it searches the scope tree instead of every scope
    /// paying for a dictionary entry. The last scope created for the node wins, as before.)
    public func scope(of range: SourceRange, kind: Scope.Kind) -> Scope? {
        var found: Scope?
        var stack = [moduleScope]
        var order: [Scope] = []
        while let scope = stack.popLast() {
            order.append(scope)
            stack.append(contentsOf: scope.children.reversed())
        }
        for scope in order where scope !== moduleScope && scope.kind == kind
            && scope.range.start.offset == range.start.offset && scope.range.end.offset == range.end.offset {
            found = scope
        }
        return found
    }

    /// The name a call's callee ends in (`fetch` for `fetch(...)`, `get` for `client.get(...)`).
    public static func calleeLastName(_ call: Expr) -> String? {
        guard case .call(let function, _, _) = call.kind else { return nil }
        switch function.kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        default: return nil
        }
    }

    /// Whether the call might create a coroutine or a task: its callee ends in the name of an
    /// `async def` of the file, a catalogued coroutine or task factory, or a sibling module's
    /// coroutine function. Everything else is skipped without resolution.
    public func mayCreateCoroutine(_ call: Expr) -> Bool {
        guard let last = Self.calleeLastName(call) else { return false }
        if asyncDefNames.contains(last) || aliasNames.contains(last) || LibraryCatalogue.coroutineLastNames.contains(last) { return true }
        return importedModules.values.contains { $0.coroutineFunctions.contains(last) }
    }

    // MARK: - Building

    private func newScope(_ kind: Scope.Kind, parent: Scope, range: SourceRange, def: FunctionDef? = nil, cls: ClassDef? = nil) -> Scope {
        let scope = Scope(kind: kind, parent: parent, functionDef: def, classDef: cls, range: range)
        parent.children.append(scope)
        if kind == .function { functionScopes.append(scope) }
        if let def { scopesByNameOffset[def.nameRange.start.offset] = scope }
        if let cls { scopesByNameOffset[cls.nameRange.start.offset] = scope }
        return scope
    }

    /// The scope that a binding in `scope` lands in (`global`/`nonlocal` redirect it).
    private func bindingScope(_ name: String, _ scope: Scope) -> Scope {
        if !scope.globals.isEmpty, scope.globals.contains(name) { return scope.module }
        if !scope.nonlocals.isEmpty, scope.nonlocals.contains(name) {
            var candidate = scope.parent
            while let current = candidate {
                if current.kind == .function, current.bindings[name] != nil { return current }
                candidate = current.parent
            }
        }
        return scope
    }

    private func bind(_ name: String, _ kind: Binding.Kind, offset: Int, range: SourceRange, in scope: Scope) {
        bindingScope(name, scope).addBinding(name, Binding(kind: kind, offset: offset, range: range, block: block))
    }

    private func visitBody(_ body: [Stmt], _ scope: Scope, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        nextBlockID += 1
        let enclosing = block
        block = Binding.Block(id: nextBlockID, parent: enclosing)
        defer { block = enclosing }
        // `global` and `nonlocal` apply to the whole block, so collect them first.
        ASTChildren.forEachStatement(in: body) { stmt in
            switch stmt.kind {
            case .global(let names): scope.globals.formUnion(names)
            case .nonlocal(let names): scope.nonlocals.formUnion(names)
            default: break
            }
        }
        for stmt in body { visitStmt(stmt, scope, depth: depth + 1) }
    }

    private func visitStmt(_ stmt: Stmt, _ scope: Scope, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        statements.append(StmtVisit(stmt: stmt, scope: scope))
        switch stmt.kind {
        case .functionDef(let def):
            for expr in def.decoratorList { visitExpr(expr, scope, .other, depth: depth + 1) }
            ASTChildren.forEachExpression(of: def.args, includeAnnotations: true) { expr in visitExpr(expr, scope, .other, depth: depth + 1) }
            if let returns = def.returns { visitExpr(returns, scope, .other, depth: depth + 1) }
            bind(def.name, .function(def), offset: stmt.range.start.offset, range: def.nameRange, in: scope)
            if def.isAsync { asyncDefNames.insert(def.name) } else { plainDefNames.insert(def.name) }
            let inner = newScope(.function, parent: scope, range: stmt.range, def: def)
            bindParameters(def.args, in: inner)
            visitBody(def.body, inner, depth: depth + 1)
        case .classDef(let cls):
            for expr in cls.decoratorList { visitExpr(expr, scope, .other, depth: depth + 1) }
            for expr in cls.bases { visitExpr(expr, scope, .other, depth: depth + 1) }
            for keyword in cls.keywords { visitExpr(keyword.value, scope, .other, depth: depth + 1) }
            bind(cls.name, .classDef(cls), offset: stmt.range.start.offset, range: cls.nameRange, in: scope)
            let inner = newScope(.classBody, parent: scope, range: stmt.range, cls: cls)
            visitBody(cls.body, inner, depth: depth + 1)
        case .return(let value):
            if let value { visitExpr(value, scope, .returned, depth: depth + 1) }
        case .assign(let targets, let value, _):
            let context: UseContext
            if targets.count == 1, case .name(let id, _) = targets[0].kind {
                context = .assignedToName(id, bindingOffset: stmt.range.end.offset)
            } else if targets.count == 1, case .tuple = targets[0].kind {
                context = .unpacked
            } else if targets.count == 1, case .list = targets[0].kind {
                context = .unpacked
            } else {
                context = .assignedElsewhere
            }
            visitExpr(value, scope, context, depth: depth + 1)
            for target in targets { visitTarget(target, scope, value: value, offset: stmt.range.end.offset, depth: depth + 1) }
        case .annAssign(let target, let annotation, let value, _):
            if let value {
                if case .name(let id, _) = target.kind {
                    visitExpr(value, scope, .assignedToName(id, bindingOffset: stmt.range.end.offset), depth: depth + 1)
                } else {
                    visitExpr(value, scope, .assignedElsewhere, depth: depth + 1)
                }
            }
            visitExpr(annotation, scope, .other, depth: depth + 1)
            if case .name(let id, _) = target.kind {
                if value != nil || scope.kind != .function {
                    bind(id, .annotated(annotation: annotation, value: value), offset: stmt.range.end.offset, range: target.range, in: scope)
                }
                expressions.append(ExprVisit(expr: target, scope: scope, context: .other))
            } else {
                visitTarget(target, scope, value: nil, offset: stmt.range.end.offset, depth: depth + 1)
            }
        case .augAssign(let target, _, let value):
            visitExpr(value, scope, .operand("used in an augmented assignment"), depth: depth + 1)
            if case .name(let id, _) = target.kind {
                // `x += 1` reads `x` as an operand, then rebinds it.
                expressions.append(ExprVisit(expr: Expr(.name(id: id, ctx: .load), target.range), scope: scope,
                                             context: .operand("used in an augmented assignment")))
                bind(id, .other, offset: stmt.range.end.offset, range: target.range, in: scope)
            } else {
                visitTarget(target, scope, value: nil, offset: stmt.range.end.offset, depth: depth + 1)
            }
        case .typeAlias(let name, _, let value):
            visitExpr(value, scope, .other, depth: depth + 1)
            visitTarget(name, scope, value: nil, offset: stmt.range.end.offset, depth: depth + 1)
        case .for(let isAsync, let target, let iter, let body, let orelse, _):
            visitExpr(iter, scope, isAsync ? .other : .operand("iterated over"), depth: depth + 1)
            visitTarget(target, scope, value: nil, offset: target.range.start.offset, depth: depth + 1)
            visitBody(body, scope, depth: depth + 1)
            visitBody(orelse, scope, depth: depth + 1)
        case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
            visitExpr(test, scope, .truthTest, depth: depth + 1)
            visitBody(body, scope, depth: depth + 1)
            visitBody(orelse, scope, depth: depth + 1)
        case .with(let isAsync, let items, let body, _):
            for item in items {
                visitExpr(item.contextExpr, scope, isAsync ? .other : .operand("used as a context manager"), depth: depth + 1)
                if let vars = item.optionalVars {
                    if case .name(let id, _) = vars.kind {
                        bind(id, .withItem(item.contextExpr, isAsync: isAsync), offset: vars.range.start.offset, range: vars.range, in: scope)
                        expressions.append(ExprVisit(expr: vars, scope: scope, context: .other))
                    } else {
                        visitTarget(vars, scope, value: nil, offset: vars.range.start.offset, depth: depth + 1)
                    }
                }
            }
            visitBody(body, scope, depth: depth + 1)
        case .match(let subject, let cases):
            visitExpr(subject, scope, .other, depth: depth + 1)
            for matchCase in cases {
                for expr in ASTChildren.expressions(of: matchCase.pattern, depth: 0) { visitExpr(expr, scope, .other, depth: depth + 1) }
                bindPatternNames(matchCase.pattern, scope, depth: depth + 1)
                if let guardExpr = matchCase.guardExpr { visitExpr(guardExpr, scope, .truthTest, depth: depth + 1) }
                visitBody(matchCase.body, scope, depth: depth + 1)
            }
        case .try(_, let body, let handlers, let orelse, let finalbody):
            visitBody(body, scope, depth: depth + 1)
            for handler in handlers {
                if let type = handler.type { visitExpr(type, scope, .other, depth: depth + 1) }
                if let name = handler.name { bind(name, .other, offset: handler.range.start.offset, range: handler.range, in: scope) }
                visitBody(handler.body, scope, depth: depth + 1)
            }
            visitBody(orelse, scope, depth: depth + 1)
            visitBody(finalbody, scope, depth: depth + 1)
        case .assert(let test, let msg):
            visitExpr(test, scope, .truthTest, depth: depth + 1)
            if let msg { visitExpr(msg, scope, .other, depth: depth + 1) }
        case .expr(let value):
            visitExpr(value, scope, .statement, depth: depth + 1)
        case .import(let names):
            for alias in names {
                if let asname = alias.asname {
                    bind(asname, .importModule(alias.name), offset: stmt.range.start.offset, range: alias.range, in: scope)
                } else {
                    let head = alias.name.split(separator: ".").first.map(String.init) ?? alias.name
                    bind(head, .importModule(head), offset: stmt.range.start.offset, range: alias.range, in: scope)
                }
            }
        case .importFrom(let module, let names, let level):
            for alias in names where alias.name != "*" {
                if let asname = alias.asname { aliasNames.insert(asname) }
                bind(alias.asname ?? alias.name, .importFrom(module: module ?? "", name: alias.name, level: level),
                     offset: stmt.range.start.offset, range: alias.range, in: scope)
            }
        case .delete(let targets):
            for target in targets { visitExpr(target, scope, .other, depth: depth + 1) }
        case .raise(let exc, let cause):
            if let exc { visitExpr(exc, scope, .other, depth: depth + 1) }
            if let cause { visitExpr(cause, scope, .other, depth: depth + 1) }
        case .global, .nonlocal, .pass, .break, .continue, .invalid:
            break
        }
    }

    private func bindParameters(_ args: Arguments, in scope: Scope) {
        var index = 0
        for arg in args.posonlyargs {
            bind(arg.arg, .parameter(annotation: arg.annotation, index: index), offset: scope.range.start.offset, range: arg.range, in: scope)
            index += 1
        }
        for arg in args.args {
            bind(arg.arg, .parameter(annotation: arg.annotation, index: index), offset: scope.range.start.offset, range: arg.range, in: scope)
            index += 1
        }
        if let arg = args.vararg {
            bind(arg.arg, .parameter(annotation: arg.annotation, index: -1), offset: scope.range.start.offset, range: arg.range, in: scope)
        }
        if let arg = args.kwarg {
            bind(arg.arg, .parameter(annotation: arg.annotation, index: -1), offset: scope.range.start.offset, range: arg.range, in: scope)
        }
        for arg in args.kwonlyargs {
            bind(arg.arg, .parameter(annotation: arg.annotation, index: -1), offset: scope.range.start.offset, range: arg.range, in: scope)
        }
    }

    private func bindPatternNames(_ pattern: Pattern, _ scope: Scope, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        switch pattern.kind {
        case .matchAs(let sub, let name):
            if let name { bind(name, .other, offset: pattern.range.start.offset, range: pattern.range, in: scope) }
            if let sub { bindPatternNames(sub, scope, depth: depth + 1) }
        case .matchStar(let name):
            if let name { bind(name, .other, offset: pattern.range.start.offset, range: pattern.range, in: scope) }
        case .matchMapping(_, let patterns, let rest):
            if let rest { bind(rest, .other, offset: pattern.range.start.offset, range: pattern.range, in: scope) }
            for sub in patterns { bindPatternNames(sub, scope, depth: depth + 1) }
        case .matchSequence(let patterns), .matchOr(let patterns):
            for sub in patterns { bindPatternNames(sub, scope, depth: depth + 1) }
        case .matchClass(_, let patterns, _, let kwdPatterns):
            for sub in patterns + kwdPatterns { bindPatternNames(sub, scope, depth: depth + 1) }
        case .matchValue, .matchSingleton, .invalid:
            break
        }
    }

    /// Binds the names of an assignment target and visits the expressions it evaluates
    /// (`obj` and `key` in `obj[key] = value`).
    private func visitTarget(_ target: Expr, _ scope: Scope, value: Expr?, offset: Int, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        switch target.kind {
        case .name(let id, _):
            if let value {
                switch value.kind {
                case .name, .attribute: aliasNames.insert(id)
                default: break
                }
            }
            bind(id, value.map { .assignment($0) } ?? .other, offset: offset, range: target.range, in: scope)
            expressions.append(ExprVisit(expr: target, scope: scope, context: .other))
        case .tuple(let elts, _), .list(let elts, _):
            for (index, element) in elts.enumerated() {
                if case .name(let id, _) = element.kind, let value {
                    bind(id, .unpacked(value, index: index), offset: offset, range: element.range, in: scope)
                    expressions.append(ExprVisit(expr: element, scope: scope, context: .other))
                } else {
                    visitTarget(element, scope, value: nil, offset: offset, depth: depth + 1)
                }
            }
        case .starred(let inner, _):
            visitTarget(inner, scope, value: nil, offset: offset, depth: depth + 1)
        case .attribute(let base, let attr, _):
            expressions.append(ExprVisit(expr: target, scope: scope, context: .other))
            visitExpr(base, scope, .attributeBase(attr), depth: depth + 1)
        case .subscript(let base, let slice, _):
            expressions.append(ExprVisit(expr: target, scope: scope, context: .other))
            visitExpr(base, scope, .other, depth: depth + 1)
            visitExpr(slice, scope, .other, depth: depth + 1)
        default:
            visitExpr(target, scope, .other, depth: depth + 1)
        }
    }

    private func visitExpr(_ expr: Expr, _ scope: Scope, _ context: UseContext, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        switch expr.kind {
        case .call, .name, .await, .attribute, .listComp, .setComp, .dictComp, .generatorExp:
            expressions.append(ExprVisit(expr: expr, scope: scope, context: context))
        default:
            break  // constants, operators, containers: no rule asks about them
        }
        let next = depth + 1
        switch expr.kind {
        case .boolOp(_, let values):
            for (index, value) in values.enumerated() {
                visitExpr(value, scope, index == values.count - 1 && context != .truthTest ? .stored : .truthTest, depth: next)
            }
        case .namedExpr(let target, let value):
            var bindIn = scope
            while bindIn.kind == .comprehension, let parent = bindIn.parent { bindIn = parent }
            if case .name(let id, _) = target.kind {
                visitExpr(value, scope, .assignedToName(id, bindingOffset: expr.range.end.offset), depth: next)
                bind(id, .assignment(value), offset: expr.range.end.offset, range: target.range, in: bindIn)
                expressions.append(ExprVisit(expr: target, scope: bindIn, context: .other))
            } else {
                visitExpr(value, scope, .other, depth: next)
            }
        case .binOp(let left, let op, let right):
            let how = Self.operandUse(op)
            visitExpr(left, scope, .operand(how), depth: next)
            visitExpr(right, scope, .operand(how), depth: next)
        case .unaryOp(let op, let operand):
            visitExpr(operand, scope, op == .not ? .truthTest : .operand("used as an operand"), depth: next)
        case .lambda(let args, let body):
            ASTChildren.forEachExpression(of: args, includeAnnotations: false) { value in visitExpr(value, scope, .other, depth: next) }
            let inner = newScope(.lambda, parent: scope, range: expr.range)
            bindParameters(args, in: inner)
            visitExpr(body, inner, .returned, depth: next)
        case .ifExp(let test, let body, let orelse):
            visitExpr(test, scope, .truthTest, depth: next)
            visitExpr(body, scope, context == .statement ? .statement : .stored, depth: next)
            visitExpr(orelse, scope, context == .statement ? .statement : .stored, depth: next)
        case .dict(let keys, let values):
            for (index, value) in values.enumerated() {
                if index < keys.count, let key = keys[index] { visitExpr(key, scope, .stored, depth: next) }
                visitExpr(value, scope, .stored, depth: next)
            }
        case .set(let elts), .list(let elts, _), .tuple(let elts, _):
            for elt in elts { visitExpr(elt, scope, .stored, depth: next) }
        case .listComp(let elt, let generators), .setComp(let elt, let generators), .generatorExp(let elt, let generators):
            visitComprehension(expr, elt, nil, generators, scope, depth: next)
        case .dictComp(let key, let value, let generators):
            visitComprehension(expr, key, value, generators, scope, depth: next)
        case .await(let value):
            visitExpr(value, scope, .awaited, depth: next)
        case .yield(let value):
            if let value { visitExpr(value, scope, .yielded, depth: next) }
        case .yieldFrom(let value):
            visitExpr(value, scope, .yielded, depth: next)
        case .compare(let left, _, let comparators):
            visitExpr(left, scope, .operand("compared"), depth: next)
            for operand in comparators { visitExpr(operand, scope, .operand("compared"), depth: next) }
        case .call(let function, let args, let keywords):
            callCount += 1
            visitExpr(function, scope, .callee, depth: next)
            for arg in args {
                if case .starred(let inner, _) = arg.kind {
                    expressions.append(ExprVisit(expr: arg, scope: scope, context: .argument(call: expr)))
                    visitExpr(inner, scope, .stored, depth: next)
                } else {
                    visitExpr(arg, scope, .argument(call: expr), depth: next)
                }
            }
            for keyword in keywords { visitExpr(keyword.value, scope, .argument(call: expr), depth: next) }
        case .formattedValue(let value, _, let formatSpec):
            visitExpr(value, scope, .operand("formatted into a string"), depth: next)
            if let formatSpec { visitExpr(formatSpec, scope, .other, depth: next) }
        case .joinedStr(let values):
            for value in values { visitExpr(value, scope, .other, depth: next) }
        case .attribute(let value, let attr, _):
            visitExpr(value, scope, .attributeBase(attr), depth: next)
        case .subscript(let value, let slice, _):
            visitExpr(value, scope, .operand("indexed"), depth: next)
            visitExpr(slice, scope, .stored, depth: next)
        case .starred(let value, _):
            visitExpr(value, scope, .stored, depth: next)
        case .slice(let lower, let upper, let step):
            if let lower { visitExpr(lower, scope, .operand("used in a slice"), depth: next) }
            if let upper { visitExpr(upper, scope, .operand("used in a slice"), depth: next) }
            if let step { visitExpr(step, scope, .operand("used in a slice"), depth: next) }
        case .constant, .name, .invalid:
            break
        }
    }

    private func visitComprehension(_ expr: Expr, _ element: Expr, _ second: Expr?, _ generators: [Comprehension], _ scope: Scope, depth: Int) {
        guard let first = generators.first else { return }
        visitExpr(first.iter, scope, first.isAsync ? .other : .operand("iterated over"), depth: depth)
        let inner = newScope(.comprehension, parent: scope, range: expr.range)
        for (index, generator) in generators.enumerated() {
            if index > 0 { visitExpr(generator.iter, inner, generator.isAsync ? .other : .operand("iterated over"), depth: depth) }
            visitTarget(generator.target, inner, value: nil, offset: generator.target.range.start.offset, depth: depth)
            for condition in generator.ifs { visitExpr(condition, inner, .truthTest, depth: depth) }
        }
        visitExpr(element, inner, .stored, depth: depth)
        if let second { visitExpr(second, inner, .stored, depth: depth) }
    }

    /// "used as an operand of '+'" for each operator, built once (not once per `+` of every file).
    private static let operandUses: [BinaryOperator: String] = {
        let all: [BinaryOperator] = [.add, .sub, .mult, .matMult, .div, .mod, .pow, .lShift, .rShift, .bitOr, .bitXor, .bitAnd, .floorDiv]
        return Dictionary(uniqueKeysWithValues: all.map { ($0, "used as an operand of '\($0.symbol)'") })
    }()

    private static func operandUse(_ op: BinaryOperator) -> String {
        operandUses[op] ?? "used as an operand of '\(op.symbol)'"
    }
}
