/// A statement node: CPython's `stmt` sum type in `Parser/Python.asdl` (3.12).
public struct Stmt: Hashable, Sendable {
    public var kind: StmtKind
    public var range: SourceRange

    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum StmtKind: Hashable, Sendable {
    /// `def` and `async def` share one case; `isAsync` tells them apart
    /// (`ast.dump` prints `FunctionDef` or `AsyncFunctionDef`).
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case `return`(value: Expr?)
    case delete(targets: [Expr])
    case assign(targets: [Expr], value: Expr, typeComment: String?)
    case typeAlias(name: Expr, typeParams: [TypeParam], value: Expr)
    case augAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `simple` is true for a bare name target that is not in parentheses.
    case annAssign(target: Expr, annotation: Expr, value: Expr?, simple: Bool)
    case `for`(isAsync: Bool, target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], typeComment: String?)
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case with(isAsync: Bool, items: [WithItem], body: [Stmt], typeComment: String?)
    case match(subject: Expr, cases: [MatchCase])
    case raise(exc: Expr?, cause: Expr?)
    /// `try` and `try`/`except*` (`isStar`, dumped as `TryStar`).
    case `try`(isStar: Bool, body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt])
    case assert(test: Expr, msg: Expr?)
    case `import`(names: [Alias])
    case importFrom(module: String?, names: [Alias], level: Int)
    case global(names: [String])
    case nonlocal(names: [String])
    case expr(value: Expr)
    case pass
    case `break`
    case `continue`
    /// Error recovery: a statement the parser skipped. A syntax diagnostic accompanies it.
    case invalid
}

public struct FunctionDef: Hashable, Sendable {
    public var isAsync: Bool
    public var name: String
    public var args: Arguments
    public var body: [Stmt]
    public var decoratorList: [Expr]
    public var returns: Expr?
    public var typeComment: String?
    public var typeParams: [TypeParam]
    /// The range of the name after `def`, for diagnostics that point at the function.
    public var nameRange: SourceRange

    public init(isAsync: Bool, name: String, args: Arguments, body: [Stmt], decoratorList: [Expr],
                returns: Expr?, typeComment: String? = nil, typeParams: [TypeParam] = [], nameRange: SourceRange) {
        self.isAsync = isAsync
        self.name = name
        self.args = args
        self.body = body
        self.decoratorList = decoratorList
        self.returns = returns
        self.typeComment = typeComment
        self.typeParams = typeParams
        self.nameRange = nameRange
    }
}

public struct ClassDef: Hashable, Sendable {
    public var name: String
    public var bases: [Expr]
    public var keywords: [Keyword]
    public var body: [Stmt]
    public var decoratorList: [Expr]
    public var typeParams: [TypeParam]
    public var nameRange: SourceRange

    public init(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decoratorList: [Expr],
                typeParams: [TypeParam] = [], nameRange: SourceRange) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decoratorList = decoratorList
        self.typeParams = typeParams
        self.nameRange = nameRange
    }
}

/// `except [type [as name]]: body` (CPython's `ExceptHandler`).
public struct ExceptHandler: Hashable, Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange

    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}

/// `import a.b as c` / `from m import x as y` (CPython's `alias`).
public struct Alias: Hashable, Sendable {
    public var name: String
    public var asname: String?
    public var range: SourceRange

    public init(name: String, asname: String?, range: SourceRange) {
        self.name = name
        self.asname = asname
        self.range = range
    }
}

/// One `expr [as target]` of a `with` statement (CPython's `withitem`; no range).
public struct WithItem: Hashable, Sendable {
    public var contextExpr: Expr
    public var optionalVars: Expr?

    public init(contextExpr: Expr, optionalVars: Expr?) {
        self.contextExpr = contextExpr
        self.optionalVars = optionalVars
    }
}

/// `case pattern [if guard]: body` (CPython's `match_case`; no range).
public struct MatchCase: Hashable, Sendable {
    public var pattern: Pattern
    public var guardExpr: Expr?
    public var body: [Stmt]

    public init(pattern: Pattern, guardExpr: Expr?, body: [Stmt]) {
        self.pattern = pattern
        self.guardExpr = guardExpr
        self.body = body
    }
}

/// A PEP 695 type parameter: `T: bound`, `*Ts` or `**P`.
public struct TypeParam: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case typeVar(bound: Expr?)
        case paramSpec
        case typeVarTuple
    }

    public var name: String
    public var kind: Kind
    public var range: SourceRange

    public init(name: String, kind: Kind, range: SourceRange) {
        self.name = name
        self.kind = kind
        self.range = range
    }
}

/// A `# type: ignore` comment (CPython's `TypeIgnore`), kept for dump fidelity.
public struct TypeIgnore: Hashable, Sendable {
    public var lineno: Int
    public var tag: String
}

/// The root of a parsed file (CPython's `Module`).
public struct Module: Hashable, Sendable {
    public var body: [Stmt]
    public var typeIgnores: [TypeIgnore]

    public init(body: [Stmt], typeIgnores: [TypeIgnore] = []) {
        self.body = body
        self.typeIgnores = typeIgnores
    }
}
