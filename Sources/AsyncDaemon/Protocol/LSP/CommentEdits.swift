import Analyzer

/// Carrying an analysis over edits that only change the inside of comments, so that typing in
/// a comment costs no re-analysis. Diagnostics depend on a comment's text only through
/// `# noqa`, a coding declaration (lines 1–2) and quotes of source text that contains it, which
/// only happens for a comment inside an expression (`CommentMap`). An edit qualifies when:
///
/// - it replaces bytes after a comment's `#` and up to its end, with text that has no line
///   break and no NUL (so the comment stays one comment and nothing else changes);
/// - the comment is not inside an expression, does not start on line 1 or 2, and neither its
///   old nor its new text mentions `noqa`;
/// - no fix's edit touches the comment from the edit's start to the end of its line, and no
///   diagnostic's range starts or ends there (positions after the edit then lie on later lines:
///   only their byte offsets move, never a line or a column).
///
/// Anything else — and any doubt — means a full analysis.
enum CommentEdits {
    static func carryOver(diagnostics: [Diagnostic], comments: CommentMap, text: [UInt8], edits: [ByteEdit])
        -> (diagnostics: [Diagnostic], comments: CommentMap)?
    {
        var bytes = text
        var diagnostics = diagnostics
        var comments = comments
        for edit in edits {
            guard let delta = step(edit, bytes: bytes, diagnostics: &diagnostics, comments: &comments) else { return nil }
            if delta != 0 { shift(&diagnostics, after: edit.end, by: delta) }
            bytes = edit.applied(to: bytes)
        }
        return (diagnostics, comments)
    }

    /// One edit of `bytes`: nil when it is not a comment edit that qualifies, else the change of
    /// length. Moves the comments; the caller moves the diagnostics (`shift`).
    static func step(_ edit: ByteEdit, bytes: [UInt8], diagnostics: inout [Diagnostic], comments: inout CommentMap) -> Int? {
        guard edit.start <= edit.end, edit.end <= bytes.count,
              let index = commentIndex(containing: edit, comments.ranges), !comments.insideExpression[index],
              !edit.text.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0 })
        else { return nil }
        let comment = comments.ranges[index]
        guard startsAfterSecondLine(comment.lowerBound, bytes) else { return nil }
        let delta = edit.text.count - (edit.end - edit.start)
        let newComment = comment.lowerBound..<(comment.upperBound + delta)
        guard !mentionsNoqa(bytes, comment), !mentionsNoqa(edit.applied(to: bytes), newComment) else { return nil }
        // The end of the comment's line, its line break included.
        var lineEnd = comment.upperBound
        if lineEnd < bytes.count, bytes[lineEnd] == 0x0D, lineEnd + 1 < bytes.count, bytes[lineEnd + 1] == 0x0A { lineEnd += 1 }
        let touched = edit.start...lineEnd
        for diagnostic in diagnostics {
            // A diagnostic may span the comment (a run of statements); one that starts or
            // ends in it may not.
            let spans = diagnostic.range.start.offset < edit.start && diagnostic.range.end.offset > lineEnd
            if !spans && overlaps(diagnostic.range, touched) { return nil }
            for fixEdit in diagnostic.fix?.edits ?? [] where overlaps(fixEdit.range, touched) { return nil }
        }
        if delta != 0 {
            comments.ranges[index] = newComment
            for j in comments.ranges.indices.dropFirst(index + 1) {
                let range = comments.ranges[j]
                comments.ranges[j] = (range.lowerBound + delta)..<(range.upperBound + delta)
            }
        }
        return delta
    }

    /// Moves the byte offsets of the diagnostics' ranges and fix edits after `end` by `delta`.
    static func shift(_ diagnostics: inout [Diagnostic], after end: Int, by delta: Int) {
        for i in diagnostics.indices {
            shift(&diagnostics[i].range, after: end, by: delta)
            if var fix = diagnostics[i].fix {
                for j in fix.edits.indices { shift(&fix.edits[j].range, after: end, by: delta) }
                diagnostics[i].fix = fix
            }
        }
    }

    /// The comment whose inside (after its `#`, up to and including its end) holds `edit`.
    static func commentIndex(containing edit: ByteEdit, _ ranges: [Range<Int>]) -> Int? {
        // The last comment starting before the edit.
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].lowerBound < edit.start { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let index = low - 1
        return edit.end <= ranges[index].upperBound ? index : nil
    }

    /// Whether two line breaks precede `offset` (CPython reads coding declarations on lines 1–2).
    static func startsAfterSecondLine(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        var breaks = 0
        var index = 0
        while index < offset, index < bytes.count {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                breaks += 1
                if breaks == 2 { return true }
            }
            index += 1
        }
        return false
    }

    static func mentionsNoqa(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound), upper = min(bytes.count, range.upperBound)
        var index = lower
        while index + 4 <= upper {
            if bytes[index] | 0x20 == UInt8(ascii: "n"), bytes[index + 1] | 0x20 == UInt8(ascii: "o"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "q"), bytes[index + 3] | 0x20 == UInt8(ascii: "a") {
                return true
            }
            index += 1
        }
        return false
    }

    static func overlaps(_ range: SourceRange, _ span: ClosedRange<Int>) -> Bool {
        range.start.offset <= span.upperBound && range.end.offset >= span.lowerBound
    }

    /// Moves the offsets after `end` by `delta`; lines and columns stay (see the type's comment).
    static func shift(_ range: inout SourceRange, after end: Int, by delta: Int) {
        if range.start.offset >= end { range.start.offset += delta }
        if range.end.offset >= end { range.end.offset += delta }
    }
}
