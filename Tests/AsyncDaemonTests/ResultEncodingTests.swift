import Analyzer
import Runner
import Testing
@testable import AsyncDaemon

/// The Diagnostic → LSP Diagnostic and RunResult → run result encoders, with hand-built values
/// (the analyzer and runner fill these in on their own branches).
@Suite struct ResultEncodingTests {
    let source = "x = '😀'\nawait f()\n"

    private func loc(_ line: Int, _ column: Int, _ offset: Int) -> Analyzer.SourceLocation { Analyzer.SourceLocation(line: line, column: column, offset: offset) }

    @Test func diagnosticBecomesAnLSPDiagnostic() throws {
        let diagnostic = Diagnostic(code: "AIO101", name: "await-outside-async", severity: .error,
                                    message: "'await' outside async function",
                                    range: SourceRange(start: loc(2, 0, 11), end: loc(2, 9, 20)),
                                    fix: nil, reference: "mistake-2-await-outside-async")
        let json = ResultEncoding.analyzeResult([diagnostic], source: source, encoding: .utf16, uri: nil)
        let expected = try JSONParser.parse(#"""
        {"diagnostics":[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":9}},
         "severity":1,"code":"AIO101","source":"asyncd","message":"'await' outside async function",
         "data":{"rule":"await-outside-async","reference":"mistake-2-await-outside-async"}}]}
        """#)
        #expect(json == expected)
    }

    @Test func fixBecomesAWorkspaceEditInTheNegotiatedEncoding() throws {
        // Replace the emoji (bytes 5..<9 of line 1) by "ok".
        let fix = Fix(title: "Replace", edits: [TextEdit(range: SourceRange(start: loc(1, 5, 5), end: loc(1, 9, 9)), newText: "ok")], isSafe: true)
        let diagnostic = Diagnostic(code: "AIO999", name: "test-rule", severity: .hint, message: "m",
                                    range: SourceRange(start: loc(1, 5, 5), end: loc(1, 9, 9)), fix: fix)
        for (encoding, endCharacter) in [(PositionEncoding.utf8, 9), (.utf16, 7), (.utf32, 6)] {
            let json = ResultEncoding.analyzeResult([diagnostic], source: source, encoding: encoding, uri: "file:///tmp/a.py")
            let d = json["diagnostics"]?.arrayValue?.first
            #expect(d?["severity"] == .int(4))
            #expect(d?["range"]?["end"]?["character"] == .int(endCharacter))
            let edit = d?["data"]?["fix"]?["changes"]?["file:///tmp/a.py"]?.arrayValue?.first
            #expect(edit?["newText"] == .string("ok"))
            #expect(edit?["range"]?["start"]?["character"] == .int(5))
            #expect(edit?["range"]?["end"]?["character"] == .int(endCharacter))
            #expect(d?["data"]?["fixTitle"] == .string("Replace"))
            #expect(d?["data"]?["fixSafe"] == .bool(true))
        }
        let untitled = ResultEncoding.analyzeResult([diagnostic], source: source, encoding: .utf16, uri: nil)
        #expect(untitled["diagnostics"]?.arrayValue?.first?["data"]?["fix"]?["changes"]?[ResultEncoding.untitledURI] != nil)
    }

    @Test func runResultHasTheContractShape() throws {
        let result = RunResult(outcome: .exception, stdout: "hi\n",
                               exception: RunException(type: "ValueError", message: "bad", traceback: [TracebackEntry(line: 3, function: "main")]),
                               limit: nil,
                               trace: [TraceEvent(seq: 0, time: 0, task: "Task-1", kind: .create),
                                       TraceEvent(seq: 1, time: 0.5, task: "Task-1", kind: .suspend, line: 2, detail: "sleep(0.5)")],
                               virtualTime: 1.5, steps: 42, warnings: ["RuntimeWarning: coroutine 'fetch' was never awaited"])
        let expected = try JSONParser.parse(#"""
        {"outcome":"exception","stdout":"hi\n",
         "exception":{"type":"ValueError","message":"bad","traceback":[{"line":3,"function":"main"}]},
         "trace":[{"seq":0,"time":0.0,"task":"Task-1","kind":"create"},
                  {"seq":1,"time":0.5,"task":"Task-1","kind":"suspend","line":2,"detail":"sleep(0.5)"}],
         "virtualTime":1.5,"steps":42,"warnings":["RuntimeWarning: coroutine 'fetch' was never awaited"]}
        """#)
        #expect(ResultEncoding.runResult(result) == expected)

        let limited = ResultEncoding.runResult(RunResult(outcome: .limit, limit: .steps, steps: 1000))
        #expect(limited["limit"] == .string("steps"))
        #expect(limited["exception"] == nil)
        #expect(limited["trace"] == .array([]))
    }

    @Test func notImplementedYetIsMinus32603() {
        let error = ProtocolError.from(NotImplementedYet("the runner"))
        #expect(error.code == -32603)
        #expect(error.message == "the runner is not implemented yet")
        #expect(ProtocolError.from(RunCancelled()).code == -32800)
    }

    @Test func fileURIsBecomePaths() {
        #expect(AnalyzeMethod.filePath(fromURI: "file:///tmp/a%20b.py") == "/tmp/a b.py")
        #expect(AnalyzeMethod.filePath(fromURI: "file://host/x.py") == "/x.py")
        #expect(AnalyzeMethod.filePath(fromURI: "untitled:1") == nil)
        #expect(AnalyzeMethod.filePath(fromURI: "file://%") == nil)
    }
}

/// `asyncd run`'s text rendering, with hand-built results.
@Suite struct RunTextTests {
    @Test func timelineIsAlignedAndReportSpeaksCPython() {
        let result = RunResult(outcome: .exception, stdout: "",
                               exception: RunException(type: "ZeroDivisionError", message: "division by zero",
                                                       traceback: [TracebackEntry(line: 9, function: "<module>"), TracebackEntry(line: 4, function: "main")]),
                               trace: [TraceEvent(seq: 0, time: 0, task: "Task-1", kind: .create, line: 9),
                                       TraceEvent(seq: 1, time: 1.5, task: "Task-12", kind: .suspend, line: 4, detail: "sleep(0.5)")],
                               virtualTime: 1.5, steps: 10, warnings: ["RuntimeWarning: coroutine 'f' was never awaited"])
        let lines = RunCommand.timelineLines(result, color: false)
        #expect(lines == [
            "SEQ  TIME   TASK     KIND     LINE  DETAIL",
            "0    0.000  Task-1   create   9",
            "1    1.500  Task-12  suspend  4     sleep(0.5)",
        ])
        #expect(RunCommand.report(result) == [
            "RuntimeWarning: coroutine 'f' was never awaited",
            "Traceback (most recent call last):",
            "  File \"main.py\", line 9, in <module>",
            "  File \"main.py\", line 4, in main",
            "ZeroDivisionError: division by zero",
        ])
        #expect(RunCommand.report(RunResult(outcome: .limit, limit: .steps, steps: 100)) == ["asyncd: stopped: the steps limit was reached after 100 steps"])
    }

    @Test func timesFormatWithoutTrapping() {
        #expect(RunCommand.formatTime(0.0005) == "0.001")
        #expect(RunCommand.formatTime(12.25) == "12.250")
        #expect(RunCommand.formatTime(-0.5) == "-0.500")
        #expect(RunCommand.formatTime(.infinity) == "inf")
        #expect(RunCommand.formatTime(1e300) == "1e+300")
    }

    @Test func extremeLocationsClamp() {
        let table = LineTable("ab\ncd")
        let low = Analyzer.SourceLocation(line: Int.min, column: Int.min, offset: Int.min)
        let high = Analyzer.SourceLocation(line: Int.max, column: Int.max, offset: Int.max)
        #expect(table.position(of: low, in: .utf16) == LSPPosition(line: 0, character: 0))
        #expect(table.position(of: high, in: .utf16) == LSPPosition(line: 1, character: 2))
        #expect(table.position(utf8Offset: Int.min, in: .utf8) == LSPPosition(line: 0, character: 0))
        #expect(table.position(utf8Offset: Int.max, in: .utf8) == LSPPosition(line: 1, character: 2))
        #expect(table.utf8Offset(of: LSPPosition(line: Int.min, character: Int.max), in: .utf16) == 0)
        #expect(table.utf8Offset(of: LSPPosition(line: 1, character: Int.max), in: .utf32) == 5)
    }
}
