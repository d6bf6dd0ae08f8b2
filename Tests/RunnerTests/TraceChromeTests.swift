// `asyncd run --trace-format chrome`: the trace as Trace Event JSON, one track per task, the time
// a task waits shown as a complete event named after what it waits on.
import Foundation
import Testing
@testable import Runner

@Test func chromeTraceHasOneTrackPerTaskAndWaitSpans() throws {
    let source = """
    import asyncio
    async def w(n):
        await asyncio.sleep(n)
        print("w", n)
    async def main():
        await asyncio.gather(w(0.5), w(1.5))
    asyncio.run(main())
    """
    let result = try SnippetRunner.run(source: source)
    let data = Data(ChromeTrace.json(result).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let events = try #require(root["traceEvents"] as? [[String: Any]])
    let names = events.filter { $0["name"] as? String == "thread_name" }
        .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
    #expect(names.filter { $0.hasPrefix("Task-") }.sorted() == ["Task-1", "Task-2", "Task-3"])
    let waits = events.filter { $0["ph"] as? String == "X" }
    let sleep15 = try #require(waits.first { $0["name"] as? String == "waits on sleep(1.5)" })
    #expect((sleep15["dur"] as? NSNumber)?.intValue == 1_500_000)
    #expect(waits.contains { $0["name"] as? String == "waits on gather" && ($0["dur"] as? NSNumber)?.intValue == 1_500_000 })
    #expect(events.contains { $0["name"] as? String == "print: w 0.5" && ($0["ts"] as? NSNumber)?.intValue == 500_000 })
}

@Test func chromeTraceQuotesAwkwardText() throws {
    let result = RunResult(outcome: .completed, trace: [
        TraceEvent(seq: 1, time: .infinity, task: "a\"b", kind: .print, line: nil, detail: "tab\there\u{1}\\"),
    ], virtualTime: 1e300)
    let data = Data(ChromeTrace.json(result).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let events = try #require(root["traceEvents"] as? [[String: Any]])
    #expect(events.contains { $0["name"] as? String == "print: tab\there\u{1}\\" })
}
