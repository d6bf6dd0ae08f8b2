// Release-build benchmarks and sweeps, dispatched by the first argument so that each part of
// asyncd adds its own file: `Benchmarks parser ...` (ParserBench.swift), `Benchmarks
// analyzer-check ...` (AnalyzerBench.swift), `Benchmarks runner ...` (RunnerBench.swift).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "parser", "parser-dump", "parser-diff", "parser-file", "parser-fuzz", "parser-mutate":
    exit(ParserBench.main(arguments))
case "analyzer-check":
    exit(AnalyzerBench.main(arguments))
case "lsp-analyze":
    exit(LSPAnalyzeBench.main(arguments))
case "runner", "runner-run":
    exit(RunnerBench.main(arguments))
default:
    print("usage: Benchmarks <parser|parser-dump|parser-diff|parser-file|parser-fuzz|parser-mutate|analyzer-check|lsp-analyze|runner|runner-run> ...")
    exit(2)
}
