import Analyzer

/// Carrying an analysis over edits that only change the digits of a number literal or the
/// inside of a string, so that typing in a number (`sleep(0.01)` → `sleep(0.015)`) or in a
/// string costs no re-analysis. `LiteralMap` says why the diagnostics then stay the same but
/// for byte offsets, and which literals qualify. An edit of a number qualifies when:
///
/// - it lies within (or at an end of) a listed literal and inserts only ASCII letters, digits,
///   `_` and `.`;
/// - the literal's new text is, read alone, exactly one number (`LiteralMap.isSingleNumber`),
///   and the bytes around it cannot join it (no letter, digit, `_`, `.` or non-ASCII byte right
///   after it, nor right before it when the edit starts at its first byte);
///
/// an edit of a string when `stringEditQualifies` says so; and either only when no diagnostic's
/// range or fix edit lies on the edited line at or after the edit (by construction none does;
/// positions after the edit then lie on later lines and only their byte offsets move).
///
/// Anything else means a full analysis. `carryOver` mixes these with comment edits (`CommentEdits`).
enum LiteralEdits {
    /// One edit of `bytes`: nil when it is not a literal edit that qualifies, else the change of
    /// length. Moves the literals; the caller moves the diagnostics and comments.
    static func step(_ edit: ByteEdit, bytes: [UInt8], diagnostics: [Diagnostic], literals: inout LiteralMap) -> Int? {
        guard edit.start <= edit.end, edit.end <= bytes.count, let index = literalIndex(containing: edit, literals.ranges),
              index < literals.isString.count else { return nil }
        let literal = literals.ranges[index]
        var token = Array(bytes[literal.lowerBound..<edit.start])
        token += edit.text
        token += bytes[edit.end..<literal.upperBound]
        if literals.isString[index] {
            guard stringEditQualifies(edit, literal: literal, token: token, bytes: bytes) else { return nil }
        } else {
            guard edit.text.allSatisfy(isWordByte) else { return nil }
            if literal.upperBound < bytes.count, isWordByte(bytes[literal.upperBound]) || bytes[literal.upperBound] >= 0x80 { return nil }
            if edit.start == literal.lowerBound, literal.lowerBound > 0,
               isWordByte(bytes[literal.lowerBound - 1]) || bytes[literal.lowerBound - 1] >= 0x80 { return nil }
            guard LiteralMap.isSingleNumber(token) else { return nil }
        }
        // The edited line, from the edit to its end: no position may sit there.
        var lineEnd = edit.end
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        let touched = edit.start...lineEnd
        for diagnostic in diagnostics {
            if CommentEdits.overlaps(diagnostic.range, touched) { return nil }
            for fixEdit in diagnostic.fix?.edits ?? [] where CommentEdits.overlaps(fixEdit.range, touched) { return nil }
        }
        let delta = edit.text.count - (edit.end - edit.start)
        if delta != 0 {
            literals.ranges[index] = literal.lowerBound..<(literal.upperBound + delta)
            for j in literals.ranges.indices.dropFirst(index + 1) {
                let range = literals.ranges[j]
                literals.ranges[j] = (range.lowerBound + delta)..<(range.upperBound + delta)
            }
        }
        return delta
    }

    /// An edit inside a string constant qualifies when it lies strictly inside it, neither adds
    /// nor removes a quote, backslash, `#`, line break or NUL (so the quoting, the comments and
    /// the lines around it stay what they were), sits on an indented line (a line of a
    /// multi-line string starting in column 0 could read as a `def` to `ModuleSummary.scan`),
    /// and leaves one string constant of the same kind (`str`, `u` str, `bytes`; read alone).
    static func stringEditQualifies(_ edit: ByteEdit, literal: Range<Int>, token: [UInt8], bytes: [UInt8]) -> Bool {
        guard literal.lowerBound < edit.start, edit.end < literal.upperBound else { return false }
        func plain(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "#"), 0x0A, 0x0D, 0: return false
            default: return true
            }
        }
        guard edit.text.allSatisfy(plain), bytes[edit.start..<edit.end].allSatisfy(plain) else { return false }
        var lineStart = edit.start
        while lineStart > 0, bytes[lineStart - 1] != 0x0A, bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
        guard bytes[lineStart] == UInt8(ascii: " ") || bytes[lineStart] == UInt8(ascii: "\t") else { return false }
        guard let kind = LiteralMap.stringKind(token) else { return false }
        return LiteralMap.stringKind(Array(bytes[literal])) == kind
    }

    /// The literal whose bytes (ends included) hold `edit`.
    static func literalIndex(containing edit: ByteEdit, _ ranges: [Range<Int>]) -> Int? {
        // The last literal starting at or before the edit.
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound <= edit.start { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let index = low - 1
        return edit.end <= ranges[index].upperBound ? index : nil
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// The analysis of `text` carried over `edits` (applied in order), each a comment edit
    /// (`CommentEdits`) or a literal edit; nil when any edit is neither.
    static func carryOver(diagnostics: [Diagnostic], comments: CommentMap, literals: LiteralMap, text: [UInt8], edits: [ByteEdit])
        -> (diagnostics: [Diagnostic], comments: CommentMap, literals: LiteralMap)?
    {
        var bytes = text
        var diagnostics = diagnostics
        var comments = comments
        var literals = literals
        for edit in edits {
            if let delta = CommentEdits.step(edit, bytes: bytes, diagnostics: &diagnostics, comments: &comments) {
                if delta != 0 {
                    CommentEdits.shift(&diagnostics, after: edit.end, by: delta)
                    shift(&literals.ranges, after: edit.end, by: delta)
                }
            } else if let delta = step(edit, bytes: bytes, diagnostics: diagnostics, literals: &literals) {
                if delta != 0 {
                    CommentEdits.shift(&diagnostics, after: edit.end, by: delta)
                    shift(&comments.ranges, after: edit.end, by: delta)
                }
            } else {
                return nil
            }
            bytes = edit.applied(to: bytes)
        }
        return (diagnostics, comments, literals)
    }

    /// Moves the ranges that start at or after `end` by `delta` (none straddles `end`).
    static func shift(_ ranges: inout [Range<Int>], after end: Int, by delta: Int) {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound < end { low = mid + 1 } else { high = mid }
        }
        for j in low..<ranges.count {
            ranges[j] = (ranges[j].lowerBound + delta)..<(ranges[j].upperBound + delta)
        }
    }
}
