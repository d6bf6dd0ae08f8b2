/// Checks the range invariants of a parsed module, in the spirit of ruff's
/// `tests/fixtures.rs` validator: every range is in bounds, starts before it ends, agrees with
/// the line table (`column == offset - lineStart(line)`), nests inside its parent (decorators,
/// which CPython places before the `def`, excepted), and siblings in a body do not overlap.
/// Tests run every parse through it.
public struct RangeValidator {
    private let lineStarts: [Int]
    private let length: Int
    public private(set) var problems: [String] = []

    public init(source: [UInt8]) {
        var starts = [0, 0]
        if source.count >= 3 && source[0] == 0xEF && source[1] == 0xBB && source[2] == 0xBF { starts[1] = 3 }
        var i = starts[1]
        while i < source.count {
            let c = source[i]
            if c == 10 || c == 13 {
                if c == 13 && i + 1 < source.count && source[i + 1] == 10 { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.lineStarts = starts
        self.length = source.count
    }

    /// Validates `module` and returns the problems found (empty when all invariants hold).
    public static func validate(_ module: Module, source: [UInt8]) -> [String] {
        var v = RangeValidator(source: source)
        let whole = SourceRange(start: SourceLocation(line: 1, column: 0, offset: 0),
                                end: SourceLocation(line: Int.max, column: 0, offset: source.count))
        v.body(module.body, whole)
        return v.problems
    }

    private mutating func check(_ r: SourceRange, _ parent: SourceRange, _ what: String) {
        for loc in [r.start, r.end] {
            guard loc.offset >= 0, loc.offset <= length, loc.line >= 1, loc.line < lineStarts.count else {
                problems.append("\(what): location out of bounds \(loc)")
                return
            }
            if lineStarts[loc.line] + loc.column != loc.offset {
                problems.append("\(what): line/column \(loc.line):\(loc.column) disagree with offset \(loc.offset)")
            }
        }
        if r.start.offset > r.end.offset { problems.append("\(what): starts after it ends \(r)") }
        if r.start.offset < parent.start.offset || r.end.offset > parent.end.offset {
            problems.append("\(what) at \(r.start.line):\(r.start.column) is outside its parent \(parent.start.line):\(parent.start.column)-\(parent.end.line):\(parent.end.column)")
        }
    }

    private mutating func body(_ list: [Stmt], _ parent: SourceRange) {
        var lastEnd = -1
        for s in list {
            if s.range.start.offset < lastEnd {
                problems.append("statement at \(s.range.start.line):\(s.range.start.column) overlaps the previous one")
            }
            lastEnd = s.range.end.offset
            stmt(s, parent)
        }
    }

    private mutating func exprs(_ list: [Expr], _ parent: SourceRange) {
        for e in list { expr(e, parent) }
    }

    private mutating func opt(_ e: Expr?, _ parent: SourceRange) {
        if let e { expr(e, parent) }
    }

    private mutating func arguments(_ a: Arguments, _ parent: SourceRange) {
        for arg in a.posonlyargs + a.args + a.kwonlyargs + [a.vararg, a.kwarg].compactMap({ $0 }) {
            check(arg.range, parent, "arg")
            opt(arg.annotation, arg.range)
        }
        exprs(a.defaults, parent)
        for d in a.kwDefaults { opt(d, parent) }
    }

    private mutating func typeParams(_ list: [TypeParam], _ parent: SourceRange) {
        for t in list {
            check(t.range, parent, "type_param")
            if case .typeVar(let bound) = t.kind { opt(bound, t.range) }
        }
    }

    private mutating func stmt(_ s: Stmt, _ parent: SourceRange) {
        let r = s.range
        check(r, parent, "stmt")
        switch s.kind {
        case .functionDef(let f):
            for d in f.decoratorList { expr(d, SourceRange(start: parent.start, end: r.start)) }
            arguments(f.args, r)
            opt(f.returns, r)
            typeParams(f.typeParams, r)
            body(f.body, r)
        case .classDef(let c):
            for d in c.decoratorList { expr(d, SourceRange(start: parent.start, end: r.start)) }
            exprs(c.bases, r)
            for k in c.keywords { check(k.range, r, "keyword"); expr(k.value, k.range) }
            typeParams(c.typeParams, r)
            body(c.body, r)
        case .return(let v): opt(v, r)
        case .delete(let t): exprs(t, r)
        case .assign(let t, let v, _): exprs(t, r); expr(v, r)
        case .typeAlias(let n, let tp, let v): expr(n, r); typeParams(tp, r); expr(v, r)
        case .augAssign(let t, _, let v): expr(t, r); expr(v, r)
        case .annAssign(let t, let a, let v, _): expr(t, r); expr(a, r); opt(v, r)
        case .for(_, let t, let i, let b, let o, _): expr(t, r); expr(i, r); body(b, r); body(o, r)
        case .while(let t, let b, let o): expr(t, r); body(b, r); body(o, r)
        case .if(let t, let b, let o): expr(t, r); body(b, r); body(o, r)
        case .with(_, let items, let b, _):
            for item in items { expr(item.contextExpr, r); opt(item.optionalVars, r) }
            body(b, r)
        case .match(let subject, let cases):
            expr(subject, r)
            for c in cases { pattern(c.pattern, r); opt(c.guardExpr, r); body(c.body, r) }
        case .raise(let e, let c): opt(e, r); opt(c, r)
        case .try(_, let b, let handlers, let o, let f):
            body(b, r)
            for h in handlers { check(h.range, r, "excepthandler"); opt(h.type, h.range); body(h.body, h.range) }
            body(o, r); body(f, r)
        case .assert(let t, let m): expr(t, r); opt(m, r)
        case .import(let names), .importFrom(_, let names, _):
            for a in names { check(a.range, r, "alias") }
        case .expr(let v): expr(v, r)
        case .global, .nonlocal, .pass, .break, .continue, .invalid: break
        }
    }

    private mutating func comprehensions(_ gens: [Comprehension], _ r: SourceRange) {
        for g in gens { expr(g.target, r); expr(g.iter, r); exprs(g.ifs, r) }
    }

    private mutating func expr(_ e: Expr, _ parent: SourceRange) {
        let r = e.range
        check(r, parent, "expr")
        switch e.kind {
        case .boolOp(_, let v): exprs(v, r)
        case .namedExpr(let t, let v): expr(t, r); expr(v, r)
        case .binOp(let l, _, let rr): expr(l, r); expr(rr, r)
        case .unaryOp(_, let o): expr(o, r)
        case .lambda(let a, let b): arguments(a, r); expr(b, r)
        case .ifExp(let t, let b, let o): expr(t, r); expr(b, r); expr(o, r)
        case .dict(let k, let v): for x in k { opt(x, r) }; exprs(v, r)
        case .set(let elts): exprs(elts, r)
        case .listComp(let elt, let g), .setComp(let elt, let g), .generatorExp(let elt, let g):
            expr(elt, r); comprehensions(g, r)
        case .dictComp(let k, let v, let g): expr(k, r); expr(v, r); comprehensions(g, r)
        case .await(let v), .yieldFrom(let v): expr(v, r)
        case .yield(let v): opt(v, r)
        case .compare(let l, _, let c): expr(l, r); exprs(c, r)
        case .call(let f, let a, let k):
            expr(f, r); exprs(a, r)
            for kw in k { check(kw.range, r, "keyword"); expr(kw.value, kw.range) }
        case .formattedValue(let v, _, let spec): expr(v, r); opt(spec, r)
        case .joinedStr(let v): exprs(v, r)
        case .attribute(let v, _, _), .starred(let v, _): expr(v, r)
        case .subscript(let v, let s, _): expr(v, r); expr(s, r)
        case .list(let elts, _), .tuple(let elts, _): exprs(elts, r)
        case .slice(let l, let u, let s): opt(l, r); opt(u, r); opt(s, r)
        case .constant, .name, .invalid: break
        }
    }

    private mutating func pattern(_ p: Pattern, _ parent: SourceRange) {
        let r = p.range
        check(r, parent, "pattern")
        switch p.kind {
        case .matchValue(let v): expr(v, r)
        case .matchSequence(let ps), .matchOr(let ps): for x in ps { pattern(x, r) }
        case .matchMapping(let k, let ps, _): exprs(k, r); for x in ps { pattern(x, r) }
        case .matchClass(let c, let ps, _, let kps): expr(c, r); for x in ps + kps { pattern(x, r) }
        case .matchAs(let x, _): if let x { pattern(x, r) }
        case .matchSingleton, .matchStar, .invalid: break
        }
    }
}
