import Foundation
import Synchronization
import Testing
@testable import AsyncDaemon

/// In-process tests of the server: concurrency, cancellation and bad input.
@Suite struct ServerTests {
    private func request(_ id: Int, _ method: String, _ params: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    @Test func slowRequestDoesNotHoldBackAFastOne() {
        let transcript = InProcess.serve(ndjson: [
            request(1, "$/asyncd/sleep", #"{"milliseconds":400}"#),
            request(2, "async/lookup", #"{"query":"gather","limit":1}"#),
        ])
        #expect(transcript.replies.count == 2)
        // The lookup, sent second, is answered first.
        #expect(transcript.replies.first?["id"] == .int(2))
        #expect(transcript.replies.last?["result"]?["slept"] == .int(400))
    }

    @Test func cancelRequestAnswersMinus32800Promptly() {
        let start = Date()
        let transcript = InProcess.serve(ndjson: [
            request(7, "$/asyncd/sleep", #"{"milliseconds":60000}"#),
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":7}}"#,
            request(8, "async/lookup", #"{"query":"gather","limit":1}"#),
        ])
        #expect(Date().timeIntervalSince(start) < 15, "a 60 s request, cancelled at once")
        let cancelled = transcript.replies.filter { $0["id"] == .int(7) }
        #expect(cancelled.count == 1, "exactly one reply for the cancelled request")
        #expect(cancelled.first?["error"]?["code"] == .int(-32800))
        #expect(transcript.replies.contains { $0["id"] == .int(8) && $0["result"] != nil })
    }

    @Test func cancelWithStringIdAndInsideBatch() {
        let transcript = InProcess.serve(ndjson: [
            #"[{"jsonrpc":"2.0","id":"slow","method":"$/asyncd/sleep","params":{"milliseconds":20000}},{"jsonrpc":"2.0","id":"fast","method":"async/lookup","params":{"query":"gather"}}]"#,
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"slow"}}"#,
        ])
        #expect(transcript.replies.count == 1)
        let batch = transcript.replies.first?.arrayValue ?? []
        #expect(batch.count == 2)
        #expect(batch.contains { $0["id"] == .string("slow") && $0["error"]?["code"] == .int(-32800) })
        #expect(batch.contains { $0["id"] == .string("fast") && $0["result"] != nil })
    }

    @Test func manyConcurrentRequestsAreAllAnsweredWhole() {
        let lines = (0..<500).map { request($0, "async/lookup", #"{"query":"forgot await","limit":2}"#) }
        let transcript = InProcess.serve(ndjson: lines)
        #expect(transcript.replies.count == 500)
        let ids = Set(transcript.replies.compactMap { $0["id"]?.numberValue?.intValue })
        #expect(ids == Set(0..<500))
        #expect(transcript.replies.allSatisfy { $0["result"]?["entries"]?.arrayValue?.first?["id"] == .string("mistake-1-forgot-await") })
    }

    @Test func lastNDJSONLineWithoutNewlineIsAnswered() {
        let transcript = InProcess.serve(Array((request(1, "async/lookup", #"{"query":"gather"}"#) + "\r\n\n" + request(2, "async/lookup", #"{"query":"gather"}"#)).utf8))
        #expect(transcript.replies.count == 2)
        #expect(transcript.exitCode == 0)
    }

    @Test func invalidUTF8IsAParseError() {
        var bytes = Array(#"{"jsonrpc":"2.0","id":1,"method":"async/lookup","params":{"query":""#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"}}\n".utf8)
        bytes += Array((request(2, "async/lookup", #"{"query":"gather"}"#) + "\n").utf8)
        let transcript = InProcess.serve(bytes)
        #expect(transcript.replies.count == 2)
        #expect(transcript.replies.first?["error"]?["code"] == .int(-32700))
        #expect(transcript.replies.last?["id"] == .int(2))
    }

    @Test func deepNestingIsAParseErrorInBothFramings() {
        let deep = String(repeating: "[", count: 100_000)
        let deepObject = String(repeating: #"{"a":"#, count: 100_000)
        let follow = request(3, "async/lookup", #"{"query":"gather"}"#)
        for transcript in [InProcess.serve(ndjson: [deep, deepObject, follow]), InProcess.serve(lsp: [deep, deepObject, follow])] {
            #expect(transcript.replies.count == 3)
            #expect(transcript.replies.prefix(2).allSatisfy { $0["error"]?["code"] == .int(-32700) })
            #expect(transcript.replies.last?["id"] == .int(3))
        }
    }

    @Test func framingProblemsGoToStderrOnceAndServingContinues() {
        let good = request(1, "async/lookup", #"{"query":"gather"}"#)
        var input = Array("Content-Length: nope\r\n\r\n".utf8)
        input += Array(("X-Long: " + String(repeating: "z", count: 10_000) + "\r\n\r\n").utf8)
        input += Frames.lsp([good])
        let transcript = InProcess.serve(input)
        #expect(transcript.problems.count == 2, "\(transcript.problems)")
        #expect(transcript.replies.count == 1)
        #expect(transcript.replies.first?["id"] == .int(1))
    }

    @Test func oversizedMessagesAreSkippedInBothFramings() {
        let limits = FrameLimits(maxHeaderLine: 8192, maxMessage: 1000)
        let big = request(1, "async/lookup", "{\"query\":\"" + String(repeating: "a", count: 2000) + "\"}")
        let good = request(2, "async/lookup", #"{"query":"gather"}"#)
        for input in [Frames.lsp([big, good]), Frames.ndjson([big, good])] {
            let transcript = InProcess.serve(input, limits: limits)
            #expect(transcript.problems.count == 1)
            #expect(transcript.replies.map { $0["id"] } == [.int(2)])
        }
    }

    @Test func whitespaceOnlyInputEndsCleanly() {
        let transcript = InProcess.serve(Array("  \n\r\n ".utf8))
        #expect(transcript.replies.isEmpty)
        #expect(transcript.exitCode == 0)
    }

    /// 10,000 malformed messages of many kinds to one in-process daemon, then a valid request.
    @Test func fuzzTenThousandMalformedMessagesInProcess() {
        for framing in [Framing.ndjson, .lsp] {
            let corpus = MalformedCorpus.messages(count: 10_000, seed: framing == .lsp ? 7 : 3)
            let valid = request(424242, "async/lookup", #"{"query":"gather","limit":1}"#)
            let all = corpus + [Array(valid.utf8)]
            let input = framing == .lsp ? MalformedCorpus.lspStream(all) : MalformedCorpus.ndjsonStream(all)
            let transcript = InProcess.serve(input, chunkSize: 4093)
            let answer = transcript.replies.last { $0["id"] == .int(424242) }
            #expect(answer?["result"]?["entries"]?.arrayValue?.first?["id"] == .string("mistake-3-sequential-await"), "\(framing)")
            #expect(transcript.exitCode == 0)
        }
    }
}

/// A deterministic corpus of malformed or hostile messages (a small xorshift generator).
enum MalformedCorpus {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let templates: [String] = [
        #"{"jsonrpc":"2.0","id":1,"method":"async/lookup","params":{"query":"gather"}}"#,
        #"{"jsonrpc":"2.0","id":"x","method":"async/run","params":{"source":"print(1)","limits":{"steps":5}}}"#,
        #"[{"jsonrpc":"2.0","id":2,"method":"async/analyze","params":{"source":"await f()"}},{"jsonrpc":"2.0","method":"initialized"}]"#,
        #"{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}"#,
        #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#,
    ]

    /// Messages that are each wrong in some way: mutated bytes, truncation, junk, deep nesting,
    /// wrong types, huge numbers, invalid UTF-8, lifecycle requests that must not end the run.
    static func messages(count: Int, seed: UInt64) -> [[UInt8]] {
        var random = Generator(state: seed | 1)
        var out: [[UInt8]] = []
        out.reserveCapacity(count)
        while out.count < count {
            var bytes = Array(templates[random.int(templates.count)].utf8)
            switch random.int(10) {
            case 0:  // flip random bytes
                for _ in 0...random.int(4) where !bytes.isEmpty { bytes[random.int(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
            case 1:  // truncate
                bytes = Array(bytes.prefix(random.int(bytes.count)))
            case 2:  // random junk
                bytes = (0..<(1 + random.int(60))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            case 3:  // deep nesting
                bytes = Array(String(repeating: random.int(2) == 0 ? "[" : "{\"a\":", count: 1000 + random.int(5000)).utf8)
            case 4:  // wrong types in params
                bytes = Array(#"{"jsonrpc":"2.0","id":\#(random.int(100)),"method":"async/lookup","params":{"query":[\#(random.int(9))],"limit":{}}}"#.utf8)
            case 5:  // invalid UTF-8 inside a string
                bytes = Array(#"{"jsonrpc":"2.0","id":5,"method":"async/lookup","params":{"query":""#.utf8) + [0xC3, 0x28, 0xA0, 0xED, 0xA0, 0x80] + Array("\"}}".utf8)
            case 6:  // huge numbers and odd ids
                bytes = Array(#"{"jsonrpc":"2.0","id":1\#(String(repeating: "9", count: random.int(400))),"method":"nope","params":{"limit":1e999999}}"#.utf8)
            case 7:  // structurally invalid requests
                let bad = [#"{"jsonrpc":"2.0"}"#, #"{"id":1}"#, #"{"jsonrpc":2.0,"id":1,"method":"x"}"#, #"[]"#, #"[[],[[]]]"#, #"null"#, #"{"jsonrpc":"2.0","id":1,"method":"async/lookup","params":7}"#]
                bytes = Array(bad[random.int(bad.count)].utf8)
            case 8:  // an unknown member or a duplicated one
                bytes = Array(#"{"jsonrpc":"2.0","id":9,"method":"async/lookup","params":{"query":"x","query":1,"zzz":true}}"#.utf8)
            default:  // swap a byte for a NUL or a newline-free control character
                if !bytes.isEmpty { bytes[random.int(bytes.count)] = UInt8(random.int(32)) }
            }
            // Newlines would split NDJSON messages into several: keep one message per line.
            bytes = bytes.map { $0 == 0x0A ? 0x20 : $0 }
            // Never let a mutation produce an `exit` or `shutdown` that would end the session early.
            let text = String(decoding: bytes, as: UTF8.self)
            if text.contains("exit") || text.contains("shutdown") { continue }
            out.append(bytes)
        }
        return out
    }

    static func ndjsonStream(_ messages: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = Array("[]\n".utf8)  // start with `[` so NDJSON framing is chosen
        for m in messages { out += m + [0x0A] }
        return out
    }


    /// LSP frames, with broken framing mixed in: every 97th frame is preceded by a header block
    /// with a bad or missing Content-Length, and every 89th frame declares a length too short.
    static func lspStream(_ messages: [[UInt8]]) -> [UInt8] {
        let badHeaders = ["Content-Length: abc\r\n\r\n", "Content-Type: x\r\n\r\n", "Content-Length: -5\r\n\r\n",
                          "Content-Length: 1\r\nContent-Length: 2\r\n\r\n", "garbage line\r\n\r\n"]
        var out: [UInt8] = []
        for (i, m) in messages.enumerated() {
            if i % 97 == 1 { out += Array(badHeaders[i % badHeaders.count].utf8) }
            let length = (i % 89 == 5 && m.count > 2) ? m.count / 2 : m.count
            out += Array("Content-Length: \(length)\r\n\r\n".utf8) + m
        }
        return out
    }

}


@Suite struct WorkerPoolTests {
    @Test func runsJobsConcurrentlyAndWaits() {
        let pool = WorkerPool(maxThreads: 4, stackBytes: 1 << 20, idleSeconds: 1)
        let running = Atomic<Int>(0), peak = Atomic<Int>(0), done = Atomic<Int>(0)
        for _ in 0..<12 {
            pool.submit {
                let now = running.add(1, ordering: .relaxed).newValue
                var observed = peak.load(ordering: .relaxed)
                while now > observed, !peak.compareExchange(expected: observed, desired: now, ordering: .relaxed).exchanged {
                    observed = peak.load(ordering: .relaxed)
                }
                usleep(50_000)
                running.subtract(1, ordering: .relaxed)
                done.add(1, ordering: .relaxed)
            }
        }
        pool.wait()
        #expect(done.load(ordering: .relaxed) == 12)
        #expect(peak.load(ordering: .relaxed) == 4, "never more than maxThreads at once, and that many used")
        // Idle workers leave after idleSeconds; a new job still runs afterwards.
        usleep(1_500_000)
        pool.submit { done.add(1, ordering: .relaxed) }
        pool.wait()
        #expect(done.load(ordering: .relaxed) == 13)
    }
}
