/// The text of one file as UTF-8 bytes with a line index, so that rules can turn byte offsets
/// into `SourceLocation`s (1-based line, 0-based UTF-8 column, as CPython's `col_offset`) and
/// slice the source for messages and fixes.
///
/// Every accessor clamps instead of trapping: offsets come from the AST, which error recovery
/// may have built over broken text.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(_ source: String) {
        let bytes = Array(source.utf8)
        self.bytes = bytes
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                starts.append(index + 1)
            } else if byte == UInt8(ascii: "\r") {
                // CPython treats a lone CR and CRLF as one line end each.
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        self.lineStarts = starts
    }

    /// The location of a byte offset (clamped to the text).
    public func location(at offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        // Binary search for the last line start <= clamped.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + 1, column: clamped - lineStarts[low], offset: clamped)
    }

    /// An empty range at `offset`.
    public func point(_ offset: Int) -> SourceRange {
        SourceRange(at: location(at: offset))
    }

    /// The range `[start, end)` in byte offsets.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: location(at: start), end: location(at: max(start, end)))
    }

    /// The text of `[start, end)`, clamped; invalid UTF-8 is repaired.
    public func slice(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, bytes.count))
        let upper = max(lower, min(end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    public func text(of range: SourceRange) -> String {
        slice(range.start.offset, range.end.offset)
    }

    /// The text of a 1-based line without its line end; empty when out of range.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return slice(start, end)
    }

    /// The leading whitespace of the line holding `offset`.
    public func indentation(ofLineAt offset: Int) -> String {
        let loc = location(at: offset)
        let start = lineStarts[loc.line - 1]
        var end = start
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return slice(start, end)
    }

    /// The offset at which the line holding `offset` starts.
    public func lineStart(at offset: Int) -> Int {
        lineStarts[location(at: offset).line - 1]
    }
}
