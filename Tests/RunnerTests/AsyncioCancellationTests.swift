// `$/cancelRequest` on a running `async/run`: the VM checks the CancellationFlag in its step loop,
// so a run busy in an endless async loop stops within 50 ms of the flag being set.
import Dispatch
import Foundation
import Testing
@testable import Runner

private final class Outcome: @unchecked Sendable {
    var cancelledAt: UInt64 = 0
    var returnedAt: UInt64 = 0
    var threwCancelled = false
}

@Test func cancellationStopsAnEndlessAsyncLoopWithin50ms() throws {
    let source = """
    import asyncio
    async def spin(n):
        while True:
            n += 1
            await asyncio.sleep(0)
    async def main():
        await asyncio.gather(spin(0), spin(1), asyncio.sleep(10**6))
    asyncio.run(main())
    """
    let flag = CancellationFlag()
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Thread {
        do {
            _ = try SnippetRunner.run(source: source, limits: RunLimits(steps: 10_000_000_000, virtualSeconds: 1e9, wallMilliseconds: 30_000), cancellation: flag)
        } catch is RunCancelled {
            outcome.threwCancelled = true
        } catch {}
        outcome.returnedAt = DispatchTime.now().uptimeNanoseconds
        done.signal()
    }.start()
    Thread.sleep(forTimeInterval: 0.3)
    outcome.cancelledAt = DispatchTime.now().uptimeNanoseconds
    flag.cancel()
    #expect(done.wait(timeout: .now() + 5) == .success, "the run did not stop")
    #expect(outcome.threwCancelled)
    let ms = Double(outcome.returnedAt &- outcome.cancelledAt) / 1e6
    #expect(ms < 50, "stopped \(ms) ms after the cancel request")
}
