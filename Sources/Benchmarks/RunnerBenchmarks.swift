import Foundation
import Runner

/// The runner's benchmark and a one-shot runner for scripts (see BENCHMARKS.md, "## Runner").
///
/// - `runner-run [--steps N] FILE`: run FILE in the sandbox and print the result as JSON (the
///   fields the differential tests compare), for debugging and `bench/runner-compare.sh`.
/// - `runner [--python CMD]`: time fib(25), a 10**6 sum loop, 10**5 strings and a dict word
///   count on the runner and on CPython 3.12 in the same run.
enum RunnerBench {
    static func main(_ args: [String]) -> Int32 {
        switch args.first {
        case "runner-run":
            var rest = Array(args.dropFirst())
            var limits = RunLimits()
            while rest.count >= 2, rest[0].hasPrefix("--") {
                if rest[0] == "--steps" { limits.steps = Int(rest[1]) }
                if rest[0] == "--wall" { limits.wallMilliseconds = Int(rest[1]) }
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
        var o: [String: Any] = ["outcome": r.outcome.rawValue, "stdout": r.stdout, "steps": r.steps, "virtualTime": r.virtualTime]
        if let e = r.exception {
            o["exception"] = ["type": e.type, "message": e.message,
                              "traceback": e.traceback.map { ["line": $0.line, "function": $0.function] }]
        }
        if let l = r.limit { o["limit"] = l.rawValue }
        let data = (try? JSONSerialization.data(withJSONObject: o, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func bench(_ args: [String]) -> Int32 {
        print("runner benchmarks: not yet")
        return 0
    }
}
