// The small enums of CPython's `Parser/Python.asdl`: `expr_context`, `boolop`, `operator`,
// `unaryop` and `cmpop`. Each raw value is the class name that `ast.dump` prints.

/// Whether a name, attribute, subscript, starred, list or tuple is read, bound or deleted.
public enum ExprContext: String, Hashable, Sendable {
    case load = "Load"
    case store = "Store"
    case del = "Del"
}

public enum BoolOperator: String, Hashable, Sendable {
    case and = "And"
    case or = "Or"
}

public enum BinaryOperator: String, Hashable, Sendable {
    case add = "Add"
    case sub = "Sub"
    case mult = "Mult"
    case matMult = "MatMult"
    case div = "Div"
    case mod = "Mod"
    case pow = "Pow"
    case lShift = "LShift"
    case rShift = "RShift"
    case bitOr = "BitOr"
    case bitXor = "BitXor"
    case bitAnd = "BitAnd"
    case floorDiv = "FloorDiv"

    /// The operator as written in source (`+`, `//`, ...), for messages and the compiler.
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .sub: return "-"
        case .mult: return "*"
        case .matMult: return "@"
        case .div: return "/"
        case .mod: return "%"
        case .pow: return "**"
        case .lShift: return "<<"
        case .rShift: return ">>"
        case .bitOr: return "|"
        case .bitXor: return "^"
        case .bitAnd: return "&"
        case .floorDiv: return "//"
        }
    }
}

public enum UnaryOperator: String, Hashable, Sendable {
    case invert = "Invert"
    case not = "Not"
    case uAdd = "UAdd"
    case uSub = "USub"
}

public enum CompareOperator: String, Hashable, Sendable {
    case eq = "Eq"
    case notEq = "NotEq"
    case lt = "Lt"
    case ltE = "LtE"
    case gt = "Gt"
    case gtE = "GtE"
    case `is` = "Is"
    case isNot = "IsNot"
    case `in` = "In"
    case notIn = "NotIn"

    public var symbol: String {
        switch self {
        case .eq: return "=="
        case .notEq: return "!="
        case .lt: return "<"
        case .ltE: return "<="
        case .gt: return ">"
        case .gtE: return ">="
        case .is: return "is"
        case .isNot: return "is not"
        case .in: return "in"
        case .notIn: return "not in"
        }
    }
}
