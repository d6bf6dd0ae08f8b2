import Analyzer
import Foundation

/// The parser's benchmark and differential sweep (see BENCHMARKS.md, "## Parser").
///
/// - `parser-dump FILE`: print our dump (or the first syntax error as `line: message`).
/// - `parser-diff LIST EXPECTED_DIR`: LIST holds one source path per line; EXPECTED_DIR/N.txt
///   holds CPython's dump for line N (or `ERROR <line> <message>`). Prints the match rate.
/// - `parser FILES_LIST`: parse every file repeatedly and report lines per second.
enum ParserBench {
    static func main(_ args: [String]) -> Int32 {
        switch args.first {
        case "parser-dump":
            guard args.count >= 2, let data = FileManager.default.contents(atPath: args[1]) else { return 2 }
            let result = PythonFrontEnd.parse(bytes: [UInt8](data))
            if let d = result.diagnostics.first {
                print("ERROR \(d.range.start.line) \(d.message)")
                if ProcessInfo.processInfo.environment["PARSER_ALL_ERRORS"] != nil {
                    for d in result.diagnostics { print("  \(d.range.start.line):\(d.range.start.column) \(d.message)") }
                }
                return 1
            }
            print(PythonFrontEnd.dump(result.module))
            return 0
        case "parser-diff":
            return diff(args)
        case "parser":
            return bench(args)
        case "parser-file":
            return benchFile(args)
        case "parser-fuzz":
            return fuzz(args)
        case "parser-mutate":
            return writeMutations(args)
        default:
            return 2
        }
    }

    static func diff(_ args: [String]) -> Int32 {
        guard args.count >= 3, let list = try? String(contentsOfFile: args[1], encoding: .utf8) else { return 2 }
        let paths = list.split(separator: "\n").map(String.init)
        var match = 0, mismatch = 0, errMatch = 0, errMismatch = 0
        var failures: [String] = []
        for (i, path) in paths.enumerated() {
            guard let data = FileManager.default.contents(atPath: path),
                  let expected = try? String(contentsOfFile: "\(args[2])/\(i).txt", encoding: .utf8) else { continue }
            if expected == "SKIP" { continue }
            let result = PythonFrontEnd.parse(bytes: [UInt8](data))
            if expected.hasPrefix("ERROR ") {
                let parts = expected.split(separator: " ", maxSplits: 2)
                // CPython reports encoding-declaration errors at line 0; asyncd at line 1.
                let line = max(1, parts.count > 1 ? Int(parts[1]) ?? -1 : -1)
                if let d = result.diagnostics.first, d.range.start.line == line {
                    errMatch += 1
                } else {
                    errMismatch += 1
                    failures.append("REJECT \(path): cpython line \(line) \(parts.count > 2 ? parts[2] : ""); ours \(result.diagnostics.first.map { "\($0.range.start.line) \($0.message)" } ?? "accepted")")
                }
                continue
            }
            if let d = result.diagnostics.first {
                mismatch += 1
                failures.append("ERROR \(path): \(d.range.start.line):\(d.range.start.column) \(d.message)")
                continue
            }
            let problems = RangeValidator.validate(result.module, source: [UInt8](data))
            if !problems.isEmpty { failures.append("RANGES \(path): \(problems.prefix(3))") }
            let ours = PythonFrontEnd.dump(result.module)
            if ours == expected.trimmingCharacters(in: .newlines) {
                match += 1
            } else {
                mismatch += 1
                failures.append("DIFF \(path)")
            }
        }
        for f in failures { print(f) }
        let total = match + mismatch
        print("accepted files: \(match)/\(total) identical dumps (\(String(format: "%.2f", total == 0 ? 0 : 100.0 * Double(match) / Double(total)))%)")
        print("rejected files: \(errMatch)/\(errMatch + errMismatch) rejected at CPython's line")
        return (mismatch == 0 && errMismatch == 0) ? 0 : 1
    }

    /// `parser-file FILE [N]`: the best and median time to parse one file, N times.
    static func benchFile(_ args: [String]) -> Int32 {
        guard args.count >= 2, let data = FileManager.default.contents(atPath: args[1]) else { return 2 }
        let n = args.count >= 3 ? Int(args[2]) ?? 100 : 100
        let bytes = [UInt8](data)
        let lines = bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
        var times: [Double] = []
        for _ in 0..<n {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let r = PythonFrontEnd.parse(bytes: bytes)
            let t1 = DispatchTime.now().uptimeNanoseconds
            if !r.diagnostics.isEmpty { print("unexpected syntax error: \(r.diagnostics[0].message)"); return 1 }
            times.append(Double(t1 - t0) / 1e6)
        }
        times.sort()
        print(String(format: "asyncd parse of one %d-line file (%d bytes): best %.3f ms, median %.3f ms over %d runs",
                     lines, bytes.count, times[0], times[times.count / 2], n))
        return 0
    }

    /// `parser-fuzz LIST [MUTATIONS]`: deterministic mutations of every listed file; reports
    /// the slowest parse and fails on a range-invariant violation. A crash would end the process.
    static func fuzz(_ args: [String]) -> Int32 {
        guard args.count >= 2, let list = try? String(contentsOfFile: args[1], encoding: .utf8) else { return 2 }
        let perFile = args.count >= 3 ? Int(args[2]) ?? 5 : 5
        var generator = MutationFuzzer.Generator(seed: 0xF022)
        var parses = 0, withErrors = 0, bad = 0
        var slowest = (0.0, "")
        for path in list.split(separator: "\n").map(String.init) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let original = [UInt8](data)
            for _ in 0..<perFile {
                let mutated = MutationFuzzer.mutate(original, &generator)
                let t0 = DispatchTime.now().uptimeNanoseconds
                let result = PythonFrontEnd.parse(bytes: mutated)
                _ = PythonFrontEnd.dump(result.module)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                if seconds > slowest.0 { slowest = (seconds, path) }
                if seconds > 0.1, let dir = ProcessInfo.processInfo.environment["PARSER_FUZZ_SLOW_DIR"] {
                    _ = FileManager.default.createFile(atPath: "\(dir)/slow-\(parses).py", contents: Data(mutated))
                }
                let problems = RangeValidator.validate(result.module, source: mutated)
                if !problems.isEmpty { bad += 1; print("RANGES \(path): \(problems.prefix(2))") }
                parses += 1
                if !result.diagnostics.isEmpty { withErrors += 1 }
            }
        }
        print(String(format: "parser fuzz: %d mutated parses of %d-mutation batches, %d with syntax errors, %d range violations, slowest %.3f s (%@)",
                     parses, perFile, withErrors, bad, slowest.0, slowest.1))
        return bad == 0 ? 0 : 1
    }

    /// `parser-mutate LIST OUTDIR [PER_FILE]`: writes the deterministic mutations of every
    /// listed file to OUTDIR/N.py and their paths to OUTDIR/list, so that CPython can judge
    /// them too (bench/parser-mutation-diff.sh compares the verdicts and dumps).
    static func writeMutations(_ args: [String]) -> Int32 {
        guard args.count >= 3, let list = try? String(contentsOfFile: args[1], encoding: .utf8) else { return 2 }
        let perFile = args.count >= 4 ? Int(args[3]) ?? 1 : 1
        let seed = args.count >= 5 ? UInt64(args[4]) ?? 0xD1FF : 0xD1FF
        var generator = MutationFuzzer.Generator(seed: seed)
        var written: [String] = []
        for path in list.split(separator: "\n").map(String.init) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let original = [UInt8](data)
            guard String(validating: original, as: UTF8.self) != nil else { continue }
            for _ in 0..<perFile {
                let out = "\(args[2])/\(written.count).py"
                _ = FileManager.default.createFile(atPath: out, contents: Data(MutationFuzzer.mutate(original, &generator)))
                written.append(out)
            }
        }
        try? written.joined(separator: "\n").write(toFile: "\(args[2])/list", atomically: true, encoding: .utf8)
        print("wrote \(written.count) mutated files")
        return 0
    }

    static func bench(_ args: [String]) -> Int32 {
        guard args.count >= 2, let list = try? String(contentsOfFile: args[1], encoding: .utf8) else { return 2 }
        let repeats = args.count >= 3 ? Int(args[2]) ?? 3 : 3
        var sources: [[UInt8]] = []
        var lines = 0
        for path in list.split(separator: "\n") {
            guard let data = FileManager.default.contents(atPath: String(path)) else { continue }
            let bytes = [UInt8](data)
            lines += bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
            sources.append(bytes)
        }
        var best = Double.infinity
        for _ in 0..<repeats {
            let t0 = DispatchTime.now().uptimeNanoseconds
            var nodes = 0
            for s in sources { nodes &+= PythonFrontEnd.parse(bytes: s).module.body.count }
            let t1 = DispatchTime.now().uptimeNanoseconds
            best = min(best, Double(t1 - t0) / 1e9)
            if nodes == -1 { print("") }
        }
        print(String(format: "asyncd parse: %d files, %d lines, best of %d: %.3f s, %.0f lines/s",
                     sources.count, lines, repeats, best, Double(lines) / best))
        return 0
    }
}
