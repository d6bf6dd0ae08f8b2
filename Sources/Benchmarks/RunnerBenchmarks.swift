import Foundation
import Runner

/// The runner's benchmark and a one-shot runner for scripts (see BENCHMARKS.md, "## Runner").
///
/// - `runner-run --dis FILE`: print the bytecode FILE compiles to.
/// - `runner-run [--steps N] FILE`: run FILE in the sandbox and print the result as JSON (the
///   fields the differential tests compare), for debugging and `bench/runner-compare.sh`.
/// - `runner [--runs N] [--cpu] [--only NAME]` (PYTHON=CMD picks the interpreter): time fib(25), a 10**6 sum loop, 10**5 strings and a dict word
///   count on the runner and on CPython 3.12 in the same run.
enum RunnerBench {
    static func main(_ args: [String]) -> Int32 {
        switch args.first {
        case "runner-run":
            var rest = Array(args.dropFirst())
            var limits = RunLimits()
            if rest.first == "--dis", rest.count >= 2, let data = FileManager.default.contents(atPath: rest[1]) {
                print(SnippetRunner.disassemble(source: String(decoding: data, as: UTF8.self)), terminator: "")
                return 0
            }
            while rest.count >= 2, rest[0].hasPrefix("--") {
                if rest[0] == "--steps" { limits.steps = Int(rest[1]) }
                if rest[0] == "--wall" { limits.wallMilliseconds = Int(rest[1]) }
                if rest[0] == "--memory" { limits.memoryBytes = Int(rest[1]) }
                rest.removeFirst(2)
            }
            guard let path = rest.first, let data = FileManager.default.contents(atPath: path) else { return 2 }
            do {
                let r = try SnippetRunner.run(source: String(decoding: data, as: UTF8.self), limits: limits)
                print(json(r))
                return r.outcome == .completed ? 0 : 1
            } catch {
                print("{\"error\": \"\(error)\"}")
                return 2
            }
        case "runner":
            return bench(Array(args.dropFirst()))
        default:
            return 2
        }
    }

    static func json(_ r: RunResult) -> String {
        var o: [String: Any] = ["outcome": r.outcome.rawValue, "stdout": r.stdout, "steps": r.steps, "virtualTime": r.virtualTime, "warnings": r.warnings]
        if let e = r.exception {
            o["exception"] = ["type": e.type, "message": e.message,
                              "traceback": e.traceback.map { ["line": $0.line, "function": $0.function] }]
        }
        if let l = r.limit { o["limit"] = l.rawValue }
        let data = (try? JSONSerialization.data(withJSONObject: o, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The four programs of issue 5's acceptance, each printing one line so both sides do the same work.
    static let programs: [(String, String)] = [
        ("fib(25)", """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        print(fib(25))
        """),
        ("sum loop 10**6", """
        total = 0
        i = 0
        while i < 1000000:
            total += i
            i += 1
        print(total)
        """),
        ("10**5 strings", """
        items = []
        for i in range(100000):
            items.append("item-" + str(i))
        print(len(items), items[-1])
        """),
        ("dict word count", """
        words = ("alpha beta gamma delta epsilon zeta eta theta iota kappa " * 20000).split()
        counts = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        print(len(words), counts["alpha"])
        """),
    ]

    /// Options: `--runs N` (best of N, default 3); `--cpu` times CPU seconds of the process on
    /// both sides (`CLOCK_PROCESS_CPUTIME_ID`, `time.process_time()`) instead of wall time, which
    /// other engineers' builds on the shared machine disturb less; `--only NAME` one program.
    static func bench(_ args: [String]) -> Int32 {
        var runs = 3
        var cpu = false
        var only: String?
        var rest = args[...]
        while let a = rest.popFirst() {
            switch a {
            case "--runs": runs = max(1, Int(rest.popFirst() ?? "") ?? 3)
            case "--cpu": cpu = true
            case "--only": only = rest.popFirst()
            default: print("usage: Benchmarks runner [--runs N] [--cpu] [--only NAME]"); return 2
            }
        }
        let python = ProcessInfo.processInfo.environment["PYTHON"] ?? "python3"
        let clock = cpu ? "CPU" : "wall"
        print("| benchmark | asyncd (\(clock), best of \(runs)) | CPython 3.12 (\(clock), best of \(runs)) | ratio |")
        print("|---|---|---|---|")
        for (name, source) in programs where only == nil || name.hasPrefix(only ?? "") {
            var best = Double.infinity
            var output = ""
            for _ in 0..<runs {
                let start = cpu ? processCPUSeconds() : Double(DispatchTime.now().uptimeNanoseconds) / 1e9
                let r = try? SnippetRunner.run(source: source, limits: RunLimits(steps: 1_000_000_000, wallMilliseconds: 60_000))
                let t = (cpu ? processCPUSeconds() : Double(DispatchTime.now().uptimeNanoseconds) / 1e9) - start
                output = r.map { $0.outcome == .completed ? $0.stdout : "\($0.outcome) \($0.limit?.rawValue ?? "")" } ?? "error"
                best = min(best, t)
            }
            let cpython = timeCPython(python, source, runs: runs, cpu: cpu)
            let ratio = cpython > 0 ? String(format: "%.2fx", best / cpython) : "n/a"
            print("| \(name) | \(String(format: "%.3f s", best)) | \(String(format: "%.3f s", cpython)) | \(ratio) |  <!-- \(output.trimmingCharacters(in: .whitespacesAndNewlines)) -->")
        }
        return 0
    }

    /// CPython's time for the same program, measured inside the interpreter (startup excluded).
    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func timeCPython(_ python: String, _ source: String, runs: Int, cpu: Bool = false) -> Double {
        let clock = cpu ? "time.process_time" : "time.perf_counter"
        let wrapper = """
        import time, io, contextlib
        src = open(0).read()
        best = float("inf")
        for _ in range(\(runs)):
            buf = io.StringIO()
            t = \(clock)()
            with contextlib.redirect_stdout(buf):
                exec(compile(src, "main.py", "exec"), {"__name__": "__main__"})
            best = min(best, \(clock)() - t)
        print(best)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python, "-c", wrapper]
        var env = ProcessInfo.processInfo.environment
        env["PYENV_VERSION"] = env["PYENV_VERSION"] ?? "3.12.1"
        p.environment = env
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        do { try p.run() } catch { return -1 }
        input.fileHandleForWriting.write(Data(source.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Double(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
