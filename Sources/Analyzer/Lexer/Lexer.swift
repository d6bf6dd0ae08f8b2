/// The Python 3.12 tokenizer over UTF-8 bytes, following `Parser/tokenizer.c` (`tok_get`,
/// `tok_get_normal_mode`, `tok_get_fstring_mode`): indentation with CPython's tab rules and
/// errors, implicit joining inside brackets, backslash continuation, every string form
/// including PEP 701 f-strings (as FSTRING_START / FSTRING_MIDDLE / FSTRING_END and the
/// ordinary tokens of each replacement field), numbers, BOM, CRLF and lone CR.
///
/// The whole buffer is tokenized up front; comments and NL tokens stay in the stream
/// (the analyzer reads `# noqa`), and `TokenSource` skips them for the parser.
public struct Lexer {
    /// CPython's `MAXINDENT`: deeper blocks are "too many levels of indentation".
    static let maxIndent = 100
    /// CPython's `MAXLEVEL`: deeper brackets are "too many nested parentheses".
    static let maxLevel = 200
    static let tabSize = 8

    /// Tokenizes `bytes` (UTF-8, optionally starting with a BOM).
    public static func tokenize(_ bytes: [UInt8]) -> LexedSource {
        tokenize(bytes, keepingTrivia: true)
    }

    /// With `keepingTrivia: false`, the stream the parser reads: no comment and NL tokens (their
    /// absence is all that differs, error token indices included); the comments' byte ranges
    /// are in `comments` instead. The parser then needs no filtered copy of the stream.
    static func tokenize(_ bytes: [UInt8], keepingTrivia: Bool) -> LexedSource {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(buffer)
            lexer.keepsTrivia = keepingTrivia
            lexer.run()
            return LexedSource(tokens: lexer.tokens, lineStarts: lexer.lineStarts, errors: lexer.errors,
                               unclosedBrackets: lexer.brackets.map { ($0.byte, $0.offset) }, comments: lexer.comments)
        }
    }

    /// Tokenizes from the start of line `line` (byte `offset`) with the enclosing blocks'
    /// indentation already open, for error recovery: when a statement leaves a bracket open,
    /// the parser re-lexes from the next line that starts a statement, so what follows is
    /// seen as statements again instead of the inside of that bracket.
    /// `indents` are `(column, altColumn)` pairs of the open blocks, outermost first, without
    /// the implicit 0. The result's `lineStarts` covers the whole buffer.
    static func tokenize(_ bytes: [UInt8], resumingAt offset: Int, line: Int32, indents: [(Int, Int)],
                         keepingTrivia: Bool = true) -> LexedSource {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(buffer)
            lexer.keepsTrivia = keepingTrivia
            lexer.lineStarts = Lexer.lineStartTable(buffer, upTo: offset)
            lexer.pos = offset
            lexer.line = line
            for (c, a) in indents {
                lexer.indents.append(c)
                lexer.altIndents.append(a)
            }
            lexer.run()
            return LexedSource(tokens: lexer.tokens, lineStarts: lexer.lineStarts, errors: lexer.errors,
                               unclosedBrackets: lexer.brackets.map { ($0.byte, $0.offset) }, comments: lexer.comments)
        }
    }

    /// Line starts of every line that begins at or before `offset`.
    private static func lineStartTable(_ src: UnsafeBufferPointer<UInt8>, upTo offset: Int) -> [Int32] {
        var starts: [Int32] = [0, 0]
        var i = 0
        if src.count >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF { starts[1] = 3; i = 3 }
        while i < min(offset, src.count) {
            let c = src[i]
            if c == 10 || c == 13 {
                if c == 13 && i + 1 < src.count && src[i + 1] == 10 { i += 1 }
                if i + 1 <= offset { starts.append(Int32(truncatingIfNeeded: i + 1)) }
            }
            i += 1
        }
        return starts
    }

    /// The (column, altColumn) of a line's indentation, as `handleIndentation` measures it.
    static func indentation(_ bytes: [UInt8], lineStart: Int) -> (Int, Int) {
        var col = 0, alt = 0, p = lineStart
        while p < bytes.count {
            switch bytes[p] {
            case 32: col += 1; alt += 1
            case 9: col = (col / tabSize + 1) * tabSize; alt += 1
            case 12: col = 0; alt = 0
            default: return (col, alt)
            }
            p += 1
        }
        return (col, alt)
    }

    struct Bracket { var byte: UInt8; var offset: Int; var line: Int32 }

    /// One f-string being scanned (CPython's `tokenizer_mode`).
    struct FString {
        var quote: UInt8
        var triple: Bool
        var raw: Bool
        var startOffset: Int
        var startLine: Int32
        /// Bracket depth of each open replacement field (its `{` included), innermost last.
        var fields: [Int] = []
        /// Whether the innermost field is in its format spec.
        var inSpec: [Bool] = []
        /// A nested field of a format spec just closed: the next middle is emitted even if empty.
        var afterNestedField = false
    }

    let src: UnsafeBufferPointer<UInt8>
    let n: Int
    var pos = 0
    var line: Int32 = 1
    var tokens: [Token] = []
    var lineStarts: [Int32] = [0, 0]
    var errors: [LexError] = []
    var brackets: [Bracket] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var atLineStart = true
    /// The current logical line has produced a token (so a NEWLINE is due at its end).
    var lineHasTokens = false
    var fstrings: [FString] = []
    var done = false
    /// Whether comment and NL tokens go into `tokens` (else comments go to `comments` only).
    var keepsTrivia = true
    var comments: [Range<Int>] = []

    private init(_ src: UnsafeBufferPointer<UInt8>) {
        self.src = src
        self.n = src.count
        // Python runs at about 0.18 tokens per byte (0.26 at the 90th percentile of the
        // stdlib, comments and NL not counted): a third avoids regrowing (copying) the array.
        tokens.reserveCapacity(src.count / 3 + 64)
        if n >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
            pos = 3
            lineStarts[1] = 3
        }
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i < n && i >= 0 ? src[i] : 0 }

    mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int, startLine: Int32? = nil,
                               flags: TokenFlags = []) {
        tokens.append(Token(kind: kind, flags: flags, start: Int32(truncatingIfNeeded: start),
                            end: Int32(truncatingIfNeeded: end), line: startLine ?? line, endLine: line))
    }

    mutating func error(_ message: String, at offset: Int, end: Int? = nil, startLine: Int32? = nil) {
        errors.append(LexError(message: message, offset: offset, tokenIndex: tokens.count,
                               openBracketOffset: brackets.last?.offset ?? -1, openBracketByte: brackets.last?.byte ?? 0))
        emit(.error, offset, max(offset, end ?? offset), startLine: startLine)
    }

    /// Consumes a line terminator at `pos` (`\n`, `\r\n` or a lone `\r`) and starts a new line.
    @inline(__always) mutating func consumeNewline() {
        if at(pos) == 13 && at(pos + 1) == 10 { pos += 2 } else { pos += 1 }
        line &+= 1
        lineStarts.append(Int32(truncatingIfNeeded: pos))
    }

    @inline(__always) func isNewline(_ c: UInt8) -> Bool { c == 10 || c == 13 }

    /// The line CPython names in "(detected at line N)": at the end of input after a final
    /// line break, the last line that has text.
    var detectedLine: Int32 {
        if pos >= n && n > 0 && isNewline(src[n - 1]) && line > 1 { return line - 1 }
        return line
    }

    private mutating func run() {
        while !done {
            if let top = fstrings.last, top.fields.isEmpty || top.inSpec.last == true {
                lexFStringText()
            } else {
                lexNormal()
            }
        }
    }

    // MARK: - Normal mode

    private mutating func lexNormal() {
        if atLineStart && brackets.isEmpty {
            atLineStart = false
            if handleIndentation() { return }
        }
        // Skip spaces, tabs and form feeds.
        while true {
            let c = at(pos)
            if c == 32 || c == 9 || c == 12 { pos += 1 } else { break }
        }
        let start = pos
        guard pos < n else { finish(); return }
        let c = src[pos]
        switch c {
        case 10, 13:
            let kind: TokenKind = (brackets.isEmpty && lineHasTokens) ? .newline : .nl
            consumeNewline()
            if keepsTrivia || kind != .nl { emit(kind, start, pos, startLine: line - 1) }
            if brackets.isEmpty { atLineStart = true; lineHasTokens = false }
            atLineStart = brackets.isEmpty
        case UInt8(ascii: "#"):
            while pos < n && !isNewline(src[pos]) { pos += 1 }
            if keepsTrivia { emit(.comment, start, pos) } else { comments.append(start..<pos) }
        case UInt8(ascii: "\\"):
            pos += 1
            if pos >= n {
                error("unexpected EOF while parsing", at: start)
                finish()
            } else if isNewline(src[pos]) {
                consumeNewline()
                if pos >= n { error("unexpected EOF while parsing", at: start + 1, startLine: line - 1); finish() }
            } else {
                error("unexpected character after line continuation character", at: start + 1, end: start + 1)
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lineHasTokens = true
            lexNumber(start)
        case UInt8(ascii: "."):
            lineHasTokens = true
            let d = at(pos + 1)
            if d >= 48 && d <= 57 { lexNumber(start); return }
            if d == UInt8(ascii: ".") && at(pos + 2) == UInt8(ascii: ".") {
                pos += 3; emit(.ellipsis, start, pos)
            } else {
                pos += 1; emit(.dot, start, pos)
            }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            lineHasTokens = true
            lexString(start, prefixEnd: start, flags: [], isF: false)
        default:
            lineHasTokens = true
            if isIdentStart(c) { lexNameOrString(start); return }
            lexOperator(start, c)
        }
    }

    /// Handles the indentation at the start of a logical line. Returns true when it consumed
    /// the whole line (blank or comment-only lines produce no INDENT/DEDENT).
    private mutating func handleIndentation() -> Bool {
        var col = 0, altcol = 0
        var p = pos
        while p < n {
            let c = src[p]
            if c == 32 { col += 1; altcol += 1 }
            else if c == 9 { col = (col / Lexer.tabSize + 1) * Lexer.tabSize; altcol += 1 }
            else if c == 12 { col = 0; altcol = 0 }
            else { break }
            p += 1
        }
        let c = at(p)
        if p >= n {
            pos = p
            return false
        }
        if c == UInt8(ascii: "#") || isNewline(c) || (c == UInt8(ascii: "\\") && isNewline(at(p + 1)) && false) {
            // Blank line: no indentation processing (CPython's `blankline`).
            pos = p
            return false
        }
        pos = p
        let top = indents[indents.count - 1]
        if col == top {
            if altcol != altIndents[altIndents.count - 1] {
                error("inconsistent use of tabs and spaces in indentation", at: lineStartOffset())
            }
        } else if col > top {
            if indents.count >= Lexer.maxIndent {
                error("too many levels of indentation", at: p)
                return false
            }
            if altcol <= altIndents[altIndents.count - 1] {
                error("inconsistent use of tabs and spaces in indentation", at: lineStartOffset())
            }
            indents.append(col)
            altIndents.append(altcol)
            emit(.indent, lineStartOffset(), p)
        } else {
            // CPython fails at once on a bad dedent, before any DEDENT: the error token comes
            // first so the parser reports it where CPython does; the DEDENTs follow for recovery.
            var level = indents.count - 1
            while level > 0 && col < indents[level] { level -= 1 }
            if col != indents[level] {
                error("unindent does not match any outer indentation level", at: p)
            } else if altcol != altIndents[level] {
                error("inconsistent use of tabs and spaces in indentation", at: lineStartOffset())
            }
            while indents.count > 1 && col < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                emit(.dedent, p, p)
            }
        }
        return false
    }

    @inline(__always) func lineStartOffset() -> Int { Int(lineStarts[Int(line)]) }

    private mutating func finish() {
        if let f = fstrings.last {
            let name = f.triple ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal"
            error("\(name) (detected at line \(detectedLine))", at: f.startOffset, startLine: f.startLine)
            fstrings.removeAll()
        }
        if lineHasTokens {
            emit(.newline, pos, pos)
        }
        lineHasTokens = false
        while indents.count > 1 {
            indents.removeLast()
            emit(.dedent, pos, pos)
        }
        emit(.endMarker, pos, pos)
        done = true
    }

    // MARK: - Names, numbers, operators

    @inline(__always) func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 128
    }

    @inline(__always) func isIdentContinue(_ c: UInt8) -> Bool {
        isIdentStart(c) || (c >= 48 && c <= 57)
    }

    private mutating func lexNameOrString(_ start: Int) {
        var nonASCII = false
        while pos < n && isIdentContinue(src[pos]) {
            if src[pos] >= 128 { nonASCII = true }
            pos += 1
        }
        let q = at(pos)
        if (q == 34 || q == 39) && !nonASCII && pos - start <= 2 {
            // String prefix? (`Parser/tokenizer.c`: saw_b, saw_r, saw_u, saw_f)
            var sawB = false, sawR = false, sawU = false, sawF = false, ok = true
            for i in start..<pos {
                switch src[i] | 0x20 {
                case UInt8(ascii: "b"): if sawB || sawU || sawF { ok = false }; sawB = true
                case UInt8(ascii: "r"): if sawR || sawU { ok = false }; sawR = true
                case UInt8(ascii: "u"): if sawU || sawB || sawR || sawF || pos - start > 1 { ok = false }; sawU = true
                case UInt8(ascii: "f"): if sawF || sawB || sawU { ok = false }; sawF = true
                default: ok = false
                }
            }
            if ok {
                var flags: TokenFlags = []
                if sawR { flags.insert(.raw) }
                if sawB { flags.insert(.bytes) }
                if sawU { flags.insert(.unicode) }
                lexString(start, prefixEnd: pos, flags: flags, isF: sawF)
                return
            }
        }
        if nonASCII {
            if let message = validateIdentifier(start, pos) {
                error(message.0, at: message.1, end: pos)
                return
            }
            emit(.name, start, pos, flags: .nonASCII)
            return
        }
        let kind = TokenKind.keyword(src, start, pos) ?? .name
        emit(kind, start, pos)
    }

    /// PEP 3131: every character must be XID_Start / XID_Continue (CPython's `verify_identifier`).
    /// Returns CPython's "invalid character" message and offset for the first bad character.
    private func validateIdentifier(_ start: Int, _ end: Int) -> (String, Int)? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: src[start..<end]), as: UTF8.self)
        var offset = start
        var first = true
        for scalar in text.unicodeScalars {
            let ok = first ? (scalar.properties.isXIDStart || scalar == "_") : scalar.properties.isXIDContinue
            if !ok {
                // CPython checks the NFKC form; a character whose normalisation is valid passes.
                let normalized = NFKC.normalize(String(scalar)).unicodeScalars
                let normOK = normalized.first.map { first ? ($0.properties.isXIDStart || $0 == "_") : $0.properties.isXIDContinue } ?? false
                if !normOK {
                    return (Lexer.invalidCharacterMessage(scalar), offset)
                }
            }
            first = false
            offset += String(scalar).utf8.count
        }
        return nil
    }

    /// Whether CPython's tokenizer raises this error at once (`syntaxerror()` in
    /// `Parser/tokenizer.c`) rather than only flagging it (`tok->done = E_DEDENT`, `E_TABSPACE`,
    /// `E_TOODEEP`, `E_LINECONT`, `E_EOF`), which decides whether it overrides a parser error.
    static func raisesImmediately(_ message: String) -> Bool {
        // Observed on 3.12.1: f-string errors met in that late scan do not replace the parser's error.
        if message.hasPrefix("f-string") || message.hasPrefix("unterminated f-string")
            || message.hasPrefix("unterminated triple-quoted f-string") { return false }
        switch message {
        case "unindent does not match any outer indentation level",
             "inconsistent use of tabs and spaces in indentation",
             "too many levels of indentation",
             "unexpected character after line continuation character",
             "unexpected EOF while parsing",
             "invalid syntax":
            return false
        default:
            return true
        }
    }

    static func invalidCharacterMessage(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let printable: Bool
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            printable = scalar == " "
        default:
            printable = true
        }
        if printable { return "invalid character '\(Character(scalar))' (U+\(padded))" }
        return "invalid non-printable character U+\(padded)"
    }

    private mutating func lexOperator(_ start: Int, _ c: UInt8) {
        let c1 = at(pos + 1), c2 = at(pos + 2)
        var kind: TokenKind
        var len = 1
        switch c {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
            kind = c == 40 ? .lpar : c == 91 ? .lsqb : .lbrace
            if brackets.count >= Lexer.maxLevel {
                pos += 1
                error("too many nested parentheses", at: start, end: pos)
                return
            }
            brackets.append(Bracket(byte: c, offset: start, line: line))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            kind = c == 41 ? .rpar : c == 93 ? .rsqb : .rbrace
            let open: UInt8 = c == 41 ? 40 : c == 93 ? 91 : 123
            guard let top = brackets.last else {
                pos += 1
                error("unmatched '\(Character(Unicode.Scalar(c)))'", at: start, end: pos)
                return
            }
            if top.byte != open {
                pos += 1
                let o = Character(Unicode.Scalar(top.byte)), cl = Character(Unicode.Scalar(c))
                if top.line != line {
                    error("closing parenthesis '\(cl)' does not match opening parenthesis '\(o)' on line \(top.line)", at: start, end: pos)
                } else {
                    error("closing parenthesis '\(cl)' does not match opening parenthesis '\(o)'", at: start, end: pos)
                }
                return
            }
            brackets.removeLast()
            if c == 125, var f = fstrings.last, let depth = f.fields.last, depth == brackets.count + 1 {
                // The `}` closing a replacement field.
                f.fields.removeLast()
                f.inSpec.removeLast()
                f.afterNestedField = !f.fields.isEmpty
                fstrings[fstrings.count - 1] = f
            }
        case UInt8(ascii: ":"):
            let atFieldLevel = fstrings.last.map { $0.fields.last == brackets.count && $0.inSpec.last == false } ?? false
            if c1 == UInt8(ascii: "=") && !atFieldLevel { kind = .colonEqual; len = 2 } else {
                kind = .colon
                if var f = fstrings.last, let depth = f.fields.last, depth == brackets.count, f.inSpec.last == false {
                    f.inSpec[f.inSpec.count - 1] = true
                    fstrings[fstrings.count - 1] = f
                }
            }
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ";"): kind = .semi
        case UInt8(ascii: "~"): kind = .tilde
        case UInt8(ascii: "+"): if c1 == 61 { kind = .plusEqual; len = 2 } else { kind = .plus }
        case UInt8(ascii: "-"):
            if c1 == 61 { kind = .minEqual; len = 2 } else if c1 == 62 { kind = .rarrow; len = 2 } else { kind = .minus }
        case UInt8(ascii: "*"):
            if c1 == 42 { if c2 == 61 { kind = .doubleStarEqual; len = 3 } else { kind = .doubleStar; len = 2 } }
            else if c1 == 61 { kind = .starEqual; len = 2 } else { kind = .star }
        case UInt8(ascii: "/"):
            if c1 == 47 { if c2 == 61 { kind = .doubleSlashEqual; len = 3 } else { kind = .doubleSlash; len = 2 } }
            else if c1 == 61 { kind = .slashEqual; len = 2 } else { kind = .slash }
        case UInt8(ascii: "|"): if c1 == 61 { kind = .vbarEqual; len = 2 } else { kind = .vbar }
        case UInt8(ascii: "&"): if c1 == 61 { kind = .amperEqual; len = 2 } else { kind = .amper }
        case UInt8(ascii: "^"): if c1 == 61 { kind = .circumflexEqual; len = 2 } else { kind = .circumflex }
        case UInt8(ascii: "%"): if c1 == 61 { kind = .percentEqual; len = 2 } else { kind = .percent }
        case UInt8(ascii: "@"): if c1 == 61 { kind = .atEqual; len = 2 } else { kind = .at }
        case UInt8(ascii: "="): if c1 == 61 { kind = .eqEqual; len = 2 } else { kind = .equal }
        case UInt8(ascii: "!"):
            if c1 == 61 { kind = .notEqual; len = 2 } else { kind = .exclamation }
        case UInt8(ascii: "<"):
            if c1 == 60 { if c2 == 61 { kind = .leftShiftEqual; len = 3 } else { kind = .leftShift; len = 2 } }
            else if c1 == 61 { kind = .lessEqual; len = 2 }
            else if c1 == 62 { kind = .notEqual; len = 2 } // `<>` only with barry_as_FLUFL; the parser rejects it
            else { kind = .less }
        case UInt8(ascii: ">"):
            if c1 == 62 { if c2 == 61 { kind = .rightShiftEqual; len = 3 } else { kind = .rightShift; len = 2 } }
            else if c1 == 61 { kind = .greaterEqual; len = 2 } else { kind = .greater }
        default:
            // Anything else is an invalid character; report the whole UTF-8 sequence.
            var end = pos + 1
            while end < n && (src[end] & 0xC0) == 0x80 { end += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: src[pos..<end]), as: UTF8.self)
            let scalar = text.unicodeScalars.first ?? "\u{FFFD}"
            pos = end
            if c == 36 || c == 63 || c == 96 {
                error("invalid syntax", at: start, end: end)
            } else {
                error(Lexer.invalidCharacterMessage(scalar), at: start, end: end)
            }
            return
        }
        pos += len
        emit(kind, start, pos)
    }

}
