/// `ast.dump(tree, include_attributes=True)` of CPython 3.12 (`Lib/ast.py`, `dump`), on one line.
///
/// Rules mirrored from `dump._format`: fields in `_fields` order; an optional (`?`) field whose
/// value is None is left out; lists are always printed; attributes follow the fields; values
/// are printed with Python's `repr` (see `PythonRepr`).
struct ASTDumper {
    var out = ""

    static func dump(_ module: Module) -> String {
        var d = ASTDumper()
        d.out.reserveCapacity(4096)
        d.out += "Module(body="
        d.stmts(module.body)
        d.out += ", type_ignores=["
        for (i, t) in module.typeIgnores.enumerated() {
            if i > 0 { d.out += ", " }
            d.out += "TypeIgnore(lineno=\(t.lineno), tag="
            d.out += PythonRepr.str(PyStringLiteral(t.tag))
            d.out += ")"
        }
        d.out += "])"
        return d.out
    }

    private mutating func attrs(_ r: SourceRange) {
        out += "lineno="
        out += String(r.start.line)
        out += ", col_offset="
        out += String(r.start.column)
        out += ", end_lineno="
        out += String(r.end.line)
        out += ", end_col_offset="
        out += String(r.end.column)
    }

    private mutating func stmts(_ list: [Stmt]) {
        out += "["
        for (i, s) in list.enumerated() {
            if i > 0 { out += ", " }
            stmt(s)
        }
        out += "]"
    }

    private mutating func exprs(_ list: [Expr]) {
        out += "["
        for (i, e) in list.enumerated() {
            if i > 0 { out += ", " }
            expr(e)
        }
        out += "]"
    }

    private mutating func optionalExprs(_ list: [Expr?]) {
        out += "["
        for (i, e) in list.enumerated() {
            if i > 0 { out += ", " }
            if let e { expr(e) } else { out += "None" }
        }
        out += "]"
    }

    private mutating func strs(_ list: [String]) {
        out += "["
        for (i, s) in list.enumerated() {
            if i > 0 { out += ", " }
            out += PythonRepr.str(PyStringLiteral(s))
        }
        out += "]"
    }

    /// `, name=value` for an optional expression field; nothing when absent.
    private mutating func opt(_ name: String, _ e: Expr?) {
        guard let e else { return }
        out += ", \(name)="
        expr(e)
    }

    private mutating func optStr(_ name: String, _ s: String?) {
        guard let s else { return }
        out += ", \(name)="
        out += PythonRepr.str(PyStringLiteral(s))
    }

    private mutating func stmt(_ s: Stmt) {
        switch s.kind {
        case .functionDef(let f):
            out += f.isAsync ? "AsyncFunctionDef(name=" : "FunctionDef(name="
            out += PythonRepr.str(PyStringLiteral(f.name))
            out += ", args="
            arguments(f.args)
            out += ", body="
            stmts(f.body)
            out += ", decorator_list="
            exprs(f.decoratorList)
            opt("returns", f.returns)
            optStr("type_comment", f.typeComment)
            out += ", type_params="
            typeParams(f.typeParams)
        case .classDef(let c):
            out += "ClassDef(name="
            out += PythonRepr.str(PyStringLiteral(c.name))
            out += ", bases="
            exprs(c.bases)
            out += ", keywords="
            keywords(c.keywords)
            out += ", body="
            stmts(c.body)
            out += ", decorator_list="
            exprs(c.decoratorList)
            out += ", type_params="
            typeParams(c.typeParams)
        case .return(let v):
            out += "Return("
            if let v { out += "value="; expr(v); out += ", " }
            attrs(s.range); out += ")"; return
        case .delete(let targets):
            out += "Delete(targets="
            exprs(targets)
        case .assign(let targets, let value, let tc):
            out += "Assign(targets="
            exprs(targets)
            out += ", value="
            expr(value)
            optStr("type_comment", tc)
        case .typeAlias(let name, let tps, let value):
            out += "TypeAlias(name="
            expr(name)
            out += ", type_params="
            typeParams(tps)
            out += ", value="
            expr(value)
        case .augAssign(let target, let op, let value):
            out += "AugAssign(target="
            expr(target)
            out += ", op=\(op.rawValue)(), value="
            expr(value)
        case .annAssign(let target, let annotation, let value, let simple):
            out += "AnnAssign(target="
            expr(target)
            out += ", annotation="
            expr(annotation)
            opt("value", value)
            out += ", simple=\(simple ? 1 : 0)"
        case .for(let isAsync, let target, let iter, let body, let orelse, let tc):
            out += isAsync ? "AsyncFor(target=" : "For(target="
            expr(target)
            out += ", iter="
            expr(iter)
            out += ", body="
            stmts(body)
            out += ", orelse="
            stmts(orelse)
            optStr("type_comment", tc)
        case .while(let test, let body, let orelse):
            out += "While(test="
            expr(test)
            out += ", body="
            stmts(body)
            out += ", orelse="
            stmts(orelse)
        case .if(let test, let body, let orelse):
            out += "If(test="
            expr(test)
            out += ", body="
            stmts(body)
            out += ", orelse="
            stmts(orelse)
        case .with(let isAsync, let items, let body, let tc):
            out += isAsync ? "AsyncWith(items=[" : "With(items=["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                out += "withitem(context_expr="
                expr(item.contextExpr)
                opt("optional_vars", item.optionalVars)
                out += ")"
            }
            out += "], body="
            stmts(body)
            optStr("type_comment", tc)
        case .match(let subject, let cases):
            out += "Match(subject="
            expr(subject)
            out += ", cases=["
            for (i, c) in cases.enumerated() {
                if i > 0 { out += ", " }
                out += "match_case(pattern="
                pattern(c.pattern)
                opt("guard", c.guardExpr)
                out += ", body="
                stmts(c.body)
                out += ")"
            }
            out += "]"
        case .raise(let exc, let cause):
            out += "Raise("
            if let exc { out += "exc="; expr(exc); out += ", " }
            if let cause { out += "cause="; expr(cause); out += ", " }
            attrs(s.range); out += ")"; return
        case .try(let isStar, let body, let handlers, let orelse, let finalbody):
            out += isStar ? "TryStar(body=" : "Try(body="
            stmts(body)
            out += ", handlers=["
            for (i, h) in handlers.enumerated() {
                if i > 0 { out += ", " }
                out += "ExceptHandler("
                if let t = h.type { out += "type="; expr(t); out += ", " }
                if let n = h.name { out += "name="; out += PythonRepr.str(PyStringLiteral(n)); out += ", " }
                out += "body="
                stmts(h.body)
                out += ", "
                attrs(h.range)
                out += ")"
            }
            out += "], orelse="
            stmts(orelse)
            out += ", finalbody="
            stmts(finalbody)
        case .assert(let test, let msg):
            out += "Assert(test="
            expr(test)
            opt("msg", msg)
        case .import(let names):
            out += "Import(names="
            aliases(names)
        case .importFrom(let module, let names, let level):
            out += "ImportFrom("
            if let module { out += "module="; out += PythonRepr.str(PyStringLiteral(module)); out += ", " }
            out += "names="
            aliases(names)
            out += ", level=\(level)"
        case .global(let names):
            out += "Global(names="
            strs(names)
        case .nonlocal(let names):
            out += "Nonlocal(names="
            strs(names)
        case .expr(let value):
            out += "Expr(value="
            expr(value)
        case .pass:
            out += "Pass("; attrs(s.range); out += ")"; return
        case .break:
            out += "Break("; attrs(s.range); out += ")"; return
        case .continue:
            out += "Continue("; attrs(s.range); out += ")"; return
        case .invalid:
            out += "Invalid("; attrs(s.range); out += ")"; return
        }
        out += ", "
        attrs(s.range)
        out += ")"
    }

    private mutating func aliases(_ names: [Alias]) {
        out += "["
        for (i, a) in names.enumerated() {
            if i > 0 { out += ", " }
            out += "alias(name="
            out += PythonRepr.str(PyStringLiteral(a.name))
            optStr("asname", a.asname)
            out += ", "
            attrs(a.range)
            out += ")"
        }
        out += "]"
    }

    private mutating func keywords(_ list: [Keyword]) {
        out += "["
        for (i, k) in list.enumerated() {
            if i > 0 { out += ", " }
            out += "keyword("
            if let a = k.arg { out += "arg="; out += PythonRepr.str(PyStringLiteral(a)); out += ", " }
            out += "value="
            expr(k.value)
            out += ", "
            attrs(k.range)
            out += ")"
        }
        out += "]"
    }

    private mutating func typeParams(_ list: [TypeParam]) {
        out += "["
        for (i, t) in list.enumerated() {
            if i > 0 { out += ", " }
            switch t.kind {
            case .typeVar(let bound):
                out += "TypeVar(name="
                out += PythonRepr.str(PyStringLiteral(t.name))
                opt("bound", bound)
            case .paramSpec:
                out += "ParamSpec(name="
                out += PythonRepr.str(PyStringLiteral(t.name))
            case .typeVarTuple:
                out += "TypeVarTuple(name="
                out += PythonRepr.str(PyStringLiteral(t.name))
            }
            out += ", "
            attrs(t.range)
            out += ")"
        }
        out += "]"
    }

    private mutating func arg(_ a: Arg) {
        out += "arg(arg="
        out += PythonRepr.str(PyStringLiteral(a.arg))
        opt("annotation", a.annotation)
        optStr("type_comment", a.typeComment)
        out += ", "
        attrs(a.range)
        out += ")"
    }

    private mutating func args(_ list: [Arg]) {
        out += "["
        for (i, a) in list.enumerated() {
            if i > 0 { out += ", " }
            arg(a)
        }
        out += "]"
    }

    private mutating func arguments(_ a: Arguments) {
        out += "arguments(posonlyargs="
        args(a.posonlyargs)
        out += ", args="
        args(a.args)
        if let v = a.vararg { out += ", vararg="; arg(v) }
        out += ", kwonlyargs="
        args(a.kwonlyargs)
        out += ", kw_defaults="
        optionalExprs(a.kwDefaults)
        if let k = a.kwarg { out += ", kwarg="; arg(k) }
        out += ", defaults="
        exprs(a.defaults)
        out += ")"
    }

    private mutating func comprehensions(_ gens: [Comprehension]) {
        out += "["
        for (i, g) in gens.enumerated() {
            if i > 0 { out += ", " }
            out += "comprehension(target="
            expr(g.target)
            out += ", iter="
            expr(g.iter)
            out += ", ifs="
            exprs(g.ifs)
            out += ", is_async=\(g.isAsync ? 1 : 0))"
        }
        out += "]"
    }

    private mutating func expr(_ e: Expr) {
        switch e.kind {
        case .boolOp(let op, let values):
            out += "BoolOp(op=\(op.rawValue)(), values="
            exprs(values)
        case .namedExpr(let target, let value):
            out += "NamedExpr(target="
            expr(target)
            out += ", value="
            expr(value)
        case .binOp(let left, let op, let right):
            out += "BinOp(left="
            expr(left)
            out += ", op=\(op.rawValue)(), right="
            expr(right)
        case .unaryOp(let op, let operand):
            out += "UnaryOp(op=\(op.rawValue)(), operand="
            expr(operand)
        case .lambda(let a, let body):
            out += "Lambda(args="
            arguments(a)
            out += ", body="
            expr(body)
        case .ifExp(let test, let body, let orelse):
            out += "IfExp(test="
            expr(test)
            out += ", body="
            expr(body)
            out += ", orelse="
            expr(orelse)
        case .dict(let keys, let values):
            out += "Dict(keys="
            optionalExprs(keys)
            out += ", values="
            exprs(values)
        case .set(let elts):
            out += "Set(elts="
            exprs(elts)
        case .listComp(let elt, let gens):
            out += "ListComp(elt="
            expr(elt)
            out += ", generators="
            comprehensions(gens)
        case .setComp(let elt, let gens):
            out += "SetComp(elt="
            expr(elt)
            out += ", generators="
            comprehensions(gens)
        case .dictComp(let key, let value, let gens):
            out += "DictComp(key="
            expr(key)
            out += ", value="
            expr(value)
            out += ", generators="
            comprehensions(gens)
        case .generatorExp(let elt, let gens):
            out += "GeneratorExp(elt="
            expr(elt)
            out += ", generators="
            comprehensions(gens)
        case .await(let value):
            out += "Await(value="
            expr(value)
        case .yield(let value):
            out += "Yield("
            if let value { out += "value="; expr(value); out += ", " }
            attrs(e.range); out += ")"; return
        case .yieldFrom(let value):
            out += "YieldFrom(value="
            expr(value)
        case .compare(let left, let ops, let comparators):
            out += "Compare(left="
            expr(left)
            out += ", ops=["
            for (i, op) in ops.enumerated() {
                if i > 0 { out += ", " }
                out += op.rawValue
                out += "()"
            }
            out += "], comparators="
            exprs(comparators)
        case .call(let function, let a, let k):
            out += "Call(func="
            expr(function)
            out += ", args="
            exprs(a)
            out += ", keywords="
            keywords(k)
        case .formattedValue(let value, let conversion, let spec):
            out += "FormattedValue(value="
            expr(value)
            out += ", conversion=\(conversion)"
            opt("format_spec", spec)
        case .joinedStr(let values):
            out += "JoinedStr(values="
            exprs(values)
        case .constant(let value, let kind):
            out += "Constant(value="
            out += PythonRepr.constant(value)
            optStr("kind", kind)
        case .attribute(let value, let attr, let ctx):
            out += "Attribute(value="
            expr(value)
            out += ", attr="
            out += PythonRepr.str(PyStringLiteral(attr))
            out += ", ctx=\(ctx.rawValue)()"
        case .subscript(let value, let slice, let ctx):
            out += "Subscript(value="
            expr(value)
            out += ", slice="
            expr(slice)
            out += ", ctx=\(ctx.rawValue)()"
        case .starred(let value, let ctx):
            out += "Starred(value="
            expr(value)
            out += ", ctx=\(ctx.rawValue)()"
        case .name(let id, let ctx):
            out += "Name(id="
            out += PythonRepr.str(PyStringLiteral(id))
            out += ", ctx=\(ctx.rawValue)()"
        case .list(let elts, let ctx):
            out += "List(elts="
            exprs(elts)
            out += ", ctx=\(ctx.rawValue)()"
        case .tuple(let elts, let ctx):
            out += "Tuple(elts="
            exprs(elts)
            out += ", ctx=\(ctx.rawValue)()"
        case .slice(let lower, let upper, let step):
            out += "Slice("
            if let lower { out += "lower="; expr(lower); out += ", " }
            if let upper { out += "upper="; expr(upper); out += ", " }
            if let step { out += "step="; expr(step); out += ", " }
            attrs(e.range); out += ")"; return
        case .invalid:
            out += "Invalid("; attrs(e.range); out += ")"; return
        }
        out += ", "
        attrs(e.range)
        out += ")"
    }

    private mutating func patterns(_ list: [Pattern]) {
        out += "["
        for (i, p) in list.enumerated() {
            if i > 0 { out += ", " }
            pattern(p)
        }
        out += "]"
    }

    private mutating func pattern(_ p: Pattern) {
        switch p.kind {
        case .matchValue(let value):
            out += "MatchValue(value="
            expr(value)
        case .matchSingleton(let value):
            out += "MatchSingleton(value="
            out += PythonRepr.constant(value)
        case .matchSequence(let ps):
            out += "MatchSequence(patterns="
            patterns(ps)
        case .matchMapping(let keys, let ps, let rest):
            out += "MatchMapping(keys="
            exprs(keys)
            out += ", patterns="
            patterns(ps)
            optStr("rest", rest)
        case .matchClass(let cls, let ps, let kwdAttrs, let kwdPatterns):
            out += "MatchClass(cls="
            expr(cls)
            out += ", patterns="
            patterns(ps)
            out += ", kwd_attrs="
            strs(kwdAttrs)
            out += ", kwd_patterns="
            patterns(kwdPatterns)
        case .matchStar(let name):
            out += "MatchStar("
            if let name { out += "name="; out += PythonRepr.str(PyStringLiteral(name)); out += ", " }
            attrs(p.range); out += ")"; return
        case .matchAs(let pat, let name):
            out += "MatchAs("
            if let pat { out += "pattern="; pattern(pat); out += ", " }
            if let name { out += "name="; out += PythonRepr.str(PyStringLiteral(name)); out += ", " }
            attrs(p.range); out += ")"; return
        case .matchOr(let ps):
            out += "MatchOr(patterns="
            patterns(ps)
        case .invalid:
            out += "Invalid("; attrs(p.range); out += ")"; return
        }
        out += ", "
        attrs(p.range)
        out += ")"
    }
}
