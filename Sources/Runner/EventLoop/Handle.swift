/// A callback the loop will run: CPython's `asyncio.Handle`, and with a deadline its
/// `TimerHandle` (`Lib/asyncio/events.py`).
///
/// Cancelling only marks the handle; the loop skips it when its turn comes (and for timers,
/// counts it so `_run_once` can rebuild the heap when most of it is dead).
final class Handle {
    let callback: () -> Void
    /// The deadline of a timer handle; `nil` for a plain `call_soon` handle.
    let when: Double?
    private(set) var cancelled = false
    /// True while a timer sits in the loop's heap (`TimerHandle._scheduled`).
    var scheduled = false
    /// What the callback is for, so a deadlock report or a trace can name it (`sleep(0.5)`).
    let label: String

    /// Called once when a scheduled timer is cancelled, so the loop can keep its count.
    var onTimerCancelled: (() -> Void)?

    init(when: Double? = nil, label: String = "", callback: @escaping () -> Void) {
        self.when = when
        self.label = label
        self.callback = callback
    }

    func cancel() {
        guard !cancelled else { return }
        cancelled = true
        if scheduled { onTimerCancelled?() }
    }

    func run() {
        callback()
    }
}
