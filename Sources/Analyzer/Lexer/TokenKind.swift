/// The kinds of token the Python 3.12 tokenizer produces, mirroring `Grammar/Tokens` and
/// `Lib/token.py`, with keywords split out so the parser compares one byte, not a string.
///
/// Soft keywords (`match`, `case`, `type`, `_`) stay `.name`: they are keywords only where the
/// grammar says so (`Grammar/python.gram`, "soft keywords").
public enum TokenKind: UInt8, Hashable, Sendable {
    /// End of input; always the last token.
    case endMarker
    /// An identifier (ASCII or any `XID_Start XID_Continue*` sequence).
    case name
    /// A numeric literal: int, float or imaginary, in any base, with underscores.
    case number
    /// A complete non-f string literal with its prefix and quotes (`rb'''...'''`).
    case string
    /// The prefix and opening quote of an f-string (`f"`, `rf'''`): PEP 701's FSTRING_START.
    case fstringStart
    /// Literal text inside an f-string or a format spec (PEP 701's FSTRING_MIDDLE); may be empty.
    case fstringMiddle
    /// The closing quote of an f-string (PEP 701's FSTRING_END).
    case fstringEnd
    /// The end of a logical line.
    case newline
    /// A line break that does not end a logical line (blank line, comment line, inside brackets).
    case nl
    /// A `#` comment up to (not including) the line break.
    case comment
    /// The indentation grew: a block starts.
    case indent
    /// The indentation shrank back to an enclosing level: a block ends.
    case dedent
    /// A lexical error; `Lexer.errors` holds the message.
    case error

    /// `(`
    case lpar
    /// `)`
    case rpar
    /// `[`
    case lsqb
    /// `]`
    case rsqb
    /// `{`
    case lbrace
    /// `}`
    case rbrace
    /// `:`
    case colon
    /// `,`
    case comma
    /// `;`
    case semi
    /// `+`
    case plus
    /// `-`
    case minus
    /// `*`
    case star
    /// `/`
    case slash
    /// `|`
    case vbar
    /// `&`
    case amper
    /// `<`
    case less
    /// `>`
    case greater
    /// `=`
    case equal
    /// `.`
    case dot
    /// `%`
    case percent
    /// `==`
    case eqEqual
    /// `!=`
    case notEqual
    /// `<=`
    case lessEqual
    /// `>=`
    case greaterEqual
    /// `~`
    case tilde
    /// `^`
    case circumflex
    /// `<<`
    case leftShift
    /// `>>`
    case rightShift
    /// `**`
    case doubleStar
    /// `+=`
    case plusEqual
    /// `-=`
    case minEqual
    /// `*=`
    case starEqual
    /// `/=`
    case slashEqual
    /// `%=`
    case percentEqual
    /// `&=`
    case amperEqual
    /// `|=`
    case vbarEqual
    /// `^=`
    case circumflexEqual
    /// `<<=`
    case leftShiftEqual
    /// `>>=`
    case rightShiftEqual
    /// `**=`
    case doubleStarEqual
    /// `//`
    case doubleSlash
    /// `//=`
    case doubleSlashEqual
    /// `@`
    case at
    /// `@=`
    case atEqual
    /// `->`
    case rarrow
    /// `...`
    case ellipsis
    /// `:=`
    case colonEqual
    /// `!` (only meaningful before a conversion inside an f-string replacement field)
    case exclamation

    /// `False`
    case kwFalse
    /// `None`
    case kwNone
    /// `True`
    case kwTrue
    /// `and`
    case kwAnd
    /// `as`
    case kwAs
    /// `assert`
    case kwAssert
    /// `async`
    case kwAsync
    /// `await`
    case kwAwait
    /// `break`
    case kwBreak
    /// `class`
    case kwClass
    /// `continue`
    case kwContinue
    /// `def`
    case kwDef
    /// `del`
    case kwDel
    /// `elif`
    case kwElif
    /// `else`
    case kwElse
    /// `except`
    case kwExcept
    /// `finally`
    case kwFinally
    /// `for`
    case kwFor
    /// `from`
    case kwFrom
    /// `global`
    case kwGlobal
    /// `if`
    case kwIf
    /// `import`
    case kwImport
    /// `in`
    case kwIn
    /// `is`
    case kwIs
    /// `lambda`
    case kwLambda
    /// `nonlocal`
    case kwNonlocal
    /// `not`
    case kwNot
    /// `or`
    case kwOr
    /// `pass`
    case kwPass
    /// `raise`
    case kwRaise
    /// `return`
    case kwReturn
    /// `try`
    case kwTry
    /// `while`
    case kwWhile
    /// `with`
    case kwWith
    /// `yield`
    case kwYield

    /// True for the hard keywords (`Lib/keyword.py`'s `kwlist`).
    public var isKeyword: Bool { rawValue >= TokenKind.kwFalse.rawValue }

    /// Tokens the parser never sees (`TokenSource` filters them).
    public var isTrivia: Bool { self == .nl || self == .comment }

    /// The keyword kind for an ASCII identifier, or `nil`.
    static func keyword(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> TokenKind? {
        let n = end - start
        guard n >= 2 && n <= 8 else { return nil }
        @inline(__always) func eq(_ s: StaticString) -> Bool {
            guard s.utf8CodeUnitCount == n else { return false }
            let p = s.utf8Start
            for i in 0..<n where p[i] != bytes[start + i] { return false }
            return true
        }
        switch bytes[start] {
        case UInt8(ascii: "F"): return eq("False") ? .kwFalse : nil
        case UInt8(ascii: "N"): return eq("None") ? .kwNone : nil
        case UInt8(ascii: "T"): return eq("True") ? .kwTrue : nil
        case UInt8(ascii: "a"):
            if eq("and") { return .kwAnd }
            if eq("as") { return .kwAs }
            if eq("assert") { return .kwAssert }
            if eq("async") { return .kwAsync }
            if eq("await") { return .kwAwait }
            return nil
        case UInt8(ascii: "b"): return eq("break") ? .kwBreak : nil
        case UInt8(ascii: "c"):
            if eq("class") { return .kwClass }
            if eq("continue") { return .kwContinue }
            return nil
        case UInt8(ascii: "d"):
            if eq("def") { return .kwDef }
            if eq("del") { return .kwDel }
            return nil
        case UInt8(ascii: "e"):
            if eq("elif") { return .kwElif }
            if eq("else") { return .kwElse }
            if eq("except") { return .kwExcept }
            return nil
        case UInt8(ascii: "f"):
            if eq("finally") { return .kwFinally }
            if eq("for") { return .kwFor }
            if eq("from") { return .kwFrom }
            return nil
        case UInt8(ascii: "g"): return eq("global") ? .kwGlobal : nil
        case UInt8(ascii: "i"):
            if eq("if") { return .kwIf }
            if eq("import") { return .kwImport }
            if eq("in") { return .kwIn }
            if eq("is") { return .kwIs }
            return nil
        case UInt8(ascii: "l"): return eq("lambda") ? .kwLambda : nil
        case UInt8(ascii: "n"):
            if eq("nonlocal") { return .kwNonlocal }
            if eq("not") { return .kwNot }
            return nil
        case UInt8(ascii: "o"): return eq("or") ? .kwOr : nil
        case UInt8(ascii: "p"): return eq("pass") ? .kwPass : nil
        case UInt8(ascii: "r"):
            if eq("raise") { return .kwRaise }
            if eq("return") { return .kwReturn }
            return nil
        case UInt8(ascii: "t"): return eq("try") ? .kwTry : nil
        case UInt8(ascii: "w"):
            if eq("while") { return .kwWhile }
            if eq("with") { return .kwWith }
            return nil
        case UInt8(ascii: "y"): return eq("yield") ? .kwYield : nil
        default: return nil
        }
    }
}
