import Analyzer
import Foundation

/// What the language server does per code edit of one document, without the protocol:
/// `Linter.analyze` (parse, semantic model, rules, comment map) of FILE, N times, and the parse
/// alone, reported as medians — for profiling (`perf record -g Benchmarks lsp-analyze FILE 2000`).
///
/// usage: Benchmarks lsp-analyze FILE [N]
enum LSPAnalyzeBench {
    static func main(_ args: [String]) -> Int32 {
        // On a large-stack thread, as the server's reader: the rules then run inline.
        LargeStack.onNewThread(stackSize: LargeStack.size) { run(args) }
    }

    static func run(_ args: [String]) -> Int32 {
        guard args.count >= 2, let data = FileManager.default.contents(atPath: args[1]) else {
            print("usage: Benchmarks lsp-analyze FILE [N]")
            return 2
        }
        let runs = args.count > 2 ? max(1, Int(args[2]) ?? 200) : 200
        let source = String(decoding: data, as: UTF8.self)
        var analyze: [Double] = [], parse: [Double] = []
        var count = 0
        for _ in 0..<runs {
            var start = DispatchTime.now().uptimeNanoseconds
            let result = try? Linter.analyze(source: source, path: args[1], knownModules: [:], selection: .all)
            analyze.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            count = result?.diagnostics.count ?? -1
            start = DispatchTime.now().uptimeNanoseconds
            _ = PythonFrontEnd.parse(bytes: Array(source.utf8))
            parse.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(String(format: "%@: %d diagnostics; Linter.analyze median %.3f ms (min %.3f), parse alone median %.3f ms (min %.3f), %d runs",
                     args[1], count, AnalyzerBench.median(analyze), analyze.min() ?? 0, AnalyzerBench.median(parse), parse.min() ?? 0, runs))
        return 0
    }
}
