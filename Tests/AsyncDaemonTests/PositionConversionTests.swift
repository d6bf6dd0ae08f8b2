import Analyzer
import Testing
@testable import AsyncDaemon

@Suite struct PositionConversionTests {
    // "é" is 2 UTF-8 bytes / 1 UTF-16 unit; "😀" is 4 bytes / 2 units / 1 scalar.
    let table = LineTable("a = 'é😀x'\r\nsecond\rthird\nfourth")

    private func location(_ line: Int, _ column: Int) -> Analyzer.SourceLocation { Analyzer.SourceLocation(line: line, column: column, offset: 0) }

    @Test func columnsInEachEncoding() {
        // Column of `x`: "a = '" (5) + é (2) + 😀 (4) = 11 bytes.
        #expect(table.position(of: location(1, 11), in: .utf8) == LSPPosition(line: 0, character: 11))
        #expect(table.position(of: location(1, 11), in: .utf16) == LSPPosition(line: 0, character: 8))
        #expect(table.position(of: location(1, 11), in: .utf32) == LSPPosition(line: 0, character: 7))
    }

    @Test func lineEndsCRLFCRAndLF() {
        #expect(table.lineCount == 4)
        #expect(table.position(of: location(2, 3), in: .utf16) == LSPPosition(line: 1, character: 3))
        #expect(table.position(of: location(3, 5), in: .utf16) == LSPPosition(line: 2, character: 5))
        #expect(table.position(of: location(4, 6), in: .utf16) == LSPPosition(line: 3, character: 6))
    }

    @Test func clampsInsteadOfTrapping() {
        // Inside the emoji: rounds down to its start.
        #expect(table.position(of: location(1, 9), in: .utf16) == LSPPosition(line: 0, character: 6))
        #expect(table.position(of: location(1, 500), in: .utf16) == LSPPosition(line: 0, character: 10))
        #expect(table.position(of: location(99, 3), in: .utf16) == LSPPosition(line: 3, character: 6))
        #expect(table.position(of: location(0, 3), in: .utf16) == LSPPosition(line: 0, character: 0))
        #expect(table.position(of: location(-5, -5), in: .utf8) == LSPPosition(line: 0, character: 0))
        #expect(table.position(of: location(2, -1), in: .utf8) == LSPPosition(line: 1, character: 0))
        #expect(table.position(of: location(Int.max, Int.max), in: .utf32) == LSPPosition(line: 3, character: 6))
        #expect(LineTable("").position(of: location(1, 4), in: .utf16) == LSPPosition(line: 0, character: 0))
    }

    @Test func offsetsRoundTrip() {
        for encoding in PositionEncoding.allCases {
            for offset in [0, 5, 7, 11, 12, 13, 15, 20, 22, 26, 28, 34] {
                let position = table.position(utf8Offset: offset, in: encoding)
                #expect(table.utf8Offset(of: position, in: encoding) == offset, "\(encoding) \(offset)")
            }
            #expect(table.utf8Offset(of: LSPPosition(line: 10, character: 0), in: encoding) == table.bytes.count)
            #expect(table.utf8Offset(of: LSPPosition(line: 0, character: 1000), in: encoding) == 13)
        }
        // An offset inside a CRLF belongs to the end of its line.
        #expect(table.position(utf8Offset: 14, in: .utf16) == LSPPosition(line: 0, character: 10))
        // A UTF-16 position in the middle of the surrogate pair stays at the emoji's start.
        #expect(table.utf8Offset(of: LSPPosition(line: 0, character: 7), in: .utf16) == 7)
    }

    @Test func negotiation() {
        #expect(PositionEncoding.negotiate(offered: []) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-32", "utf-16"]) == .utf32)
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-32", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(offered: ["latin-1"]) == .utf16)
    }

    @Test func humanPositionsAreOneBasedCharacters() {
        let p = table.humanPosition(of: location(1, 11))
        #expect(p.line == 1 && p.column == 8)
    }
}
