import Analyzer

/// LSP's `PositionEncodingKind` (LSP 3.17, "Position Encoding"): how `Position.character` counts.
enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The contract's preference: utf-8 when the client offers it, else utf-32, else utf-16
    /// (which every client must support, so it is also the answer to an empty offer).
    static func negotiate(offered: [String]) -> PositionEncoding {
        if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
        if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
        return .utf16
    }
}

/// An LSP `Position`: 0-based line, 0-based character offset in the negotiated encoding.
struct LSPPosition: Sendable, Equatable {
    var line: Int
    var character: Int

    var json: JSONValue { .object(["line": .int(line), "character": .int(character)]) }
}

/// Every position conversion of the daemon lives here, in the manner of sourcekit-lsp's
/// `DocumentSnapshot+PositionConversions.swift`.
///
/// The analyzer speaks CPython's coordinates (`SourceLocation`: 1-based `line`, 0-based `column`
/// in UTF-8 bytes, `offset` in bytes); LSP speaks 0-based lines and characters in UTF-8 bytes,
/// UTF-16 code units or Unicode scalars. Lines end at `\n`, `\r\n` or a lone `\r`, as in both
/// CPython's tokenizer (universal newlines) and LSP. Out-of-range input is clamped — past the
/// last line to the end of the text, past a line's end to that end, inside a multi-byte
/// character down to its start — and never traps.
struct LineTable: Sendable {
    let bytes: [UInt8]
    /// Byte offset where each line starts; always at least one line.
    let lineStarts: [Int]
    /// Byte offset where each line's content ends (before its terminator).
    let lineEnds: [Int]

    init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    init(bytes: [UInt8]) {
        var starts = [0]
        var ends: [Int] = []
        // One pass over the buffer (no per-byte bounds checks): this runs for every incremental
        // change and every publish of the document.
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            while i < count {
                let byte = buffer[i]
                if byte <= 0x0D, byte == 0x0A || byte == 0x0D {
                    ends.append(i)
                    if byte == 0x0D, i + 1 < count, buffer[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        ends.append(bytes.count)
        self.bytes = bytes
        self.lineStarts = starts
        self.lineEnds = ends
    }

    var lineCount: Int { lineStarts.count }

    /// The LSP position of a CPython-style location (`line` 1-based, `column` in UTF-8 bytes).
    func position(of location: SourceLocation, in encoding: PositionEncoding) -> LSPPosition {
        // `line` is 1-based; 0 and below (or Int.min) clamp to the first line without overflow.
        position(line: location.line > 0 ? location.line - 1 : -1, utf8Column: location.column, in: encoding)
    }

    /// The LSP position for a 0-based line and a UTF-8 byte column on it, clamped.
    func position(line: Int, utf8Column: Int, in encoding: PositionEncoding) -> LSPPosition {
        if line < 0 { return LSPPosition(line: 0, character: 0) }
        if line >= lineCount {
            let last = lineCount - 1
            return LSPPosition(line: last, character: units(from: lineStarts[last], to: lineEnds[last], in: encoding))
        }
        let start = lineStarts[line]
        let end = lineEnds[line]
        let column = max(0, min(utf8Column, end - start))
        return LSPPosition(line: line, character: units(from: start, to: start + column, in: encoding))
    }

    /// The LSP position of a byte offset into the text, clamped to the text.
    func position(utf8Offset offset: Int, in encoding: PositionEncoding) -> LSPPosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(containing: clamped)
        return position(line: line, utf8Column: clamped - lineStarts[line], in: encoding)
    }

    /// The byte offset of an LSP position, clamped (a character past the line's end means its end).
    func utf8Offset(of position: LSPPosition, in encoding: PositionEncoding) -> Int {
        if position.line < 0 { return 0 }
        if position.line >= lineCount { return bytes.count }
        let start = lineStarts[position.line]
        let end = lineEnds[position.line]
        var remaining = max(0, position.character)
        var i = start
        while i < end, remaining > 0 {
            let length = Self.scalarLength(bytes[i])
            let cost: Int
            switch encoding {
            case .utf8: cost = length
            case .utf16: cost = length == 4 ? 2 : 1
            case .utf32: cost = 1
            }
            if cost > remaining { break }  // inside a character: stay at its start
            remaining -= cost
            i = min(end, i + length)
        }
        return i
    }

    /// 0-based index of the line holding byte `offset` (binary search).
    func lineIndex(containing offset: Int) -> Int {
        var low = 0, high = lineCount - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Code units of `encoding` in the whole characters of `bytes[from..<to]`.
    private func units(from: Int, to: Int, in encoding: PositionEncoding) -> Int {
        var count = 0
        var i = from
        while i < to {
            let length = Self.scalarLength(bytes[i])
            if i + length > to { break }  // a character cut by `to` does not count
            switch encoding {
            case .utf8: count += length
            case .utf16: count += length == 4 ? 2 : 1
            case .utf32: count += 1
            }
            i += length
        }
        return count
    }

    /// Length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }

    /// An LSP `Range` for an analyzer range.
    func range(_ range: SourceRange, in encoding: PositionEncoding) -> JSONValue {
        .object(["start": position(of: range.start, in: encoding).json, "end": position(of: range.end, in: encoding).json])
    }

    /// 1-based line and 1-based column counted in characters, for terminal output
    /// (`path:line:col: CODE message`, as ruff and CPython print them).
    func humanPosition(of location: SourceLocation) -> (line: Int, column: Int) {
        let p = position(of: location, in: .utf32)
        return (p.line + 1, p.character + 1)
    }
}
