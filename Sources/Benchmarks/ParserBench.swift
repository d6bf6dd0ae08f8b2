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
                return 1
            }
            print(PythonFrontEnd.dump(result.module))
            return 0
        case "parser-diff":
            return diff(args)
        case "parser":
            return bench(args)
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
                let line = parts.count > 1 ? Int(parts[1]) ?? -1 : -1
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
