import Foundation
import Testing
@testable import AsyncDaemon

/// Bad input, concurrency and cancellation against the built binary, in both framings.
/// Every run has a timeout, so a hang fails the test instead of stalling the suite.
@Suite struct BinaryBadInputTests {
    private func request(_ id: Int, _ method: String, _ params: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    private func frames(_ bodies: [String], _ framing: Framing) -> [UInt8] {
        framing == .lsp ? Frames.lsp(bodies) : Frames.ndjson(bodies)
    }

    @Test func fuzzTenThousandMalformedMessagesThenAValidRequest() throws {
        guard TestPaths.binaryAvailable else { return }
        for framing in [Framing.ndjson, .lsp] {
            let corpus = MalformedCorpus.messages(count: 10_000, seed: framing == .lsp ? 11 : 5)
            let valid = Array(request(777, "async/lookup", #"{"query":"forgot await","limit":1}"#).utf8)
            let input = framing == .lsp ? MalformedCorpus.lspStream(corpus + [valid]) : MalformedCorpus.ndjsonStream(corpus + [valid])
            let run = try BinaryRun.run([], input: input, timeout: 60)
            #expect(!run.timedOut)
            #expect(run.status == 0, "[\(framing)] exit \(run.status); stderr: \(run.stderr.suffix(300))")
            let replies = Replies.parse(run.stdout)
            let answer = replies.last { $0["id"] == .int(777) }
            #expect(answer?["result"]?["entries"]?.arrayValue?.first?["id"] == .string("mistake-1-forgot-await"), "[\(framing)]")
            #expect(!replies.contains { if case .string(let s) = $0 { s.hasPrefix("<unparsable") } else { false } }, "every reply is valid JSON")
        }
    }

    @Test func slowRequestDoesNotBlockAFastOne() throws {
        guard TestPaths.binaryAvailable else { return }
        for framing in [Framing.ndjson, .lsp] {
            let input = frames([
                request(1, "$/asyncd/sleep", #"{"milliseconds":1500}"#),
                request(2, "$/asyncd/sleep", #"{"milliseconds":1500}"#),
                request(3, "$/asyncd/sleep", #"{"milliseconds":1500}"#),
                request(4, "async/lookup", #"{"query":"gather","limit":1}"#),
            ], framing)
            let run = try BinaryRun.run([], input: input, timeout: 20)
            let ids = Replies.parse(run.stdout).map { $0["id"] }
            #expect(ids.count == 4)
            #expect(ids.first == .int(4), "[\(framing)] the lookup is answered before the three slow requests: \(ids)")
        }
    }

    @Test func cancelRequestStopsASlowRequestPromptly() throws {
        guard TestPaths.binaryAvailable else { return }
        for framing in [Framing.ndjson, .lsp] {
            let input = frames([
                request(5, "$/asyncd/sleep", #"{"milliseconds":60000}"#),
                #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}}"#,
            ], framing)
            let start = Date()
            let run = try BinaryRun.run([], input: input, timeout: 50)
            #expect(Date().timeIntervalSince(start) < 15, "[\(framing)] cancellation was not prompt")
            let replies = Replies.parse(run.stdout)
            #expect(replies.count == 1)
            #expect(replies.first?["error"]?["code"] == .int(-32800))
            #expect(replies.first?["id"] == .int(5))
            #expect(run.status == 0)
        }
    }

    @Test func headerLineOver8KiBAndBadContentLengthAreSkippedWithOneStderrLine() throws {
        guard TestPaths.binaryAvailable else { return }
        var input = Array(("X-Junk: " + String(repeating: "j", count: 9000) + "\r\n\r\n").utf8)
        input += Array("Content-Length: twelve\r\n\r\n".utf8)
        input += Array("Content-Type: application/json\r\n\r\n".utf8)  // no Content-Length
        input += Frames.lsp([request(1, "async/lookup", #"{"query":"gather","limit":1}"#)])
        let run = try BinaryRun.run([], input: input, timeout: 20)
        let stderrLines = run.stderr.split(separator: "\n")
        #expect(stderrLines.count == 3, "\(stderrLines)")
        #expect(stderrLines.allSatisfy { $0.hasPrefix("asyncd: ") })
        #expect(Replies.parse(run.stdout).map { $0["id"] } == [.int(1)])
    }

    @Test func messageOver64MiBIsSkippedAndServingContinues() throws {
        guard TestPaths.binaryAvailable else { return }
        let size = 64 * 1024 * 1024 + 1
        for framing in [Framing.lsp, .ndjson] {
            var input: [UInt8]
            if framing == .lsp {
                input = Array("Content-Length: \(size)\r\n\r\n".utf8)
                input += [UInt8](repeating: UInt8(ascii: "a"), count: size)
            } else {
                input = Array("[\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: size) + Array("\"]\n".utf8)
            }
            input += frames([request(2, "async/lookup", #"{"query":"gather","limit":1}"#)], framing)
            let run = try BinaryRun.run([], input: input, timeout: 60)
            #expect(!run.timedOut)
            #expect(run.stderr.split(separator: "\n").count == 1, "[\(framing)] \(run.stderr)")
            #expect(Replies.parse(run.stdout).map { $0["id"] } == [.int(2)], "[\(framing)]")
        }
    }

    /// Peak resident memory of a daemon that skipped a message over the limit, read from
    /// `/proc/<pid>/status` (VmHWM) while it still runs. LSP knows the size from the header, so
    /// the skipped body is never stored; NDJSON must hold a line until it passes the limit, so its
    /// peak is bounded by about twice the limit, whatever comes after.
    @Test func skippingOversizedMessagesKeepsMemoryBounded() throws {
        guard TestPaths.binaryAvailable, let binary = TestPaths.binary else { return }
        let size = 64 * 1024 * 1024 + 1
        for framing in [Framing.lsp, .ndjson] {
            var input: [UInt8]
            if framing == .lsp {
                input = Array("Content-Length: \(size)\r\n\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: size)
            } else {
                input = Array("[\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: size) + Array("\"]\n".utf8)
            }
            input += frames([request(9, "async/lookup", #"{"query":"gather","limit":1}"#)], framing)
            let process = Process()
            process.executableURL = binary
            let stdin = Pipe(), stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            let payload = Data(input)
            DispatchQueue.global().async { stdin.fileHandleForWriting.write(payload) }
            // Wait for the reply to the request after the big message: by then it was skipped.
            var received = Data()
            while !(String(decoding: received, as: UTF8.self).contains("mistake-3")) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received.append(chunk)
            }
            let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
            try? stdin.fileHandleForWriting.close()
            process.waitUntilExit()
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                  let kib = Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }?.trimmingCharacters(in: .whitespaces) ?? "") else {
                print("note: no /proc/<pid>/status here; skipping the memory check")
                return
            }
            let limitKiB = framing == .lsp ? 40 * 1024 : 200 * 1024
            #expect(kib < limitKiB, "[\(framing)] peak RSS \(kib) KiB")
            #expect(String(decoding: received, as: UTF8.self).contains("mistake-3"))
        }
    }

    /// Leading whitespace before the first `{`, CRLF line ends, blank lines, and a last request
    /// without a newline, which is still answered at end of input.
    @Test func ndjsonLineEndsEndToEnd() throws {
        guard TestPaths.binaryAvailable else { return }
        let input = " \r\n\t" + request(1, "async/lookup", #"{"query":"gather","limit":1}"#) + "\r\n\r\n   \n"
            + request(2, "async/lookup", #"{"query":"sleep","limit":1}"#)
        let run = try BinaryRun.run([], input: Array(input.utf8), timeout: 20)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let replies = Replies.parse(run.stdout)
        #expect(replies.map { $0["id"] } == [.int(1), .int(2)])
        #expect(replies.last?["result"]?["entries"]?.arrayValue?.first?["id"] == .string("qr-non-blocking-sleep"))
        // LSP framing picked after leading blank lines too, with a Content-Type header first.
        let body = request(3, "async/lookup", #"{"query":"gather","limit":1}"#)
        let lsp = "\r\n\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        let lspRun = try BinaryRun.run([], input: Array(lsp.utf8), timeout: 20)
        #expect(lspRun.stdoutText.hasPrefix("Content-Length: "))
        #expect(Replies.parse(lspRun.stdout).map { $0["id"] } == [.int(3)])
    }

    @Test func truncatedLSPBodyAtEndOfInputDoesNotHang() throws {
        guard TestPaths.binaryAvailable else { return }
        var input = Frames.lsp([request(1, "async/lookup", #"{"query":"gather","limit":1}"#)])
        input += Array("Content-Length: 500\r\n\r\n{\"jsonrpc\":".utf8)
        let run = try BinaryRun.run([], input: input, timeout: 10)
        #expect(!run.timedOut)
        #expect(run.status == 0)
        #expect(Replies.parse(run.stdout).map { $0["id"] } == [.int(1)])
        #expect(run.stderr.contains("end of input"))
    }

    @Test func deepNestingInvalidUTF8AndWrongTypesAreAnsweredNotFatal() throws {
        guard TestPaths.binaryAvailable else { return }
        for framing in [Framing.ndjson, .lsp] {
            var bodies: [[UInt8]] = []
            bodies.append(Array(String(repeating: "[", count: 100_000).utf8))
            bodies.append(Array(#"{"jsonrpc":"2.0","id":1,"method":"async/lookup","params":{"query":""#.utf8) + [0xFF, 0xC3] + Array("\"}}".utf8))
            bodies.append(Array(request(2, "async/lookup", #"{"query":false}"#).utf8))
            bodies.append(Array(request(3, "async/lookup", #"{"query":"gather","extra":1}"#).utf8))
            bodies.append(Array(request(4, "async/lookup", #"{"query":"gather","limit":1}"#).utf8))
            let input = framing == .lsp ? MalformedCorpus.lspStream(bodies) : Array("[]\n".utf8) + MalformedCorpus.ndjsonStream(bodies).dropFirst(3)
            let run = try BinaryRun.run([], input: input, timeout: 20)
            let replies = Replies.parse(run.stdout)
            let codes = replies.compactMap { $0["error"]?["code"]?.numberValue?.intValue }
            #expect(codes.filter { $0 == -32700 }.count == 2, "[\(framing)] \(replies.map(JSONWriter.string))")
            #expect(codes.filter { $0 == -32602 }.count == 2)
            #expect(replies.contains { $0["id"] == .int(4) && $0["result"] != nil })
        }
    }
}
