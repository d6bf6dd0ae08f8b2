/// Child enumeration over the shared AST (`Sources/Analyzer/AST`), in source order, so that
/// walkers need not repeat the big `switch` over `ExprKind` and `StmtKind`.
/// Mirrors the field order of CPython's `Parser/Python.asdl` (3.12), like `ast.iter_child_nodes`.
public enum ASTChildren {
    /// The deepest nesting that the walkers in `Semantics/` and `Rules/` descend to. Deeper
    /// subtrees (only machine-generated code nests this far) are skipped, never recursed into,
    /// so that no input can overflow the Swift stack.
    public static let maxDepth = 400

    /// Every direct child expression of `expr`, including those evaluated in a nested scope
    /// (a lambda's body, a comprehension's element).
    public static func expressions(of expr: Expr) -> [Expr] {
        switch expr.kind {
        case .boolOp(_, let values): return values
        case .namedExpr(let target, let value): return [target, value]
        case .binOp(let left, _, let right): return [left, right]
        case .unaryOp(_, let operand): return [operand]
        case .lambda(let args, let body): return expressions(of: args, includeAnnotations: false) + [body]
        case .ifExp(let test, let body, let orelse): return [body, test, orelse]
        case .dict(let keys, let values):
            var result: [Expr] = []
            for (index, value) in values.enumerated() {
                if index < keys.count, let key = keys[index] { result.append(key) }
                result.append(value)
            }
            return result
        case .set(let elts): return elts
        case .listComp(let elt, let generators), .setComp(let elt, let generators), .generatorExp(let elt, let generators):
            return [elt] + expressions(of: generators)
        case .dictComp(let key, let value, let generators): return [key, value] + expressions(of: generators)
        case .await(let value): return [value]
        case .yield(let value): return value.map { [$0] } ?? []
        case .yieldFrom(let value): return [value]
        case .compare(let left, _, let comparators): return [left] + comparators
        case .call(let function, let args, let keywords): return [function] + args + keywords.map(\.value)
        case .formattedValue(let value, _, let formatSpec): return [value] + (formatSpec.map { [$0] } ?? [])
        case .joinedStr(let values): return values
        case .constant: return []
        case .attribute(let value, _, _): return [value]
        case .subscript(let value, let slice, _): return [value, slice]
        case .starred(let value, _): return [value]
        case .name: return []
        case .list(let elts, _), .tuple(let elts, _): return elts
        case .slice(let lower, let upper, let step): return [lower, upper, step].compactMap { $0 }
        case .invalid: return []
        }
    }

    public static func expressions(of generators: [Comprehension]) -> [Expr] {
        var result: [Expr] = []
        for generator in generators {
            result.append(generator.target)
            result.append(generator.iter)
            result.append(contentsOf: generator.ifs)
        }
        return result
    }

    /// Defaults (evaluated where the `def`/`lambda` is) and, optionally, annotations.
    public static func expressions(of args: Arguments, includeAnnotations: Bool) -> [Expr] {
        var result = args.defaults + args.kwDefaults.compactMap { $0 }
        if includeAnnotations {
            let all = args.posonlyargs + args.args + (args.vararg.map { [$0] } ?? []) + args.kwonlyargs + (args.kwarg.map { [$0] } ?? [])
            result += all.compactMap(\.annotation)
        }
        return result
    }

    /// The expressions a statement holds directly (not those inside its nested bodies).
    /// For `def` and `class` these are the parts evaluated where the statement is: decorators,
    /// defaults, annotations, bases and keywords.
    public static func expressions(of stmt: Stmt) -> [Expr] {
        switch stmt.kind {
        case .functionDef(let def):
            return def.decoratorList + expressions(of: def.args, includeAnnotations: true) + (def.returns.map { [$0] } ?? [])
        case .classDef(let cls):
            return cls.decoratorList + cls.bases + cls.keywords.map(\.value)
        case .return(let value): return value.map { [$0] } ?? []
        case .delete(let targets): return targets
        case .assign(let targets, let value, _): return [value] + targets
        case .typeAlias(let name, _, let value): return [name, value]
        case .augAssign(let target, _, let value): return [target, value]
        case .annAssign(let target, let annotation, let value, _): return [target, annotation] + (value.map { [$0] } ?? [])
        case .for(_, let target, let iter, _, _, _): return [target, iter]
        case .while(let test, _, _), .if(let test, _, _): return [test]
        case .with(_, let items, _, _):
            return items.flatMap { [$0.contextExpr] + ($0.optionalVars.map { [$0] } ?? []) }
        case .match(let subject, let cases):
            var result = [subject]
            for matchCase in cases {
                result += expressions(of: matchCase.pattern, depth: 0)
                if let guardExpr = matchCase.guardExpr { result.append(guardExpr) }
            }
            return result
        case .raise(let exc, let cause): return [exc, cause].compactMap { $0 }
        case .try(_, _, let handlers, _, _): return handlers.compactMap(\.type)
        case .assert(let test, let msg): return [test] + (msg.map { [$0] } ?? [])
        case .expr(let value): return [value]
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue, .invalid: return []
        }
    }

    /// `expressions(of: stmt)` without building an array, in the same order.
    public static func forEachExpression(of stmt: Stmt, _ visit: (Expr) -> Void) {
        switch stmt.kind {
        case .functionDef(let def):
            for decorator in def.decoratorList { visit(decorator) }
            forEachExpression(of: def.args, includeAnnotations: true, visit)
            if let returns = def.returns { visit(returns) }
        case .classDef(let cls):
            for decorator in cls.decoratorList { visit(decorator) }
            for base in cls.bases { visit(base) }
            for keyword in cls.keywords { visit(keyword.value) }
        case .return(let value): if let value { visit(value) }
        case .delete(let targets): for target in targets { visit(target) }
        case .assign(let targets, let value, _):
            visit(value)
            for target in targets { visit(target) }
        case .typeAlias(let name, _, let value): visit(name); visit(value)
        case .augAssign(let target, _, let value): visit(target); visit(value)
        case .annAssign(let target, let annotation, let value, _):
            visit(target)
            visit(annotation)
            if let value { visit(value) }
        case .for(_, let target, let iter, _, _, _): visit(target); visit(iter)
        case .while(let test, _, _), .if(let test, _, _): visit(test)
        case .with(_, let items, _, _):
            for item in items {
                visit(item.contextExpr)
                if let vars = item.optionalVars { visit(vars) }
            }
        case .match, .try:
            for expr in expressions(of: stmt) { visit(expr) }
        case .raise(let exc, let cause):
            if let exc { visit(exc) }
            if let cause { visit(cause) }
        case .assert(let test, let msg):
            visit(test)
            if let msg { visit(msg) }
        case .expr(let value): visit(value)
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue, .invalid: break
        }
    }

    /// `blocks(of: stmt)` without building an array, in the same order.
    public static func forEachBlock(of stmt: Stmt, _ visit: ([Stmt]) -> Void) {
        switch stmt.kind {
        case .for(_, _, _, let body, let orelse, _), .while(_, let body, let orelse), .if(_, let body, let orelse):
            visit(body)
            visit(orelse)
        case .with(_, _, let body, _): visit(body)
        case .match(_, let cases): for matchCase in cases { visit(matchCase.body) }
        case .try(_, let body, let handlers, let orelse, let finalbody):
            visit(body)
            for handler in handlers { visit(handler.body) }
            visit(orelse)
            visit(finalbody)
        default: break
        }
    }

    /// Value expressions inside a pattern (`case Point(x=0)`, `case Color.RED`).
    public static func expressions(of pattern: Pattern, depth: Int) -> [Expr] {
        guard depth < maxDepth else { return [] }
        switch pattern.kind {
        case .matchValue(let value): return [value]
        case .matchSingleton, .matchStar, .invalid: return []
        case .matchSequence(let patterns), .matchOr(let patterns):
            return patterns.flatMap { expressions(of: $0, depth: depth + 1) }
        case .matchMapping(let keys, let patterns, _):
            return keys + patterns.flatMap { expressions(of: $0, depth: depth + 1) }
        case .matchClass(let cls, let patterns, _, let kwdPatterns):
            return [cls] + (patterns + kwdPatterns).flatMap { expressions(of: $0, depth: depth + 1) }
        case .matchAs(let sub, _):
            return sub.map { expressions(of: $0, depth: depth + 1) } ?? []
        }
    }

    /// The statement lists nested in `stmt` that run in the same scope (not a `def`'s or
    /// `class`'s body, which `scopeBody(of:)` returns).
    public static func blocks(of stmt: Stmt) -> [[Stmt]] {
        switch stmt.kind {
        case .for(_, _, _, let body, let orelse, _), .while(_, let body, let orelse), .if(_, let body, let orelse):
            return [body, orelse]
        case .with(_, _, let body, _): return [body]
        case .match(_, let cases): return cases.map(\.body)
        case .try(_, let body, let handlers, let orelse, let finalbody):
            return [body] + handlers.map(\.body) + [orelse, finalbody]
        default: return []
        }
    }

    /// The body of a `def` or `class`, which runs in a scope of its own.
    public static func scopeBody(of stmt: Stmt) -> [Stmt]? {
        switch stmt.kind {
        case .functionDef(let def): return def.body
        case .classDef(let cls): return cls.body
        default: return nil
        }
    }

    /// Calls `visit` on every statement of `body` and of the blocks nested in it, in source
    /// order, without entering `def` or `class` bodies.
    public static func forEachStatement(in body: [Stmt], depth: Int = 0, _ visit: (Stmt) -> Void) {
        guard depth < maxDepth else { return }
        for stmt in body {
            visit(stmt)
            forEachBlock(of: stmt) { block in
                forEachStatement(in: block, depth: depth + 1, visit)
            }
        }
    }

    /// Calls `visit` on each direct child of `expr`, in the order of `expressions(of:)`, without
    /// building an array (the walkers below run over every node of every file).
    @inline(__always)
    public static func forEachChild(of expr: Expr, _ visit: (Expr) -> Void) {
        switch expr.kind {
        case .boolOp(_, let values): for value in values { visit(value) }
        case .namedExpr(let target, let value): visit(target); visit(value)
        case .binOp(let left, _, let right): visit(left); visit(right)
        case .unaryOp(_, let operand): visit(operand)
        case .lambda(let args, let body):
            forEachExpression(of: args, includeAnnotations: false, visit)
            visit(body)
        case .ifExp(let test, let body, let orelse): visit(body); visit(test); visit(orelse)
        case .dict(let keys, let values):
            for (index, value) in values.enumerated() {
                if index < keys.count, let key = keys[index] { visit(key) }
                visit(value)
            }
        case .set(let elts): for elt in elts { visit(elt) }
        case .listComp(let elt, let generators), .setComp(let elt, let generators), .generatorExp(let elt, let generators):
            visit(elt)
            forEachExpression(of: generators, visit)
        case .dictComp(let key, let value, let generators):
            visit(key)
            visit(value)
            forEachExpression(of: generators, visit)
        case .await(let value): visit(value)
        case .yield(let value): if let value { visit(value) }
        case .yieldFrom(let value): visit(value)
        case .compare(let left, _, let comparators):
            visit(left)
            for comparator in comparators { visit(comparator) }
        case .call(let function, let args, let keywords):
            visit(function)
            for arg in args { visit(arg) }
            for keyword in keywords { visit(keyword.value) }
        case .formattedValue(let value, _, let formatSpec):
            visit(value)
            if let formatSpec { visit(formatSpec) }
        case .joinedStr(let values): for value in values { visit(value) }
        case .constant: break
        case .attribute(let value, _, _): visit(value)
        case .subscript(let value, let slice, _): visit(value); visit(slice)
        case .starred(let value, _): visit(value)
        case .name: break
        case .list(let elts, _), .tuple(let elts, _): for elt in elts { visit(elt) }
        case .slice(let lower, let upper, let step):
            if let lower { visit(lower) }
            if let upper { visit(upper) }
            if let step { visit(step) }
        case .invalid: break
        }
    }

    static func forEachExpression(of generators: [Comprehension], _ visit: (Expr) -> Void) {
        for generator in generators {
            visit(generator.target)
            visit(generator.iter)
            for condition in generator.ifs { visit(condition) }
        }
    }

    /// `expressions(of: args, includeAnnotations:)` without building an array.
    static func forEachExpression(of args: Arguments, includeAnnotations: Bool, _ visit: (Expr) -> Void) {
        for value in args.defaults { visit(value) }
        for value in args.kwDefaults { if let value { visit(value) } }
        guard includeAnnotations else { return }
        for arg in args.posonlyargs { if let annotation = arg.annotation { visit(annotation) } }
        for arg in args.args { if let annotation = arg.annotation { visit(annotation) } }
        if let annotation = args.vararg?.annotation { visit(annotation) }
        for arg in args.kwonlyargs { if let annotation = arg.annotation { visit(annotation) } }
        if let annotation = args.kwarg?.annotation { visit(annotation) }
    }

    /// Calls `visit` on `expr` and every expression below it (pre-order), entering lambdas and
    /// comprehensions unless `enterScopes` is false.
    public static func forEachExpression(_ expr: Expr, enterScopes: Bool = true, depth: Int = 0, _ visit: (Expr) -> Void) {
        guard depth < maxDepth else { return }
        visit(expr)
        if !enterScopes {
            switch expr.kind {
            case .lambda(let args, _):
                forEachExpression(of: args, includeAnnotations: false) { child in
                    forEachExpression(child, enterScopes: false, depth: depth + 1, visit)
                }
                return
            case .listComp(_, let generators), .setComp(_, let generators), .generatorExp(_, let generators), .dictComp(_, _, let generators):
                if let first = generators.first {
                    forEachExpression(first.iter, enterScopes: false, depth: depth + 1, visit)
                }
                return
            default: break
            }
        }
        forEachChild(of: expr) { child in
            forEachExpression(child, enterScopes: enterScopes, depth: depth + 1, visit)
        }
    }

    /// Whether the function body (not counting nested scopes) contains `yield` or `yield from`.
    public static func containsYield(_ body: [Stmt]) -> Bool {
        var found = false
        forEachStatement(in: body) { stmt in
            if found { return }
            forEachExpression(of: stmt) { expr in
                if found { return }
                forEachExpression(expr, enterScopes: false) { e in
                    switch e.kind {
                    case .yield, .yieldFrom: found = true
                    default: break
                    }
                }
            }
        }
        return found
    }
}
