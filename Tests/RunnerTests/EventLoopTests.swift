import Testing
@testable import Runner

/// The loop's scheduling order follows `BaseEventLoop._run_once`; each case states the CPython
/// behaviour it pins down.
@Suite struct EventLoopTests {
    /// Runs the loop until it stalls and returns the stall.
    private func drain(_ loop: EventLoop, maxIterations: Int = 10_000) -> EventLoop.Stall? {
        for _ in 0..<maxIterations {
            if let stall = loop.runOnce() { return stall }
        }
        Issue.record("loop did not stall within \(maxIterations) iterations")
        return nil
    }

    @Test func callSoonIsFIFOAndNewCallbacksWaitForTheNextIteration() {
        let loop = EventLoop()
        var log: [String] = []
        loop.callSoon { log.append("a"); loop.callSoon { log.append("c") } }
        loop.callSoon { log.append("b") }
        #expect(loop.runOnce() == nil)
        #expect(log == ["a", "b"])
        #expect(loop.runOnce() == nil)
        #expect(log == ["a", "b", "c"])
        #expect(drain(loop) == .deadlock)
    }

    /// Six timers at the same deadline fire in heapq order, as in the oracle's README.
    @Test func equalDeadlinesFireInHeapOrder() {
        let loop = EventLoop()
        var order: [Int] = []
        for id in 0..<6 { loop.callLater(1.0) { order.append(id) } }
        #expect(drain(loop) == .deadlock)
        #expect(order == [0, 2, 5, 4, 1, 3])
        #expect(loop.time() == 1.0)
    }

    /// `sleep(0.1)` three times from 0 reads 0.30000000000000004, as CPython's doubles do.
    @Test func clockJumpsExactlyToEachDeadline() {
        let loop = EventLoop()
        var readings: [Double] = []
        func step(_ remaining: Int) {
            readings.append(loop.time())
            if remaining > 0 { loop.callLater(0.1) { step(remaining - 1) } }
        }
        loop.callSoon { step(3) }
        #expect(drain(loop) == .deadlock)
        #expect(readings == [0.0, 0.1, 0.2, 0.30000000000000004])
    }

    @Test func timersWithinOneNanosecondRunTogether() {
        let loop = EventLoop()
        var ran: [Double] = []
        loop.callAt(1.0) { ran.append(loop.time()) }
        loop.callAt(1.0 + 5e-10) { ran.append(loop.time()) }
        loop.callAt(1.0 + 2e-9) { ran.append(loop.time()) }
        #expect(loop.runOnce() == nil)
        #expect(ran == [1.0, 1.0])
        #expect(loop.runOnce() == nil)
        #expect(ran == [1.0, 1.0, 1.0 + 2e-9])
    }

    @Test func cancelledHandlesAreSkipped() {
        let loop = EventLoop()
        var log: [String] = []
        let soon = loop.callSoon { log.append("soon") }
        let timer = loop.callLater(5) { log.append("timer") }
        loop.callLater(1) { log.append("kept") }
        soon.cancel()
        timer.cancel()
        #expect(drain(loop) == .deadlock)
        #expect(log == ["kept"])
        #expect(loop.time() == 1.0)
    }

    /// Past 100 timers with more than half cancelled, `_run_once` heapifies the survivors; the
    /// equal-deadline order then follows heapify's layout, not the push order. The expected
    /// order is what CPython 3.12 prints under the oracle for:
    ///     handles = [loop.call_later(2.0, fired.append, i) for i in range(120)]
    ///     for i in range(120): (i % 4) and handles[i].cancel()
    ///     await asyncio.sleep(3); print(fired)
    @Test func largeMostlyCancelledHeapIsRebuilt() {
        let loop = EventLoop()
        var handles: [Handle] = []
        var fired: [Int] = []
        for id in 0..<120 { handles.append(loop.callLater(2.0) { fired.append(id) }) }
        for id in 0..<120 where id % 4 != 0 { handles[id].cancel() }
        loop.callLater(3.0) {}
        #expect(drain(loop) == .deadlock)
        #expect(fired == [116, 56, 24, 8, 0, 112, 108, 52, 20, 100, 44, 92, 4, 84, 36, 76, 12, 68, 28, 60,
                          104, 96, 48, 16, 80, 32, 64, 88, 72, 40])
    }

    @Test func virtualTimeLimitStopsBeforeTheJump() {
        let loop = EventLoop()
        loop.virtualTimeLimit = 10
        var fired = false
        loop.callLater(60) { fired = true }
        #expect(loop.runOnce() == .virtualTimeLimit(nextTimer: 60))
        #expect(!fired)
        #expect(loop.time() == 0)
    }
}
