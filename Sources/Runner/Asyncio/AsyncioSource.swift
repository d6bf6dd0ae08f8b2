// The `asyncio` module: a native core in Swift (NativeLoop, NativeFutures, NativeGatherSleep,
// NativeQueue, NativeAsyncGens: the loop with its ready FIFO and timer heap, Future, Task, sleep,
// gather, the queues; CPython 3.12's C `_asyncio` and Lib/asyncio step for step) that this
// Python text, compiled by the runner's own compiler when a program imports asyncio, re-exports
// and builds on. The clock is virtual: when nothing is ready the loop jumps to the next timer
// (see ../shared/oracle).
//
// This file holds the exception classes, the Python subclass of the native loop (executors,
// shutdown_asyncgens) and wait_for (3.12: an asyncio.timeout around the await);
// AsyncioSyncSource the primitives, timeouts, TaskGroup, the composite waits and asyncio.run;
// AsyncioConditionSource the Condition. The task step emits the trace (AsyncTrace.swift) and
// names what a task waits on (`_asyncd_label` of the awaited future); a loop with nothing ready
// and no timer stops with a deadlock report naming each task's wait. `run_in_executor` and
// `to_thread` run the job inline as the oracle does. Frames of this module are hidden from
// tracebacks, as the oracle shows only main.py.

enum AsyncioSource {
    static let heapq = #"""
def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem

def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)

def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)

def heappop(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt

def heapify(x):
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)
"""#

    /// The module's text: the loop, futures and tasks here; synchronisation primitives, queues
    /// and the composite waits in `AsyncioSyncSource`.
    static var asyncio: String { core + AsyncioSyncSource.text + AsyncioConditionSource.text }

    static let core = #"""
import _asyncd

class CancelledError(BaseException):
    pass

class InvalidStateError(Exception):
    pass

class QueueEmpty(Exception):
    pass

class QueueFull(Exception):
    pass

TimeoutError = TimeoutError

Future = _asyncd.Future
Task = _asyncd.Task
Handle = _asyncd.Handle
TimerHandle = _asyncd.TimerHandle
AbstractEventLoop = _asyncd.EventLoop
Queue = _asyncd.Queue
PriorityQueue = _asyncd.PriorityQueue
LifoQueue = _asyncd.LifoQueue

class BaseEventLoop(_asyncd.EventLoop):
    async def shutdown_asyncgens(self):
        agens = _asyncd.take_asyncgens(self)
        if not agens:
            return
        await gather(*[ag.aclose() for ag in agens], return_exceptions=True)
    def run_in_executor(self, executor, func, *args):
        # The oracle's model (../shared/oracle/README.md, Executors): the job runs inline now;
        # a time.sleep inside adds to the job's own elapsed time; the concurrent future completes
        # then (or `elapsed` virtual seconds later) and reaches this future via call_soon_threadsafe.
        if iscoroutine(func) or iscoroutinefunction(func):
            raise TypeError('coroutines cannot be used with run_in_executor()')
        fut = self.create_future()
        fut._asyncd_label = 'run_in_executor(' + getattr(func, '__name__', 'job') + ')'
        nested = _asyncd.job_begin()
        value = None
        error = None
        try:
            value = func(*args)
        except BaseException as e:
            error = e
        finally:
            elapsed = _asyncd.job_end()
        def complete():
            if not fut.cancelled():
                self.call_soon(_copy_executor_result, fut, value, error)
        if elapsed and not nested:
            self.call_later(elapsed, complete)
        else:
            complete()
        return fut
    async def shutdown_default_executor(self, timeout=None):
        pass

def _copy_executor_result(fut, value, error):
    if fut.cancelled():
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(value)

async def _wrap_awaitable(awaitable):
    return await awaitable

_asyncd.setup(CancelledError, InvalidStateError, QueueEmpty, QueueFull, BaseEventLoop, _wrap_awaitable)

get_running_loop = _asyncd.get_running_loop
get_event_loop = _asyncd.get_event_loop
set_event_loop = _asyncd.set_event_loop
isfuture = _asyncd.isfuture
iscoroutine = _asyncd.iscoroutine
current_task = _asyncd.current_task
all_tasks = _asyncd.all_tasks
ensure_future = _asyncd.ensure_future
create_task = _asyncd.create_task
sleep = _asyncd.sleep
gather = _asyncd.gather

def new_event_loop():
    return BaseEventLoop()

def iscoroutinefunction(func):
    return _asyncd.iscoroutinefunction(func)

def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)

async def wait_for(fut, timeout):
    # 3.12 (tasks.py): no wrapping Task (no Task-N name used up); the timeout is an
    # asyncio.timeout() around `await fut`, so the awaited coroutine runs in the caller's task.
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    loop = get_running_loop()
    async with Timeout(None if timeout is None else loop.time() + timeout):
        return await fut

async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    waiter._asyncd_label = 'cancellation'
    def cb(*args):
        if not waiter.done():
            waiter.set_result(None)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)

"""#
}
