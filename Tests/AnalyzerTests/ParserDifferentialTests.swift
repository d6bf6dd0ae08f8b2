import Foundation
import Testing
@testable import Analyzer

/// Differential test against CPython 3.12 on a deterministic sample of its standard library
/// (every 8th file in byte order; the full sweep is `bench/parser-diff.sh`, release build).
/// Every accepted file must dump identically; every rejected file must be rejected at CPython's line.
@Suite struct ParserDifferentialTests {
    @Test(.enabled(if: ParserTestSupport.hasPython312, "CPython 3.12 (PYENV_VERSION=3.12.1 python3) not found: skipping the stdlib differential test"))
    func stdlibSampleDumpsLikeCPython() throws {
        let all = ParserTestSupport.stdlibFiles()
        try #require(all.count > 500)
        let sample = all.enumerated().filter { $0.offset % 8 == 0 }.map(\.element)
        let expected = try #require(ParserTestSupport.cpythonDumps(sample))
        var same = 0, compared = 0, rejectedSame = 0, rejected = 0
        for (path, want) in zip(sample, expected) where want != "SKIP" {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let (result, problems) = ParserTestSupport.parse(bytes)
            #expect(problems.isEmpty, "\(path): \(problems.prefix(3))")
            if want.hasPrefix("ERROR ") {
                rejected += 1
                // CPython reports encoding-declaration errors at line 0; asyncd at line 1.
                let line = max(1, Int(want.split(separator: " ")[1]) ?? -1)
                if result.diagnostics.first?.range.start.line == line { rejectedSame += 1 }
                else { Issue.record("\(path): CPython rejects at line \(line) (\(want)); ours: \(result.diagnostics.first.map { "\($0.range.start.line) \($0.message)" } ?? "accepted")") }
                continue
            }
            compared += 1
            if let d = result.diagnostics.first {
                Issue.record("\(path): CPython accepts; ours \(d.range.start.line):\(d.range.start.column) \(d.message)")
                continue
            }
            if PythonFrontEnd.dump(result.module) == want { same += 1 } else { Issue.record("\(path): dump differs from CPython's") }
        }
        print("parser stdlib sample: \(same)/\(compared) identical dumps, \(rejectedSame)/\(rejected) rejections at CPython's line")
        #expect(compared > 200)
    }

    /// Mutants (bytes deleted, duplicated, swapped) of every 16th stdlib file: those CPython
    /// accepts must dump identically, those it rejects must be rejected at the same line — the
    /// error paths, which the unmutated stdlib hardly exercises. The full sweep is
    /// `bench/parser-mutation-diff.sh`.
    @Test(.enabled(if: ParserTestSupport.hasPython312, "CPython 3.12 (PYENV_VERSION=3.12.1 python3) not found: skipping the mutant differential test"))
    func stdlibMutantsAreJudgedLikeCPython() throws {
        let all = ParserTestSupport.stdlibFiles()
        try #require(all.count > 500)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("asyncd-mutants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        var generator = MutationFuzzer.Generator(seed: 0xC0FFEE)
        var paths: [String] = []
        for (i, path) in all.enumerated() where i % 16 == 5 {
            guard let data = FileManager.default.contents(atPath: path), data.count < 300_000,
                  String(validating: [UInt8](data), as: UTF8.self) != nil else { continue }
            let mutant = MutationFuzzer.mutate([UInt8](data), &generator)
            let out = tmp.appendingPathComponent("\(paths.count).py").path
            _ = FileManager.default.createFile(atPath: out, contents: Data(mutant))
            paths.append(out)
        }
        let expected = try #require(ParserTestSupport.cpythonDumps(paths))
        var accepted = 0, acceptedSame = 0, rejected = 0, rejectedSame = 0
        for (path, want) in zip(paths, expected) where want != "SKIP" {
            let (result, problems) = ParserTestSupport.parse([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(problems.isEmpty, "\(path): \(problems.prefix(3))")
            if want.hasPrefix("ERROR ") {
                rejected += 1
                let line = max(1, Int(want.split(separator: " ")[1]) ?? -1)
                if result.diagnostics.first?.range.start.line == line { rejectedSame += 1 }
                else { Issue.record("mutant \(path): CPython \(want); ours \(result.diagnostics.first.map { "\($0.range.start.line) \($0.message)" } ?? "accepted")") }
            } else {
                accepted += 1
                if result.diagnostics.isEmpty && PythonFrontEnd.dump(result.module) == want { acceptedSame += 1 }
                else { Issue.record("mutant \(path): CPython accepts; ours \(result.diagnostics.first?.message ?? "dump differs")") }
            }
        }
        print("parser stdlib mutants: \(acceptedSame)/\(accepted) accepted identical, \(rejectedSame)/\(rejected) rejected at CPython's line")
        #expect(accepted + rejected > 100)
    }
}
