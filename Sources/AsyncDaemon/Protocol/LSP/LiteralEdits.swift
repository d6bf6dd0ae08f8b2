import Analyzer

/// Carrying an analysis over edits that only change the digits of a number literal, so that
/// typing in a number (`sleep(0.01)` → `sleep(0.015)`) costs no re-analysis. `LiteralMap` says
/// why the diagnostics then stay the same but for byte offsets, and which literals qualify. An
/// edit qualifies when:
///
/// - it lies within (or at an end of) a listed literal and inserts only ASCII letters, digits,
///   `_` and `.`;
/// - the literal's new text is, read alone, exactly one number (`LiteralMap.isSingleNumber`),
///   and the bytes around it cannot join it (no letter, digit, `_`, `.` or non-ASCII byte right
///   after it, nor right before it when the edit starts at its first byte);
/// - no diagnostic's range or fix edit lies on the edited line at or after the edit (by
///   construction none does; positions after the edit then lie on later lines and only their
///   byte offsets move).
///
/// Anything else means a full analysis. `carryOver` mixes these with comment edits (`CommentEdits`).
enum LiteralEdits {
    /// One edit of `bytes`: nil when it is not a literal edit that qualifies, else the change of
    /// length. Moves the literals; the caller moves the diagnostics and comments.
    static func step(_ edit: ByteEdit, bytes: [UInt8], diagnostics: [Diagnostic], literals: inout LiteralMap) -> Int? {
        guard edit.start <= edit.end, edit.end <= bytes.count, let index = literalIndex(containing: edit, literals.ranges),
              edit.text.allSatisfy(isWordByte) else { return nil }
        let literal = literals.ranges[index]
        if literal.upperBound < bytes.count, isWordByte(bytes[literal.upperBound]) || bytes[literal.upperBound] >= 0x80 { return nil }
        if edit.start == literal.lowerBound, literal.lowerBound > 0,
           isWordByte(bytes[literal.lowerBound - 1]) || bytes[literal.lowerBound - 1] >= 0x80 { return nil }
        var token = Array(bytes[literal.lowerBound..<edit.start])
        token += edit.text
        token += bytes[edit.end..<literal.upperBound]
        guard LiteralMap.isSingleNumber(token) else { return nil }
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
