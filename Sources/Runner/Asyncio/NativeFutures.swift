// Future and Task in Swift, following CPython 3.12's C `_asyncio` (Modules/_asynciomodule.c) and
// futures.py/tasks.py: done callbacks always go through call_soon; a task's step sends into (or
// throws into) its coroutine, then waits on the future the coroutine yielded (adding its wakeup as
// a done callback), reschedules itself after a bare `yield`, or finishes; `cancel` cancels the
// awaited future or, failing that, delivers CancelledError at the next step. Each step also
// writes the trace (start/resume/suspend/done...) and what the task waits on.

extension NativeFuture {
    func scheduleCallbacks(_ rt: AsyncioRuntime) {
        if callbacks.isEmpty { return }
        let cbs = callbacks
        callbacks = []
        guard let loop else { return }
        for cb in cbs { loop.callSoon(rt, .callback(cb, self)) }
    }

    func addDoneCallback(_ cb: FutureCallback, _ rt: AsyncioRuntime) {
        if state != .pending {
            loop?.callSoon(rt, .callback(cb, self))
        } else {
            callbacks.append(cb)
        }
    }

    func removeStopLoop() {
        callbacks.removeAll { if case .stopLoop = $0 { return true }; return false }
    }

    func makeCancelledError(_ rt: AsyncioRuntime, _ vm: VM) -> PyExceptionObject {
        if let e = cancelledExc {
            cancelledExc = nil
            return e
        }
        return vm.makeException(rt.cancelledError, args: cancelMessage.isNone ? [] : [cancelMessage])
    }

    /// futures.py `Future.cancel`, whatever the subclass.
    func baseCancel(_ rt: AsyncioRuntime, msg: Value) -> Bool {
        if state != .pending { return false }
        state = .cancelled
        cancelMessage = msg
        scheduleCallbacks(rt)
        return true
    }

    /// `cancel(msg)` as the object's class defines it.
    func cancel(_ rt: AsyncioRuntime, _ vm: VM, msg: Value) throws -> Bool {
        if let t = self as? NativeTask { return try t.taskCancel(rt, vm, msg: msg) }
        if let g = self as? NativeGatheringFuture {
            if g.isDone { return false }
            var ret = false
            for child in g.children where try child.cancel(rt, vm, msg: msg) { ret = true }
            if ret { g.cancelRequested = true }
            return ret
        }
        return baseCancel(rt, msg: msg)
    }

    func setResult(_ v: Value, _ rt: AsyncioRuntime, _ vm: VM) throws {
        if state != .pending { throw vm.error(rt.invalidStateError, "invalid state") }
        result = v
        state = .finished
        scheduleCallbacks(rt)
    }

    func setException(_ e: PyExceptionObject, _ rt: AsyncioRuntime, _ vm: VM) throws {
        if state != .pending { throw vm.error(rt.invalidStateError, "invalid state") }
        exception = e
        state = .finished
        scheduleCallbacks(rt)
    }

    /// `result()`: the value, or what it raises.
    func resultValue(_ vm: VM) throws -> Value {
        guard let rt = vm.asyncState.runtime else { return result }
        switch state {
        case .cancelled: throw PyError(exception: makeCancelledError(rt, vm))
        case .pending: throw vm.error(rt.invalidStateError, "Result is not set.")
        case .finished:
            if let e = exception { throw PyError(exception: e) }
            return result
        }
    }

    func runCallback(_ cb: FutureCallback, _ rt: AsyncioRuntime, _ vm: VM) throws {
        switch cb {
        case .python(let fn):
            _ = try vm.call(fn, [.object(self)])
        case .wakeup(let task):
            try task.wakeup(self, rt, vm)
        case .gather(let g):
            try g.childDone(self, rt, vm)
        case .stopLoop:
            // base_events.py `_run_until_complete_cb`
            if state == .finished, let e = exception,
               e.cls.isSubtype(of: BuiltinTypes.systemExit) || e.cls.isSubtype(of: BuiltinTypes.keyboardInterrupt) {
                return
            }
            loop?.stopping = true
        }
    }

    /// base_futures.py `_future_repr_info` (and tasks' `_task_repr_info`): state, result or
    /// exception, done callbacks.
    func futureRepr(_ vm: VM) throws -> String {
        if let t = self as? NativeTask { return try t.taskRepr(vm) }
        var info: [String] = [stateName]
        info.append(contentsOf: try resultInfo(vm))
        if let cb = callbacksInfo(vm) { info.append(cb) }
        return "<\(cls.name) \(info.joined(separator: " "))>"
    }

    var stateName: String {
        switch state {
        case .pending: return "pending"
        case .cancelled: return "cancelled"
        case .finished: return "finished"
        }
    }

    func resultInfo(_ vm: VM) throws -> [String] {
        guard state == .finished else { return [] }
        if let e = exception { return ["exception=\(try vm.repr(.object(e)))"] }
        return ["result=\(try vm.repr(result))"]
    }

    /// base_futures.py `_format_callbacks`.
    func callbacksInfo(_ vm: VM) -> String? {
        func describe(_ cb: FutureCallback) -> String {
            switch cb {
            case .wakeup: return "Task.task_wakeup()"
            case .gather: return "gather.<locals>._done_callback()"
            case .stopLoop: return "_run_until_complete_cb()"
            case .python(let fn):
                guard case .object(let o) = fn else { return "\(fn.typeName)()" }
                switch o {
                case let f as PyFunction:
                    let file = f.code.flags.contains(.library) ? "asyncio" : "main.py"
                    return "\(f.qualname)() at \(file):\(f.code.firstLine)"
                case let m as PyBoundMethod:
                    if let f = m.function.asObject as? PyFunction { return "\(f.qualname)()" }
                    return "\((try? vm.str(m.function)) ?? "method")()"
                case let b as PyBuiltinFunction:
                    return "\(b.name)()"
                default:
                    return "\((try? vm.repr(fn)) ?? "callback")()"
                }
            }
        }
        switch callbacks.count {
        case 0: return nil
        case 1: return "cb=[\(describe(callbacks[0]))]"
        case 2: return "cb=[\(describe(callbacks[0])), \(describe(callbacks[1]))]"
        default: return "cb=[\(describe(callbacks[0])), <\(callbacks.count - 2) more>, \(describe(callbacks[callbacks.count - 1]))]"
        }
    }
}

extension NativeTask {
    var coroQualname: String {
        if case .object(let o) = coro {
            if let g = o as? PyGenerator { return g.qualname }
            if let n = o as? NativeCoroutine { return n.qualname }
        }
        return "?"
    }

    /// tasks.py `_task_repr_info` with coroutines.py `_format_coroutine`.
    func taskRepr(_ vm: VM) throws -> String {
        var info: [String] = [state == .pending && numCancelsRequested > 0 ? "cancelling" : stateName]
        info.append("name='\(name)'")
        info.append("coro=<\(coroDescription)>")
        if let w = futWaiter { info.append("wait_for=\(try w.futureRepr(vm))") }
        info.append(contentsOf: try resultInfo(vm))
        if let cb = callbacksInfo(vm) { info.append(cb) }
        return "<\(cls.name) \(info.joined(separator: " "))>"
    }

    private var coroDescription: String {
        guard case .object(let o) = coro else { return "?" }
        if let g = o as? PyGenerator {
            let file = g.frame.code.flags.contains(.library) ? "asyncio" : "main.py"
            switch g.state {
            case .finished: return "\(g.qualname)() done, defined at \(file):\(g.frame.code.firstLine)"
            case .created: return "\(g.qualname)() running at \(file):\(g.frame.code.firstLine)"
            case .suspended, .running: return "\(g.qualname)() running at \(file):\(g.frame.line)"
            }
        }
        if let n = o as? NativeCoroutine {
            return n.coroState == .finished ? "\(n.qualname)() done" : "\(n.qualname)() running"
        }
        return "?"
    }

    func taskCancel(_ rt: AsyncioRuntime, _ vm: VM, msg: Value) throws -> Bool {
        if state != .pending { return false }
        numCancelsRequested += 1
        if let w = futWaiter, try w.cancel(rt, vm, msg: msg) { return true }
        mustCancel = true
        cancelMessage = msg
        return true
    }

    func wakeup(_ fut: NativeFuture, _ rt: AsyncioRuntime, _ vm: VM) throws {
        switch fut.state {
        case .cancelled: try step(rt, vm, fut.makeCancelledError(rt, vm))
        case .finished: try step(rt, vm, fut.exception)
        case .pending: try step(rt, vm, vm.error(rt.invalidStateError, "Result is not set.").exception)
        }
    }

    /// tasks.py `__step` (C `task_step`), with the trace around it.
    func step(_ rt: AsyncioRuntime, _ vm: VM, _ excIn: PyExceptionObject?) throws {
        if state != .pending {
            let excRepr = try excIn.map { try vm.repr(.object($0)) } ?? "None"
            throw vm.error(rt.invalidStateError, "_step(): already done: \(try taskRepr(vm)), \(excRepr)")
        }
        var exc = excIn
        if mustCancel {
            if !(exc?.cls.isSubtype(of: rt.cancelledError) ?? false) { exc = makeCancelledError(rt, vm) }
            mustCancel = false
        }
        futWaiter = nil
        waitingOn = nil
        let loop = self.loop
        loop?.currentTask = self
        let traced = self.traced
        let gen = coro.asObject as? PyGenerator
        if traced {
            let state = vm.asyncState
            if started {
                if state.hasRoom { state.emit(time: vm.virtualTime, task: name, kind: .resume, line: gen.flatMap { vm.suspendedLine($0) }) } else { state.droppedEvents += 1 }
            } else {
                started = true
                if state.hasRoom { state.emit(time: vm.virtualTime, task: name, kind: .start, line: gen.flatMap { vm.suspendedLine($0) }) } else { state.droppedEvents += 1 }
            }
        }
        vm.asyncState.currentTask = name
        defer {
            vm.asyncState.currentTask = ""
            loop?.currentTask = nil
            if state != .pending {
                rt.unregister(self)
                if traced { traceExit(vm) }
            } else {
                if waitingOn == nil { waitingOn = Self.waitLabel(futWaiter) }
                if traced {
                    let s = vm.asyncState
                    if s.hasRoom { s.emit(time: vm.virtualTime, task: name, kind: .suspend, line: gen.flatMap { vm.suspendedLine($0) }, detail: waitingOn) } else { s.droppedEvents += 1 }
                }
            }
        }
        let outcome: ResumeResult
        do {
            if let g = gen {
                if let e = exc { outcome = try vm.resume(g, throwing: e) } else { outcome = try vm.resume(g, send: .none) }
            } else if case .object(let o) = coro, let n = o as? NativeCoroutine {
                if let e = exc { outcome = try n.throwIn(vm, e) } else { outcome = try n.send(vm, .none) }
            } else if case .object(let o) = coro, let s = o as? AsyncGenStep {
                // An async generator's aclose()/asend() awaitable run as a task (the finalizer's).
                do {
                    if let e = exc {
                        s.throwValue = nil
                        outcome = .yielded(try s.step(vm, send: .none, throwing: e))
                    } else {
                        outcome = .yielded(try s.next(vm) ?? .none)
                    }
                } catch let e as PyError where e.exception.cls === BuiltinTypes.stopIteration {
                    outcome = .returned(e.exception.args.first ?? .none)
                }
            } else {
                outcome = .returned(.none)
            }
        } catch let e as PyError {
            let ex = e.exception
            if ex.cls.isSubtype(of: rt.cancelledError) {
                cancelledExc = ex
                _ = baseCancel(rt, msg: .none)
            } else if ex.cls.isSubtype(of: BuiltinTypes.keyboardInterrupt) || ex.cls.isSubtype(of: BuiltinTypes.systemExit) {
                try setException(ex, rt, vm)
                throw e
            } else {
                try setException(ex, rt, vm)
            }
            return
        }
        switch outcome {
        case .returned(let v):
            if mustCancel {
                mustCancel = false
                _ = baseCancel(rt, msg: cancelMessage)
            } else {
                try setResult(v, rt, vm)
            }
        case .yielded(let v):
            if case .object(let o) = v, let fut = o as? NativeFuture {
                if fut.blocking {
                    if fut === self {
                        let e = vm.error(BuiltinTypes.runtimeError, "Task cannot await on itself: \(try taskRepr(vm))").exception
                        loop?.callSoon(rt, .step(self, e))
                    } else {
                        fut.blocking = false
                        fut.addDoneCallback(.wakeup(self), rt)
                        futWaiter = fut
                        if mustCancel, try fut.cancel(rt, vm, msg: cancelMessage) { mustCancel = false }
                    }
                } else {
                    let e = vm.error(BuiltinTypes.runtimeError, "yield was used instead of yield from in task \(try taskRepr(vm)) with \(try vm.repr(v))").exception
                    loop?.callSoon(rt, .step(self, e))
                }
            } else if v.isNone {
                waitingOn = "sleep(0)"
                loop?.callSoon(rt, .step(self, nil))
            } else {
                let e = vm.error(BuiltinTypes.runtimeError, "Task got bad yield: \(try vm.repr(v))").exception
                loop?.callSoon(rt, .step(self, e))
            }
        }
    }

    static func waitLabel(_ fut: NativeFuture?) -> String {
        guard let fut else { return "the next loop iteration" }
        if let l = fut.label { return l }
        if let t = fut as? NativeTask { return t.name }
        return "Future"
    }

    private func traceExit(_ vm: VM) {
        let s = vm.asyncState
        guard s.hasRoom else {
            s.droppedEvents += 1
            return
        }
        switch state {
        case .cancelled:
            var msg = cancelMessage
            if let e = cancelledExc, let first = e.args.first { msg = first }
            s.emit(time: vm.virtualTime, task: name, kind: .cancel, line: nil, detail: msg.isNone ? nil : ((try? vm.str(msg)) ?? ""))
        case .finished:
            if let e = exception {
                let text = (try? vm.str(.object(e))) ?? ""
                s.emit(time: vm.virtualTime, task: name, kind: .error, line: e.traceback.last?.line, detail: e.cls.name + (text.isEmpty ? "" : ": " + text))
            } else {
                s.emit(time: vm.virtualTime, task: name, kind: .done, line: nil, detail: (try? vm.repr(result)) ?? "")
            }
        case .pending:
            break
        }
    }
}

extension AsyncioRuntime {
    func isCoroutine(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if let g = o as? PyGenerator { return g.kind == .coroutine }
        // An async generator's asend/athrow/aclose awaitable is a Coroutine to CPython's ABC check.
        return o is NativeCoroutine || o is AsyncGenStep
    }

    func newFuture(_ loop: NativeLoop) -> NativeFuture {
        let f = NativeFuture(cls: futureType)
        f.loop = loop
        return f
    }

    /// `loop.create_task(coro, name=...)` / `Task(coro, loop=..., name=...)`.
    func createTask(_ coro: Value, loop: NativeLoop, name: Value, cls: PyType? = nil, _ vm: VM) throws -> NativeTask {
        guard isCoroutine(coro) else {
            throw vm.error(BuiltinTypes.typeError, "a coroutine was expected, got \(try vm.repr(coro))")
        }
        let t = NativeTask(cls: cls ?? taskType)
        t.loop = loop
        t.coro = coro
        // 3.12 advances the counter for named tasks too (the oracle shows Task-5 after a named one).
        taskCounter += 1
        if name.isNone {
            t.name = "Task-\(taskCounter)"
        } else {
            t.name = try vm.str(name)
        }
        loop.callSoon(self, .step(t, nil))
        register(t)
        if case .object(let o) = coro, let g = o as? PyGenerator, !g.frame.code.flags.contains(.library) {
            t.traced = true
            if !vm.asyncState.hasRoom {
                vm.asyncState.droppedEvents += 1
            } else {
                vm.asyncState.emit(time: vm.virtualTime, task: t.name, kind: .create, line: vm.programLine, detail: g.qualname + "()")
            }
        }
        return t
    }

    func runningLoopOrRaise(_ vm: VM) throws -> NativeLoop {
        guard let l = runningLoop else { throw vm.error(BuiltinTypes.runtimeError, "no running event loop") }
        return l
    }

    /// events.get_event_loop(): the running loop, else the policy's current loop (3.12's
    /// BaseDefaultEventLoopPolicy: made once, with a DeprecationWarning, unless set_event_loop
    /// was ever called; after asyncio.run has set it back to None there is none).
    func eventLoop(_ vm: VM) throws -> NativeLoop {
        if let l = runningLoop { return l }
        if policyLoop == nil && !policySetCalled {
            vm.warnings.append("DeprecationWarning: There is no current event loop")
            let v = try vm.call(loopClass, [])
            guard let l = v.asObject as? NativeLoop else { throw vm.error(BuiltinTypes.runtimeError, "asyncd: no event loop class") }
            policyLoop = l
            policySetCalled = true
        }
        guard let l = policyLoop else {
            throw vm.error(BuiltinTypes.runtimeError, "There is no current event loop in thread 'MainThread'.")
        }
        return l
    }

    func ensureFuture(_ v: Value, loop: NativeLoop?, _ vm: VM) throws -> NativeFuture {
        if case .object(let o) = v, let f = o as? NativeFuture { return f }
        var coro = v
        if !isCoroutine(v) {
            guard case .object(let o) = v, !(o is PyType), o.pyType.lookup("__await__") != nil else {
                throw vm.error(BuiltinTypes.typeError, "An asyncio.Future, a coroutine or an awaitable is required")
            }
            coro = try vm.call(wrapAwaitable, [v])
        }
        let l = try loop ?? eventLoop(vm)
        return try createTask(coro, loop: l, name: .none, vm)
    }
}
