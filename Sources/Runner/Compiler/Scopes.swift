// The symbol table pass (CPython's `Python/symtable.c`): which names are locals (slots), cells
// (locals captured by inner functions), free variables (captured from outside) and globals,
// decided once before code generation so that every name access compiles to its final opcode.
import Analyzer

final class Scope {
    enum Kind { case module, function, classBody, comprehension }

    let kind: Kind
    let name: String
    let parent: Scope?
    var params: [String] = []
    /// Names bound in this scope, in order of first binding.
    var assignedOrder: [String] = []
    var assigned = Set<String>()
    var referenced = Set<String>()
    var globals = Set<String>()
    var nonlocals = Set<String>()
    var isGenerator = false
    var isAsync = false
    var hasAwait = false
    var usesSuper = false

    // Results of resolution.
    var locals: [String] = []
    var localSet = Set<String>()
    var cellvars: [String] = []
    var freevars: [String] = []
    var children: [Scope] = []

    init(kind: Kind, name: String, parent: Scope?) {
        self.kind = kind
        self.name = name
        self.parent = parent
        parent?.children.append(self)
    }

    func bind(_ name: String) {
        if assigned.insert(name).inserted { assignedOrder.append(name) }
    }

    var isFunctionLike: Bool { kind == .function || kind == .comprehension }
}

/// Identifies the AST node that opens a scope (nodes are values, so by position and kind).
struct ScopeKey: Hashable {
    let offset: Int
    let line: Int
    let tag: UInt8
}

struct CompileError: Error {
    let type: String
    let message: String
    let line: Int
}

final class SymbolTable {
    var scopes: [ScopeKey: Scope] = [:]
    let module: Scope

    init(_ m: Module) throws {
        module = Scope(kind: .module, name: "<module>", parent: nil)
        for s in m.body { try visit(s, module) }
        try resolve(module)
    }

    static func key(_ r: SourceRange, _ tag: UInt8) -> ScopeKey {
        ScopeKey(offset: r.start.offset, line: r.start.line, tag: tag)
    }

    // MARK: collection

    private func bindTarget(_ e: Expr, _ scope: Scope) throws {
        switch e.kind {
        case .name(let id, _): try bindName(id, scope, line: e.range.start.line)
        case .tuple(let elts, _), .list(let elts, _): for x in elts { try bindTarget(x, scope) }
        case .starred(let v, _): try bindTarget(v, scope)
        default: try visit(e, scope)
        }
    }

    private func bindName(_ id: String, _ scope: Scope, line: Int) throws {
        scope.bind(id)
    }

    private func visitBody(_ body: [Stmt], _ scope: Scope) throws {
        for s in body { try visit(s, scope) }
    }

    private func visitArguments(_ a: Arguments, _ scope: Scope) throws {
        for d in a.defaults { try visit(d, scope) }
        for d in a.kwDefaults { if let d { try visit(d, scope) } }
        if scope.kind != .classBody || true {
            for arg in a.posonlyargs + a.args + a.kwonlyargs { if let ann = arg.annotation { try visit(ann, scope) } }
            if let ann = a.vararg?.annotation { try visit(ann, scope) }
            if let ann = a.kwarg?.annotation { try visit(ann, scope) }
        }
    }

    private func functionScope(_ name: String, _ a: Arguments, _ parent: Scope, key: ScopeKey, isAsync: Bool) -> Scope {
        let s = Scope(kind: .function, name: name, parent: parent)
        s.isAsync = isAsync
        var params = (a.posonlyargs + a.args).map { $0.arg }
        params += a.kwonlyargs.map { $0.arg }
        if let v = a.vararg { params.append(v.arg) }
        if let k = a.kwarg { params.append(k.arg) }
        s.params = params
        for p in params { s.bind(p) }
        scopes[key] = s
        return s
    }

    func visit(_ s: Stmt, _ scope: Scope) throws {
        switch s.kind {
        case .functionDef(let f):
            for d in f.decoratorList { try visit(d, scope) }
            try visitArguments(f.args, scope)
            if let r = f.returns { try visit(r, scope) }
            scope.bind(f.name)
            let inner = functionScope(f.name, f.args, scope, key: SymbolTable.key(s.range, 1), isAsync: f.isAsync)
            try visitBody(f.body, inner)
        case .classDef(let c):
            for d in c.decoratorList { try visit(d, scope) }
            for b in c.bases { try visit(b, scope) }
            for k in c.keywords { try visit(k.value, scope) }
            scope.bind(c.name)
            let inner = Scope(kind: .classBody, name: c.name, parent: scope)
            scopes[SymbolTable.key(s.range, 2)] = inner
            try visitBody(c.body, inner)
        case .return(let v):
            if let v { try visit(v, scope) }
        case .delete(let targets):
            for t in targets { try bindTarget(t, scope) }
        case .assign(let targets, let value, _):
            try visit(value, scope)
            for t in targets { try bindTarget(t, scope) }
        case .augAssign(let target, _, let value):
            try visit(value, scope)
            if case .name(let id, _) = target.kind { scope.referenced.insert(id) }
            try bindTarget(target, scope)
        case .annAssign(let target, let annotation, let value, _):
            if let value { try visit(value, scope) }
            if scope.kind != .function { try visit(annotation, scope) }
            if value != nil || scope.kind == .function { try bindTarget(target, scope) } else if case .name = target.kind {
                if scope.kind == .function { try bindTarget(target, scope) }
            } else { try bindTarget(target, scope) }
        case .for(let isAsync, let target, let iter, let body, let orelse, _):
            if isAsync { scope.hasAwait = true }
            try visit(iter, scope)
            try bindTarget(target, scope)
            try visitBody(body, scope)
            try visitBody(orelse, scope)
        case .while(let test, let body, let orelse):
            try visit(test, scope)
            try visitBody(body, scope)
            try visitBody(orelse, scope)
        case .if(let test, let body, let orelse):
            try visit(test, scope)
            try visitBody(body, scope)
            try visitBody(orelse, scope)
        case .with(let isAsync, let items, let body, _):
            if isAsync { scope.hasAwait = true }
            for item in items {
                try visit(item.contextExpr, scope)
                if let v = item.optionalVars { try bindTarget(v, scope) }
            }
            try visitBody(body, scope)
        case .match(let subject, let cases):
            try visit(subject, scope)
            for c in cases {
                try visitPattern(c.pattern, scope)
                if let g = c.guardExpr { try visit(g, scope) }
                try visitBody(c.body, scope)
            }
        case .raise(let exc, let cause):
            if let exc { try visit(exc, scope) }
            if let cause { try visit(cause, scope) }
        case .try(_, let body, let handlers, let orelse, let finalbody):
            try visitBody(body, scope)
            for h in handlers {
                if let t = h.type { try visit(t, scope) }
                if let n = h.name { scope.bind(n) }
                try visitBody(h.body, scope)
            }
            try visitBody(orelse, scope)
            try visitBody(finalbody, scope)
        case .assert(let test, let msg):
            try visit(test, scope)
            if let msg { try visit(msg, scope) }
        case .import(let names):
            for a in names { scope.bind(a.asname ?? String(a.name.split(separator: ".").first ?? "")) }
        case .importFrom(_, let names, _):
            for a in names where a.name != "*" { scope.bind(a.asname ?? a.name) }
        case .global(let names):
            for n in names {
                if scope.assigned.contains(n) || scope.referenced.contains(n) {
                    if scope.params.contains(n) { throw CompileError(type: "SyntaxError", message: "name '\(n)' is parameter and global", line: s.range.start.line) }
                    throw CompileError(type: "SyntaxError", message: "name '\(n)' is \(scope.assigned.contains(n) ? "assigned to" : "used") before global declaration", line: s.range.start.line)
                }
                scope.globals.insert(n)
            }
        case .nonlocal(let names):
            if scope.kind == .module { throw CompileError(type: "SyntaxError", message: "nonlocal declaration not allowed at module level", line: s.range.start.line) }
            for n in names {
                if scope.params.contains(n) { throw CompileError(type: "SyntaxError", message: "name '\(n)' is parameter and nonlocal", line: s.range.start.line) }
                if scope.assigned.contains(n) || scope.referenced.contains(n) {
                    throw CompileError(type: "SyntaxError", message: "name '\(n)' is \(scope.assigned.contains(n) ? "assigned to" : "used") before nonlocal declaration", line: s.range.start.line)
                }
                scope.nonlocals.insert(n)
            }
        case .expr(let v):
            try visit(v, scope)
        case .typeAlias(let name, _, let value):
            try bindTarget(name, scope)
            try visit(value, scope)
        case .pass, .break, .continue, .invalid:
            break
        }
    }

    private func visitPattern(_ p: Pattern, _ scope: Scope) throws {
        switch p.kind {
        case .matchValue(let v): try visit(v, scope)
        case .matchSingleton: break
        case .matchSequence(let ps): for x in ps { try visitPattern(x, scope) }
        case .matchMapping(let keys, let ps, let rest):
            for k in keys { try visit(k, scope) }
            for x in ps { try visitPattern(x, scope) }
            if let rest { scope.bind(rest) }
        case .matchClass(let cls, let ps, _, let kps):
            try visit(cls, scope)
            for x in ps + kps { try visitPattern(x, scope) }
        case .matchStar(let name): if let name { scope.bind(name) }
        case .matchAs(let pattern, let name):
            if let pattern { try visitPattern(pattern, scope) }
            if let name { scope.bind(name) }
        case .matchOr(let ps): for x in ps { try visitPattern(x, scope) }
        case .invalid: break
        }
    }

    func visit(_ e: Expr, _ scope: Scope) throws {
        switch e.kind {
        case .boolOp(_, let values): for v in values { try visit(v, scope) }
        case .namedExpr(let target, let value):
            try visit(value, scope)
            if case .name(let id, _) = target.kind {
                var s = scope
                while s.kind == .comprehension, let p = s.parent { s = p }
                if s !== scope {
                    if s.kind == .classBody {
                        throw CompileError(type: "SyntaxError", message: "assignment expression within a comprehension cannot be used in a class body", line: e.range.start.line)
                    }
                    s.bind(id)
                    var c: Scope? = scope
                    while let cs = c, cs !== s {
                        if s.kind == .module { cs.globals.insert(id) } else { cs.nonlocals.insert(id) }
                        c = cs.parent
                    }
                } else {
                    scope.bind(id)
                }
            }
        case .binOp(let l, _, let r):
            try visit(l, scope)
            try visit(r, scope)
        case .unaryOp(_, let o): try visit(o, scope)
        case .lambda(let args, let body):
            try visitArguments(args, scope)
            let inner = functionScope("<lambda>", args, scope, key: SymbolTable.key(e.range, 3), isAsync: false)
            try visit(body, inner)
        case .ifExp(let t, let b, let o):
            try visit(t, scope)
            try visit(b, scope)
            try visit(o, scope)
        case .dict(let keys, let values):
            for k in keys { if let k { try visit(k, scope) } }
            for v in values { try visit(v, scope) }
        case .set(let elts): for x in elts { try visit(x, scope) }
        case .listComp(let elt, let gens): try comprehension(e, [elt], gens, scope, name: "<listcomp>", isGenExpr: false)
        case .setComp(let elt, let gens): try comprehension(e, [elt], gens, scope, name: "<setcomp>", isGenExpr: false)
        case .dictComp(let k, let v, let gens): try comprehension(e, [k, v], gens, scope, name: "<dictcomp>", isGenExpr: false)
        case .generatorExp(let elt, let gens): try comprehension(e, [elt], gens, scope, name: "<genexpr>", isGenExpr: true)
        case .await(let v):
            scope.hasAwait = true
            try visit(v, scope)
        case .yield(let v):
            scope.isGenerator = true
            if let v { try visit(v, scope) }
        case .yieldFrom(let v):
            scope.isGenerator = true
            try visit(v, scope)
        case .compare(let l, _, let cs):
            try visit(l, scope)
            for c in cs { try visit(c, scope) }
        case .call(let f, let args, let kws):
            try visit(f, scope)
            for a in args { try visit(a, scope) }
            for k in kws { try visit(k.value, scope) }
        case .formattedValue(let v, _, let spec):
            try visit(v, scope)
            if let spec { try visit(spec, scope) }
        case .joinedStr(let vs): for v in vs { try visit(v, scope) }
        case .constant: break
        case .attribute(let v, _, _): try visit(v, scope)
        case .subscript(let v, let s, _):
            try visit(v, scope)
            try visit(s, scope)
        case .starred(let v, _): try visit(v, scope)
        case .name(let id, let ctx):
            if ctx == .load {
                scope.referenced.insert(id)
                if id == "super" || id == "__class__" { scope.usesSuper = true }
            } else {
                scope.bind(id)
            }
        case .list(let elts, _), .tuple(let elts, _): for x in elts { try visit(x, scope) }
        case .slice(let a, let b, let c):
            if let a { try visit(a, scope) }
            if let b { try visit(b, scope) }
            if let c { try visit(c, scope) }
        case .invalid: break
        }
    }

    private func comprehension(_ e: Expr, _ elts: [Expr], _ gens: [Comprehension], _ scope: Scope, name: String, isGenExpr: Bool) throws {
        guard let first = gens.first else { return }
        try visit(first.iter, scope)
        let inner = Scope(kind: .comprehension, name: name, parent: scope)
        inner.params = [".0"]
        inner.bind(".0")
        inner.isGenerator = isGenExpr
        scopes[SymbolTable.key(e.range, 4)] = inner
        for (i, g) in gens.enumerated() {
            if g.isAsync { inner.hasAwait = true }
            if i > 0 { try visit(g.iter, inner) }
            try bindTarget(g.target, inner)
            for cond in g.ifs { try visit(cond, inner) }
        }
        for x in elts { try visit(x, inner) }
        if inner.hasAwait && !isGenExpr { scope.hasAwait = true }
    }

    // MARK: resolution

    private func resolve(_ root: Scope) throws {
        var all: [Scope] = []
        func collect(_ s: Scope) {
            all.append(s)
            for c in s.children { collect(c) }
        }
        collect(root)
        for s in all where s.isFunctionLike {
            var order = s.params
            for n in s.assignedOrder where !s.globals.contains(n) && !s.nonlocals.contains(n) && !order.contains(n) { order.append(n) }
            s.locals = order
            s.localSet = Set(order)
        }
        for s in all where s.kind == .classBody {
            s.localSet = Set(s.assignedOrder.filter { !s.globals.contains($0) && !s.nonlocals.contains($0) })
        }
        for s in all where s.kind != .module {
            var needed = s.referenced.union(s.nonlocals)
            if s.kind == .classBody { needed.subtract(s.localSet.subtracting(s.nonlocals)) }
            for n in needed.sorted() where !s.globals.contains(n) {
                if s.isFunctionLike && s.localSet.contains(n) { continue }
                if let d = definingScope(n, from: s) {
                    addCell(n, d)
                    var c: Scope? = s
                    while let cs = c, cs !== d {
                        if !cs.freevars.contains(n) { cs.freevars.append(n) }
                        c = cs.parent
                    }
                } else if s.nonlocals.contains(n) {
                    throw CompileError(type: "SyntaxError", message: "no binding for nonlocal '\(n)' found", line: 0)
                }
            }
            // Zero-argument super(): methods get the class's __class__ cell.
            if s.usesSuper && s.kind == .function {
                var p = s.parent
                var path: [Scope] = [s]
                while let ps = p, ps.kind != .classBody { path.append(ps); p = ps.parent }
                if let cls = p {
                    addCell("__class__", cls)
                    for x in path where !x.freevars.contains("__class__") { x.freevars.append("__class__") }
                }
            }
        }
    }

    private func addCell(_ n: String, _ d: Scope) {
        if !d.cellvars.contains(n) { d.cellvars.append(n) }
    }

    private func definingScope(_ n: String, from s: Scope) -> Scope? {
        var p = s.parent
        while let ps = p {
            switch ps.kind {
            case .module: return nil
            case .classBody: break
            case .function, .comprehension:
                if ps.globals.contains(n) { return nil }
                if ps.localSet.contains(n) { return ps }
            }
            p = ps.parent
        }
        return nil
    }
}
