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
}
