import Foundation
import Testing
@testable import Analyzer

/// The CPython 3.12 standard library as a corpus: no AIO1xx finding on any file that CPython
/// compiles (those rules mirror `compile()`, so one would be a false positive), and no crash.
/// A deterministic sample (every 8th file by path) runs by default to keep the debug test
/// short; `ASYNCD_FULL_SWEEP=1` runs all files and prints every other finding by rule, which is
/// how the findings were read and triaged (see the analyzer section of BENCHMARKS.md).
@Suite struct RulesStdlibSweepTests {
    static func stdlibFiles() throws -> (root: String, files: [String])? {
        guard CPython.isAvailable else { return nil }
        let output = try CPython.run(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        let root = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return nil }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasPrefix("site-packages") || relative.contains("__pycache__") { continue }
            if relative.hasSuffix(".py") { files.append(relative) }
        }
        return (root, files.sorted())
    }

    /// The subset of `files` that CPython 3.12 compiles.
    static func compiling(_ files: [String], root: String) throws -> Set<String> {
        let script = """
        import json, sys
        root = sys.argv[1]
        ok = []
        for rel in json.load(sys.stdin):
            try:
                with open(root + '/' + rel, 'rb') as f:
                    compile(f.read(), rel, 'exec')
                ok.append(rel)
            except Exception:
                pass
        print(json.dumps(ok))
        """
        let input = String(decoding: try JSONSerialization.data(withJSONObject: files), as: UTF8.self)
        let output = try CPython.run(["-c", script, root], stdin: input)
        let list = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String] ?? []
        return Set(list)
    }

    @Test func noCompileTimeFindingsOnTheStandardLibrary() throws {
        guard let (root, all) = try Self.stdlibFiles() else {
            print(CPython.skipMessage)
            return
        }
        let full = ProcessInfo.processInfo.environment["ASYNCD_FULL_SWEEP"] == "1"
        let files = full ? all : all.enumerated().filter { $0.offset % 8 == 0 }.map(\.element)
        #expect(files.count > (full ? 1500 : 180))
        let compiles = try Self.compiling(files, root: root)
        var falseCompileErrors: [String] = []
        var counts: [String: Int] = [:]
        var samples: [String: [String]] = [:]
        var analysed = 0
        let workspaceFiles = files.compactMap { relative -> Workspace.File? in
            guard let data = FileManager.default.contents(atPath: root + "/" + relative),
                  let source = String(data: data, encoding: .utf8) else { return nil }
            return Workspace.File(path: relative, source: source)
        }
        let started = Date()
        let results = Workspace.check(workspaceFiles)
        let elapsed = Date().timeIntervalSince(started)
        for result in results {
            guard case .success(let diagnostics) = result.diagnostics else { continue }
            analysed += 1
            guard compiles.contains(result.path) else { continue }
            if diagnostics.contains(where: { $0.code == "E999" }) { continue }  // the parser's business
            for diagnostic in diagnostics {
                if diagnostic.code.hasPrefix("AIO1") {
                    falseCompileErrors.append("\(result.path):\(diagnostic.range.start.line): \(diagnostic.code) \(diagnostic.message)")
                }
                counts[diagnostic.code, default: 0] += 1
                samples[diagnostic.code, default: []].append("\(result.path):\(diagnostic.range.start.line): \(diagnostic.message)")
            }
        }
        // The gate that skips files without async code must never hide a finding.
        var gateMisses: [String] = []
        for file in workspaceFiles.enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
            guard let parsed = try? PythonFrontEnd.parse(file.source) else { continue }
            let context = RuleContext(source: SourceText(file.source), module: parsed.module, path: file.path)
            guard !context.mayContainAsyncCode else { continue }
            let ungated = Linter.check(parsed: parsed, source: file.source, path: file.path, selection: .all, importedModules: [:], gated: false)
            if ungated.contains(where: { $0.code != "E999" }) { gateMisses.append(file.path) }
        }
        #expect(gateMisses.isEmpty, "the async-code gate hid findings in \(gateMisses)")
        print("stdlib sweep: \(analysed) of \(files.count) files analysed in \(String(format: "%.1f", elapsed)) s; findings by rule: \(counts.sorted { $0.key < $1.key })")
        if full {
            for (code, lines) in samples.sorted(by: { $0.key < $1.key }) {
                for line in lines { print("  \(code) \(line)") }
            }
        }
        #expect(falseCompileErrors.isEmpty, "\(falseCompileErrors.prefix(20).joined(separator: "\n"))")
    }
}
