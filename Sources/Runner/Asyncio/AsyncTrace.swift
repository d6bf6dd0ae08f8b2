// The run's trace (the contract's TraceEvent list) and the event loop's per-run state that lives
// on the Swift side: which task is running (prints are attributed to it) and the elapsed-time
// counters of executor jobs (`to_thread`, `run_in_executor`), whose `time.sleep` does not block
// the loop (see ../shared/oracle/README.md, "Executors").
//
// Events are emitted at the points Trio's `Instrument` names: task spawned → `create`, first
// step → `start`, before a later step → `resume`, after a step that yielded → `suspend` (with what
// the task waits on), exit → `done`/`error`/`cancel`; plus `print`, `clock` (jumps of the virtual
// clock) and `warning` (a coroutine never awaited). The Python asyncio calls `_asyncd.trace`.

final class AsyncState {
    /// At most this many events are kept; later ones are counted in `droppedEvents` (bounded memory).
    static let maxEvents = 100_000
    var trace: [TraceEvent] = []
    var droppedEvents = 0
    /// The name of the task whose step is running, or "" outside any task (module level).
    var currentTask = ""
    /// The executor jobs being run inline, innermost last: the clock when each began and the
    /// `time.sleep` seconds it has spent.
    var jobs: [(start: Double, elapsed: Double)] = []
    /// The native asyncio core of this run, made when the program first imports asyncio.
    var runtime: AsyncioRuntime?
    let warningSink = WarningSink()

    /// False once the trace is full: callers skip computing an event's line and detail.
    var hasRoom: Bool { trace.count < Self.maxEvents }

    deinit { runtime?.breakCycles() }

    func emit(time: Double, task: String, kind: TraceEvent.Kind, line: Int?, detail: String? = nil) {
        guard trace.count < Self.maxEvents else { droppedEvents += 1; return }
        trace.append(TraceEvent(seq: trace.count + 1, time: time, task: task, kind: kind, line: line, detail: detail))
    }
}

extension VM {
    /// The line of the innermost frame of the program itself (library frames skipped).
    var programLine: Int? {
        for f in frames.reversed() where !f.isHiddenFromTraceback { return f.line }
        return nil
    }

    /// Records an event at the current virtual time, attributed to the running task.
    func traceEvent(_ kind: TraceEvent.Kind, line: Int?, detail: String? = nil) {
        asyncState.emit(time: virtualTime, task: asyncState.currentTask, kind: kind, line: line, detail: detail)
    }

    /// The virtual clock jumps (the loop waited for a timer, or `time.sleep` blocked the loop).
    func advanceClock(to t: Double, detail: String) {
        guard t != virtualTime else { return }
        virtualTime = t
        traceEvent(.clock, line: detail.hasPrefix("time.sleep") ? programLine : nil, detail: detail)
    }

    /// Where a suspended coroutine stands: the innermost frame of the program along its await chain.
    func suspendedLine(_ gen: PyGenerator) -> Int? {
        var line: Int? = gen.state == .created ? gen.frame.code.firstLine : gen.frame.line
        var g = gen
        var depth = 0
        while g.delegating, case .object(let o)? = g.frame.stack.last, let inner = o as? PyGenerator, depth < 10_000 {
            g = inner
            depth += 1
            if !g.frame.isHiddenFromTraceback { line = g.state == .created ? g.frame.code.firstLine : g.frame.line }
        }
        return line
    }
}

enum AsyncTraceHelpers {
    /// `_asyncd` functions the Python asyncio uses for traces, the current task and executor jobs.
    static func make() -> [String: Value] {
        [
            // trace(kind, task, line_or_None, detail_or_None)
            "trace": native("trace") { vm, a, _ in
                guard a.count == 4, let kindName = (a[0].asObject as? PyStr)?.value,
                      let kind = TraceEvent.Kind(rawValue: kindName),
                      let task = (a[1].asObject as? PyStr)?.value else { return .none }
                var line: Int?
                if case .int(let l) = a[2] { line = l }
                let detail = (a[3].asObject as? PyStr)?.value
                vm.asyncState.emit(time: vm.virtualTime, task: task, kind: kind, line: line, detail: detail)
                return .none
            },
            // The line of the program that is running now (where a task is created).
            "caller_line": native("caller_line") { vm, _, _ in vm.programLine.map { .int($0) } ?? .none },
            // Where a coroutine is suspended (or its def line if it has not started).
            "coro_line": native("coro_line") { vm, a, _ in
                guard case .object(let o)? = a.first, let g = o as? PyGenerator else { return .none }
                return vm.suspendedLine(g).map { .int($0) } ?? .none
            },
            // The line of the program where an exception was raised (innermost frame of main.py).
            "exc_line": native("exc_line") { _, a, _ in
                guard case .object(let o)? = a.first, let e = o as? PyExceptionObject, let last = e.traceback.last else { return .none }
                return .int(last.line)
            },
            // True for a coroutine of the program (not of the library: asyncio.run's shutdown steps).
            "is_program": native("is_program") { _, a, _ in
                guard case .object(let o)? = a.first, let g = o as? PyGenerator else { return .bool(true) }
                return .bool(!g.frame.code.flags.contains(.library))
            },
            "set_current": native("set_current") { vm, a, _ in
                vm.asyncState.currentTask = (a.first?.asObject as? PyStr)?.value ?? ""
                return .none
            },
            // An executor job starts: `time.sleep` inside adds to its own elapsed time, which
            // the clock shows only inside the job (the oracle reads `now + job_elapsed`).
            // Returns True when nested in another job.
            "job_begin": native("job_begin") { vm, _, _ in
                let nested = !vm.asyncState.jobs.isEmpty
                vm.asyncState.jobs.append((start: vm.virtualTime, elapsed: 0))
                vm.sleepHook = { [unowned vm] s in
                    guard let last = vm.asyncState.jobs.indices.last else { return }
                    vm.asyncState.jobs[last].elapsed += s
                    vm.virtualTime = vm.asyncState.jobs[last].start + vm.asyncState.jobs[last].elapsed
                }
                return .bool(nested)
            },
            // The job ends: the clock is back where it was; returns the job's elapsed seconds.
            "job_end": native("job_end") { vm, _, _ in
                guard let job = vm.asyncState.jobs.popLast() else { return .float(0) }
                vm.virtualTime = job.start
                if vm.asyncState.jobs.isEmpty { vm.sleepHook = nil }
                return .float(job.elapsed)
            },
        ]
    }
}
