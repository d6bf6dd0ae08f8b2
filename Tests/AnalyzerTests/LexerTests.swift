import Foundation
import Testing
@testable import Analyzer

/// The tokenizer on its own: token kinds and byte ranges, trivia kept for the analyzer,
/// line endings, BOM, indentation and PEP 701 f-string tokens.
@Suite struct LexerTests {
    private func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(Array(text.utf8)).tokens.map(\.kind)
    }

    private func texts(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Lexer.tokenize(bytes).tokens.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
    }

    @Test func tokensAreRangesIntoTheSource() {
        #expect(kinds("x = 1\n") == [.name, .equal, .number, .newline, .endMarker])
        #expect(texts("async def f(a, *b): await a.b  # noqa: AIO201\n")
                == ["async", "def", "f", "(", "a", ",", "*", "b", ")", ":", "await", "a", ".", "b", "# noqa: AIO201", "\n", ""])
    }

    @Test func commentsAndBlankLinesStayInTheRawStream() {
        let source = "# header\n\nx = 1  # noqa\n    # indented comment\ny = 2\n"
        let lexed = Lexer.tokenize(Array(source.utf8))
        #expect(lexed.tokens.map(\.kind) == [.comment, .nl, .nl, .name, .equal, .number, .comment, .newline, .comment, .nl,
                                              .name, .equal, .number, .newline, .endMarker])
        let comments = lexed.commentRanges.map { String(decoding: Array(source.utf8)[$0], as: UTF8.self) }
        #expect(comments == ["# header", "# noqa", "# indented comment"])
        let parsed = PythonFrontEnd.parse(bytes: Array(source.utf8))
        #expect(parsed.comments == lexed.commentRanges)
    }

    @Test func indentationAndDedents() {
        #expect(kinds("if x:\n    y\n    if z:\n        w\nv\n") ==
                [.kwIf, .name, .colon, .newline, .indent, .name, .newline, .kwIf, .name, .colon, .newline,
                 .indent, .name, .newline, .dedent, .dedent, .name, .newline, .endMarker])
        let bad = Lexer.tokenize(Array("if x:\n        a\n    b\n".utf8))
        #expect(bad.errors.map(\.message) == ["unindent does not match any outer indentation level"])
        let tabs = Lexer.tokenize(Array("if x:\n\ta\n        b\n".utf8))
        #expect(tabs.errors.map(\.message) == ["inconsistent use of tabs and spaces in indentation"])
    }

    @Test func bracketsJoinLinesAndBackslashContinues() {
        #expect(kinds("(a,\n b)\n") == [.lpar, .name, .comma, .nl, .name, .rpar, .newline, .endMarker])
        #expect(kinds("a + \\\n  b\n") == [.name, .plus, .name, .newline, .endMarker])
    }

    @Test func lineEndingsAndBOM() {
        for source in ["x = 1\r\ny = 2\r\n", "x = 1\ry = 2\r", "\u{FEFF}x = 1\ny = 2\n"] {
            let bytes = Array(source.utf8)
            let lexed = Lexer.tokenize(bytes)
            let y = lexed.tokens.first { $0.kind == .name && bytes[Int($0.start)] == UInt8(ascii: "y") }
            #expect(y?.line == 2, "\(source.debugDescription)")
            #expect(y.map { Int($0.start) - Int(lexed.lineStarts[2]) } == 0)
        }
        let bom = PythonFrontEnd.parse(bytes: Array("\u{FEFF}x = 1\n".utf8))
        if case .assign(let targets, _, _) = bom.module.body.first?.kind {
            #expect(targets.first?.range.start.column == 0)
            #expect(targets.first?.range.start.offset == 3)
        } else {
            Issue.record("BOM source did not parse to an assignment")
        }
    }

    @Test func fStringTokens() {
        #expect(kinds("f'a{b!r:>{c}}d'\n") ==
                [.fstringStart, .fstringMiddle, .lbrace, .name, .exclamation, .name, .colon, .fstringMiddle,
                 .lbrace, .name, .rbrace, .fstringMiddle, .rbrace, .fstringMiddle, .fstringEnd, .newline, .endMarker])
        // PEP 701: the same quote inside a replacement field, and nested f-strings.
        #expect(kinds("f\"{\"x\"}{f\"{1}\"}\"\n") ==
                [.fstringStart, .lbrace, .string, .rbrace, .lbrace, .fstringStart, .lbrace, .number, .rbrace,
                 .fstringEnd, .rbrace, .fstringEnd, .newline, .endMarker])
    }

    @Test func numbersAndTheirErrors() {
        #expect(kinds("0x_1F 0o17 0b1 1_000 1.5e-3j .5 1. 1if x else y\n").filter { $0 == .number }.count == 8)
        let cases: [(String, String)] = [
            ("0777\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
            ("1_\n", "invalid decimal literal"),
            ("0x\n", "invalid hexadecimal literal"),
            ("0o8\n", "invalid digit '8' in octal literal"),
            ("0b2\n", "invalid digit '2' in binary literal"),
            ("1abc\n", "invalid decimal literal"),
        ]
        for (source, message) in cases {
            #expect(Lexer.tokenize(Array(source.utf8)).errors.first?.message == message, "\(source)")
        }
    }

    @Test func nonASCIIIdentifiersAreNormalised() {
        let (result, problems) = ParserTestSupport.parse("ｆｏｏ = λ\n")
        #expect(problems.isEmpty && result.diagnostics.isEmpty)
        #expect(PythonFrontEnd.dump(result.module).contains("Name(id='foo', ctx=Store()"))
        let bad = Lexer.tokenize(Array("x = a€\n".utf8))
        #expect(bad.errors.first?.message == "invalid character '€' (U+20AC)")
    }
}
