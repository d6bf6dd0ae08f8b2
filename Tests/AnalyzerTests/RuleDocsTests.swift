import Foundation
import Testing
@testable import Analyzer

/// `docs/rules.md` is generated from the rules' documentation values (swift-format's
/// `RuleDocumentationGenerator` idea). The test fails when the file is stale; run
/// `ASYNCD_REGENERATE_DOCS=1 swift test --filter RuleDocsTests` to rewrite it.
@Suite struct RuleDocsTests {
    @Test func rulesMarkdownIsUpToDate() throws {
        let url = CPython.repositoryRoot.appendingPathComponent("docs/rules.md")
        let expected = RuleRegistry.markdown()
        if ProcessInfo.processInfo.environment["ASYNCD_REGENERATE_DOCS"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
        }
        let actual = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected, "docs/rules.md is stale: run ASYNCD_REGENERATE_DOCS=1 swift test --filter RuleDocsTests")
        for rule in RuleRegistry.rules {
            #expect(actual.contains("## \(rule.code) \(rule.name)"))
        }
    }
}
