// The public face of the runner: run a snippet in the sandbox and describe what happened, in the
// shape of the contract's `async/run` result. The daemon's `async/run` and `asyncd run` call only this.
import Analyzer
import Synchronization

/// Per-run limits. `nil` means the documented default; values above the hard ceiling are clamped.
/// Defaults and ceilings are listed in `ResolvedLimits` (Sources/Runner/RunSession.swift).
public struct RunLimits: Hashable, Sendable {
    public var steps: Int?
    public var virtualSeconds: Double?
    public var wallMilliseconds: Int?
    public var memoryBytes: Int?
    public var outputBytes: Int?

    public init(steps: Int? = nil, virtualSeconds: Double? = nil, wallMilliseconds: Int? = nil,
                memoryBytes: Int? = nil, outputBytes: Int? = nil) {
        self.steps = steps
        self.virtualSeconds = virtualSeconds
        self.wallMilliseconds = wallMilliseconds
        self.memoryBytes = memoryBytes
        self.outputBytes = outputBytes
    }
}

public enum RunOutcome: String, Sendable {
    case completed, exception, limit, sandbox, syntax, deadlock
}

public enum RunLimitKind: String, Sendable {
    case steps, virtualSeconds, wall, memory, output, recursion
}

public struct TracebackEntry: Hashable, Sendable {
    public var line: Int
    public var function: String
    public init(line: Int, function: String) {
        self.line = line
        self.function = function
    }
}

public struct RunException: Hashable, Sendable {
    public var type: String
    public var message: String
    public var traceback: [TracebackEntry]
    public init(type: String, message: String, traceback: [TracebackEntry]) {
        self.type = type
        self.message = message
        self.traceback = traceback
    }
}

/// One entry of the run's trace (the contract's `TraceEvent`).
public struct TraceEvent: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case create, start, suspend, resume, done, error, cancel, print, clock, warning
    }
    public var seq: Int
    public var time: Double
    public var task: String
    public var kind: Kind
    public var line: Int?
    public var detail: String?

    public init(seq: Int, time: Double, task: String, kind: Kind, line: Int? = nil, detail: String? = nil) {
        self.seq = seq
        self.time = time
        self.task = task
        self.kind = kind
        self.line = line
        self.detail = detail
    }
}

/// The contract's `async/run` result.
public struct RunResult: Sendable {
    public var outcome: RunOutcome
    public var stdout: String
    public var exception: RunException?
    public var limit: RunLimitKind?
    public var trace: [TraceEvent]
    public var virtualTime: Double
    public var steps: Int
    public var warnings: [String]

    public init(outcome: RunOutcome, stdout: String = "", exception: RunException? = nil, limit: RunLimitKind? = nil,
                trace: [TraceEvent] = [], virtualTime: Double = 0, steps: Int = 0, warnings: [String] = []) {
        self.outcome = outcome
        self.stdout = stdout
        self.exception = exception
        self.limit = limit
        self.trace = trace
        self.virtualTime = virtualTime
        self.steps = steps
        self.warnings = warnings
    }
}

/// Lets the caller stop a run from another thread (the daemon's `$/cancelRequest`); the VM
/// checks it cooperatively in its step loop.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)
    public init() {}
    public func cancel() { cancelled.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

public struct RunCancelled: Error, Sendable {
    public init() {}
}

public enum SnippetRunner {
    /// Runs `source` as `__main__` (file name `main.py`) and reports what happened.
    /// Throws `RunCancelled` when `cancellation` is set during the run.
    public static func run(source: String, limits: RunLimits = RunLimits(),
                           cancellation: CancellationFlag? = nil) throws -> RunResult {
        try RunSession.run(source: source, limits: limits, cancellation: cancellation)
    }

    /// The bytecode `source` compiles to, as a readable listing (for debugging the runner), or
    /// the syntax/compile error.
    public static func disassemble(source: String) -> String {
        RunSession.disassemble(source: source)
    }
}
