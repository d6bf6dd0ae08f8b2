/// The run's clock. Every time source of the sandbox (`loop.time()`, `time.monotonic()`,
/// `time.perf_counter()`, `time.time()`) reads `now`, which starts at 0.0 and only moves when
/// the loop jumps to its next timer or a blocking `time.sleep` advances it — the model of
/// `shared/oracle/vtime.py`, so readings follow the same double arithmetic as CPython's.
final class VirtualClock {
    /// CPython's `time.monotonic()` resolution on Linux, which the loop uses as
    /// `_clock_resolution` when deciding which timers are due.
    static let baseResolution = 1e-9

    private(set) var now: Double = 0.0

    /// The window within which a timer counts as due: `max(1e-9, ulp(now))`. Past about 1.7e7 s
    /// one nanosecond is below one ulp of the clock, and a timer at exactly `now` must still run.
    var resolution: Double { max(Self.baseResolution, now.ulp) }

    /// Moves the clock forward to `time`; never backwards.
    func advance(to time: Double) {
        if time > now { now = time }
    }

    /// A blocking sleep: the whole loop stands still while the clock moves on by `seconds`.
    func advance(by seconds: Double) {
        if seconds > 0 { now += seconds }
    }
}
