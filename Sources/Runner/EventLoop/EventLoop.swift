/// The embedded event loop: a ready queue, a timer heap and a virtual clock, stepping in the
/// order of CPython's `BaseEventLoop._run_once` (`Lib/asyncio/base_events.py`, 3.12), so that
/// the same program schedules its callbacks, and therefore prints, in the same order.
///
/// Where CPython would block in `select()` waiting for the earliest timer, this loop jumps the
/// clock to that timer's `when` instead (exactly that value, as `shared/oracle/vtime.py` does).
final class EventLoop {
    /// `_MIN_SCHEDULED_TIMER_HANDLES` and `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`: past 100 timers,
    /// when more than half are cancelled, the heap is rebuilt without them.
    private static let minScheduledTimerHandles = 100
    private static let minCancelledTimerHandlesFraction = 0.5

    /// Why `runOnce` could not make progress.
    enum Stall: Equatable {
        /// Nothing is ready and no timer is pending: CPython would wait forever.
        case deadlock
        /// The next timer lies beyond the run's virtual-time limit.
        case virtualTimeLimit(nextTimer: Double)
    }

    let clock: VirtualClock
    private var ready: [Handle] = []
    private var readyHead = 0
    private var scheduled = TimerHeap<Handle>(isLess: { ($0.when ?? 0) < ($1.when ?? 0) })
    private var timerCancelledCount = 0
    /// The furthest the clock may jump; `nil` for no limit.
    var virtualTimeLimit: Double?
    /// Called after each clock jump with the old and new time, for `clock` trace events.
    var onClockJump: ((Double, Double) -> Void)?

    init(clock: VirtualClock = VirtualClock()) {
        self.clock = clock
    }

    func time() -> Double { clock.now }

    var hasReadyCallbacks: Bool { readyHead < ready.count }
    var pendingTimerCount: Int { scheduled.count }

    /// `call_soon`: FIFO after everything already ready.
    @discardableResult
    func callSoon(label: String = "", _ callback: @escaping () -> Void) -> Handle {
        let handle = Handle(label: label, callback: callback)
        ready.append(handle)
        return handle
    }

    /// `call_later`: a timer at `time() + delay`, computed in doubles exactly as CPython does.
    @discardableResult
    func callLater(_ delay: Double, label: String = "", _ callback: @escaping () -> Void) -> Handle {
        callAt(time() + delay, label: label, callback)
    }

    /// `call_at`: a timer at an absolute loop time.
    @discardableResult
    func callAt(_ when: Double, label: String = "", _ callback: @escaping () -> Void) -> Handle {
        let handle = Handle(when: when, label: label, callback: callback)
        handle.onTimerCancelled = { [unowned self] in self.timerCancelledCount += 1 }
        scheduled.push(handle)
        handle.scheduled = true
        return handle
    }

    /// One iteration of `_run_once`: prune cancelled timers, wait (jump the clock) when nothing
    /// is ready, move due timers to the ready queue, then run exactly the callbacks that were
    /// ready at that point. Returns a stall instead of waiting forever or past the limit.
    func runOnce() -> Stall? {
        pruneCancelledTimers()

        if !hasReadyCallbacks {
            guard let earliest = scheduled.first, let when = earliest.when, when != .infinity else {
                return .deadlock
            }
            if let limit = virtualTimeLimit, when > limit {
                return .virtualTimeLimit(nextTimer: when)
            }
            let before = clock.now
            clock.advance(to: when)
            if clock.now != before { onClockJump?(before, clock.now) }
        }

        let endTime = clock.now + clock.resolution
        while let handle = scheduled.first, let when = handle.when, when < endTime {
            _ = scheduled.pop()
            handle.scheduled = false
            ready.append(handle)
        }

        // Callbacks scheduled while these run wait for the next iteration.
        let readyCount = ready.count - readyHead
        for _ in 0..<readyCount {
            let handle = ready[readyHead]
            readyHead += 1
            if handle.cancelled { continue }
            handle.run()
        }
        compactReadyQueue()
        return nil
    }

    private func pruneCancelledTimers() {
        let count = scheduled.count
        if count > Self.minScheduledTimerHandles,
           Double(timerCancelledCount) / Double(count) > Self.minCancelledTimerHandlesFraction {
            var live: [Handle] = []
            live.reserveCapacity(count - timerCancelledCount)
            for handle in scheduled.elements {
                if handle.cancelled { handle.scheduled = false } else { live.append(handle) }
            }
            scheduled.replaceAndHeapify(with: live)
            timerCancelledCount = 0
        } else {
            while let first = scheduled.first, first.cancelled {
                timerCancelledCount -= 1
                _ = scheduled.pop()
                first.scheduled = false
            }
        }
    }

    /// Drops the consumed prefix of the ready array once it dominates, keeping pops O(1).
    private func compactReadyQueue() {
        if readyHead == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
        } else if readyHead > 1024 && readyHead * 2 > ready.count {
            ready.removeFirst(readyHead)
            readyHead = 0
        }
    }

    /// Labels of the pending timers, earliest first, for deadlock and limit reports.
    var pendingTimerLabels: [String] {
        scheduled.elements.filter { !$0.cancelled }.sorted { ($0.when ?? 0) < ($1.when ?? 0) }.map(\.label)
    }
}
