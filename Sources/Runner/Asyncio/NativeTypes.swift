// The Python face of the native asyncio core: the classes (Future, Task, the loop, handles,
// queues) with their methods and the attributes the Python half of asyncio reads (`_loop`,
// `_asyncd_label`...), and the `_asyncd` functions the module re-exports (sleep, gather,
// ensure_future, current_task...). Error messages are CPython 3.12's.

/// Classes shared by all runs (their objects cannot be made or subclassed from Python).
enum NativeAsyncioTypes {
    static let coroutine: PyType = BuiltinTypes.make("coroutine", base: BuiltinTypes.object, methodTable("coroutine", awaitableMethods(isCoroutine: true)))
    static let futureIter: PyType = BuiltinTypes.make("FutureIter", base: BuiltinTypes.object, module: "_asyncio",
                                                      methodTable("FutureIter", awaitableMethods(isCoroutine: false)))

    /// send/throw/close (and `__await__` for coroutines), as generators have them.
    static func awaitableMethods(isCoroutine: Bool) -> [(String, NativeFunction)] {
        var m: [(String, NativeFunction)] = [
            ("send", { vm, a, _ in
                guard let n = a.first?.asObject as? NativeAwaitable else { return .none }
                try vm.expectArgs(a, "send", min: 2, max: 2)
                return try stepValue(vm, n.send(vm, a[1]))
            }),
            ("throw", { vm, a, _ in
                guard let n = a.first?.asObject as? NativeAwaitable else { return .none }
                try vm.expectArgs(a, "throw", min: 2, max: 4)
                let exc = try vm.exceptionInstance(a[1], forRaise: true)
                return try stepValue(vm, n.throwIn(vm, exc))
            }),
            ("close", { vm, a, _ in
                guard let n = a.first?.asObject as? NativeAwaitable else { return .none }
                if let c = n as? NativeCoroutine, c.coroState != .suspended {
                    c.wasStarted = true
                    c.coroState = .finished
                    return .none
                }
                do {
                    _ = try n.throwIn(vm, vm.makeException(BuiltinTypes.generatorExit, args: []))
                } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.generatorExit) || e.exception.cls.isSubtype(of: BuiltinTypes.stopIteration) {
                    return .none
                }
                throw vm.error(BuiltinTypes.runtimeError, "coroutine ignored GeneratorExit")
            }),
        ]
        if !isCoroutine {
            m.append(("__next__", { vm, a, _ in
                guard let it = a.first else { throw vm.error(BuiltinTypes.typeError, "descriptor '__next__' needs an argument") }
                if let v = try vm.nextValue(it) { return v }
                throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: []))
            }))
            m.append(("__iter__", { _, a, _ in a.first ?? .none }))
        }
        if isCoroutine {
            m.append(("__await__", { vm, a, _ in
                guard let c = a.first?.asObject as? NativeCoroutine else { return .none }
                if c.coroState == .finished && c.wasStarted { throw vm.error(BuiltinTypes.runtimeError, "cannot reuse already awaited coroutine") }
                c.wasStarted = true
                return .object(c)
            }))
        }
        return m
    }

    static func stepValue(_ vm: VM, _ r: ResumeResult) throws -> Value {
        switch r {
        case .yielded(let v): return v
        case .returned(let v): throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: v.isNone ? [] : [v]))
        }
    }
}

extension VM {
    func asyncioRuntime() throws -> AsyncioRuntime {
        guard let rt = asyncState.runtime else { throw error(BuiltinTypes.runtimeError, "asyncd: asyncio is not loaded") }
        return rt
    }
}

/// Reads keyword arguments of native methods.
private func kwarg(_ kw: KwArgs, _ name: String) -> Value? {
    for (k, v) in kw where k == name { return v }
    return nil
}

@inline(__always)
private func checkKwargs(_ vm: VM, _ kw: KwArgs, _ fname: String, _ allowed: @autoclosure () -> Set<String>) throws {
    if kw.isEmpty { return }
    let names = allowed()
    for (k, _) in kw where !names.contains(k) {
        throw vm.error(BuiltinTypes.typeError, "\(fname)() got an unexpected keyword argument '\(k)'")
    }
}

/// The receiver of a native method called through its descriptor (`Future.result(x)`), which
/// CPython checks before anything else.
private func receiver<T: AnyObject>(_ vm: VM, _ a: [Value], _ name: String, _ what: String) throws -> T {
    guard let r = a.first?.asObject as? T else {
        throw vm.error(BuiltinTypes.typeError, "descriptor '\(name)' requires \(what)")
    }
    return r
}

private func selfFuture(_ vm: VM, _ a: [Value], _ name: String) throws -> NativeFuture { try receiver(vm, a, name, "a 'Future' object") }
private func selfTask(_ vm: VM, _ a: [Value], _ name: String) throws -> NativeTask { try receiver(vm, a, name, "a 'Task' object") }
private func selfLoop(_ vm: VM, _ a: [Value], _ name: String) throws -> NativeLoop { try receiver(vm, a, name, "an event loop") }
private func selfQueue(_ vm: VM, _ a: [Value], _ name: String) throws -> NativeQueue { try receiver(vm, a, name, "a 'Queue' object") }

private func property(_ owner: String, _ name: String, get: @escaping NativeFunction, set: NativeFunction? = nil) -> Value {
    .object(PyProperty(fget: native(name, owner: owner, get), fset: set.map { native(name, owner: owner, $0) } ?? .none, fdel: .none))
}

/// `Future[str]`, `Queue[int]`, `Task[None]` in annotations (evaluated at def time): a generic alias.
private let classGetItem = native("__class_getitem__") { vm, a, _ in
    guard a.count == 2, let t = a[0].asObject as? PyType else { throw vm.error(BuiltinTypes.typeError, "__class_getitem__ expects a class and an argument") }
    return .object(GenericAlias(origin: t, args: a[1]))
}

private func makeClass(_ name: String, module: String, base: PyType, _ dict: [String: Value]) -> PyType {
    var dict = dict
    if base === BuiltinTypes.object { dict["__class_getitem__"] = classGetItem }
    let t = PyType(name: name, module: module, bases: [base], dict: dict, layout: .object, isBuiltin: false)
    t.mro = [t] + base.mro
    t.definitionOrder = dict.keys.sorted()
    t.refreshSpecialFlags()
    return t
}

/// Callables compare as `==` would for the callbacks asyncio code removes: the same object, or
/// bound methods of the same function on the same object.
private func sameCallable(_ a: Value, _ b: Value) -> Bool {
    if a.isIdentical(b) { return true }
    if case .object(let x) = a, case .object(let y) = b, let m = x as? PyBoundMethod, let n = y as? PyBoundMethod {
        return m.function.isIdentical(n.function) && m.selfValue.isIdentical(n.selfValue)
    }
    return false
}

extension AsyncioRuntime {
    /// Builds the classes of one run.
    static func make() -> AsyncioRuntime {
        let future = makeClass("Future", module: "_asyncio", base: BuiltinTypes.object, futureMethods())
        let task = makeClass("Task", module: "_asyncio", base: future, taskMethods())
        let gathering = makeClass("_GatheringFuture", module: "asyncio.tasks", base: future, [:])
        let loop = makeClass("_NativeEventLoop", module: "asyncio.base_events", base: BuiltinTypes.object, loopMethods())
        let handle = makeClass("Handle", module: "asyncio.events", base: BuiltinTypes.object, handleMethods())
        let timer = makeClass("TimerHandle", module: "asyncio.events", base: handle, [
            "when": native("when", owner: "TimerHandle") { vm, a, _ in
                guard let h = a.first?.asObject as? NativeTimerHandle else { return .none }
                return .float(h.when)
            },
        ])
        let queue = makeClass("Queue", module: "asyncio.queues", base: BuiltinTypes.object, queueMethods())
        let pq = makeClass("PriorityQueue", module: "asyncio.queues", base: queue, [:])
        let lq = makeClass("LifoQueue", module: "asyncio.queues", base: queue, [:])
        var coroutineMethods = methodTable("coroutine", NativeAsyncioTypes.awaitableMethods(isCoroutine: true))
        coroutineMethods["__repr__"] = native("__repr__", owner: "coroutine") { vm, a, _ in
            guard let c = a.first?.asObject as? NativeCoroutine else { return .str("<coroutine object>") }
            return .str("<coroutine object \(c.qualname) at \(vm.address(c))>")
        }
        let coroutine = PyType(name: "coroutine", module: "builtins", bases: [BuiltinTypes.object], dict: coroutineMethods, layout: .object, isBuiltin: false)
        coroutine.mro = [coroutine, BuiltinTypes.object]
        coroutine.refreshSpecialFlags()
        return AsyncioRuntime(futureType: future, taskType: task, gatheringType: gathering, loopType: loop, handleType: handle,
                              timerHandleType: timer, queueType: queue, priorityQueueType: pq, lifoQueueType: lq, coroutineType: coroutine)
    }

    // MARK: Future

    private static func futureMethods() -> [String: Value] {
        var d = methodTable("Future", [
            ("__new__", { vm, a, kw in
                let rt = try vm.asyncioRuntime()
                guard let cls = a.first?.asObject as? PyType else { return .none }
                try checkKwargs(vm, kw, "Future", ["loop"])
                if a.count > 1 { throw vm.error(BuiltinTypes.typeError, "Future() takes no positional arguments") }
                let f = NativeFuture(cls: cls)
                if let l = kwarg(kw, "loop"), !l.isNone {
                    guard let loop = l.asObject as? NativeLoop else { throw vm.error(BuiltinTypes.typeError, "loop must be an event loop") }
                    f.loop = loop
                } else {
                    f.loop = try rt.eventLoop(vm)
                }
                return .object(f)
            }),
            ("__repr__", { vm, a, _ in .str(try selfFuture(vm, a, "__repr__").futureRepr(vm)) }),
            ("get_loop", { vm, a, _ in
                let f = try selfFuture(vm, a, "get_loop")
                return f.loop.map { .object($0) } ?? .none
            }),
            ("_make_cancelled_error", { vm, a, _ in
                let f = try selfFuture(vm, a, "_make_cancelled_error")
                return .object(f.makeCancelledError(try vm.asyncioRuntime(), vm))
            }),
            ("cancel", { vm, a, kw in
                let f = try selfFuture(vm, a, "cancel")
                try checkKwargs(vm, kw, "cancel", ["msg"])
                let msg = a.count > 1 ? a[1] : (kwarg(kw, "msg") ?? .none)
                return .bool(try f.cancel(try vm.asyncioRuntime(), vm, msg: msg))
            }),
            ("cancelled", { vm, a, _ in .bool(try selfFuture(vm, a, "cancelled").state == .cancelled) }),
            ("done", { vm, a, _ in .bool(try selfFuture(vm, a, "done").isDone) }),
            ("result", { vm, a, _ in try selfFuture(vm, a, "result").resultValue(vm) }),
            ("exception", { vm, a, _ in
                let f = try selfFuture(vm, a, "exception")
                let rt = try vm.asyncioRuntime()
                switch f.state {
                case .cancelled: throw PyError(exception: f.makeCancelledError(rt, vm))
                case .pending: throw vm.error(rt.invalidStateError, "Exception is not set.")
                case .finished: return f.exception.map { .object($0) } ?? .none
                }
            }),
            ("add_done_callback", { vm, a, kw in
                let f = try selfFuture(vm, a, "add_done_callback")
                try checkKwargs(vm, kw, "add_done_callback", ["context"])
                try vm.expectArgs(a, "add_done_callback", min: 2, max: 2)
                f.addDoneCallback(.python(a[1]), try vm.asyncioRuntime())
                return .none
            }),
            ("remove_done_callback", { vm, a, _ in
                let f = try selfFuture(vm, a, "remove_done_callback")
                try vm.expectArgs(a, "remove_done_callback", min: 2, max: 2)
                let before = f.callbacks.count
                f.callbacks.removeAll { cb in
                    if case .python(let fn) = cb { return sameCallable(fn, a[1]) }
                    return false
                }
                return .int(before - f.callbacks.count)
            }),
            ("set_result", { vm, a, _ in
                let f = try selfFuture(vm, a, "set_result")
                if f is NativeTask { throw vm.error(BuiltinTypes.runtimeError, "Task does not support set_result operation") }
                try vm.expectArgs(a, "set_result", min: 2, max: 2)
                try f.setResult(a[1], try vm.asyncioRuntime(), vm)
                return .none
            }),
            ("set_exception", { vm, a, _ in
                let f = try selfFuture(vm, a, "set_exception")
                if f is NativeTask { throw vm.error(BuiltinTypes.runtimeError, "Task does not support set_exception operation") }
                try vm.expectArgs(a, "set_exception", min: 2, max: 2)
                let rt = try vm.asyncioRuntime()
                if f.state != .pending { throw vm.error(rt.invalidStateError, "invalid state") }
                var v = a[1]
                if case .object(let o) = v, o is PyType { v = try vm.call(v, []) }
                guard let e = v.asObject as? PyExceptionObject else { throw vm.error(BuiltinTypes.typeError, "invalid exception object") }
                if e.cls === BuiltinTypes.stopIteration {
                    throw vm.error(BuiltinTypes.typeError, "StopIteration interacts badly with generators and cannot be raised into a Future")
                }
                try f.setException(e, rt, vm)
                return .none
            }),
            ("__await__", { vm, a, _ in .object(NativeFutureIter(try selfFuture(vm, a, "__await__"))) }),
            ("__iter__", { vm, a, _ in .object(NativeFutureIter(try selfFuture(vm, a, "__iter__"))) }),
        ])
        d["_loop"] = property("Future", "_loop", get: { vm, a, _ in try selfFuture(vm, a, "_loop").loop.map { .object($0) } ?? .none })
        d["_state"] = property("Future", "_state", get: { vm, a, _ in
            switch try selfFuture(vm, a, "_state").state {
            case .pending: return .str("PENDING")
            case .cancelled: return .str("CANCELLED")
            case .finished: return .str("FINISHED")
            }
        })
        d["_result"] = property("Future", "_result", get: { vm, a, _ in try selfFuture(vm, a, "_result").result })
        d["_exception"] = property("Future", "_exception", get: { vm, a, _ in try selfFuture(vm, a, "_exception").exception.map { .object($0) } ?? .none })
        d["_cancel_message"] = property("Future", "_cancel_message", get: { vm, a, _ in try selfFuture(vm, a, "_cancel_message").cancelMessage },
                                        set: { vm, a, _ in
                                            try selfFuture(vm, a, "_cancel_message").cancelMessage = a.count > 1 ? a[1] : .none
                                            return .none
                                        })
        d["_asyncio_future_blocking"] = property("Future", "_asyncio_future_blocking", get: { vm, a, _ in .bool(try selfFuture(vm, a, "_asyncio_future_blocking").blocking) },
                                                 set: { vm, a, _ in
                                                     try selfFuture(vm, a, "_asyncio_future_blocking").blocking = try vm.truthy(a.count > 1 ? a[1] : .none)
                                                     return .none
                                                 })
        d["_asyncd_label"] = property("Future", "_asyncd_label", get: { vm, a, _ in try selfFuture(vm, a, "_asyncd_label").label.map { .str($0) } ?? .none },
                                      set: { vm, a, _ in
                                          let f = try selfFuture(vm, a, "_asyncd_label")
                                          f.label = a.count > 1 && !a[1].isNone ? try vm.str(a[1]) : nil
                                          return .none
                                      })
        return d
    }

    // MARK: Task

    private static func taskMethods() -> [String: Value] {
        var d = methodTable("Task", [
            ("__new__", { vm, a, kw in
                let rt = try vm.asyncioRuntime()
                guard let cls = a.first?.asObject as? PyType else { return .none }
                try checkKwargs(vm, kw, "Task", ["loop", "name", "context", "coro", "eager_start"])
                guard let coro = a.count > 1 ? a[1] : kwarg(kw, "coro") else {
                    throw vm.error(BuiltinTypes.typeError, "Task() missing required argument 'coro' (pos 1)")
                }
                let loop: NativeLoop
                if let l = kwarg(kw, "loop"), !l.isNone {
                    guard let nl = l.asObject as? NativeLoop else { throw vm.error(BuiltinTypes.typeError, "loop must be an event loop") }
                    loop = nl
                } else {
                    loop = try rt.eventLoop(vm)
                }
                return .object(try rt.createTask(coro, loop: loop, name: kwarg(kw, "name") ?? .none, cls: cls, vm))
            }),
            ("get_coro", { vm, a, _ in try selfTask(vm, a, "get_coro").coro }),
            ("get_name", { vm, a, _ in .str(try selfTask(vm, a, "get_name").name) }),
            ("set_name", { vm, a, _ in
                let t = try selfTask(vm, a, "set_name")
                try vm.expectArgs(a, "set_name", min: 2, max: 2)
                t.name = try vm.str(a[1])
                return .none
            }),
            ("cancelling", { vm, a, _ in .int(try selfTask(vm, a, "cancelling").numCancelsRequested) }),
            ("uncancel", { vm, a, _ in
                let t = try selfTask(vm, a, "uncancel")
                if t.numCancelsRequested > 0 { t.numCancelsRequested -= 1 }
                return .int(t.numCancelsRequested)
            }),
            ("get_context", { _, _, _ in .none }),
        ])
        d["_coro"] = property("Task", "_coro", get: { vm, a, _ in try selfTask(vm, a, "_coro").coro })
        d["_name"] = property("Task", "_name", get: { vm, a, _ in .str(try selfTask(vm, a, "_name").name) })
        d["_must_cancel"] = property("Task", "_must_cancel", get: { vm, a, _ in .bool(try selfTask(vm, a, "_must_cancel").mustCancel) })
        d["_fut_waiter"] = property("Task", "_fut_waiter", get: { vm, a, _ in try selfTask(vm, a, "_fut_waiter").futWaiter.map { .object($0) } ?? .none })
        d["_waiting_on"] = property("Task", "_waiting_on", get: { vm, a, _ in try selfTask(vm, a, "_waiting_on").waitingOn.map { .str($0) } ?? .none })
        d["_num_cancels_requested"] = property("Task", "_num_cancels_requested", get: { vm, a, _ in .int(try selfTask(vm, a, "_num_cancels_requested").numCancelsRequested) })
        return d
    }

    // MARK: the loop

    private static func callbackArgs(_ a: [Value], from i: Int) -> [Value] {
        a.count > i ? Array(a[i...]) : []
    }

    private static func loopMethods() -> [String: Value] {
        methodTable("BaseEventLoop", [
            ("__new__", { vm, a, _ in
                let rt = try vm.asyncioRuntime()
                guard let cls = a.first?.asObject as? PyType else { return .none }
                let l = NativeLoop(cls: cls)
                rt.loops.append(l)
                return .object(l)
            }),
            ("time", { _, _, _ in .none }),
            ("call_soon", { vm, a, kw in
                let l = try selfLoop(vm, a, "call_soon")
                try checkKwargs(vm, kw, "call_soon", ["context"])
                try vm.expectArgs(a, "call_soon", min: 2, max: Int.max)
                return .object(l.callSoon(try vm.asyncioRuntime(), .call(a[1], callbackArgs(a, from: 2))))
            }),
            ("call_soon_threadsafe", { vm, a, kw in
                let l = try selfLoop(vm, a, "call_soon_threadsafe")
                try vm.expectArgs(a, "call_soon_threadsafe", min: 2, max: Int.max)
                return .object(l.callSoon(try vm.asyncioRuntime(), .call(a[1], callbackArgs(a, from: 2))))
            }),
            ("call_later", { vm, a, kw in
                let l = try selfLoop(vm, a, "call_later")
                try checkKwargs(vm, kw, "call_later", ["context"])
                try vm.expectArgs(a, "call_later", min: 3, max: Int.max)
                let when = try l.laterTime(a[1], vm)
                return .object(l.callAt(try vm.asyncioRuntime(), when, .call(a[2], callbackArgs(a, from: 3))))
            }),
            ("call_at", { vm, a, kw in
                let l = try selfLoop(vm, a, "call_at")
                try checkKwargs(vm, kw, "call_at", ["context"])
                try vm.expectArgs(a, "call_at", min: 3, max: Int.max)
                guard let when = vm.floatValue(a[1]) else { throw vm.error(BuiltinTypes.typeError, "'<' not supported between instances of '\(a[1].typeName)' and 'float'") }
                return .object(l.callAt(try vm.asyncioRuntime(), when, .call(a[2], callbackArgs(a, from: 3))))
            }),
            ("create_future", { vm, a, _ in
                let l = try selfLoop(vm, a, "create_future")
                return .object(try vm.asyncioRuntime().newFuture(l))
            }),
            ("create_task", { vm, a, kw in
                let l = try selfLoop(vm, a, "create_task")
                try checkKwargs(vm, kw, "create_task", ["name", "context"])
                try vm.expectArgs(a, "create_task", min: 2, max: 2)
                return .object(try vm.asyncioRuntime().createTask(a[1], loop: l, name: kwarg(kw, "name") ?? .none, vm))
            }),
            ("is_running", { vm, a, _ in .bool(try selfLoop(vm, a, "is_running").running) }),
            ("is_closed", { vm, a, _ in .bool(try selfLoop(vm, a, "is_closed").closed) }),
            ("close", { vm, a, _ in
                let l = try selfLoop(vm, a, "close")
                if l.running { throw vm.error(BuiltinTypes.runtimeError, "Cannot close a running event loop") }
                l.closed = true
                return .none
            }),
            ("stop", { vm, a, _ in
                try selfLoop(vm, a, "stop").stopping = true
                return .none
            }),
            ("get_debug", { _, _, _ in .bool(false) }),
            ("set_debug", { _, _, _ in .none }),
            ("run_forever", { vm, a, _ in
                try selfLoop(vm, a, "run_forever").runForever(try vm.asyncioRuntime(), vm)
                return .none
            }),
            ("run_until_complete", { vm, a, _ in
                let l = try selfLoop(vm, a, "run_until_complete")
                try vm.expectArgs(a, "run_until_complete", min: 2, max: 2)
                return try l.runUntilComplete(a[1], try vm.asyncioRuntime(), vm)
            }),
        ]).merging(["time": native("time", owner: "BaseEventLoop") { vm, _, _ in .float(vm.virtualTime) }]) { _, b in b }
    }

    /// events.py `Handle._repr_info` (and TimerHandle's `when=`) with format_helpers'
    /// `_format_callback_source`.
    private static func handleRepr(_ vm: VM, _ h: NativeHandle) throws -> String {
        var info = [h.cls.name]
        if h.cancelled { info.append("cancelled") }
        if let t = h as? NativeTimerHandle { info.append("when=\(try vm.repr(.float(t.when)))") }
        if case .call(let fn, let args) = h.action {
            var text: String
            switch fn.asObject {
            case let f as PyFunction:
                text = f.qualname
            case let m as PyBoundMethod:
                text = (m.function.asObject as? PyFunction)?.qualname ?? (m.function.asObject as? PyBuiltinFunction)?.name ?? "method"
            case let b as PyBuiltinFunction:
                text = b.ownerName.map { "\($0).\(b.name)" } ?? b.name
            default:
                text = try vm.repr(fn)
            }
            text += "(" + (try args.map { try vm.repr($0) }.joined(separator: ", ")) + ")"
            if let f = fn.asObject as? PyFunction { text += " at \(f.code.flags.contains(.library) ? "asyncio" : "main.py"):\(f.code.firstLine)" }
            info.append(text)
        }
        return "<" + info.joined(separator: " ") + ">"
    }

    private static func handleMethods() -> [String: Value] {
        methodTable("Handle", [
            ("__repr__", { vm, a, _ in
                guard let h = a.first?.asObject as? NativeHandle else { return .str("<Handle>") }
                return .str(try handleRepr(vm, h))
            }),
            ("cancel", { vm, a, _ in
                guard let h = a.first?.asObject as? NativeHandle else { return .none }
                h.cancel()
                return .none
            }),
            ("cancelled", { vm, a, _ in
                guard let h = a.first?.asObject as? NativeHandle else { return .none }
                return .bool(h.cancelled)
            }),
        ])
    }

    // MARK: queues

    private static func queueMethods() -> [String: Value] {
        var d = methodTable("Queue", [
            ("__new__", { vm, a, kw in
                let rt = try vm.asyncioRuntime()
                guard let cls = a.first?.asObject as? PyType else { return .none }
                try checkKwargs(vm, kw, "Queue", ["maxsize"])
                let q = NativeQueue(cls: cls)
                if cls.isSubtype(of: rt.priorityQueueType) { q.kind = .priority } else if cls.isSubtype(of: rt.lifoQueueType) { q.kind = .lifo }
                let m = a.count > 1 ? a[1] : (kwarg(kw, "maxsize") ?? .int(0))
                q.maxsize = m
                if case .int(let i) = m { q.maxsizeInt = i } else if let f = vm.floatValue(m) { q.maxsizeInt = f > 0 ? Int(min(f.rounded(.up), 1e18)) : 0 }
                return .object(q)
            }),
            ("qsize", { vm, a, _ in .int(try selfQueue(vm, a, "qsize").count) }),
            ("empty", { vm, a, _ in .bool(try selfQueue(vm, a, "empty").count == 0) }),
            ("full", { vm, a, _ in .bool(try selfQueue(vm, a, "full").isFull) }),
            ("put", { vm, a, kw in
                if a.count == 2, kw.isEmpty, let q = a[0].asObject as? NativeQueue {
                    return .object(QueuePutCoroutine.make(vm, q, a[1]))
                }
                _ = try selfQueue(vm, a, "put")
                try vm.noKwargs(kw, "put")
                try vm.expectArgs(a, "put", min: 2, max: 2)
                return .none
            }),
            ("get", { vm, a, _ in .object(QueueGetCoroutine.make(vm, try selfQueue(vm, a, "get"))) }),
            ("join", { vm, a, _ in .object(QueueJoinCoroutine(vm: vm, queue: try selfQueue(vm, a, "join"))) }),
            ("put_nowait", { vm, a, _ in
                let q = try selfQueue(vm, a, "put_nowait")
                try vm.expectArgs(a, "put_nowait", min: 2, max: 2)
                try q.putNowait(a[1], try vm.asyncioRuntime(), vm)
                return .none
            }),
            ("get_nowait", { vm, a, _ in try selfQueue(vm, a, "get_nowait").getNowait(try vm.asyncioRuntime(), vm) }),
            ("task_done", { vm, a, _ in
                try selfQueue(vm, a, "task_done").taskDone(try vm.asyncioRuntime(), vm)
                return .none
            }),
            ("__repr__", { vm, a, _ in
                let q = try selfQueue(vm, a, "__repr__")
                var s = "<\(q.cls.name) at \(vm.address(q)) maxsize=\(try vm.repr(q.maxsize))"
                if q.count > 0 { s += " _queue=\(try vm.repr(.object(PyList(q.contentsList()))))" }
                if !q.getters.isEmpty { s += " _getters[\(q.getters.count)]" }
                if !q.putters.isEmpty { s += " _putters[\(q.putters.count)]" }
                if q.unfinishedTasks > 0 { s += " tasks=\(q.unfinishedTasks)" }
                return .str(s + ">")
            }),
        ])
        d["maxsize"] = property("Queue", "maxsize", get: { vm, a, _ in try selfQueue(vm, a, "maxsize").maxsize })
        d["_maxsize"] = property("Queue", "_maxsize", get: { vm, a, _ in try selfQueue(vm, a, "_maxsize").maxsize })
        d["_queue"] = property("Queue", "_queue", get: { vm, a, _ in .object(PyList(try selfQueue(vm, a, "_queue").contentsList())) })
        d["_unfinished_tasks"] = property("Queue", "_unfinished_tasks", get: { vm, a, _ in .int(try selfQueue(vm, a, "_unfinished_tasks").unfinishedTasks) })
        return d
    }
}

// MARK: `_asyncd` functions of the native core

enum NativeAsyncioFunctions {
    static func make(_ rt: AsyncioRuntime) -> [String: Value] {
        var d = table(rt)
        rt.sleepFunction = d["sleep"]?.asObject as? PyBuiltinFunction
        d["sleep"] = rt.sleepFunction.map { .object($0) } ?? d["sleep"]
        return d
    }

    private static func table(_ rt: AsyncioRuntime) -> [String: Value] {
        [
            "Future": .object(rt.futureType),
            "Task": .object(rt.taskType),
            "EventLoop": .object(rt.loopType),
            "Handle": .object(rt.handleType),
            "TimerHandle": .object(rt.timerHandleType),
            "Queue": .object(rt.queueType),
            "PriorityQueue": .object(rt.priorityQueueType),
            "LifoQueue": .object(rt.lifoQueueType),
            // setup(CancelledError, InvalidStateError, QueueEmpty, QueueFull, loop_class, wrap_awaitable)
            "setup": native("setup") { vm, a, _ in
                let rt = try vm.asyncioRuntime()
                guard a.count == 6, let c = a[0].asObject as? PyType, let i = a[1].asObject as? PyType,
                      let qe = a[2].asObject as? PyType, let qf = a[3].asObject as? PyType else { return .none }
                rt.cancelledError = c
                rt.invalidStateError = i
                rt.queueEmpty = qe
                rt.queueFull = qf
                rt.loopClass = a[4]
                rt.wrapAwaitable = a[5]
                return .none
            },
            // asyncio.run's bracket: enter_run(_LoopStop) / exit_run(); loop_stop() ends the run
            // with the first deadlock or limit the loop met.
            "enter_run": native("enter_run") { vm, a, _ in
                let rt = try vm.asyncioRuntime()
                if let t = a.first?.asObject as? PyType { rt.loopStopType = t }
                rt.asyncioRunDepth += 1
                return .none
            },
            "exit_run": native("exit_run") { vm, _, _ in
                let rt = try vm.asyncioRuntime()
                rt.asyncioRunDepth = max(0, rt.asyncioRunDepth - 1)
                return .none
            },
            "loop_stop": native("loop_stop") { vm, _, _ in
                let rt = try vm.asyncioRuntime()
                throw rt.pendingStop ?? VMStop.deadlock("the event loop would wait forever: no task can run and no timer is pending")
            },
            "sleep": native("sleep") { vm, a, kw in
                try checkKwargs(vm, kw, "sleep", ["delay", "result"])
                guard let delay = a.first ?? kwarg(kw, "delay") else {
                    throw vm.error(BuiltinTypes.typeError, "sleep() missing 1 required positional argument: 'delay'")
                }
                if a.count > 2 { throw vm.error(BuiltinTypes.typeError, "sleep() takes from 1 to 2 positional arguments but \(a.count) were given") }
                let result = a.count > 1 ? a[1] : (kwarg(kw, "result") ?? .none)
                return .object(SleepCoroutine.make(vm, delay: delay, result: result))
            },
            "gather": native("gather") { vm, a, kw in
                try checkKwargs(vm, kw, "gather", ["return_exceptions"])
                let re = try kwarg(kw, "return_exceptions").map { try vm.truthy($0) } ?? false
                return .object(try vm.asyncioRuntime().gather(a, returnExceptions: re, vm))
            },
            "ensure_future": native("ensure_future") { vm, a, kw in
                try checkKwargs(vm, kw, "ensure_future", ["loop"])
                try vm.expectArgs(a, "ensure_future", min: 1, max: 1)
                let loop = kwarg(kw, "loop")?.asObject as? NativeLoop
                return .object(try vm.asyncioRuntime().ensureFuture(a[0], loop: loop, vm))
            },
            "create_task": native("create_task") { vm, a, kw in
                try checkKwargs(vm, kw, "create_task", ["name", "context"])
                try vm.expectArgs(a, "create_task", min: 1, max: 1)
                let rt = try vm.asyncioRuntime()
                let loop = try rt.runningLoopOrRaise(vm)
                return .object(try rt.createTask(a[0], loop: loop, name: kwarg(kw, "name") ?? .none, vm))
            },
            "get_running_loop": native("get_running_loop") { vm, _, _ in .object(try vm.asyncioRuntime().runningLoopOrRaise(vm)) },
            "running_loop": native("running_loop") { vm, _, _ in try vm.asyncioRuntime().runningLoop.map { .object($0) } ?? .none },
            "set_event_loop": native("set_event_loop") { vm, a, _ in
                let rt = try vm.asyncioRuntime()
                try vm.expectArgs(a, "set_event_loop", min: 1, max: 1)
                if a[0].isNone {
                    rt.policyLoop = nil
                } else if let l = a[0].asObject as? NativeLoop {
                    rt.policyLoop = l
                } else {
                    throw vm.error(BuiltinTypes.typeError, "loop must be an instance of AbstractEventLoop or None, not '\(a[0].typeName)'")
                }
                rt.policySetCalled = true
                return .none
            },
            "get_event_loop": native("get_event_loop") { vm, _, _ in .object(try vm.asyncioRuntime().eventLoop(vm)) },
            "current_task": native("current_task") { vm, a, kw in
                let rt = try vm.asyncioRuntime()
                let lv = a.first ?? kwarg(kw, "loop") ?? .none
                let loop = lv.isNone ? try rt.runningLoopOrRaise(vm) : lv.asObject as? NativeLoop
                return loop?.currentTask.map { .object($0) } ?? .none
            },
            "all_tasks": native("all_tasks") { vm, a, kw in
                let rt = try vm.asyncioRuntime()
                let lv = a.first ?? kwarg(kw, "loop") ?? .none
                let loop = lv.isNone ? try rt.runningLoopOrRaise(vm) : lv.asObject as? NativeLoop
                let set = PySet(frozen: false)
                if let loop { for t in rt.liveTasks(of: loop) { set.insert(try vm.hashKey(.object(t))) } }
                return .object(set)
            },
            // Live tasks of a loop in creation order (asyncio.run's _cancel_all_tasks).
            "tasks_of": native("tasks_of") { vm, a, _ in
                let rt = try vm.asyncioRuntime()
                guard let loop = a.first?.asObject as? NativeLoop else { return .object(PyList([])) }
                return .object(PyList(rt.liveTasks(of: loop).map { .object($0) }))
            },
            "take_asyncgens": native("take_asyncgens") { vm, a, _ in
                let rt = try vm.asyncioRuntime()
                guard let loop = a.first?.asObject as? NativeLoop else { return .object(PyList([])) }
                return .object(PyList(rt.takeAsyncGens(loop).map { .object($0) }))
            },
            "isfuture": native("isfuture") { _, a, _ in .bool(a.first?.asObject is NativeFuture) },
            "iscoroutine": native("iscoroutine") { vm, a, _ in .bool(try a.first.map { try vm.asyncioRuntime().isCoroutine($0) } ?? false) },
        ]
    }
}
