/// String literals and PEP 701 f-strings (`Parser/tokenizer.c`: the quote branch of
/// `tok_get_normal_mode` and `tok_get_fstring_mode`). A plain string is one STRING token; an
/// f-string is FSTRING_START, then FSTRING_MIDDLE text and the ordinary tokens of each
/// replacement field (the mode stack in `fstrings` says which), then FSTRING_END.
extension Lexer {

    mutating func lexString(_ start: Int, prefixEnd: Int, flags: TokenFlags, isF: Bool) {
        let quote = src[prefixEnd]
        var flags = flags
        var p = prefixEnd + 1
        let triple = at(p) == quote && at(p + 1) == quote
        if triple { p += 2; flags.insert(.triple) }
        let startLine = line
        if isF {
            pos = p
            emit(.fstringStart, start, pos, flags: flags)
            fstrings.append(FString(quote: quote, triple: triple, raw: flags.contains(.raw),
                                    startOffset: start, startLine: startLine))
            return
        }
        pos = p
        while true {
            if !triple, isNewline(at(pos)) || pos >= n, let f = fstrings.last, !f.fields.isEmpty, f.quote == quote, !f.triple {
                // `f'{x'`: the quote meant to close the f-string (CPython: "f-string: expecting '}'").
                error("f-string: expecting '}'", at: start, startLine: startLine)
                return
            }
            guard pos < n else {
                let what = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                error("\(what) (detected at line \(detectedLine))", at: start, startLine: startLine)
                return
            }
            let c = src[pos]
            if c == quote {
                if !triple { pos += 1; break }
                if at(pos + 1) == quote && at(pos + 2) == quote { pos += 3; break }
                pos += 1
            } else if c == UInt8(ascii: "\\") {
                pos += 1
                if pos < n {
                    if isNewline(src[pos]) { consumeNewline() } else { pos += 1 }
                }
            } else if isNewline(c) {
                if !triple {
                    error("unterminated string literal (detected at line \(detectedLine))", at: start, startLine: startLine)
                    return
                }
                consumeNewline()
            } else {
                pos += 1
            }
        }
        emit(.string, start, pos, startLine: startLine, flags: flags)
    }

    /// Literal text of the innermost f-string (or of its innermost format spec), up to a `{`,
    /// the `}` ending a format spec, or the closing quote (CPython's `tok_get_fstring_mode`).
    mutating func lexFStringText() {
        var f = fstrings[fstrings.count - 1]
        let inSpec = !f.fields.isEmpty
        let start = pos
        let startLine = line
        var middleFlags: TokenFlags = inSpec ? [.formatSpec] : []
        if f.raw { middleFlags.insert(.raw) }
        func emitMiddle(_ force: Bool) {
            if pos > start || force { emit(.fstringMiddle, start, pos, startLine: startLine, flags: middleFlags) }
        }
        let forceEmpty = f.afterNestedField
        f.afterNestedField = false
        fstrings[fstrings.count - 1] = f
        while true {
            guard pos < n else {
                emitMiddle(false)
                let name = f.triple ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal"
                error("\(name) (detected at line \(detectedLine))", at: f.startOffset, startLine: f.startLine)
                fstrings.removeLast()
                return
            }
            let c = src[pos]
            if c == f.quote && (!f.triple || (at(pos + 1) == f.quote && at(pos + 2) == f.quote)) {
                if inSpec {
                    // The string ends inside a replacement field: CPython's "f-string: expecting '}'".
                    emitMiddle(false)
                    error("f-string: expecting '}'", at: pos)
                    // Drop the open fields so the closing quote ends the f-string.
                    while let d = f.fields.last, d <= brackets.count { f.fields.removeLast(); f.inSpec.removeLast(); brackets.removeLast() }
                    f.fields.removeAll(); f.inSpec.removeAll()
                    fstrings[fstrings.count - 1] = f
                    return
                }
                emitMiddle(false)
                let qs = pos
                pos += f.triple ? 3 : 1
                emit(.fstringEnd, qs, pos)
                fstrings.removeLast()
                return
            }
            if c == UInt8(ascii: "{") {
                if !inSpec && at(pos + 1) == UInt8(ascii: "{") { pos += 2; continue }
                emitMiddle(false)
                if brackets.count >= Lexer.maxLevel {
                    pos += 1
                    error("too many nested parentheses", at: pos - 1, end: pos)
                    return
                }
                brackets.append(Bracket(byte: c, offset: pos, line: line))
                let b = pos
                pos += 1
                emit(.lbrace, b, pos)
                f.fields.append(brackets.count)
                f.inSpec.append(false)
                fstrings[fstrings.count - 1] = f
                return
            }
            if c == UInt8(ascii: "}") {
                if !inSpec {
                    if at(pos + 1) == UInt8(ascii: "}") { pos += 2; continue }
                    emitMiddle(false)
                    pos += 1
                    error("f-string: single '}' is not allowed", at: pos - 1, end: pos)
                    return
                }
                // End of the format spec: emit its text; normal mode lexes the `}`.
                emitMiddle(forceEmpty)
                f.inSpec[f.inSpec.count - 1] = false
                fstrings[fstrings.count - 1] = f
                return
            }
            if c == UInt8(ascii: "\\") {
                let d = at(pos + 1)
                if !f.raw && d == UInt8(ascii: "N") && at(pos + 2) == UInt8(ascii: "{") {
                    pos += 3
                    while pos < n && src[pos] != UInt8(ascii: "}") && src[pos] != f.quote && !isNewline(src[pos]) { pos += 1 }
                    if at(pos) == UInt8(ascii: "}") { pos += 1 }
                    continue
                }
                if d == UInt8(ascii: "{") || d == UInt8(ascii: "}") || d == 0 { pos += 1; continue }
                pos += 1
                if isNewline(at(pos)) { consumeNewline() } else { pos += 1 }
                continue
            }
            if isNewline(c) {
                if !f.triple {
                    emitMiddle(false)
                    if inSpec {
                        error("f-string: newlines are not allowed in format specifiers for single quoted f-strings", at: pos)
                    } else {
                        error("unterminated f-string literal (detected at line \(detectedLine))", at: f.startOffset, startLine: f.startLine)
                    }
                    fstrings.removeLast()
                    // Leave the newline for normal mode; drop brackets opened by the f-string.
                    while brackets.count > 0 && brackets.count >= (f.fields.first ?? Int.max) { brackets.removeLast() }
                    return
                }
                consumeNewline()
                continue
            }
            pos += 1
        }
    }
}
