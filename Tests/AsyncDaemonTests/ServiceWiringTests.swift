import Analyzer
import Foundation
import Runner
import Synchronization
import Testing
@testable import AsyncDaemon

/// The methods' wiring to the analyzer and runner, with fakes standing in for them: the
/// cancellation flag reaches the runner, results are encoded, errors are mapped, and the
/// negotiated position encoding applies to `async/analyze`.
@Suite struct ServiceWiringTests {
    private func request(_ id: Int, _ method: String, _ params: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
    }

    /// A runner that spins until its cancellation flag is set, as the VM's step loop does.
    @Test func cancelRequestSetsTheRunnersFlag() {
        let observed = Atomic<Int>(0)
        var services = Services.live
        services.run = { _, limits, flag in
            #expect(limits.steps == 1_000_000_000)
            #expect(limits.wallMilliseconds == 30_000)
            let start = ContinuousClock.now
            while !flag.isCancelled {
                if ContinuousClock.now - start > .seconds(60) { return RunResult(outcome: .limit, limit: .wall) }
                usleep(1000)
            }
            observed.store(1, ordering: .relaxed)
            throw RunCancelled()
        }
        let start = Date()
        let transcript = InProcess.serve(ndjson: [
            request(1, "async/run", #"{"source":"while True: pass","limits":{"steps":1000000000,"wallMilliseconds":30000}}"#),
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#,
        ], services: services)
        #expect(Date().timeIntervalSince(start) < 15, "a run that would spin 60 s, cancelled at once")
        #expect(observed.load(ordering: .relaxed) == 1, "the runner saw the flag")
        #expect(transcript.replies.count == 1)
        #expect(transcript.replies.first?["error"]?["code"] == .int(-32800))
    }

    @Test func runResultsAndErrorsAreEncoded() {
        var services = Services.live
        services.run = { source, _, _ in
            if source == "boom" { throw NotImplementedYet("the runner") }
            return RunResult(outcome: .completed, stdout: "1\n", trace: [TraceEvent(seq: 0, time: 0, task: "Task-1", kind: .create)],
                             virtualTime: 1.0, steps: 7)
        }
        let transcript = InProcess.serve(ndjson: [
            request(1, "async/run", #"{"source":"print(1)"}"#),
            request(2, "async/run", #"{"source":"boom"}"#),
        ], services: services)
        let ok = transcript.replies.first { $0["id"] == .int(1) }
        #expect(ok?["result"]?["outcome"] == .string("completed"))
        #expect(ok?["result"]?["stdout"] == .string("1\n"))
        #expect(ok?["result"]?["steps"] == .int(7))
        #expect(ok?["result"]?["trace"]?.arrayValue?.count == 1)
        let failed = transcript.replies.first { $0["id"] == .int(2) }
        #expect(failed?["error"]?["code"] == .int(-32603))
        #expect(failed?["error"]?["message"] == .string("the runner is not implemented yet"))
    }

    /// A diagnostic on the `x` after "é😀" (byte column 11 of line 1).
    @Test func analyzeRangesFollowTheNegotiatedEncoding() {
        var services = Services.live
        services.check = { source, path in
            #expect(path == "/tmp/t.py")
            let start = SourceLocation(line: 1, column: 11, offset: 11)
            let end = SourceLocation(line: 1, column: 12, offset: 12)
            return [Diagnostic(code: "AIO101", name: "await-outside-async", severity: .error, message: "m", range: SourceRange(start: start, end: end))]
        }
        let analyze = request(2, "async/analyze", #"{"source":"a = 'é😀x'\n","uri":"file:///tmp/t.py"}"#)
        func character(after initialize: String?) -> JSONValue? {
            let lines = (initialize.map { [$0] } ?? []) + [analyze]
            let t = InProcess.serve(ndjson: lines, services: services)
            return t.replies.first { $0["id"] == .int(2) }?["result"]?["diagnostics"]?.arrayValue?.first?["range"]?["start"]?["character"]
        }
        func initialize(_ encodings: String) -> String {
            request(1, "initialize", #"{"capabilities":{"general":{"positionEncodings":\#(encodings)}}}"#)
        }
        #expect(character(after: nil) == .int(8))  // utf-16 without initialize
        #expect(character(after: initialize(#"["utf-16"]"#)) == .int(8))
        #expect(character(after: initialize(#"["utf-16","utf-32"]"#)) == .int(7))
        #expect(character(after: initialize(#"["utf-32","utf-8"]"#)) == .int(11))
    }

    /// With the real analyzer merged, `async/analyze` and `asyncd check --format json` agree.
    @Test func realAnalyzerThroughTheDaemonWhenAvailable() throws {
        let source = "import asyncio\nasync def f():\n    return 1\nawait f()\n"
        guard (try? Linter.check(source: source)) != nil else {
            print("note: the analyzer is not implemented in this build; skipping")
            return
        }
        let escaped = JSONWriter.string(.string(source))
        let t = InProcess.serve(ndjson: [request(1, "async/analyze", "{\"source\":\(escaped)}")])
        let diagnostics = t.replies.first?["result"]?["diagnostics"]?.arrayValue ?? []
        #expect(diagnostics.contains { $0["code"] == .string("AIO101") && $0["source"] == .string("asyncd") })
        #expect(diagnostics.allSatisfy { $0["range"]?["start"]?["line"] != nil && $0["data"]?["rule"] != nil })
        guard TestPaths.binaryAvailable else { return }
        let cli = try BinaryRun.run(["check", "--format", "json", "-"], input: Array(source.utf8))
        #expect(cli.status == 1)
        #expect(try JSONParser.parse(cli.stdout) == t.replies.first?["result"])
    }
}
