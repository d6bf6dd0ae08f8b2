import Runner
import Testing
@testable import AsyncDaemon

/// `asyncd run --timeline`'s chart and `--limit` parsing, from hand-built results.
@Suite struct RunTimelineTests {
    private func event(_ seq: Int, _ time: Double, _ task: String, _ kind: TraceEvent.Kind, _ detail: String? = nil) -> TraceEvent {
        TraceEvent(seq: seq, time: time, task: task, kind: kind, detail: detail)
    }

    @Test func chartShowsStepsWaitsAndEndings() {
        let result = RunResult(outcome: .completed, trace: [
            event(1, 0, "Task-1", .create, "main()"),
            event(2, 0, "Task-1", .start),
            event(3, 0, "Task-2", .create, "greet()"),
            event(4, 0, "Task-1", .suspend, "Task-2"),
            event(5, 0, "Task-2", .start),
            event(6, 0, "Task-2", .suspend, "sleep(0.5)"),
            event(7, 0.5, "", .clock),
            event(8, 0.5, "Task-2", .resume),
            event(9, 0.5, "Task-2", .error, "ValueError"),
            event(10, 0.5, "Task-1", .resume),
            event(11, 0.5, "Task-1", .cancel),
        ], virtualTime: 1.0)
        let rows = RunTimeline.chart(result, width: 40)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count <= 40 })
        #expect(rows[0].hasPrefix("Task-1 main()"))
        #expect(rows[0].contains("█·") && rows[0].contains("⊘"))
        #expect(rows[1].hasPrefix("Task-2 greet()") && rows[1].contains("✗"))
        #expect(rows[2].hasSuffix("1.000 s"))
        // Half way along the axis: Task-2 ends at 0.5 s of 1.0 s.
        let columns = 40 - 16 - 1  // width - label ("Task-2 greet()" + 2) - 1
        let cells = Array(rows[1].dropFirst(16))
        let end = cells.firstIndex(of: "✗") ?? -1
        #expect((Double(columns) * 0.4)...(Double(columns) * 0.6) ~= Double(end), "✗ at column \(end) of \(columns)")
    }

    @Test func taskStillWaitingAtTheEndWaitsToTheEdge() {
        let result = RunResult(outcome: .deadlock, trace: [
            event(1, 0, "Task-1", .create, "main()"),
            event(2, 0, "Task-1", .start),
            event(3, 0, "Task-1", .suspend, "Event.wait"),
        ], virtualTime: 2.0)
        let rows = RunTimeline.chart(result, width: 30)
        #expect(rows[0].hasSuffix("·"))
    }

    @Test func noTasksNoChart() {
        #expect(RunTimeline.chart(RunResult(outcome: .completed, trace: [event(1, 0, "", .print, "hi")])).isEmpty)
    }

    @Test func limitOptionsParse() throws {
        var limits = RunLimits()
        try RunLimitOption.apply("steps=1_000_000_000", to: &limits)
        try RunLimitOption.apply("wall=30s", to: &limits)
        try RunLimitOption.apply("virtual=1500ms", to: &limits)
        try RunLimitOption.apply("memory=512MiB", to: &limits)
        try RunLimitOption.apply("output=64kb", to: &limits)
        #expect(limits.steps == 1_000_000_000)
        #expect(limits.wallMilliseconds == 30_000)
        #expect(limits.virtualSeconds == 1.5)
        #expect(limits.memoryBytes == 512 << 20)
        #expect(limits.outputBytes == 64 << 10)
        for bad in ["steps", "steps=", "steps=-1", "wall=soon", "memory=99999999999999999999GiB", "colour=red", "output=0"] {
            #expect(throws: FileAccess.Failure.self, "\(bad)") { try RunLimitOption.apply(bad, to: &limits) }
        }
    }
}

/// The step-by-step account `asyncd run` prints on stderr.
@Suite struct RunAccountTests {
    @Test func oneSentencePerEventWithTimesAndLines() {
        let result = RunResult(outcome: .completed, trace: [
            TraceEvent(seq: 1, time: 0, task: "Task-1", kind: .create, line: 9, detail: "main()"),
            TraceEvent(seq: 2, time: 0, task: "Task-1", kind: .start, line: 5),
            TraceEvent(seq: 3, time: 0, task: "Task-1", kind: .suspend, line: 6, detail: "sleep(0.1)"),
            TraceEvent(seq: 4, time: 0.1, task: "", kind: .clock, detail: "the loop waits for its next timer"),
            TraceEvent(seq: 5, time: 0.1, task: "Task-1", kind: .resume, line: 6),
            TraceEvent(seq: 6, time: 0.1, task: "Task-1", kind: .print, line: 7, detail: "Hello, Alice!"),
            TraceEvent(seq: 7, time: 0.1, task: "Task-1", kind: .done, detail: "None"),
        ], virtualTime: 0.1)
        #expect(RunAccount.lines(result) == [
            "What happened, step by step (virtual time):",
            "  0.000 s  Task-1 main() is created (line 9)",
            "  0.000 s  Task-1 starts (line 5)",
            "  0.000 s  Task-1 waits on sleep(0.1) (line 6)",
            "  0.100 s  the clock moves to 0.100 s: the loop waits for its next timer",
            "  0.100 s  Task-1 resumes (line 6)",
            "  0.100 s  Task-1 prints: Hello, Alice!",
            "  0.100 s  Task-1 finishes, returning None",
        ])
    }

    @Test func longRunsAreCut() {
        let events = (1...500).map { TraceEvent(seq: $0, time: 0, task: "Task-1", kind: .resume) }
        let lines = RunAccount.lines(RunResult(outcome: .completed, trace: events))
        #expect(lines.count == RunAccount.maxSteps + 2)
        #expect(lines.last == "  … 300 more steps (see --timeline or --format json)")
    }

    @Test func accountGoesToStderrAndQuietDropsIt() throws {
        guard TestPaths.binaryAvailable else { return }
        let source = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.5)\n    print('done')\n\nasyncio.run(main())\n"
        let run = try BinaryRun.run(["run", "-"], input: Array(source.utf8))
        #expect(run.status == 0)
        #expect(run.stdoutText == "done\n")
        #expect(run.stderr.contains("0.500 s  Task-1 resumes (line 4)"))
        let quiet = try BinaryRun.run(["run", "--quiet", "-"], input: Array(source.utf8))
        #expect(quiet.stdoutText == "done\n")
        #expect(quiet.stderr.isEmpty)
    }
}
