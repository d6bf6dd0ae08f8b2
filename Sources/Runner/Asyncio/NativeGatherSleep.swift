// `asyncio.gather` and `asyncio.sleep` in Swift, after CPython 3.12's tasks.py. gather: children
// already done when gather is called are handed to the done callback right after the outer future
// is made (3.12's `done_futs`), the others through done callbacks; the first failure (unless
// return_exceptions) or the last child completes the outer future; cancelling the outer future
// cancels the children. sleep(0) is a bare `yield` (one loop iteration); sleep(d) awaits a future
// a timer completes, cancelling the timer however the await ends.

extension GatherState {
    /// tasks.py gather's `_done_callback`.
    func childDone(_ fut: NativeFuture, _ rt: AsyncioRuntime, _ vm: VM) throws {
        nfinished += 1
        guard let outer, !outer.isDone else { return }
        if !returnExceptions {
            if fut.state == .cancelled {
                let exc = fut.makeCancelledError(rt, vm)
                try outer.setException(exc, rt, vm)
                self.outer = nil
                return
            } else if let exc = fut.exception {
                try outer.setException(exc, rt, vm)
                self.outer = nil
                return
            }
        }
        if nfinished == nfuts {
            var results: [Value] = []
            results.reserveCapacity(children.count)
            for child in children {
                switch child.state {
                case .cancelled:
                    let msg: Value = child.cancelMessage.isNone ? .str("") : child.cancelMessage
                    results.append(.object(vm.makeException(rt.cancelledError, args: [msg])))
                case .finished:
                    if let e = child.exception { results.append(.object(e)) } else { results.append(child.result) }
                case .pending:
                    results.append(.none)
                }
            }
            self.outer = nil
            if outer.cancelRequested {
                // tasks.py uses the loop variable `fut` left by the loop above: the last child.
                let last = children.last ?? fut
                try outer.setException(last.makeCancelledError(rt, vm), rt, vm)
            } else {
                let list = PyList(results)
                try vm.charge(list, results.count * 16)
                try outer.setResult(.object(list), rt, vm)
            }
        }
    }
}

extension AsyncioRuntime {
    func gather(_ args: [Value], returnExceptions: Bool, _ vm: VM) throws -> NativeFuture {
        if args.isEmpty {
            let outer = newFuture(try eventLoop(vm))
            try outer.setResult(.object(PyList([])), self, vm)
            return outer
        }
        let state = GatherState(returnExceptions: returnExceptions)
        var argToFut: [ObjectIdentifier: NativeFuture] = [:]
        var children: [NativeFuture] = []
        children.reserveCapacity(args.count)
        var doneFuts: [NativeFuture] = []
        var loop: NativeLoop?
        for arg in args {
            let key: ObjectIdentifier? = arg.asObject.map { ObjectIdentifier($0) }
            if let key, let fut = argToFut[key] {
                children.append(fut)
                continue
            }
            if key == nil { _ = try vm.hashKey(arg) }
            let fut = try ensureFuture(arg, loop: loop, vm)
            if loop == nil { loop = fut.loop }
            state.nfuts += 1
            if let key { argToFut[key] = fut }
            if fut.isDone { doneFuts.append(fut) } else { fut.addDoneCallback(.gather(state), self) }
            children.append(fut)
        }
        let outer = NativeGatheringFuture(cls: gatheringType)
        outer.loop = loop
        outer.label = "gather"
        outer.children = children
        state.children = children
        state.outer = outer
        for f in doneFuts { try state.childDone(f, self, vm) }
        return outer
    }
}

/// The coroutine `asyncio.sleep(delay, result)` returns.
final class SleepCoroutine: NativeCoroutine {
    var delay: Value
    var result: Value
    var future: NativeFuture?
    var handle: NativeTimerHandle?
    var bare = false
    /// Where a finished sleep goes for reuse (nil once it is there: no reference cycle).
    var runtime: AsyncioRuntime?

    init(vm: VM, delay: Value, result: Value, runtime: AsyncioRuntime?) {
        self.delay = delay
        self.result = result
        self.runtime = runtime
        super.init(vm: vm, qualname: "sleep")
    }

    /// `asyncio.sleep(delay, result)`, reusing the run's finished sleep coroutine when nothing
    /// else holds it (a `sleep(0)` loop makes one per iteration).
    static func make(_ vm: VM, delay: Value, result: Value) -> SleepCoroutine {
        let rt = vm.asyncState.runtime
        if let rt, rt.spareSleep != nil, isKnownUniquelyReferenced(&rt.spareSleep), let c = rt.spareSleep, c.coroState == .finished {
            rt.spareSleep = nil
            c.renew(vm)
            c.delay = delay
            c.result = result
            c.runtime = rt
            return c
        }
        return SleepCoroutine(vm: vm, delay: delay, result: result, runtime: rt)
    }

    override func didFinish() {
        future = nil
        handle = nil
        bare = false
        delay = .none
        result = .none
        if let rt = runtime {
            runtime = nil
            rt.spareSleep = self
        }
    }

    override func body(_ vm: VM, _ value: Value) throws -> ResumeResult {
        if bare { return .returned(result) }
        if let fut = future {
            handle?.cancel()
            if !fut.isDone { throw vm.error(BuiltinTypes.runtimeError, "await wasn't used with future") }
            return .returned(try fut.resultValue(vm))
        }
        let nonPositive: Bool
        switch delay {
        case .int(let i): nonPositive = i <= 0
        case .float(let d): nonPositive = d <= 0
        default: nonPositive = try vm.truthy(vm.compare(delay, .int(0), .ltE))
        }
        if nonPositive {
            bare = true
            return .yielded(.none)
        }
        if case .float(let d) = delay, d.isNaN { throw vm.error(BuiltinTypes.valueError, "Invalid delay: NaN (not a number)") }
        guard let rt = vm.asyncState.runtime else { throw vm.error(BuiltinTypes.runtimeError, "no running event loop") }
        let loop = try rt.runningLoopOrRaise(vm)
        let fut = rt.newFuture(loop)
        fut.label = "sleep(\(try vm.repr(delay)))"
        let when = try loop.laterTime(delay, vm)
        handle = loop.callAt(rt, when, .setResultUnlessCancelled(fut, result))
        future = fut
        fut.blocking = true
        return .yielded(.object(fut))
    }

    override func bodyThrow(_ vm: VM, _ exc: PyExceptionObject) throws -> ResumeResult {
        handle?.cancel()
        throw PyError(exception: exc)
    }
}

extension NativeLoop {
    /// `self.time() + delay` as call_later computes it.
    func laterTime(_ delay: Value, _ vm: VM) throws -> Double {
        switch delay {
        case .int(let i): return vm.virtualTime + Double(i)
        case .float(let d): return vm.virtualTime + d
        case .none: throw vm.error(BuiltinTypes.typeError, "delay must not be None")
        default:
            let sum = try vm.binaryOp(.float(vm.virtualTime), delay, .add)
            guard let d = vm.floatValue(sum) else { throw vm.error(BuiltinTypes.typeError, "unsupported delay") }
            return d
        }
    }
}
