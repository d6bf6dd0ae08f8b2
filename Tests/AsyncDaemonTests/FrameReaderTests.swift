import Testing
@testable import AsyncDaemon

@Suite struct FrameReaderTests {
    private func feed<R: FrameReader>(_ reader: inout R, _ bytes: [UInt8], splitAt cuts: [Int] = []) -> [FrameEvent] {
        var events: [FrameEvent] = []
        var start = 0
        for cut in cuts + [bytes.count] where cut >= start {
            bytes[start..<cut].withUnsafeBufferPointer { reader.consume($0) { events.append($0) } }
            start = cut
        }
        reader.finish { events.append($0) }
        return events
    }

    private func lsp(_ input: String, limits: FrameLimits = .standard, cuts: [Int] = []) -> [FrameEvent] {
        var reader = LSPFrameReader(limits: limits)
        return feed(&reader, Array(input.utf8), splitAt: cuts)
    }

    private func message(_ s: String) -> FrameEvent { .message(Array(s.utf8)) }

    @Test func detectorPicksFramingFromFirstNonBlankByte() {
        func detect(_ s: String) -> Framing? { Array(s.utf8).withUnsafeBufferPointer { FramingDetector.detect($0) } }
        #expect(detect("{\"a\":1}") == .ndjson)
        #expect(detect(" \r\n\t[1]") == .ndjson)
        #expect(detect("Content-Length: 2\r\n\r\n{}") == .lsp)
        #expect(detect("content-type: x") == .lsp)
        #expect(detect("  \n ") == nil)
        #expect(detect("x") == .lsp)
    }

    /// Two messages (one with multi-byte UTF-8, one after extra headers) split at every offset.
    @Test func lspReaderSplitAtEveryOffset() {
        let first = #"{"q":"é😀 ü"}"#
        let second = #"{"n":2}"#
        let input = "Content-Length: \(first.utf8.count)\r\n\r\n\(first)"
            + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:   \(second.utf8.count)  \r\n\r\n\(second)"
        let bytes = Array(input.utf8)
        for cut in 0...bytes.count {
            var reader = LSPFrameReader()
            let events = feed(&reader, bytes, splitAt: [cut])
            #expect(events == [message(first), message(second)], "split at \(cut)")
        }
        // And byte by byte.
        var reader = LSPFrameReader()
        #expect(feed(&reader, bytes, splitAt: Array(0...bytes.count)) == [message(first), message(second)])
    }

    @Test func lspReaderAcceptsBareNewlinesAndBlankLinesBetweenMessages() {
        #expect(lsp("\r\n\r\nContent-Length: 2\n\n{}\r\nContent-Length: 2\r\n\r\n[]") == [message("{}"), message("[]")])
    }

    @Test func missingContentLengthIsReportedAndResynchronised() {
        let events = lsp("Content-Type: x\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}")
        #expect(events.count == 3)
        #expect(events.first.map { if case .problem = $0 { true } else { false } } == true)
        #expect(events.last == message("{}"))
    }

    @Test(arguments: ["abc", "-1", "1.5", "99999999999999999999999", "", "0x10", "１２"])
    func badContentLengthIsReported(_ value: String) {
        let events = lsp("Content-Length: \(value)\r\n\r\nContent-Length: 2\r\n\r\n{}")
        #expect(events.contains { if case .problem = $0 { true } else { false } })
        #expect(events.last == message("{}"))
    }

    @Test func tooShortContentLengthLosesOneMessageOnly() {
        // The body is cut short (a parse error downstream); the rest is skipped up to the next header.
        let events = lsp("Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}")
        #expect(events.first == message("{\"a"))
        #expect(events.last == message("{}"))
    }

    @Test func headerLineOverLimitIsSkipped() {
        let long = "X-Long: " + String(repeating: "a", count: 9000)
        let events = lsp("\(long)\r\nContent-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]")
        #expect(events.first.map { if case .problem(let p) = $0 { p.contains("longer than 8192") } else { false } } == true)
        #expect(events.last == message("[]"))
        // Exactly 8 KiB is fine.
        let exact = "X: " + String(repeating: "b", count: 8192 - 3)
        #expect(lsp("\(exact)\r\nContent-Length: 2\r\n\r\n{}") == [message("{}")])
    }

    @Test func oversizedMessageIsSkippedWithoutBuffering() {
        let limits = FrameLimits(maxHeaderLine: 8192, maxMessage: 16)
        let body = String(repeating: "x", count: 40)
        let events = lsp("Content-Length: 40\r\n\r\n\(body)Content-Length: 2\r\n\r\n{}", limits: limits)
        #expect(events.count == 2)
        #expect(events.last == message("{}"))
    }

    @Test func truncatedInputIsReportedAtEnd() {
        #expect(lsp("Content-Length: 10\r\n\r\n{}").count == 1)
        #expect(lsp("Content-Len").count == 1)
        #expect(lsp("").isEmpty)
    }

    @Test func ndjsonSplitsLines() {
        var reader = NDJSONFrameReader()
        let events = feed(&reader, Array("{\"a\":1}\r\n\n  \r\n[2]\n{\"last\":true}".utf8), splitAt: [3, 9, 10])
        #expect(events == [message("{\"a\":1}"), message("[2]"), message("{\"last\":true}")])
    }

    @Test func ndjsonOverlongLineIsSkipped() {
        var reader = NDJSONFrameReader(limits: FrameLimits(maxHeaderLine: 10, maxMessage: 8))
        let events = feed(&reader, Array("[1,2,3,4,5,6,7]\n[1]\n".utf8), splitAt: [4])
        #expect(events.count == 2)
        #expect(events.last == message("[1]"))
    }
}
