/// A point in the source text.
///
/// `line` is 1-based and `column` is 0-based, counted in UTF-8 bytes from the start of the
/// line, exactly like CPython's `lineno` and `col_offset` (see `Python/Python-ast.c`).
/// `offset` is the 0-based UTF-8 byte offset from the start of the buffer, which fixes and
/// position conversions (UTF-16/UTF-32 columns for the LSP) use to reach the text itself.
public struct SourceLocation: Hashable, Sendable, Comparable {
    // Kept in 32 bits (a source file is far below 2 GiB; larger values saturate): every syntax
    // tree node holds two locations, and this halves their size, which is most of a node's.
    private var line32: Int32
    private var column32: Int32
    private var offset32: Int32

    public var line: Int {
        get { Int(line32) }
        set { line32 = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(column32) }
        set { column32 = Int32(clamping: newValue) }
    }

    public var offset: Int {
        get { Int(offset32) }
        set { offset32 = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int, offset: Int) {
        self.line32 = Int32(clamping: line)
        self.column32 = Int32(clamping: column)
        self.offset32 = Int32(clamping: offset)
    }

    /// For the tokenizer's and parser's 32-bit positions, without a round trip through `Int`.
    @inline(__always) init(line32: Int32, column32: Int32, offset32: Int32) {
        self.line32 = line32
        self.column32 = column32
        self.offset32 = offset32
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset32 < rhs.offset32
    }
}

/// The half-open span `[start, end)` of a token or node, as CPython's
/// `(lineno, col_offset, end_lineno, end_col_offset)` attributes describe it.
public struct SourceRange: Hashable, Sendable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at `location`, for nodes that recovery invents where text is missing.
    public init(at location: SourceLocation) {
        self.start = location
        self.end = location
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public func contains(_ other: SourceRange) -> Bool {
        start.offset <= other.start.offset && other.end.offset <= end.offset
    }
}
