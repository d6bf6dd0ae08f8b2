// The event loop in Swift, following CPython 3.12's base_events.py: `call_soon` appends to the
// ready FIFO; `call_at` pushes on a heap ordered by `when` alone with heapq's exact sift
// algorithm (so ties break as CPython's do); `_run_once` drops cancelled timers (all of them once
// more than half of over 100 are cancelled), moves due timers to the ready FIFO and runs the
// handles that were ready when the iteration began. The clock is virtual: with nothing ready the
// loop jumps to the next timer; with nothing ready and no timer the run stops as a deadlock.

extension NativeLoop {
    @discardableResult
    func callSoon(_ rt: AsyncioRuntime, _ action: NativeHandle.Action) -> NativeHandle {
        if let h = handlePool.popLast() {
            h.action = action
            h.cancelled = false
            ready.append(h)
            return h
        }
        let h = NativeHandle(cls: rt.handleType, action: action)
        ready.append(h)
        return h
    }

    @discardableResult
    func callAt(_ rt: AsyncioRuntime, _ when: Double, _ action: NativeHandle.Action) -> NativeTimerHandle {
        let h = NativeTimerHandle(cls: rt.timerHandleType, when: when, action: action, loop: self)
        scheduled.append(h)
        siftDown(0, scheduled.count - 1)
        h.scheduled = true
        return h
    }

    // MARK: heapq (Lib/heapq.py `_siftdown`, `_siftup`, `heappop`, `heapify`), comparing `when`

    private func siftDown(_ startpos: Int, _ start: Int) {
        var pos = start
        let newitem = scheduled[pos]
        while pos > startpos {
            let parentpos = (pos - 1) >> 1
            let parent = scheduled[parentpos]
            if newitem.when < parent.when {
                scheduled[pos] = parent
                pos = parentpos
                continue
            }
            break
        }
        scheduled[pos] = newitem
    }

    private func siftUp(_ start: Int) {
        let endpos = scheduled.count
        let startpos = start
        var pos = start
        let newitem = scheduled[pos]
        var childpos = 2 * pos + 1
        while childpos < endpos {
            let rightpos = childpos + 1
            if rightpos < endpos && !(scheduled[childpos].when < scheduled[rightpos].when) {
                childpos = rightpos
            }
            scheduled[pos] = scheduled[childpos]
            pos = childpos
            childpos = 2 * pos + 1
        }
        scheduled[pos] = newitem
        siftDown(startpos, pos)
    }

    private func heapPop() -> NativeTimerHandle {
        let last = scheduled.removeLast()
        if scheduled.isEmpty { return last }
        let first = scheduled[0]
        scheduled[0] = last
        siftUp(0)
        return first
    }

    private func heapify() {
        var i = scheduled.count / 2 - 1
        while i >= 0 {
            siftUp(i)
            i -= 1
        }
    }

    /// TimerHandle.cancel → loop._timer_handle_cancelled.
    func timerHandleCancelled(_ h: NativeTimerHandle) {
        if h.scheduled { timerCancelledCount += 1 }
    }

    // MARK: running

    func runOnce(_ rt: AsyncioRuntime, _ vm: VM) throws {
        let schedCount = scheduled.count
        if schedCount > 100 && Double(timerCancelledCount) / Double(schedCount) > 0.5 {
            var kept: [NativeTimerHandle] = []
            kept.reserveCapacity(schedCount)
            for h in scheduled {
                if h.cancelled { h.scheduled = false } else { kept.append(h) }
            }
            scheduled = kept
            heapify()
            timerCancelledCount = 0
        } else {
            while let first = scheduled.first, first.cancelled {
                timerCancelledCount -= 1
                let h = heapPop()
                h.scheduled = false
            }
        }
        if ready.isEmpty && !stopping {
            guard let first = scheduled.first else {
                throw VMStop.deadlock(deadlockReport(rt, vm))
            }
            let when = first.when
            if when > vm.virtualSecondsLimit { throw VMStop.limit(.virtualSeconds) }
            if when > vm.virtualTime { vm.advanceClock(to: when, detail: "the loop waits for its next timer") }
        }
        let endTime = vm.virtualTime + max(1e-9, vm.virtualTime.ulp)
        while let h = scheduled.first {
            if h.when >= endTime { break }
            _ = heapPop()
            h.scheduled = false
            ready.append(h)
        }
        if ready.isEmpty { return }
        var batch = spare
        swap(&batch, &ready)
        spare = []
        defer {
            batch.removeAll(keepingCapacity: true)
            if spare.capacity < batch.capacity { spare = batch }
        }
        for i in batch.indices {
            if batch[i].cancelled { continue }
            // Each callback counts as a VM step, so wall-time, step and cancellation checks
            // also happen when the callbacks run no Python (e.g. many native sleeps).
            vm.steps &+= 1
            if vm.steps >= vm.nextCheck { try vm.periodicCheck() }
            try run(batch[i], rt, vm)
            if !batch[i].isTimer, handlePool.count < 256, isKnownUniquelyReferenced(&batch[i]) {
                let h = batch[i]
                h.action = .none
                handlePool.append(h)
            }
        }
    }

    /// events.py `Handle._run`: what a callback raises goes to the loop's exception handler
    /// (CPython logs it on stderr) and the loop carries on; SystemExit and KeyboardInterrupt
    /// propagate.
    func run(_ h: NativeHandle, _ rt: AsyncioRuntime, _ vm: VM) throws {
        do {
            try runAction(h, rt, vm)
        } catch let e as PyError {
            let cls = e.exception.cls
            if cls.isSubtype(of: BuiltinTypes.systemExit) || cls.isSubtype(of: BuiltinTypes.keyboardInterrupt) { throw e }
        }
    }

    private func runAction(_ h: NativeHandle, _ rt: AsyncioRuntime, _ vm: VM) throws {
        switch h.action {
        case .none:
            break
        case .step(let task, let exc):
            try task.step(rt, vm, exc)
        case .callback(let cb, let fut):
            try fut.runCallback(cb, rt, vm)
        case .setResultUnlessCancelled(let fut, let v):
            if fut.state != .cancelled { try fut.setResult(v, rt, vm) }
        case .call(let fn, let args):
            _ = try vm.call(fn, args)
        case .createTask(let coro):
            _ = try rt.createTask(coro, loop: self, name: .none, vm)
        }
    }

    func runForever(_ rt: AsyncioRuntime, _ vm: VM) throws {
        if running { throw vm.error(BuiltinTypes.runtimeError, "This event loop is already running") }
        let old = rt.runningLoop
        rt.runningLoop = self
        running = true
        defer {
            stopping = false
            running = false
            rt.runningLoop = old
        }
        while true {
            try runOnce(rt, vm)
            if stopping { break }
        }
    }

    func runUntilComplete(_ future: Value, _ rt: AsyncioRuntime, _ vm: VM) throws -> Value {
        let fut = try rt.ensureFuture(future, loop: self, vm)
        fut.addDoneCallback(.stopLoop, rt)
        do {
            try runForever(rt, vm)
        } catch {
            fut.removeStopLoop()
            throw error
        }
        fut.removeStopLoop()
        if !fut.isDone { throw vm.error(BuiltinTypes.runtimeError, "Event loop stopped before Future completed.") }
        return try fut.resultValue(vm)
    }

    /// Who waits on what, for a loop that would wait forever.
    func deadlockReport(_ rt: AsyncioRuntime, _ vm: VM) -> String {
        var parts: [String] = []
        for t in rt.liveTasks(of: self) {
            let line = (t.coro.asObject as? PyGenerator).flatMap { vm.suspendedLine($0) }.map(String.init) ?? "None"
            parts.append("\(t.name) waits on \(t.waitingOn ?? "Future") at line \(line)")
        }
        if parts.isEmpty { return "the event loop would wait forever: no task can run and no timer is pending" }
        return "every task waits on something nothing left can complete, and no timer is pending: " + parts.joined(separator: "; ")
    }
}

extension NativeHandle {
    func cancel() {
        if cancelled { return }
        if let t = self as? NativeTimerHandle, let loop = t.loop { loop.timerHandleCancelled(t) }
        cancelled = true
        action = .none
    }
}
