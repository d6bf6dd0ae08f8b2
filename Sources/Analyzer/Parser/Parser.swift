import Foundation

/// A syntax error found while parsing one statement; the statement loop turns it into an
/// `E999` diagnostic and resynchronises at the next statement.
struct ParseError: Error {
    var message: String
    var range: SourceRange
    /// Errors CPython reports from its tokenizer or with a specific message (not "invalid syntax").
    var isSpecific: Bool = true
}

/// A recursive-descent parser for Python 3.12, following `Grammar/python.gram` rule by rule
/// (rule names appear in the doc comments of the functions that implement them).
///
/// The grammar is split by area: statements (`Parser+Statements.swift`), expressions
/// (`Parser+Expressions.swift`), parameters and arguments (`Parser+Arguments.swift`),
/// patterns (`Parser+Patterns.swift`) and string literals (`Parser+Strings.swift`).
final class Parser {
    /// Expression nesting beyond this is reported instead of recursing further (CPython's
    /// parser has a similar stack limit, `MAXSTACK`, and reports "too complex").
    static let maxDepth = 600

    let src: [UInt8]
    /// Tokens without trivia (comments, NL), as the grammar sees them.
    var toks: [Token]
    let lineStarts: [Int32]
    let lexErrors: [LexError]
    /// Maps a token index in `toks` to the lexer error it stands for.
    var errorTokenMessages: [Int: String] = [:]
    let unclosedBrackets: [(UInt8, Int)]
    var p = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// Set while trying an alternative that may be abandoned: errors are thrown, not recorded.
    var speculating = 0

    init(source: [UInt8], lexed: LexedSource) {
        self.src = source
        self.lineStarts = lexed.lineStarts
        self.lexErrors = lexed.errors
        self.unclosedBrackets = lexed.unclosedBrackets
        var filtered: [Token] = []
        filtered.reserveCapacity(lexed.tokens.count)
        var errorIndex = 0
        for (i, t) in lexed.tokens.enumerated() where !t.kind.isTrivia {
            if t.kind == .error {
                while errorIndex < lexed.errors.count && lexed.errors[errorIndex].tokenIndex < i { errorIndex += 1 }
                if errorIndex < lexed.errors.count && lexed.errors[errorIndex].tokenIndex == i {
                    errorTokenMessages[filtered.count] = lexed.errors[errorIndex].message
                }
            }
            filtered.append(t)
        }
        self.toks = filtered
    }

    // MARK: - Token access

    @inline(__always) var tok: Token { toks[p] }
    @inline(__always) var kind: TokenKind { toks[p].kind }
    @inline(__always) func peekKind(_ k: Int = 1) -> TokenKind {
        let i = p + k
        return i < toks.count ? toks[i].kind : .endMarker
    }

    @inline(__always) func advance() {
        if p < toks.count - 1 { p += 1 }
    }

    @inline(__always) func accept(_ k: TokenKind) -> Bool {
        if toks[p].kind == k { advance(); return true }
        return false
    }

    func expect(_ k: TokenKind, _ what: String) throws(ParseError) {
        if toks[p].kind == k { advance(); return }
        if toks[p].kind == .error { throw lexError() }
        throw ParseError(message: "expected '\(what)'", range: tokenRange(toks[p]), isSpecific: true)
    }

    /// The generic error at the current token, or the tokenizer's own message when the
    /// current token is a lexical error.
    func syntaxError(_ message: String = "invalid syntax") -> ParseError {
        if toks[p].kind == .error { return lexError() }
        if toks[p].kind == .indent { return ParseError(message: "unexpected indent", range: tokenRange(toks[p])) }
        if toks[p].kind == .dedent { return ParseError(message: "unindent does not match any outer indentation level", range: tokenRange(toks[p]), isSpecific: false) }
        return ParseError(message: message, range: tokenRange(toks[p]), isSpecific: message != "invalid syntax")
    }

    func lexError() -> ParseError {
        let message = errorTokenMessages[p] ?? "invalid syntax"
        return ParseError(message: message, range: tokenRange(toks[p]), isSpecific: true)
    }

    func error(_ message: String, _ range: SourceRange) -> ParseError {
        ParseError(message: message, range: range, isSpecific: true)
    }

    // MARK: - Locations

    @inline(__always) func location(_ offset: Int32, _ line: Int32) -> SourceLocation {
        let l = Int(line)
        let ls = l < lineStarts.count ? lineStarts[l] : 0
        return SourceLocation(line: l, column: Int(offset &- ls), offset: Int(offset))
    }

    @inline(__always) func startLoc(_ t: Token) -> SourceLocation { location(t.start, t.line) }
    @inline(__always) func endLoc(_ t: Token) -> SourceLocation { location(t.end, t.endLine) }
    @inline(__always) func tokenRange(_ t: Token) -> SourceRange { SourceRange(start: startLoc(t), end: endLoc(t)) }
    @inline(__always) var here: SourceLocation { startLoc(toks[p]) }

    /// End of the last consumed token that is not NEWLINE/INDENT/DEDENT (CPython's
    /// `_PyPegen_get_last_nonnwhitespace_token`).
    var prevEnd: SourceLocation {
        var i = p - 1
        while i > 0 {
            let k = toks[i].kind
            if k != .newline && k != .indent && k != .dedent && k != .endMarker { break }
            i -= 1
        }
        return i >= 0 ? endLoc(toks[i]) : here
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
        if t.flags.contains(.nonASCII) { return text.precomposedStringWithCompatibilityMapping }
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

    func parseModule() -> Module {
        var body: [Stmt] = []
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
    func finalizeDiagnostics() {
        guard let first = diagnostics.first else {
            // The lexer may have errors the parser never tripped on (inside an ignored region).
            return
        }
        if first.message == "invalid syntax" || first.message == "unexpected EOF while parsing" {
            if let lexFirst = lexErrors.first(where: { $0.offset >= first.range.start.offset }) ?? lexErrors.first {
                let t = tokenAtOffset(lexFirst.offset)
                diagnostics[0] = makeDiagnostic(lexFirst.message, SourceRange(at: t))
            } else if let bracket = unclosedBrackets.last, first.message == "invalid syntax" || true {
                if bracket.1 <= first.range.start.offset || first.message == "unexpected EOF while parsing" {
                    let loc = tokenAtOffset(bracket.1)
                    diagnostics[0] = makeDiagnostic("'\(Character(Unicode.Scalar(bracket.0)))' was never closed",
                                                    SourceRange(start: loc, end: SourceLocation(line: loc.line, column: loc.column + 1, offset: loc.offset + 1)))
                }
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

    func record(_ e: ParseError) {
        diagnostics.append(makeDiagnostic(e.message, e.range))
    }

    // MARK: - Recovery

    /// Parses one statement; on a syntax error records it, skips to the end of the logical
    /// line (and any block that follows it), and appends an `.invalid` statement.
    func parseStatementRecovering(into body: inout [Stmt]) {
        let start = p
        do throws(ParseError) {
            try parseStatement(into: &body)
        } catch {
            record(error)
            let startLoc = startLoc(toks[start])
            skipToNextStatement()
            body.append(Stmt(.invalid, SourceRange(start: startLoc, end: max(startLoc, prevEnd))))
        }
    }

    /// Skips the rest of the logical line and, when an indented block follows, that block.
    func skipToNextStatement() {
        depth = 0
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
    func attempt<T>(_ body: () throws(ParseError) -> T) -> T? {
        let save = p, saveDepth = depth, saveDiag = diagnostics.count
        speculating += 1
        defer { speculating -= 1 }
        do throws(ParseError) {
            return try body()
        } catch {
            p = save
            depth = saveDepth
            diagnostics.removeSubrange(saveDiag...)
            return nil
        }
    }

    @inline(__always) func enter() throws(ParseError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw error("too many nested expressions (Python source too complex to parse)", tokenRange(tok))
        }
    }
    @inline(__always) func leave() { depth -= 1 }
}
