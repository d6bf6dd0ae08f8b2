/// One token: a kind and a byte range into the source, never a copy of the text.
///
/// Lines are stored so that a node's `(lineno, col_offset)` is one subtraction away
/// (`column = start - lineStarts[line]`), as CPython's tokenizer tracks them in `Parser/tokenizer.c`.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var flags: TokenFlags
    /// Byte offset of the first byte.
    public var start: Int32
    /// Byte offset just past the last byte.
    public var end: Int32
    /// 1-based line of `start`.
    public var line: Int32
    /// 1-based line of `end`.
    public var endLine: Int32

    public init(kind: TokenKind, flags: TokenFlags = [], start: Int32, end: Int32, line: Int32, endLine: Int32) {
        self.kind = kind
        self.flags = flags
        self.start = start
        self.end = end
        self.line = line
        self.endLine = endLine
    }
}

/// Facts about a token that the parser needs without rescanning it.
public struct TokenFlags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// The identifier has non-ASCII characters (its name needs NFKC normalisation, PEP 3131).
    public static let nonASCII = TokenFlags(rawValue: 1)
    /// A string or f-string with an `r`/`R` prefix.
    public static let raw = TokenFlags(rawValue: 2)
    /// A string with a `b`/`B` prefix.
    public static let bytes = TokenFlags(rawValue: 4)
    /// A string with a `u`/`U` prefix (`Constant.kind == "u"`).
    public static let unicode = TokenFlags(rawValue: 8)
    /// A triple-quoted string or f-string.
    public static let triple = TokenFlags(rawValue: 16)
    /// An FSTRING_MIDDLE inside a format spec (after a nested field: kept even when empty).
    public static let formatSpec = TokenFlags(rawValue: 32)
}

/// A lexical error (CPython raises these from the tokenizer as `SyntaxError`,
/// `IndentationError` or `TabError`).
public struct LexError: Hashable, Sendable {
    public var message: String
    /// Byte offset the error points at.
    public var offset: Int
    /// Index of the `.error` token emitted for it.
    public var tokenIndex: Int
    /// Byte offset of the innermost bracket open when the error occurred (CPython's
    /// `parenlinenostack[level-1]`), or -1.
    public var openBracketOffset: Int = -1
    public var openBracketByte: UInt8 = 0
}

/// Everything the lexer produces for one source buffer.
public struct LexedSource: Sendable {
    /// Every token, trivia (comments, NL) included, ending with `.endMarker`.
    public var tokens: [Token]
    /// `lineStarts[n]` is the byte offset where line `n` starts (index 0 unused).
    public var lineStarts: [Int32]
    public var errors: [LexError]
    /// Open brackets left at the end of input: the byte and its offset.
    public var unclosedBrackets: [(UInt8, Int)]
    /// The comments' byte ranges when the trivia were left out of `tokens` (see `Lexer.tokenize(_:keepingTrivia:)`).
    var comments: [Range<Int>] = []

    /// Byte ranges of every `#` comment, for `# noqa` handling in the analyzer.
    public var commentRanges: [Range<Int>] {
        tokens.filter { $0.kind == .comment }.map { Int($0.start)..<Int($0.end) }
    }
}
