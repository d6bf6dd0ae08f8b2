import Foundation
import Testing
@testable import Analyzer

/// Every rule's fixture (`Tests/Fixtures/Rules/AIOnnn.py`): each marked line must produce
/// exactly its marked codes and every other line nothing (all rules run on every fixture, so a
/// rule firing where another rule's fixture does not expect it fails too).
@Suite struct RulesFixtureTests {
    static let ruleFixtures: [String] = RuleRegistry.rules.map { "\($0.code).py" }
    /// The seed document's examples: its three Common Mistakes must each be caught with the
    /// right code at the right line, and its correct examples must stay quiet.
    static let seedFixtures: [String] = [
        "Seed/mistake1_forgot_await.py", "Seed/mistake2_await_outside_async.py",
        "Seed/mistake3_sequential_await.py", "Seed/seed_examples_correct.py", "Seed/libraries.py",
    ]
    static let fixtureNames = ruleFixtures + seedFixtures

    @Test(arguments: fixtureNames)
    func markersAgree(_ name: String) throws {
        let source = try Harness.fixture(name)
        guard let diagnostics = try Harness.check(source, path: name) else {
            print(Harness.unavailableMessage)
            return
        }
        let markers = FixtureMarkers(source: source)
        if name.hasPrefix("AIO") {
            let code = String(name.prefix(6))
            #expect(markers.expected.values.contains { $0.contains(code) }, "\(name) has no line marked \(code)")
        }
        let problems = markers.disagreements(with: diagnostics)
        #expect(problems.isEmpty, "\(name):\n\(problems.joined(separator: "\n"))")
    }

    @Test func everyDiagnosticNamesAReferenceAndItsRule() throws {
        for name in Self.fixtureNames {
            let source = try Harness.fixture(name)
            guard let diagnostics = try Harness.check(source, path: name) else { return }
            for diagnostic in diagnostics where diagnostic.code != "E999" {
                let rule = RuleRegistry.rule(code: diagnostic.code)
                #expect(rule != nil)
                #expect(diagnostic.name == rule?.name)
                #expect(diagnostic.severity == rule?.severity)
                let reference = diagnostic.reference ?? ""
                #expect(QuickReferenceID.all.contains(reference), "\(diagnostic.code) has reference \(reference)")
            }
        }
    }
}

/// The rules must say the same on asyncd's AST as on CPython's own AST (through
/// `scripts/cpython_ast_json.py`): a difference means the parser built a different tree.
@Suite struct RulesFrontEndAgreementTests {
    @Test(arguments: RulesFixtureTests.fixtureNames)
    func sameDiagnosticsOnCPythonAST(_ name: String) throws {
        let source = try Harness.fixture(name)
        guard CPython.isAvailable, let parsed = try? PythonFrontEnd.parse(source), let module = try CPython.parse(source) else {
            print("skipped: needs both asyncd's parser and CPython 3.12")
            return
        }
        let ours = Linter.check(parsed: parsed, source: source, path: name, selection: .all, importedModules: [:])
        let theirs = Linter.check(parsed: ParseResult(module: module, diagnostics: []), source: source, path: name,
                                  selection: .all, importedModules: [:])
        let render: (Diagnostic) -> String = { "\($0.range.start.line):\($0.range.start.column)-\($0.range.end.line):\($0.range.end.column) \($0.code) \($0.message)" }
        #expect(ours.map(render) == theirs.map(render))
    }
}
