// asyncio.Queue, PriorityQueue and LifoQueue in Swift, after CPython 3.12's queues.py: `put`
// waits on a putter future while the queue is full and `get` on a getter future while it is
// empty (each loop re-checks after waking); `put_nowait`/`get_nowait` wake the first waiter not
// already done; a waiter that is cancelled after being woken passes the wake-up on. `join` waits
// on the `_finished` event (its waiters are labelled 'Event.wait' as the Python Event's are).

extension NativeQueue {
    func push(_ item: Value, _ vm: VM) throws {
        switch kind {
        case .fifo, .lifo:
            items.append(item)
        case .priority:
            items.append(item)
            try heapSiftDown(0, items.count - 1, vm)
        }
        if items.count & 1023 == 0 { try vm.charge(self, 1024 * 16) }
    }

    func pop(_ vm: VM) throws -> Value {
        switch kind {
        case .fifo:
            let v = items[head]
            items[head] = .none
            head += 1
            if head >= 64 && head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            return v
        case .lifo:
            return items.removeLast()
        case .priority:
            let last = items.removeLast()
            if items.isEmpty { return last }
            let first = items[0]
            items[0] = last
            try heapSiftUp(0, vm)
            return first
        }
    }

    private func less(_ a: Value, _ b: Value, _ vm: VM) throws -> Bool {
        if case .int(let x) = a, case .int(let y) = b { return x < y }
        return try vm.truthy(vm.compare(a, b, .lt))
    }

    private func heapSiftDown(_ startpos: Int, _ start: Int, _ vm: VM) throws {
        var pos = start
        let newitem = items[pos]
        while pos > startpos {
            let parentpos = (pos - 1) >> 1
            let parent = items[parentpos]
            if try less(newitem, parent, vm) {
                items[pos] = parent
                pos = parentpos
                continue
            }
            break
        }
        items[pos] = newitem
    }

    private func heapSiftUp(_ start: Int, _ vm: VM) throws {
        let endpos = items.count
        var pos = start
        let newitem = items[pos]
        var childpos = 2 * pos + 1
        while childpos < endpos {
            let rightpos = childpos + 1
            if rightpos < endpos, !(try less(items[childpos], items[rightpos], vm)) { childpos = rightpos }
            items[pos] = items[childpos]
            pos = childpos
            childpos = 2 * pos + 1
        }
        items[pos] = newitem
        try heapSiftDown(start, pos, vm)
    }

    /// queues.py `_wakeup_next`.
    static func wakeupNext(_ waiters: inout [NativeFuture], _ rt: AsyncioRuntime, _ vm: VM) throws {
        while !waiters.isEmpty {
            let w = waiters.removeFirst()
            if !w.isDone {
                try w.setResult(.none, rt, vm)
                break
            }
        }
    }

    func putNowait(_ item: Value, _ rt: AsyncioRuntime, _ vm: VM) throws {
        if isFull { throw PyError(exception: vm.makeException(rt.queueFull, args: [])) }
        try push(item, vm)
        unfinishedTasks += 1
        finishedSet = false
        if !getters.isEmpty { try Self.wakeupNext(&getters, rt, vm) }
    }

    func getNowait(_ rt: AsyncioRuntime, _ vm: VM) throws -> Value {
        if count == 0 { throw PyError(exception: vm.makeException(rt.queueEmpty, args: [])) }
        let item = try pop(vm)
        if !putters.isEmpty { try Self.wakeupNext(&putters, rt, vm) }
        return item
    }

    func taskDone(_ rt: AsyncioRuntime, _ vm: VM) throws {
        if unfinishedTasks <= 0 { throw vm.error(BuiltinTypes.valueError, "task_done() called too many times") }
        unfinishedTasks -= 1
        if unfinishedTasks == 0 {
            // Event.set
            if !finishedSet {
                finishedSet = true
                for f in finishedWaiters where !f.isDone { try f.setResult(.bool(true), rt, vm) }
            }
        }
    }

    func contentsList() -> [Value] {
        Array(items[head...])
    }
}

/// What `Queue.put` and `Queue.get` share (queues.py): while the queue cannot proceed, wait on
/// a future in the queue's putters or getters; a waiter that fails or is cancelled is taken
/// out and, when the queue could proceed, passes the wake-up on to the next waiter.
class QueueWaitingCoroutine: NativeCoroutine {
    /// nil once finished: a finished coroutine waits in the queue's spare slot without a cycle.
    var queue: NativeQueue?
    var waiter: NativeFuture?

    init(vm: VM, queue: NativeQueue, qualname: String) {
        self.queue = queue
        super.init(vm: vm, qualname: qualname)
    }

    /// Whether the operation has to wait (full for put, empty for get).
    func mustWait(_ queue: NativeQueue) -> Bool { false }
    /// The `*_nowait` half, once it can proceed.
    func proceed(_ queue: NativeQueue, _ rt: AsyncioRuntime, _ vm: VM) throws -> Value { .none }
    /// The queue's putters or getters.
    func waiters(_ queue: NativeQueue) -> [NativeFuture] { [] }
    func setWaiters(_ queue: NativeQueue, _ waiters: [NativeFuture]) {}
    func addWaiter(_ queue: NativeQueue, _ waiter: NativeFuture) {}

    override func body(_ vm: VM, _ value: Value) throws -> ResumeResult {
        guard let rt = vm.asyncState.runtime, let queue else { throw vm.error(BuiltinTypes.runtimeError, "no running event loop") }
        if let w = waiter {
            waiter = nil
            do {
                if !w.isDone { throw vm.error(BuiltinTypes.runtimeError, "await wasn't used with future") }
                _ = try w.resultValue(vm)
            } catch let e as PyError {
                try cleanUp(w, rt, vm)
                throw e
            }
        }
        if mustWait(queue) {
            let loop = try rt.runningLoopOrRaise(vm)
            let future = rt.newFuture(loop)
            future.label = qualname
            addWaiter(queue, future)
            future.blocking = true
            waiter = future
            return .yielded(.object(future))
        }
        return .returned(try proceed(queue, rt, vm))
    }

    override func bodyThrow(_ vm: VM, _ exc: PyExceptionObject) throws -> ResumeResult {
        if let w = waiter, let rt = vm.asyncState.runtime {
            waiter = nil
            try cleanUp(w, rt, vm)
        }
        throw PyError(exception: exc)
    }

    /// The `except:` of queues.py `put` and `get`.
    private func cleanUp(_ future: NativeFuture, _ rt: AsyncioRuntime, _ vm: VM) throws {
        guard let queue else { return }
        _ = future.baseCancel(rt, msg: .none)
        var list = waiters(queue)
        if let i = list.firstIndex(where: { $0 === future }) { list.remove(at: i) }
        if !mustWait(queue) && future.state != .cancelled { try NativeQueue.wakeupNext(&list, rt, vm) }
        setWaiters(queue, list)
    }
}

/// `Queue.put(item)`: while full, wait on a putter future; then put_nowait.
final class QueuePutCoroutine: QueueWaitingCoroutine {
    var item: Value

    init(vm: VM, queue: NativeQueue, item: Value) {
        self.item = item
        super.init(vm: vm, queue: queue, qualname: "Queue.put")
    }

    /// `queue.put(item)`, reusing the queue's finished put coroutine when nothing else holds it.
    static func make(_ vm: VM, _ queue: NativeQueue, _ item: Value) -> QueuePutCoroutine {
        if queue.sparePut != nil, isKnownUniquelyReferenced(&queue.sparePut), let c = queue.sparePut, c.coroState == .finished {
            queue.sparePut = nil
            c.renew(vm)
            c.queue = queue
            c.item = item
            return c
        }
        return QueuePutCoroutine(vm: vm, queue: queue, item: item)
    }

    override func didFinish() {
        item = .none
        waiter = nil
        if let q = queue {
            queue = nil
            q.sparePut = self
        }
    }

    override func mustWait(_ queue: NativeQueue) -> Bool { queue.isFull }
    override func proceed(_ queue: NativeQueue, _ rt: AsyncioRuntime, _ vm: VM) throws -> Value {
        try queue.putNowait(item, rt, vm)
        return .none
    }
    override func waiters(_ queue: NativeQueue) -> [NativeFuture] { queue.putters }
    override func setWaiters(_ queue: NativeQueue, _ waiters: [NativeFuture]) { queue.putters = waiters }
    override func addWaiter(_ queue: NativeQueue, _ waiter: NativeFuture) { queue.putters.append(waiter) }
}

/// `Queue.get()`: while empty, wait on a getter future; then get_nowait.
final class QueueGetCoroutine: QueueWaitingCoroutine {
    init(vm: VM, queue: NativeQueue) {
        super.init(vm: vm, queue: queue, qualname: "Queue.get")
    }

    /// `queue.get()`, reusing the queue's finished get coroutine when nothing else holds it.
    static func make(_ vm: VM, _ queue: NativeQueue) -> QueueGetCoroutine {
        if queue.spareGet != nil, isKnownUniquelyReferenced(&queue.spareGet), let c = queue.spareGet, c.coroState == .finished {
            queue.spareGet = nil
            c.renew(vm)
            c.queue = queue
            return c
        }
        return QueueGetCoroutine(vm: vm, queue: queue)
    }

    override func didFinish() {
        waiter = nil
        if let q = queue {
            queue = nil
            q.spareGet = self
        }
    }

    override func mustWait(_ queue: NativeQueue) -> Bool { queue.count == 0 }
    override func proceed(_ queue: NativeQueue, _ rt: AsyncioRuntime, _ vm: VM) throws -> Value { try queue.getNowait(rt, vm) }
    override func waiters(_ queue: NativeQueue) -> [NativeFuture] { queue.getters }
    override func setWaiters(_ queue: NativeQueue, _ waiters: [NativeFuture]) { queue.getters = waiters }
    override func addWaiter(_ queue: NativeQueue, _ waiter: NativeFuture) { queue.getters.append(waiter) }
}

/// `Queue.join()`: `if unfinished: await self._finished.wait()`.
final class QueueJoinCoroutine: NativeCoroutine {
    let queue: NativeQueue
    var waiter: NativeFuture?

    init(vm: VM, queue: NativeQueue) {
        self.queue = queue
        super.init(vm: vm, qualname: "Queue.join")
    }

    override func body(_ vm: VM, _ value: Value) throws -> ResumeResult {
        guard let rt = vm.asyncState.runtime else { throw vm.error(BuiltinTypes.runtimeError, "no running event loop") }
        if let w = waiter {
            waiter = nil
            removeWaiter(w)
            if !w.isDone { throw vm.error(BuiltinTypes.runtimeError, "await wasn't used with future") }
            _ = try w.resultValue(vm)
            return .returned(.none)
        }
        if queue.unfinishedTasks > 0 && !queue.finishedSet {
            let loop = try rt.runningLoopOrRaise(vm)
            let fut = rt.newFuture(loop)
            fut.label = "Event.wait"
            queue.finishedWaiters.append(fut)
            fut.blocking = true
            waiter = fut
            return .yielded(.object(fut))
        }
        return .returned(.none)
    }

    override func bodyThrow(_ vm: VM, _ exc: PyExceptionObject) throws -> ResumeResult {
        if let w = waiter {
            waiter = nil
            removeWaiter(w)
        }
        throw PyError(exception: exc)
    }

    private func removeWaiter(_ w: NativeFuture) {
        if let i = queue.finishedWaiters.firstIndex(where: { $0 === w }) { queue.finishedWaiters.remove(at: i) }
    }
}
