// The event loop's differential corpus: every `Tests/Fixtures/RunnerAsync/*.py` runs in the sandbox
// and must give what CPython 3.12's asyncio gave under the virtual-time oracle
// (`NAME.expected.json`, made by `bench/runner-regen-expected.sh Tests/Fixtures/RunnerAsync/*.py`):
// stdout, outcome, exception (type, message, traceback), runtime warnings and `virtualTime`.
// On a mismatch, fix the loop, never the expectation.
import Foundation
import Testing
@testable import Runner

enum AsyncFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/RunnerAsync")

    static var programs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }
}

@Test func asyncCorpusIsPresent() {
    #expect(AsyncFixtures.programs.count >= 100, "the event loop's differential corpus is missing")
}

@Test(.serialized, arguments: AsyncFixtures.programs)
func asyncFixtureMatchesCPython(_ name: String) throws {
    let url = AsyncFixtures.directory.appendingPathComponent(name)
    let source = try String(contentsOf: url, encoding: .utf8)
    let result = try SnippetRunner.run(source: source, limits: RunLimits(steps: 50_000_000, wallMilliseconds: 20_000))
    let data = try Data(contentsOf: url.deletingPathExtension().appendingPathExtension("expected.json"))
    let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Fixtures.maskAddresses(result.stdout) == expected["stdout"] as? String, "\(name): stdout")
    #expect(result.outcome.rawValue == expected["outcome"] as? String, "\(name): outcome")
    // Read as text: JSONSerialization on Linux goes through Decimal and can lose the last bits.
    let text = String(decoding: data, as: UTF8.self)
    let expectedTime = text.firstMatch(of: #/"virtualTime": ([-0-9.eE+]+)/#).flatMap { Double(String($0.1)) }
    #expect(result.virtualTime == expectedTime, "\(name): virtualTime")
    let runtimeWarnings = (expected["warnings"] as? [String] ?? []).filter { $0.hasPrefix("RuntimeWarning") }
    #expect(result.warnings.filter { $0.hasPrefix("RuntimeWarning") } == runtimeWarnings, "\(name): warnings")
    if let exc = expected["exception"] as? [String: Any], expected["outcome"] as? String == "exception" {
        #expect(result.exception?.type == exc["type"] as? String, "\(name): exception type")
        #expect(result.exception.map { Fixtures.maskAddresses($0.message) } == exc["message"] as? String, "\(name): message")
        let tb = (exc["traceback"] as? [[String: Any]] ?? []).map { "\($0["line"] ?? ""):\($0["function"] ?? "")" }
        let ours = (result.exception?.traceback ?? []).map { "\($0.line):\($0.function)" }
        #expect(ours == tb, "\(name): traceback")
    }
}
