// Traces of small programs (the contract's TraceEvent list) must tell the story the seed tells in
// "What happens step by step": which task was created where, when it started, what it suspended on
// at which line, when the clock jumped, what it printed, how it ended.
import Testing
@testable import Runner

/// One event as a compact line: `time task kind line detail`.
private func story(_ source: String) throws -> [String] {
    let result = try SnippetRunner.run(source: source)
    #expect(result.trace.map(\.seq) == Array(1...max(1, result.trace.count)).prefix(result.trace.count).map { $0 })
    return result.trace.map { e in
        "\(e.time) \(e.task) \(e.kind.rawValue) \(e.line.map(String.init) ?? "-")\(e.detail.map { " " + $0 } ?? "")"
    }
}

@Test func seedGreetStory() throws {
    let source = """
    import asyncio
    async def greet(name: str) -> str:
        await asyncio.sleep(0.1)
        return f"Hello, {name}!"
    async def main():
        msg = await greet("Alice")
        print(msg)
    asyncio.run(main())
    """
    #expect(try story(source) == [
        "0.0 Task-1 create 8 main()",
        "0.0 Task-1 start 5",
        "0.0 Task-1 suspend 3 sleep(0.1)",
        "0.1  clock - the loop waits for its next timer",
        "0.1 Task-1 resume 3",
        "0.1 Task-1 print 7 Hello, Alice!",
        "0.1 Task-1 done - None",
    ])
}

@Test func tasksWaitOnEachOtherAndGather() throws {
    let source = """
    import asyncio
    async def work(n):
        await asyncio.sleep(n)
        return n * 2
    async def main():
        t = asyncio.create_task(work(1))
        await t
        r = await asyncio.gather(work(0.5), work(0.25))
        return r
    asyncio.run(main())
    """
    let s = try story(source)
    #expect(s.prefix(6) == [
        "0.0 Task-1 create 10 main()",
        "0.0 Task-1 start 5",
        "0.0 Task-2 create 6 work()",
        "0.0 Task-1 suspend 7 Task-2",
        "0.0 Task-2 start 2",
        "0.0 Task-2 suspend 3 sleep(1)",
    ])
    #expect(s.contains("1.0 Task-2 done - 2"))
    #expect(s.contains("1.0 Task-1 suspend 8 gather"))
    #expect(s.contains("1.0 Task-3 create 8 work()"))
    #expect(s.contains("1.0 Task-4 suspend 3 sleep(0.25)"))
    #expect(s.last == "1.5 Task-1 done - [1.0, 0.5]")
}

@Test func errorsCancellationAndWaitsOnPrimitives() throws {
    let source = """
    import asyncio
    async def fails():
        await asyncio.sleep(0)
        raise ValueError("boom")
    async def getter(q):
        await q.get()
    async def locker(lock):
        async with lock:
            pass
    async def main():
        f = asyncio.create_task(fails())
        q = asyncio.Queue()
        g = asyncio.create_task(getter(q))
        lock = asyncio.Lock()
        await lock.acquire()
        l = asyncio.create_task(locker(lock))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        g.cancel("stop")
        lock.release()
        await asyncio.gather(f, return_exceptions=True)
        await l
    asyncio.run(main())
    """
    let s = try story(source)
    #expect(s.contains("0.0 Task-2 suspend 3 sleep(0)"))
    #expect(s.contains("0.0 Task-2 error 4 ValueError: boom"))
    #expect(s.contains("0.0 Task-3 suspend 6 Queue.get"))
    #expect(s.contains("0.0 Task-4 suspend 8 Lock.acquire"))
    #expect(s.contains("0.0 Task-3 cancel - stop"))
    #expect(s.contains("0.0 Task-4 done - None"))
}

@Test func unawaitedCoroutineWarnsAtItsLine() throws {
    let source = """
    import asyncio
    async def fetch():
        return 1
    async def main():
        fetch()
        await asyncio.sleep(0.5)
    asyncio.run(main())
    """
    let result = try SnippetRunner.run(source: source)
    #expect(result.warnings == ["RuntimeWarning: coroutine 'fetch' was never awaited"])
    let w = try #require(result.trace.first { $0.kind == .warning })
    #expect(w.line == 5)
    #expect(w.task == "Task-1")
    #expect(w.detail == "RuntimeWarning: coroutine 'fetch' was never awaited")
}

@Test func timeSleepBlocksTheLoopAndTheTraceSaysSo() throws {
    let source = """
    import asyncio, time
    async def other():
        print("other ran at", asyncio.get_running_loop().time())
    async def main():
        t = asyncio.create_task(other())
        time.sleep(2)
        await t
    asyncio.run(main())
    """
    let result = try SnippetRunner.run(source: source)
    #expect(result.stdout == "other ran at 2.0\n")
    let clock = try #require(result.trace.first { $0.kind == .clock })
    #expect(clock.task == "Task-1")
    #expect(clock.line == 6)
    #expect(clock.time == 2.0)
    #expect(clock.detail == "time.sleep(2.0) blocks the loop")
}

@Test func deadlockSaysWhoWaitsOnWhatWhere() throws {
    let source = """
    import asyncio
    async def waiter(ev):
        print("waiting")
        await ev.wait()
    async def main():
        ev = asyncio.Event()
        q = asyncio.Queue()
        t = asyncio.create_task(waiter(ev))
        await q.get()
    asyncio.run(main())
    """
    let result = try SnippetRunner.run(source: source)
    #expect(result.outcome == .deadlock)
    #expect(result.stdout == "waiting\n")
    let message = result.exception?.message ?? ""
    #expect(message.contains("Task-1 waits on Queue.get at line 9"))
    #expect(message.contains("Task-2 waits on Event.wait at line 4"))
}

@Test func seedUndefinedHelperFailsTheTaskWithCPythonsError() throws {
    let source = """
    import asyncio
    async def greet(name):
        await asyncio.sleep(0.1)
        return f"Hello, {name}!"
    async def main():
        msg = await greet("Alice")
        print(msg)
        user = await fetch_user(1)
        return user
    asyncio.run(main())
    """
    let result = try SnippetRunner.run(source: source)
    #expect(result.outcome == .exception)
    #expect(result.exception?.message == "name 'fetch_user' is not defined")
    let error = try #require(result.trace.first { $0.kind == .error })
    #expect(error.task == "Task-1")
    #expect(error.line == 8)
    #expect(error.detail == "NameError: name 'fetch_user' is not defined")
    #expect(error.time == 0.1)
}
