/// The value of a `Constant` node (CPython's `constant` type in `Python.asdl`).
///
/// Integers that fit in 64 bits are stored as `Int`; larger ones keep their decimal digits so
/// that neither the AST dump nor the runner's arbitrary-precision ints lose a digit.
public enum ConstantValue: Hashable, Sendable {
    case none
    case bool(Bool)
    case ellipsis
    case int(Int)
    /// A non-negative integer literal too large for `Int`, as decimal digits (`"1267650600228229401496703205376"`).
    case bigInt(decimal: String)
    case float(Double)
    /// An imaginary literal such as `2j`: the real part is always zero.
    case imaginary(Double)
    /// A str literal as Unicode scalar values. Python strings may hold lone surrogates
    /// (`"\udc80"`), which a Swift `String` cannot, so the scalars are kept as `UInt32`s.
    case str(PyStringLiteral)
    case bytes([UInt8])
}

/// A Python `str` value: a sequence of code points, including lone surrogates.
public struct PyStringLiteral: Hashable, Sendable {
    public var codePoints: [UInt32]

    public init(codePoints: [UInt32]) {
        self.codePoints = codePoints
    }

    public init(_ string: String) {
        self.codePoints = string.unicodeScalars.map { $0.value }
    }

    /// The text as a Swift string; a lone surrogate becomes U+FFFD.
    public var string: String {
        var result = String.UnicodeScalarView()
        for value in codePoints {
            result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(result)
    }
}
