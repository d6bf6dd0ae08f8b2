/// An expression node: CPython's `expr` sum type in `Parser/Python.asdl` (3.12), with its
/// `(lineno, col_offset, end_lineno, end_col_offset)` attributes as `range`.
///
/// Field names follow the ASDL so that `ast.dump` output and CPython's documentation map
/// one-to-one onto these cases; only Swift keywords are renamed (`func` → `function`).
public struct Expr: Hashable, Sendable {
    public var kind: ExprKind
    public var range: SourceRange

    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum ExprKind: Hashable, Sendable {
    case boolOp(op: BoolOperator, values: [Expr])
    case namedExpr(target: Expr, value: Expr)
    case binOp(left: Expr, op: BinaryOperator, right: Expr)
    case unaryOp(op: UnaryOperator, operand: Expr)
    case lambda(args: Arguments, body: Expr)
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    /// `keys[i]` is `nil` for a `**mapping` entry, as in CPython.
    case dict(keys: [Expr?], values: [Expr])
    case set(elts: [Expr])
    case listComp(elt: Expr, generators: [Comprehension])
    case setComp(elt: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(elt: Expr, generators: [Comprehension])
    case await(value: Expr)
    case yield(value: Expr?)
    case yieldFrom(value: Expr)
    case compare(left: Expr, ops: [CompareOperator], comparators: [Expr])
    case call(function: Expr, args: [Expr], keywords: [Keyword])
    /// One `{...}` replacement field of an f-string. `conversion` is -1 (none) or the
    /// code point of `s`, `r` or `a`; `formatSpec` is a `joinedStr`.
    case formattedValue(value: Expr, conversion: Int, formatSpec: Expr?)
    case joinedStr(values: [Expr])
    /// `kind` is `"u"` for a `u"..."` literal and `nil` otherwise, as in CPython.
    case constant(value: ConstantValue, kind: String?)
    case attribute(value: Expr, attr: String, ctx: ExprContext)
    case `subscript`(value: Expr, slice: Expr, ctx: ExprContext)
    case starred(value: Expr, ctx: ExprContext)
    case name(id: String, ctx: ExprContext)
    case list(elts: [Expr], ctx: ExprContext)
    case tuple(elts: [Expr], ctx: ExprContext)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    /// Error recovery: text the parser could not make sense of. Never produced for code
    /// that CPython accepts; a syntax diagnostic always accompanies it.
    case invalid
}

/// One `for ... in ... if ...` clause of a comprehension (CPython's `comprehension`).
public struct Comprehension: Hashable, Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool

    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.isAsync = isAsync
    }
}

/// The parameters of a `def` or `lambda` (CPython's `arguments`; it carries no range).
public struct Arguments: Hashable, Sendable {
    public var posonlyargs: [Arg]
    public var args: [Arg]
    public var vararg: Arg?
    public var kwonlyargs: [Arg]
    /// One entry per keyword-only parameter; `nil` where it has no default.
    public var kwDefaults: [Expr?]
    public var kwarg: Arg?
    /// Defaults of the last `defaults.count` positional parameters.
    public var defaults: [Expr]

    public init(posonlyargs: [Arg] = [], args: [Arg] = [], vararg: Arg? = nil, kwonlyargs: [Arg] = [],
                kwDefaults: [Expr?] = [], kwarg: Arg? = nil, defaults: [Expr] = []) {
        self.posonlyargs = posonlyargs
        self.args = args
        self.vararg = vararg
        self.kwonlyargs = kwonlyargs
        self.kwDefaults = kwDefaults
        self.kwarg = kwarg
        self.defaults = defaults
    }

    public static let empty = Arguments()
}

/// One parameter (CPython's `arg`).
public struct Arg: Hashable, Sendable {
    public var arg: String
    public var annotation: Expr?
    public var typeComment: String?
    public var range: SourceRange

    public init(arg: String, annotation: Expr?, typeComment: String? = nil, range: SourceRange) {
        self.arg = arg
        self.annotation = annotation
        self.typeComment = typeComment
        self.range = range
    }
}

/// A keyword argument of a call or class definition; `arg` is `nil` for `**mapping`.
public struct Keyword: Hashable, Sendable {
    public var arg: String?
    public var value: Expr
    public var range: SourceRange

    public init(arg: String?, value: Expr, range: SourceRange) {
        self.arg = arg
        self.value = value
        self.range = range
    }
}
