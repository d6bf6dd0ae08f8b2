import Analyzer
import Foundation

/// The analyzer's benchmark (see BENCHMARKS.md, "## Analyzer"): what `asyncd check DIR` does —
/// find the `.py` files (skipping hidden folders and virtual environments), read them, parse and
/// run every rule on all cores (`Workspace.check`) — timed side by side, in the same run, with
/// `ruff check --no-cache --isolated --select PLE1142,RUF006,ASYNC DIR`.
///
/// With `--asyncd PATH`, the `asyncd check DIR` command itself (a separate process, as ruff is)
/// is timed too: that is the figure to compare with ruff's.
///
/// usage: Benchmarks analyzer-check DIR [--ruff PATH] [--asyncd PATH] [--runs N]
enum AnalyzerBench {
    static func main(_ args: [String]) -> Int32 {
        guard args.count >= 2 else {
            print("usage: Benchmarks analyzer-check DIR [--ruff PATH] [--asyncd PATH] [--runs N]")
            return 2
        }
        let directory = args[1]
        var ruff: String?
        var asyncd: String?
        var runs = 5
        var index = 2
        while index < args.count {
            if args[index] == "--ruff", index + 1 < args.count { ruff = args[index + 1]; index += 2; continue }
            if args[index] == "--asyncd", index + 1 < args.count { asyncd = args[index + 1]; index += 2; continue }
            if args[index] == "--runs", index + 1 < args.count { runs = max(1, Int(args[index + 1]) ?? 5); index += 2; continue }
            index += 1
        }
        var ours: [Double] = []
        var parseOnly: [Double] = []
        var theirs: [Double] = []
        var command: [Double] = []
        var summary = ""
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let files = pythonFiles(in: directory)
            let loaded = files.compactMap { path -> Workspace.File? in
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                return Workspace.File(path: path, source: String(decoding: data, as: UTF8.self))
            }
            let results = Workspace.check(loaded)
            ours.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            // The same files through the parser alone, on all cores, to show the rules' share.
            let parseStart = DispatchTime.now().uptimeNanoseconds
            DispatchQueue.concurrentPerform(iterations: loaded.count) { index in
                _ = PythonFrontEnd.parse(bytes: Array(loaded[index].source.utf8))
            }
            parseOnly.append(Double(DispatchTime.now().uptimeNanoseconds - parseStart) / 1e9)
            var counts: [String: Int] = [:]
            var lines = 0
            for file in loaded { lines += file.source.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
            for result in results {
                if case .success(let diagnostics) = result.diagnostics {
                    for diagnostic in diagnostics { counts[diagnostic.code, default: 0] += 1 }
                }
            }
            summary = "\(loaded.count) files, \(lines) lines; findings: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            if let asyncdPath = asyncd {
                if let seconds = timeProcess(asyncdPath, ["check", directory]) { command.append(seconds) } else { asyncd = nil }
            }
            if let ruffPath = ruff {
                let arguments = ["check", "--no-cache", "--isolated", "--select", "PLE1142,RUF006,ASYNC", "--exit-zero", "--quiet", directory]
                if let seconds = timeProcess(ruffPath, arguments) { theirs.append(seconds) } else { ruff = nil }
            }
        }
        print("asyncd analyzer: \(summary)")
        print(String(format: "asyncd check (Workspace.check, %d cores): min %.3f s, median %.3f s over %d runs",
                     ProcessInfo.processInfo.activeProcessorCount, ours.min() ?? 0, median(ours), ours.count))
        print(String(format: "  of which parsing alone (files already read): min %.3f s, median %.3f s", parseOnly.min() ?? 0, median(parseOnly)))
        if !command.isEmpty {
            print(String(format: "asyncd check DIR (the command, a process): min %.3f s, median %.3f s over %d runs",
                         command.min() ?? 0, median(command), command.count))
        }
        if !theirs.isEmpty {
            print(String(format: "ruff check --select PLE1142,RUF006,ASYNC: min %.3f s, median %.3f s over %d runs",
                         theirs.min() ?? 0, median(theirs), theirs.count))
        }
        return 0
    }

    /// The wall time of one run of `path arguments`, output discarded; nil when it cannot start.
    static func timeProcess(_ path: String, _ arguments: [String]) -> Double? {
        let start = DispatchTime.now().uptimeNanoseconds
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } catch {
            print("\(path) failed to start: \(error)")
            return nil
        }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// `.py` files under `directory`, skipping hidden folders and virtual environments.
    static func pythonFiles(in directory: String) -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: URL(fileURLWithPath: directory), includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var files: [String] = []
        while let url = enumerator.nextObject() as? URL {
            let name = url.lastPathComponent
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if isDirectory {
                if name.hasPrefix(".") || manager.fileExists(atPath: url.appendingPathComponent("pyvenv.cfg").path) || name == "__pycache__" {
                    enumerator.skipDescendants()
                }
                continue
            }
            if name.hasSuffix(".py") { files.append(url.path) }
        }
        return files.sorted()
    }
}
