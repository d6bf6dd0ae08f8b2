// The objects of the native asyncio core (Sources/Runner/Asyncio/Native*.swift): Future, Task,
// the gathering future, the event loop, its handles, Queue, and the native awaitables (a Future's
// iterator and the coroutines of `sleep` and of Queue's `put`/`get`/`join`). They are native so
// that a task step costs a few Swift calls instead of many interpreted ones (issue 6's benchmark);
// their behaviour follows CPython 3.12's C `_asyncio` module and Lib/asyncio step for step.
//
// Future, Task, the loop and the queues are `PyInstance`s of per-run classes (created when the
// program imports asyncio) so Python code can set attributes on them and subclass the loop.

/// Per-run state of the native asyncio: its classes, the exception classes the Python half
/// defines, the running loop and the registry of live tasks (`all_tasks`, the deadlock report).
final class AsyncioRuntime {
    let futureType: PyType
    let taskType: PyType
    let gatheringType: PyType
    let loopType: PyType
    let handleType: PyType
    let timerHandleType: PyType
    let queueType: PyType
    let priorityQueueType: PyType
    let lifoQueueType: PyType
    /// Set by the Python half (`_asyncd.setup`) once it has defined them.
    var cancelledError: PyType = BuiltinTypes.baseException
    var invalidStateError: PyType = BuiltinTypes.exception
    var queueEmpty: PyType = BuiltinTypes.exception
    var queueFull: PyType = BuiltinTypes.exception
    /// The Python subclass of the native loop (`BaseEventLoop`, which adds executors).
    var loopClass: Value = .none
    /// `async def _wrap_awaitable(a): return await a` of the Python half (ensure_future of awaitables).
    var wrapAwaitable: Value = .none
    var runningLoop: NativeLoop?
    /// The event loop policy's current loop (`set_event_loop`) and whether one was ever set.
    var policyLoop: NativeLoop?
    var policySetCalled = false
    /// Tasks made so far (CPython's `task_name_counter`).
    var taskCounter = 0
    /// Live tasks in creation order (nil: finished); `registryIndex` points into it.
    var tasks: [NativeTask?] = []
    var liveTasks = 0
    /// Loops made in this run, for breaking reference cycles at the end.
    var loops: [NativeLoop] = []
    /// A finished `sleep` coroutine kept for reuse.
    var spareSleep: SleepCoroutine?

    init(futureType: PyType, taskType: PyType, gatheringType: PyType, loopType: PyType, handleType: PyType,
         timerHandleType: PyType, queueType: PyType, priorityQueueType: PyType, lifoQueueType: PyType) {
        self.futureType = futureType
        self.taskType = taskType
        self.gatheringType = gatheringType
        self.loopType = loopType
        self.handleType = handleType
        self.timerHandleType = timerHandleType
        self.queueType = queueType
        self.priorityQueueType = priorityQueueType
        self.lifoQueueType = lifoQueueType
    }

    func register(_ task: NativeTask) {
        task.registryIndex = tasks.count
        tasks.append(task)
        liveTasks += 1
    }

    func unregister(_ task: NativeTask) {
        let i = task.registryIndex
        guard i >= 0, i < tasks.count, tasks[i] === task else { return }
        tasks[i] = nil
        task.registryIndex = -1
        liveTasks -= 1
        // Compact when most slots are empty, keeping creation order.
        if tasks.count > 1024 && liveTasks * 2 < tasks.count {
            var kept: [NativeTask?] = []
            kept.reserveCapacity(liveTasks * 2)
            for case let t? in tasks {
                t.registryIndex = kept.count
                kept.append(t)
            }
            tasks = kept
        }
    }

    /// Live tasks of `loop` that are not done, in creation order.
    func liveTasks(of loop: NativeLoop) -> [NativeTask] {
        tasks.compactMap { t in
            guard let t, t.loop === loop, t.state == .pending else { return nil }
            return t
        }
    }

    /// Drops references between the run's asyncio objects (tasks wait on futures whose callbacks
    /// hold the tasks; loops hold handles that hold tasks) so ARC can free them after the run.
    func breakCycles() {
        for case let t? in tasks {
            t.futWaiter = nil
            t.callbacks = []
            t.coro = .none
        }
        tasks = []
        for l in loops {
            l.ready = []
            l.spare = []
            l.scheduled = []
            l.handlePool = []
            l.currentTask = nil
            l.asyncgens = []
        }
        loops = []
        runningLoop = nil
        policyLoop = nil
        spareSleep = nil
    }
}

/// What a future calls when it is done (scheduled with call_soon, as futures.py does).
enum FutureCallback {
    /// A Python callable, called with the future.
    case python(Value)
    /// `Task.__wakeup` of a task awaiting the future.
    case wakeup(NativeTask)
    /// `gather`'s `_done_callback`.
    case gather(GatherState)
    /// `run_until_complete`'s `_run_until_complete_cb`.
    case stopLoop
}

/// `asyncio.Future` (CPython's `FutureObj`).
class NativeFuture: PyInstance {
    enum State { case pending, cancelled, finished }
    var state: State = .pending
    var result: Value = .none
    var exception: PyExceptionObject?
    var callbacks: [FutureCallback] = []
    var cancelMessage: Value = .none
    /// The CancelledError that cancelled a task, handed out once (`_make_cancelled_error`).
    var cancelledExc: PyExceptionObject?
    var loop: NativeLoop?
    /// `_asyncio_future_blocking`.
    var blocking = false
    /// What a task awaiting this future waits on, for the trace and the deadlock report.
    var label: String?

    var isDone: Bool { state != .pending }
}

/// `asyncio.Task` (CPython's `TaskObj`).
final class NativeTask: NativeFuture {
    var coro: Value = .none
    var name = ""
    var mustCancel = false
    var futWaiter: NativeFuture?
    var numCancelsRequested = 0
    var started = false
    var traced = false
    /// What the task waits on while suspended (trace `suspend` detail, deadlock report).
    var waitingOn: String?
    var registryIndex = -1
}

/// `gather`'s outer future (tasks.py `_GatheringFuture`).
final class NativeGatheringFuture: NativeFuture {
    var children: [NativeFuture] = []
    var cancelRequested = false
}

/// The shared state of one `gather` call (the closure variables of tasks.py's `_done_callback`).
final class GatherState {
    let returnExceptions: Bool
    var children: [NativeFuture] = []
    var nfuts = 0
    var nfinished = 0
    /// nil once the outer future is complete (drops the cycle through the children's callbacks).
    var outer: NativeGatheringFuture?
    init(returnExceptions: Bool) { self.returnExceptions = returnExceptions }
}

/// `asyncio.Handle`: a callback the loop runs once. A plain object (no instance dict): one is
/// made per task step.
class NativeHandle: PyObject {
    let cls: PyType
    override var pyType: PyType { cls }
    enum Action {
        case none
        case call(Value, [Value])
        case step(NativeTask, PyExceptionObject?)
        case callback(FutureCallback, NativeFuture)
        case setResultUnlessCancelled(NativeFuture, Value)
        /// `create_task(coro)` one iteration later (the async-generator finalizer's).
        case createTask(Value)
    }
    var action: Action
    var cancelled = false
    /// Timer handles are never pooled (see NativeLoop.handlePool).
    let isTimer: Bool
    init(cls: PyType, action: Action, isTimer: Bool = false) {
        self.cls = cls
        self.action = action
        self.isTimer = isTimer
        super.init()
    }
}

/// `asyncio.TimerHandle`: a handle due at `when` on the loop's clock.
final class NativeTimerHandle: NativeHandle {
    let when: Double
    var scheduled = false
    var loop: NativeLoop?
    init(cls: PyType, when: Double, action: Action, loop: NativeLoop) {
        self.when = when
        self.loop = loop
        super.init(cls: cls, action: action, isTimer: true)
    }
}

/// The event loop (base_events.py `BaseEventLoop`): the ready FIFO and the timer heap.
final class NativeLoop: PyInstance {
    var ready: [NativeHandle] = []
    /// The previous iteration's batch array, reused so the FIFO does not reallocate each time.
    var spare: [NativeHandle] = []
    var scheduled: [NativeTimerHandle] = []
    /// Handles that ran and that nothing else holds, reused by call_soon (one is made per task
    /// step; a handle Python code still references is never pooled, so reuse is invisible).
    var handlePool: [NativeHandle] = []
    var timerCancelledCount = 0
    var stopping = false
    var closed = false
    var running = false
    var currentTask: NativeTask?
    /// Async generators first iterated while this loop ran and not finalized yet
    /// (base_events.py `_asyncgens`), in that order.
    var asyncgens: [(id: ObjectIdentifier, gen: WeakGenerator)] = []
}

final class WeakGenerator {
    weak var gen: PyGenerator?
    init(_ gen: PyGenerator) { self.gen = gen }
}

/// `asyncio.Queue`, `PriorityQueue` and `LifoQueue` (queues.py). Not a `PyInstance`: the VM's
/// LOAD_METHOD fast path then covers `q.put`/`q.get` (no bound method made per call).
final class NativeQueue: PyObject {
    let cls: PyType
    override var pyType: PyType { cls }
    init(cls: PyType) {
        self.cls = cls
        super.init()
    }
    enum Kind { case fifo, priority, lifo }
    var kind: Kind = .fifo
    var maxsize: Value = .int(0)
    var maxsizeInt = 0
    /// FIFO: items[head...]; LIFO: a stack; priority: a binary heap (heapq's order).
    var items: [Value] = []
    var head = 0
    var getters: [NativeFuture] = []
    var putters: [NativeFuture] = []
    var unfinishedTasks = 0
    /// The `_finished` Event: its flag and waiters.
    var finishedSet = true
    var finishedWaiters: [NativeFuture] = []
    /// A finished `put`/`get` coroutine kept for reuse (they are made once per item).
    var sparePut: QueuePutCoroutine?
    var spareGet: QueueGetCoroutine?

    var count: Int { items.count - head }
    var isFull: Bool { maxsizeInt > 0 && count >= maxsizeInt }
}

/// An awaitable implemented in Swift: what `await` drives through SEND and `throw`.
class NativeAwaitable: PyIterator {
    /// One step: the value sent in (None for `next`); yields or returns.
    func send(_ vm: VM, _ value: Value) throws -> ResumeResult { .returned(.none) }
    /// An exception thrown in at the suspension point.
    func throwIn(_ vm: VM, _ exc: PyExceptionObject) throws -> ResumeResult { throw PyError(exception: exc) }

    override func next(_ vm: VM) throws -> Value? {
        switch try send(vm, .none) {
        case .yielded(let v): return v
        case .returned(let v):
            if v.isNone { return nil }
            throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: [v]))
        }
    }
}

/// `Future.__await__()`'s iterator (futures.py `__await__`, C `FutureIter`).
final class NativeFutureIter: NativeAwaitable {
    let future: NativeFuture
    var yielded = false
    override var pyType: PyType { NativeAsyncioTypes.futureIter }
    init(_ future: NativeFuture) { self.future = future; super.init() }

    override func send(_ vm: VM, _ value: Value) throws -> ResumeResult {
        if !yielded {
            yielded = true
            if !future.isDone {
                future.blocking = true
                return .yielded(.object(future))
            }
        } else if !future.isDone {
            throw vm.error(BuiltinTypes.runtimeError, "await wasn't used with future")
        }
        return .returned(try future.resultValue(vm))
    }
}

/// A coroutine implemented in Swift (`asyncio.sleep`, `Queue.put`...): a `coroutine` to
/// `iscoroutine` and Task, warned about when never awaited, as CPython's are.
class NativeCoroutine: NativeAwaitable {
    enum CoroState { case created, suspended, finished }
    var coroState: CoroState = .created
    var wasStarted = false
    let qualname: String
    var createdLine: Int
    /// Where the never-awaited warning goes (shared per run: a weak reference per coroutine
    /// would cost a side-table update on every `sleep(0)`).
    let sink: WarningSink
    override var pyType: PyType { NativeAsyncioTypes.coroutine }

    init(vm: VM, qualname: String) {
        self.qualname = qualname
        self.createdLine = vm.frames.last?.line ?? 0
        self.sink = vm.asyncState.warningSink
        super.init()
    }

    /// The coroutine's body, one step at a time; `coroState` is kept by `send`/`throwIn`.
    func body(_ vm: VM, _ value: Value) throws -> ResumeResult { .returned(.none) }
    /// An exception arriving at the coroutine's suspension point.
    func bodyThrow(_ vm: VM, _ exc: PyExceptionObject) throws -> ResumeResult { throw PyError(exception: exc) }
    /// Called once the coroutine has returned or raised.
    func didFinish() {}

    /// Makes a finished coroutine new again (Queue keeps one per method for reuse: an object
    /// nobody else holds any more is indistinguishable from a fresh one).
    func renew(_ vm: VM) {
        coroState = .created
        wasStarted = false
        createdLine = vm.frames.last?.line ?? 0
    }

    override final func send(_ vm: VM, _ value: Value) throws -> ResumeResult {
        switch coroState {
        case .finished:
            throw vm.error(BuiltinTypes.runtimeError, "cannot reuse already awaited coroutine")
        case .created:
            if !value.isNone { throw vm.error(BuiltinTypes.typeError, "can't send non-None value to a just-started coroutine") }
            wasStarted = true
        case .suspended:
            break
        }
        do {
            let r = try body(vm, value)
            if case .returned = r {
                coroState = .finished
                didFinish()
            } else {
                coroState = .suspended
            }
            return r
        } catch {
            coroState = .finished
            didFinish()
            throw error
        }
    }

    override final func throwIn(_ vm: VM, _ exc: PyExceptionObject) throws -> ResumeResult {
        if coroState != .suspended {
            wasStarted = true
            coroState = .finished
            throw PyError(exception: exc)
        }
        do {
            let r = try bodyThrow(vm, exc)
            if case .returned = r {
                coroState = .finished
                didFinish()
            }
            return r
        } catch {
            coroState = .finished
            didFinish()
            throw error
        }
    }

    deinit {
        if coroState == .created, !wasStarted, let vm = sink.vm {
            vm.warnings.append("RuntimeWarning: coroutine '\(qualname)' was never awaited")
            vm.traceEvent(.warning, line: createdLine, detail: "RuntimeWarning: coroutine '\(qualname)' was never awaited")
        }
    }
}

/// The run's VM, weakly, for warnings from objects that may outlive it.
final class WarningSink {
    weak var vm: VM?
}
