// One run of a snippet: parse, compile, execute on a thread with a large stack, and describe
// the outcome in the contract's `async/run` shape. Limits each end the run with outcome `limit`.
import Analyzer

/// Limits after defaults and ceilings are applied.
struct ResolvedLimits: Sendable {
    /// Defaults: 100 million steps, 10 s of wall time, 256 MiB of live objects, 1 MiB of output,
    /// 3600 virtual seconds. Ceilings: 10^10 steps, 60 s, 1 GiB, 64 MiB, 10^9 virtual seconds.
    static let defaultSteps = 100_000_000, maxSteps = 10_000_000_000
    static let defaultWallMilliseconds = 10_000, maxWallMilliseconds = 60_000
    static let defaultMemoryBytes = 256 << 20, maxMemoryBytes = 1 << 30
    static let defaultOutputBytes = 1 << 20, maxOutputBytes = 64 << 20
    static let defaultVirtualSeconds = 3600.0, maxVirtualSeconds = 1e9

    var steps: Int
    var wallMilliseconds: Int
    var memoryBytes: Int
    var outputBytes: Int
    var virtualSeconds: Double

    init(_ l: RunLimits) {
        func clamp(_ v: Int?, _ d: Int, _ m: Int) -> Int { max(1, min(v ?? d, m)) }
        steps = clamp(l.steps, Self.defaultSteps, Self.maxSteps)
        wallMilliseconds = clamp(l.wallMilliseconds, Self.defaultWallMilliseconds, Self.maxWallMilliseconds)
        memoryBytes = clamp(l.memoryBytes, Self.defaultMemoryBytes, Self.maxMemoryBytes)
        outputBytes = clamp(l.outputBytes, Self.defaultOutputBytes, Self.maxOutputBytes)
        virtualSeconds = max(0, min(l.virtualSeconds ?? Self.defaultVirtualSeconds, Self.maxVirtualSeconds))
    }
}

/// Carries a result across the thread boundary.
private final class ResultBox: @unchecked Sendable {
    var result: Result<RunResult, Error> = .failure(RunCancelled())
}

enum RunSession {
    /// Stack size of the runner thread: Python calls never recurse in Swift, but builtins that call
    /// back into Python (sorted's key, __repr__, __eq__ in dicts) nest a bounded number of loops.
    static let stackSize = 256 << 20

    static func run(source: String, limits: RunLimits, cancellation: CancellationFlag?) throws -> RunResult {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try runOnThisThread(source: source, limits: ResolvedLimits(limits), cancellation: cancellation) }
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return try box.result.get()
    }

    static func runOnThisThread(source: String, limits: ResolvedLimits, cancellation: CancellationFlag?) throws -> RunResult {
        let parsed = PythonFrontEnd.parse(bytes: Array(source.utf8))
        if let first = parsed.diagnostics.first(where: { $0.severity == .error }) {
            return RunResult(outcome: .syntax, exception: RunException(type: "SyntaxError", message: first.message, traceback: []))
        }
        let vm = VM(limits: limits, cancellation: cancellation)
        defer { vm.tearDown() }
        let code: CodeObject
        do {
            code = try Compiler.compile(parsed.module, globals: vm.globals)
        } catch let e as CompileError {
            let outcome: RunOutcome = e.type == "SyntaxError" ? .syntax : .exception
            return RunResult(outcome: outcome, exception: RunException(type: e.type, message: e.message, traceback: []))
        }
        var result = RunResult(outcome: .completed)
        do {
            try vm.runModule(code)
        } catch let e as PyError {
            if e.exception.cls.isSubtype(of: BuiltinTypes.systemExit), e.exception.args.isEmpty || e.exception.args[0].isNone || e.exception.args[0].isIdentical(.int(0)) {
                result.outcome = .completed
            } else {
                result.outcome = .exception
                result.exception = describe(e.exception, vm)
            }
        } catch let stop as VMStop {
            switch stop {
            case .limit(let kind):
                result.outcome = .limit
                result.limit = kind
                result.exception = RunException(type: "LimitExceeded", message: limitMessage(kind, limits), traceback: currentTraceback(vm))
            case .sandbox(let what):
                result.outcome = .sandbox
                result.exception = RunException(type: "SandboxViolation", message: "the sandbox refuses \(what)", traceback: currentTraceback(vm))
            case .deadlock(let what):
                result.outcome = .deadlock
                result.exception = RunException(type: "Deadlock", message: what, traceback: [])
            case .cancelled:
                throw RunCancelled()
            }
        }
        if result.outcome == .completed || result.outcome == .exception { vm.finalizeModule() }
        result.stdout = String(decoding: vm.output, as: UTF8.self)
        result.steps = vm.steps
        result.virtualTime = vm.virtualTime
        result.warnings = vm.warnings
        result.trace = vm.asyncState.trace
        return result
    }

    static func disassemble(source: String) -> String {
        let parsed = PythonFrontEnd.parse(bytes: Array(source.utf8))
        if let first = parsed.diagnostics.first(where: { $0.severity == .error }) {
            return "SyntaxError: \(first.message)\n"
        }
        let globals = Globals(builtins: Builtins.table)
        do {
            return Disassembler.disassemble(try Compiler.compile(parsed.module, globals: globals))
        } catch let e as CompileError {
            return "\(e.type): \(e.message) (line \(e.line))\n"
        } catch {
            return "\(error)\n"
        }
    }

    static func limitMessage(_ kind: RunLimitKind, _ l: ResolvedLimits) -> String {
        switch kind {
        case .steps: return "the program ran more than \(l.steps) steps"
        case .wall: return "the program ran longer than \(l.wallMilliseconds) ms of wall time"
        case .memory: return "the program's live objects passed \(l.memoryBytes) bytes"
        case .output: return "the program printed more than \(l.outputBytes) bytes"
        case .virtualSeconds: return "the virtual clock would pass \(l.virtualSeconds) s"
        case .recursion: return "maximum recursion depth exceeded"
        }
    }

    static func currentTraceback(_ vm: VM) -> [TracebackEntry] {
        vm.frames.filter { !$0.isHiddenFromTraceback }.map { TracebackEntry(line: $0.line, function: $0.code.name) }
    }

    static func describe(_ e: PyExceptionObject, _ vm: VM) -> RunException {
        let message = (try? vm.exceptionMessage(e)) ?? "<exception str() failed>"
        return RunException(type: e.cls.name, message: message, traceback: e.traceback)
    }
}
