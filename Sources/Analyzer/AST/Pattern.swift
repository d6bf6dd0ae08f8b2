/// A `match` pattern: CPython's `pattern` sum type in `Parser/Python.asdl` (3.12).
public struct Pattern: Hashable, Sendable {
    public var kind: PatternKind
    public var range: SourceRange

    public init(_ kind: PatternKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum PatternKind: Hashable, Sendable {
    case matchValue(value: Expr)
    /// `None`, `True` or `False`.
    case matchSingleton(value: ConstantValue)
    case matchSequence(patterns: [Pattern])
    case matchMapping(keys: [Expr], patterns: [Pattern], rest: String?)
    case matchClass(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
    case matchStar(name: String?)
    /// `pattern as name`, a capture (`pattern == nil`), or the wildcard `_` (both `nil`).
    case matchAs(pattern: Pattern?, name: String?)
    case matchOr(patterns: [Pattern])
    case invalid
}
