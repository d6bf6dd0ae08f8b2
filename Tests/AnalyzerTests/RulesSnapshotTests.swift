import Foundation
import Testing
@testable import Analyzer

/// Each fixture's full report — code frames and fix diffs, ruff-style — compared with its
/// `.snap` file next to it. The markers test (`RulesFixtureTests`) decides what is right; the
/// snapshot shows how it reads and catches changes in messages, ranges and fixes. Regenerate
/// with `ASYNCD_UPDATE_SNAPSHOTS=1 swift test --filter RulesSnapshotTests` and review the diff.
@Suite struct RulesSnapshotTests {
    @Test(arguments: RulesFixtureTests.fixtureNames)
    func reportMatchesSnapshot(_ name: String) throws {
        let source = try Harness.fixture(name)
        guard let diagnostics = try Harness.check(source, path: name) else {
            print(Harness.unavailableMessage)
            return
        }
        let report = DiagnosticReport.text(.init(path: name, source: source, diagnostics: diagnostics))
        let url = CPython.fixtures.appendingPathComponent(name.replacingOccurrences(of: ".py", with: ".snap"))
        if ProcessInfo.processInfo.environment["ASYNCD_UPDATE_SNAPSHOTS"] == "1" {
            try report.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing \(url.lastPathComponent)>"
        #expect(report == expected, "\(name): the report differs from its snapshot")
    }

    @Test func sarifLogIsWellFormed() throws {
        let source = try Harness.fixture("AIO401.py")
        guard let diagnostics = try Harness.check(source, path: "AIO401.py") else { return }
        let sarif = DiagnosticReport.sarif([.init(path: "pkg/AIO401.py", source: source, diagnostics: diagnostics)], toolVersion: "0.1.0")
        let json = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        #expect(json?["version"] as? String == "2.1.0")
        let run = (json?["runs"] as? [[String: Any]])?.first
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.map { $0["id"] as? String ?? "" }.prefix(13) == ArraySlice(Linter.rules.map(\.code)))
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(results.count == diagnostics.count)
        for (result, diagnostic) in zip(results, diagnostics) {
            #expect(result["ruleId"] as? String == diagnostic.code)
            let index = result["ruleIndex"] as? Int ?? -1
            #expect(rules.indices.contains(index) && rules[index]["id"] as? String == diagnostic.code)
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let region = location?["region"] as? [String: Any]
            #expect(region?["startLine"] as? Int == diagnostic.range.start.line)
            #expect(region?["startColumn"] as? Int == diagnostic.range.start.column + 1)  // ASCII fixture: bytes = UTF-16 units
            #expect((result["fixes"] != nil) == (diagnostic.fix != nil))
        }
    }
}
