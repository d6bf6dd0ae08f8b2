// The `asyncio` module, written in Python and compiled by the runner's own compiler when a
// program imports it. It follows CPython 3.12's `Lib/asyncio` step for step where it matters for
// output order: `base_events._run_once` (ready FIFO, a heapq timer heap comparing only `when`,
// timers due within the clock resolution), `futures.Future` (callbacks always via call_soon),
// `tasks.Task.__step`/`__wakeup`, `tasks.gather`, `tasks.sleep`, `runners.run`. The clock is
// virtual: when nothing is ready the loop jumps to the next timer (see ../shared/oracle).
//
// This file holds the loop, Future, Task, sleep, gather and wait_for (3.12: an asyncio.timeout
// around the await); AsyncioSyncSource the primitives, queues, TaskGroup, timeouts and the
// composite waits; AsyncioConditionSource the Condition. Task.__step emits the trace
// (AsyncTrace.swift) and names what a task waits on (`_asyncd_label` on the awaited future); a
// loop with nothing ready and no timer stops with a deadlock report naming each task's wait.
// `run_in_executor`/`to_thread` run the job inline as the oracle does. Frames of this module
// are hidden from tracebacks, as the oracle shows only main.py.

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
from heapq import heappush, heappop, heapify

class CancelledError(BaseException):
    pass

class InvalidStateError(Exception):
    pass

TimeoutError = TimeoutError

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

_running_loop = None
_current_tasks = {}
_all_tasks = {}
_task_counter = [0]

class Handle:
    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
    def cancel(self):
        self._cancelled = True
    def cancelled(self):
        return self._cancelled
    def _run(self):
        self._callback(*self._args)

class TimerHandle(Handle):
    def __init__(self, when, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when
        self._scheduled = False
    def __lt__(self, other):
        return self._when < other._when
    def when(self):
        return self._when
    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        self._cancelled = True

class AbstractEventLoop:
    pass

class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = []
        self._scheduled = []
        self._stopping = False
        self._closed = False
        self._timer_cancelled_count = 0
    def time(self):
        return _asyncd.time()
    def call_soon(self, callback, *args, context=None):
        h = Handle(callback, args, self)
        self._ready.append(h)
        return h
    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)
    def call_at(self, when, callback, *args, context=None):
        t = TimerHandle(when, callback, args, self)
        heappush(self._scheduled, t)
        t._scheduled = True
        return t
    def _timer_handle_cancelled(self, handle):
        if handle._scheduled:
            self._timer_cancelled_count += 1
    def create_future(self):
        return Future(loop=self)
    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, loop=self, name=name)
    def is_running(self):
        return _running_loop is self
    def is_closed(self):
        return self._closed
    def close(self):
        self._closed = True
    def stop(self):
        self._stopping = True
    def run_forever(self):
        global _running_loop
        old = _running_loop
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            _running_loop = old
    def run_until_complete(self, future):
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()
    def _run_once(self):
        sched_count = len(self._scheduled)
        if sched_count > 100 and self._timer_cancelled_count / sched_count > 0.5:
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heappop(self._scheduled)
                handle._scheduled = False
        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = 1
        if timeout is None:
            _asyncd.deadlock(_deadlock_report(self))
        if timeout != 0:
            when = self._scheduled[0]._when
            if when > self.time():
                _asyncd.set_time(when)
        end_time = self.time() + _asyncd.resolution()
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)
        ntodo = len(self._ready)
        batch = self._ready[:ntodo]
        del self._ready[:ntodo]
        for handle in batch:
            if handle._cancelled:
                continue
            handle._run()
    async def shutdown_asyncgens(self):
        pass
    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args)
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

def _run_until_complete_cb(fut):
    fut._loop.stop()

def get_running_loop():
    if _running_loop is None:
        raise RuntimeError('no running event loop')
    return _running_loop

def get_event_loop():
    if _running_loop is not None:
        return _running_loop
    return new_event_loop()

def new_event_loop():
    return BaseEventLoop()

def _get_loop(loop=None):
    if loop is not None:
        return loop
    return get_event_loop()

def isfuture(obj):
    return isinstance(obj, Future)

def iscoroutine(obj):
    return type(obj).__name__ == 'coroutine'

def iscoroutinefunction(func):
    return _asyncd.iscoroutinefunction(func)

class Future:
    _asyncio_future_blocking = False
    def __init__(self, *, loop=None):
        self._loop = _get_loop(loop)
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None
    def __repr__(self):
        if self._state == _FINISHED:
            if self._exception is not None:
                return f'<Future finished exception={self._exception!r}>'
            return f'<Future finished result={self._result!r}>'
        return f'<Future {self._state.lower()}>'
    def get_loop(self):
        return self._loop
    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)
    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self.__schedule_callbacks()
        return True
    def __schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)
    def cancelled(self):
        return self._state == _CANCELLED
    def done(self):
        return self._state != _PENDING
    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result
    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        return self._exception
    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)
    def remove_done_callback(self, fn):
        filtered = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(filtered)
        if removed:
            self._callbacks[:] = filtered
        return removed
    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self.__schedule_callbacks()
    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self.__schedule_callbacks()
    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()
    __iter__ = __await__

def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)

class Task(Future):
    def __init__(self, coro, *, loop=None, name=None):
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        _task_counter[0] += 1
        if name is None:
            self._name = f'Task-{_task_counter[0]}'
        else:
            self._name = str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._num_cancels_requested = 0
        self._started = False
        self._waiting_on = None
        self._loop.call_soon(self.__step)
        _all_tasks[id(self)] = self
        self._traced = _asyncd.is_program(coro)
        if self._traced:
            _asyncd.trace('create', self._name, _asyncd.caller_line(), coro.__qualname__ + '()')
    def __repr__(self):
        state = self._state.lower()
        if self._state == _FINISHED and self._exception is None:
            return f"<Task finished name='{self._name}' coro=<{self._coro.__qualname__}() done, defined at main.py> result={self._result!r}>"
        return f"<Task {state} name='{self._name}' coro=<{self._coro.__qualname__}()>>"
    def get_coro(self):
        return self._coro
    def get_name(self):
        return self._name
    def set_name(self, value):
        self._name = str(value)
    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')
    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')
    def cancelling(self):
        return self._num_cancels_requested
    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested
    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True
    def __step(self, exc=None):
        if self.done():
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        self._waiting_on = None
        _current_tasks[id(self._loop)] = self
        traced = self._traced
        if not traced:
            pass
        elif self._started:
            _asyncd.trace('resume', self._name, _asyncd.coro_line(self._coro), None)
        else:
            self._started = True
            _asyncd.trace('start', self._name, _asyncd.coro_line(self._coro), None)
        _asyncd.set_current(self._name)
        try:
            self.__step_run_and_handle_result(exc)
        finally:
            _asyncd.set_current('')
            _current_tasks.pop(id(self._loop), None)
            if self._state != _PENDING:
                _all_tasks.pop(id(self), None)
                if traced:
                    _trace_exit(self)
            else:
                if self._waiting_on is None:
                    self._waiting_on = _wait_label(self._fut_waiter)
                if traced:
                    _asyncd.trace('suspend', self._name, _asyncd.coro_line(self._coro), self._waiting_on)
    def __step_run_and_handle_result(self, exc):
        coro = self._coro
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as exc:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, exc.value)
        except CancelledError as exc:
            self._cancelled_exc = exc
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as exc:
            Future.set_exception(self, exc)
            raise
        except BaseException as exc:
            Future.set_exception(self, exc)
        else:
            blocking = getattr(result, '_asyncio_future_blocking', None)
            if blocking is not None:
                if blocking:
                    if result is self:
                        new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                        self._loop.call_soon(self.__step, new_exc)
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self.__wakeup)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    new_exc = RuntimeError(f'yield was used instead of yield from in task {self!r} with {result!r}')
                    self._loop.call_soon(self.__step, new_exc)
            elif result is None:
                self._waiting_on = 'sleep(0)'
                self._loop.call_soon(self.__step)
            else:
                new_exc = RuntimeError(f'Task got bad yield: {result!r}')
                self._loop.call_soon(self.__step, new_exc)
    def __wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()

def _wait_label(fut):
    if fut is None:
        return 'the next loop iteration'
    label = getattr(fut, '_asyncd_label', None)
    if label is not None:
        return label
    if isinstance(fut, Task):
        return fut._name
    return 'Future'

def _trace_exit(task):
    if task._state == _CANCELLED:
        exc = task._cancelled_exc
        msg = task._cancel_message
        if exc is not None and exc.args:
            msg = exc.args[0]
        _asyncd.trace('cancel', task._name, None, None if msg is None else str(msg))
    elif task._exception is not None:
        exc = task._exception
        msg = str(exc)
        _asyncd.trace('error', task._name, _asyncd.exc_line(exc), type(exc).__name__ + (': ' + msg if msg else ''))
    else:
        _asyncd.trace('done', task._name, None, repr(task._result))

def _deadlock_report(loop):
    parts = []
    for t in _all_tasks.values():
        if t._loop is loop and not t.done():
            line = _asyncd.coro_line(t._coro)
            parts.append(f'{t._name} waits on {t._waiting_on or "Future"} at line {line}')
    if not parts:
        return 'the event loop would wait forever: no task can run and no timer is pending'
    return 'every task waits on something nothing left can complete, and no timer is pending: ' + '; '.join(parts)

def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(id(loop))

def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in _all_tasks.values() if t._loop is loop and not t.done()}

def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, '__await__'):
            async def _wrap_awaitable(awaitable):
                return await awaitable
            coro_or_future = _wrap_awaitable(coro_or_future)
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)

def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    return loop.create_task(coro, name=name)

class _Sleep0:
    def __await__(self):
        yield

async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    future._asyncd_label = f'sleep({delay!r})'
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()

class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False
        self._asyncd_label = 'gather'
    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret

def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    state = {'nfinished': 0, 'outer': None}
    children = []
    arg_to_fut = {}
    nfuts = 0
    loop = None
    def _done_callback(fut):
        state['nfinished'] += 1
        outer = state['outer']
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if state['nfinished'] == nfuts_box[0]:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = CancelledError('' if fut._cancel_message is None else fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)
    nfuts_box = [0]
    for arg in coros_or_futures:
        key = id(arg)
        if key not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            nfuts_box[0] += 1
            arg_to_fut[key] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[key]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    state['outer'] = outer
    return outer

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
