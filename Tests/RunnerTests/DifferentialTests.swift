// The differential corpus: every `Tests/Fixtures/Runner/*.py` runs in the sandbox and must give
// what CPython 3.12 gave under the oracle (`NAME.expected.json`, made by
// `bench/runner-regen-expected.sh`): stdout, outcome, exception type, message and traceback.
// A fixture whose first line is `# expect OUTCOME[: detail]` is where asyncd differs on purpose
// (sandbox refusals, limits); it must end with that outcome (and limit).
import Foundation
import Testing
@testable import Runner

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Runner")

    static var programs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }

    /// The oracle masks addresses in reprs; so do we before comparing.
    static func maskAddresses(_ s: String) -> String {
        s.replacingOccurrences(of: #"(?<= at )0x[0-9a-fA-F]+"#, with: "0x...", options: .regularExpression)
    }
}

@Test func corpusIsPresent() {
    #expect(Fixtures.programs.count >= 40, "the runner's differential corpus is missing")
}

// Serialized: the memory limit also watches the process's resident set, which parallel runs share.
@Test(.serialized, arguments: Fixtures.programs)
func fixtureMatchesCPython(_ name: String) throws {
    let url = Fixtures.directory.appendingPathComponent(name)
    let source = try String(contentsOf: url, encoding: .utf8)
    let firstLine = source.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    let steps = firstLine.hasPrefix("# expect limit: steps") ? 1_000_000 : 50_000_000
    let result = try SnippetRunner.run(source: source, limits: RunLimits(steps: steps, wallMilliseconds: 20_000))
    if firstLine.hasPrefix("# expect") {
        let spec = firstLine.dropFirst("# expect".count).split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(result.outcome.rawValue == spec[0], "\(name): outcome")
        if spec[0] == "limit", spec.count > 1 { #expect(result.limit?.rawValue == spec[1], "\(name): limit") }
        return
    }
    let expectedURL = url.deletingPathExtension().appendingPathExtension("expected.json")
    let data = try Data(contentsOf: expectedURL)
    let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Fixtures.maskAddresses(result.stdout) == expected["stdout"] as? String, "\(name): stdout")
    #expect(result.outcome.rawValue == expected["outcome"] as? String, "\(name): outcome")
    // Runtime warnings (unawaited coroutines) must match; CPython's compile-time SyntaxWarnings are not modelled.
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
