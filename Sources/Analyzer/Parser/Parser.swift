/// A syntax error found while parsing one statement; the statement loop turns it into an
/// `E999` diagnostic and resynchronises at the next statement.
struct ParseError: Error {
    var message: String
    var range: SourceRange
    /// Errors CPython reports from its tokenizer or with a specific message (not "invalid syntax").
    var isSpecific: Bool = true
    /// A tokenizer error, or CPython's "unexpected indent"/"unindent" verdicts: CPython reports
    /// these as they are, without looking at the rest of the file (see `finalizeDiagnostics`).
    var isFinal: Bool = false
}

/// A recursive-descent parser for Python 3.12, following `Grammar/python.gram` rule by rule
/// (rule names appear in the doc comments of the functions that implement them).
///
/// The grammar is split by area: statements (`Parser+Statements.swift`), expressions
/// (`Parser+Expressions.swift`), parameters and arguments (`Parser+Arguments.swift`),
/// patterns (`Parser+Patterns.swift`) and string literals (`Parser+Strings.swift`).
struct Parser {
    /// Expression nesting beyond this is reported instead of recursing further (CPython's
    /// parser has a similar stack limit, `MAXSTACK`, and reports "too complex").
    static let maxDepth = 1000
    /// Diagnostics beyond this many are dropped (a pathological file could otherwise report one per line).
    static let maxDiagnostics = 1000
    /// Read only once the nesting gets deep: finding the stack bounds is a system call
    /// (on the main thread glibc even parses /proc/self/maps), too slow to pay per parse.
    var stack: StackGuard? = nil
    /// The thread's stack, not `maxDepth`, stopped the parse (the caller may retry on a bigger stack).
    var ranOutOfStack = false

    let src: [UInt8]
    /// Tokens without trivia (comments, NL), as the grammar sees them.
    var toks: [Token]
    var lineStarts: [Int32]
    var lexErrors: [LexError]
    /// Maps a token index in `toks` to the lexer error it stands for.
    var errorTokenMessages: [Int: String] = [:]
    var unclosedBrackets: [(UInt8, Int)]
    /// The first tokenization's errors and open brackets: CPython picks its message from these.
    let initialUnclosedBrackets: [(UInt8, Int)]
    let initialLexErrors: [LexError]
    /// The first line of each open indented block, innermost last (for re-lexing on recovery).
    var blockLines: [Int32] = []
    /// How many times recovery re-lexed the rest of the file (bounded to keep parsing linear).
    var relexCount = 0
    var p = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// Set while trying an alternative that may be abandoned: errors are thrown, not recorded.
    var speculating = 0
    /// Index of the last consumed token that is not NEWLINE/INDENT/DEDENT (for `prevEnd`).
    var lastConsumed = -1
    /// Whether the first diagnostic is final (see `ParseError.isFinal`).
    var firstIsFinal = false
    /// The token the parser stood on when it recorded the first diagnostic.
    var firstErrorIndex = 0
    /// Start of the element being parsed in the innermost display (for "Perhaps you forgot a comma?").
    var elementStart: Int? = nil
    /// How many statement blocks (`parseBlock`) enclose the statement being parsed.
    var blockDepth = 0
    /// Where each `import` or `from ... import` parsed inside a block starts, in source order
    /// (recovery may have dropped some): every import of the tree below the module's own body
    /// starts at one of these offsets.
    var nestedImportOffsets: [Int32] = []

    init(source: [UInt8], lexed: LexedSource) {
        self.src = source
        self.lineStarts = lexed.lineStarts
        self.lexErrors = lexed.errors
        self.unclosedBrackets = lexed.unclosedBrackets
        self.initialUnclosedBrackets = lexed.unclosedBrackets
        self.initialLexErrors = lexed.errors
        self.toks = []
        appendTokens(lexed)
        comments = lexed.comments
    }

    /// Byte ranges of the comments (f-string `=` debug text leaves them out).
    var comments: [Range<Int>] = []

    /// Appends the tokens of `lexed` (lexed without trivia), remembering which lexer error each
    /// `.error` token stands for (each error's `tokenIndex` is the index of its `.error` token).
    /// The first tokenization becomes `toks` as it is, without a copy.
    private mutating func appendTokens(_ lexed: LexedSource) {
        let base = toks.count
        if toks.isEmpty { toks = lexed.tokens } else { toks.append(contentsOf: lexed.tokens) }
        for error in lexed.errors where error.tokenIndex < lexed.tokens.count && lexed.tokens[error.tokenIndex].kind == .error {
            errorTokenMessages[base + error.tokenIndex] = error.message
        }
    }

    /// Recovery from a statement that left a bracket open: if, before the next NEWLINE, a
    /// line starts with a statement keyword at or left of the failed statement's column,
    /// re-tokenize from that line (with the enclosing blocks open) and continue there.
    /// Returns true when it did.
    mutating func resyncAfterUnclosedBracket(statementStart: Int) -> Bool {
        guard relexCount < 50, statementStart < toks.count else { return false }
        let column = Int(toks[statementStart].start - lineStarts[Int(toks[statementStart].line)])
        var i = max(p, statementStart + 1)
        while i < toks.count {
            let t = toks[i]
            if t.kind == .newline || t.kind == .endMarker || t.kind == .indent || t.kind == .dedent { return false }
            if t.line > toks[i - 1].endLine {
                let lineStart = Int(lineStarts[Int(t.line)])
                let col = Int(t.start) - lineStart
                let startsStatement: Bool
                switch t.kind {
                case .kwDef, .kwClass, .kwAsync, .at, .kwIf, .kwFor, .kwWhile, .kwWith, .kwTry, .kwReturn,
                     .kwImport, .kwFrom, .kwRaise, .kwPass, .kwElif, .kwElse, .kwExcept, .kwFinally:
                    startsStatement = true
                default:
                    startsStatement = col < column || (col == column && t.kind == .name && i + 1 < toks.count && toks[i + 1].kind == .equal)
                }
                if startsStatement && col <= column {
                    relexCount += 1
                    let indents = blockLines.map { Lexer.indentation(src, lineStart: Int(lineStarts[Int($0)])) }
                    let lexed = Lexer.tokenize(src, resumingAt: lineStart, line: t.line, indents: indents, keepingTrivia: false)
                    toks.removeSubrange(i...)
                    errorTokenMessages = errorTokenMessages.filter { $0.key < i }
                    lexErrors = lexErrors.filter { $0.offset < lineStart } + lexed.errors
                    unclosedBrackets = lexed.unclosedBrackets
                    if lexed.lineStarts.count > lineStarts.count { lineStarts = lexed.lineStarts }
                    // A NEWLINE ends the broken statement where the new line begins.
                    let prev = toks[i - 1]
                    toks.append(Token(kind: .newline, start: prev.end, end: prev.end, line: prev.endLine, endLine: prev.endLine))
                    appendTokens(lexed)
                    return true
                }
            }
            i += 1
        }
        return false
    }

    // MARK: - Token access

    @inline(__always) var tok: Token { toks[p] }
    @inline(__always) var kind: TokenKind { toks[p].kind }
    @inline(__always) func peekKind(_ k: Int = 1) -> TokenKind {
        let i = p + k
        return i < toks.count ? toks[i].kind : .endMarker
    }

    @inline(__always) mutating func advance() {
        if p < toks.count - 1 {
            switch toks[p].kind {
            case .newline, .indent, .dedent, .endMarker: break
            default: lastConsumed = p
            }
            p += 1
        }
    }

    @inline(__always) mutating func accept(_ k: TokenKind) -> Bool {
        if toks[p].kind == k { advance(); return true }
        return false
    }

    mutating func expect(_ k: TokenKind, _ what: String) throws(ParseError) {
        if toks[p].kind == k { advance(); return }
        throw syntaxError()
    }

    /// The generic error at the current token, or the tokenizer's own message when the
    /// current token is a lexical error.
    func syntaxError(_ message: String = "invalid syntax") -> ParseError {
        if toks[p].kind == .error { return lexError() }
        if toks[p].kind == .indent { return unexpectedIndent() }
        if toks[p].kind == .dedent { return ParseError(message: "unindent does not match any outer indentation level", range: tokenRange(toks[p]), isSpecific: false, isFinal: true) }
        return ParseError(message: message, range: tokenRange(toks[p]), isSpecific: message != "invalid syntax")
    }

    /// CPython's "unexpected indent", which points one column before the end of the indentation.
    func unexpectedIndent() -> ParseError {
        let t = toks[p]
        var r = tokenRange(t)
        let width = Int(t.end - t.start)
        if width > 0 {
            r.start = location(t.end - 1, t.line)
            r.end = r.start
        }
        return ParseError(message: "unexpected indent", range: r, isFinal: true)
    }

    func lexError() -> ParseError {
        let message = errorTokenMessages[p] ?? "invalid syntax"
        if message == "unindent does not match any outer indentation level" {
            // CPython points at the end of the offending line.
            var eol = Int(toks[p].start)
            while eol < src.count && src[eol] != 10 && src[eol] != 13 { eol += 1 }
            let loc = location(Int32(truncatingIfNeeded: eol), toks[p].line)
            return ParseError(message: message, range: SourceRange(at: loc), isSpecific: true, isFinal: true)
        }
        // `$`, `?` and a backtick are ordinary tokens to CPython's tokenizer that its parser rejects.
        return ParseError(message: message, range: tokenRange(toks[p]), isSpecific: true, isFinal: message != "invalid syntax")
    }

    func error(_ message: String, _ range: SourceRange) -> ParseError {
        ParseError(message: message, range: range, isSpecific: true)
    }

    // MARK: - Locations

    @inline(__always) func location(_ offset: Int32, _ line: Int32) -> SourceLocation {
        let l = Int(line)
        let ls = l >= 0 && l < lineStarts.count ? lineStarts[l] : 0
        return SourceLocation(line32: line, column32: offset &- ls, offset32: offset)
    }

    @inline(__always) func startLoc(_ t: Token) -> SourceLocation { location(t.start, t.line) }
    @inline(__always) func endLoc(_ t: Token) -> SourceLocation { location(t.end, t.endLine) }
    @inline(__always) func tokenRange(_ t: Token) -> SourceRange { SourceRange(start: startLoc(t), end: endLoc(t)) }
    @inline(__always) var here: SourceLocation { startLoc(toks[p]) }

    /// End of the last consumed token that is not NEWLINE/INDENT/DEDENT (CPython's
    /// `_PyPegen_get_last_nonnwhitespace_token`).
    @inline(__always) var prevEnd: SourceLocation {
        lastConsumed >= 0 ? endLoc(toks[lastConsumed]) : here
    }

    @inline(__always) func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: prevEnd)
    }

    // MARK: - Text

    /// The identifier of a NAME token, NFKC-normalised when it is not ASCII (PEP 3131).
    func nameText(_ t: Token) -> String {
        let s = Int(t.start), e = Int(t.end)
        guard s >= 0, e <= src.count, s <= e else { return "" }
        let text = src.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
        if t.flags.contains(.nonASCII) { return NFKC.normalize(text) }
        return text
    }

    /// Whether the current token is the NAME `word` (soft keywords: `match`, `case`, `type`, `_`).
    func isSoftKeyword(_ word: StaticString, at index: Int? = nil) -> Bool {
        let i = index ?? p
        guard i < toks.count else { return false }
        let t = toks[i]
        guard t.kind == .name, Int(t.end - t.start) == word.utf8CodeUnitCount else { return false }
        let base = Int(t.start)
        let w = word.utf8Start
        for j in 0..<word.utf8CodeUnitCount where src[base + j] != w[j] { return false }
        return true
    }

    // MARK: - Entry

    mutating func parseModule() -> Module {
        var body: [Stmt] = []
        body.reserveCapacity(16)
        while kind != .endMarker {
            let before = p
            parseStatementRecovering(into: &body)
            if p == before { advance() } // progress guard
        }
        finalizeDiagnostics()
        return Module(body: body)
    }

    /// Sorts the diagnostics and, as CPython does, prefers a tokenizer error or an unclosed
    /// bracket to a generic "invalid syntax" (`Parser/pegen_errors.c`,
    /// `_PyPegen_tokenize_full_source_to_check_for_errors`).
    ///
    /// CPython, after a parser error (generic or specific), tokenizes the rest of the file:
    /// a tokenizer error that raises at once (an unterminated string, an unmatched bracket, an
    /// invalid character — not the indentation and line-continuation errors, which it only
    /// flags) replaces the parser's error; else, if a bracket is still open at the end and
    /// opened on a line before the error, the error becomes "'(' was never closed". Errors the
    /// parser met as tokenizer errors, and unexpected indents, are reported as they are.
    mutating func finalizeDiagnostics() {
        overrideFirstDiagnosticLikeCPython()
        // The replacement may also have been found again by recovery: keep one.
        if let first = diagnostics.first {
            diagnostics = [first] + diagnostics.dropFirst().filter {
                !($0.message == first.message && $0.range.start.line == first.range.start.line)
            }
        }
    }

    private mutating func overrideFirstDiagnosticLikeCPython() {
        guard let first = diagnostics.first, !firstIsFinal else { return }
        // CPython's parser reads one token past the one it fails on: a tokenizer error there
        // is what it reports.
        let next = firstErrorIndex + 1
        let failedAt = toks[min(firstErrorIndex, toks.count - 1)].kind
        let readsAhead = failedAt != .newline && failedAt != .endMarker && failedAt != .indent && failedAt != .dedent
        if readsAhead, next < toks.count, toks[next].kind == .error, let message = errorTokenMessages[next], message != "invalid syntax" {
            let saved = p
            p = next
            let e = lexError()
            p = saved
            diagnostics[0] = makeDiagnostic(e.message, e.range)
            return
        }
        let errorOffset = first.range.start.offset
        // CPython's check stops at the first tokenizer error after the parser's (or at the end
        // of input): one that raises wins; otherwise the bracket open at that moment decides.
        var bracket: (UInt8, Int)? = initialUnclosedBrackets.last
        if let lexFirst = initialLexErrors.first(where: { $0.offset >= errorOffset && $0.message != "invalid syntax" }) {
            if Lexer.raisesImmediately(lexFirst.message) {
                let t = tokenAtOffset(lexFirst.offset)
                diagnostics[0] = makeDiagnostic(lexFirst.message, SourceRange(at: t))
                return
            }
            bracket = lexFirst.openBracketOffset >= 0 ? (lexFirst.openBracketByte, lexFirst.openBracketOffset) : nil
        }
        if let bracket {
            let bracketLine = tokenAtOffset(bracket.1).line
            if bracketLine < first.range.start.line || errorOffset >= src.count {
                let loc = tokenAtOffset(bracket.1)
                diagnostics[0] = makeDiagnostic("'\(Character(Unicode.Scalar(bracket.0)))' was never closed",
                                                SourceRange(start: loc, end: SourceLocation(line: loc.line, column: loc.column + 1, offset: loc.offset + 1)))
            }
        }
    }

    /// The location of a byte offset, by binary search over the line starts.
    func tokenAtOffset(_ offset: Int) -> SourceLocation {
        var lo = 1, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(line: lo, column: offset - Int(lineStarts[lo]), offset: offset)
    }

    func makeDiagnostic(_ message: String, _ range: SourceRange) -> Diagnostic {
        Diagnostic(code: "E999", name: "syntax-error", severity: .error, message: message, range: range)
    }

    mutating func record(_ e: ParseError) {
        if diagnostics.count >= Parser.maxDiagnostics { return }
        if diagnostics.isEmpty {
            firstIsFinal = e.isFinal
            firstErrorIndex = p
        }
        diagnostics.append(makeDiagnostic(e.message, e.range))
    }

    // MARK: - Recovery

    /// Parses one statement; on a syntax error records it, skips to the end of the logical
    /// line (and any block that follows it), and appends an `.invalid` statement.
    mutating func parseStatementRecovering(into body: inout [Stmt]) {
        let start = p
        let savedDepth = depth
        do throws(ParseError) {
            try parseStatement(into: &body)
        } catch {
            depth = savedDepth
            record(error)
            var startLoc = startLoc(toks[start])
            if let last = body.last, last.range.end > startLoc { startLoc = last.range.end }
            if !unclosedBrackets.isEmpty { _ = resyncAfterUnclosedBracket(statementStart: start) }
            skipToNextStatement()
            body.append(Stmt(.invalid, SourceRange(start: startLoc, end: max(startLoc, prevEnd))))
        }
    }

    /// Skips the rest of the logical line and, when an indented block follows, that block.
    mutating func skipToNextStatement() {
        while kind != .newline && kind != .endMarker {
            if kind == .indent || kind == .dedent { break }
            advance()
        }
        _ = accept(.newline)
        if kind == .indent {
            var level = 0
            repeat {
                if kind == .indent { level += 1 } else if kind == .dedent { level -= 1 }
                if kind == .endMarker { break }
                advance()
            } while level > 0
        }
    }

    /// Runs `body` and restores the position when it fails; for the few places where the
    /// grammar needs to look further ahead than one token (`with (...)`, `match`).
    mutating func attempt<T>(_ body: (inout Parser) throws(ParseError) -> T) -> T? {
        let save = p, saveDepth = depth, saveDiag = diagnostics.count, saveLast = lastConsumed
        speculating += 1
        defer { speculating -= 1 }
        do throws(ParseError) {
            return try body(&self)
        } catch {
            p = save
            lastConsumed = saveLast
            depth = saveDepth
            diagnostics.removeSubrange(saveDiag...)
            return nil
        }
    }

    /// One level deeper into the AST being built: fails past `maxDepth` or near the end of the stack.
    @inline(__always) mutating func enter() throws(ParseError) {
        depth += 1
        if depth >= 32 { try checkStack() }
    }

    private mutating func checkStack() throws(ParseError) {
        if stack == nil { stack = StackGuard() }
        let exhausted = stack?.isNearlyExhausted() ?? false
        if exhausted { ranOutOfStack = true }
        if depth > Parser.maxDepth || exhausted {
            throw error("Parser stack overflowed - Python source too complex to parse", tokenRange(tok))
        }
    }
    @inline(__always) mutating func leave() { depth -= 1 }
}
