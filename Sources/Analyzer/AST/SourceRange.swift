/// A point in the source text.
///
/// `line` is 1-based and `column` is 0-based, counted in UTF-8 bytes from the start of the
/// line, exactly like CPython's `lineno` and `col_offset` (see `Python/Python-ast.c`).
/// `offset` is the 0-based UTF-8 byte offset from the start of the buffer, which fixes and
/// position conversions (UTF-16/UTF-32 columns for the LSP) use to reach the text itself.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
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
