import Foundation
import Testing
@testable import Analyzer

/// AIO201–AIO203 against CPython at run time: each runnable fixture in
/// `Tests/Fixtures/Rules/Runtime/` runs under the virtual-time oracle
/// (`/work/shared/oracle/vtime.py --json`, CPython 3.12), whose `warnings` list CPython's
/// "RuntimeWarning: coroutine 'x' was never awaited". The coroutines the analyzer says are
/// never run — dropped (AIO201, AIO203) or used as a value and never handled afterwards
/// (AIO202) — must be exactly the ones CPython warns about, by name.
@Suite struct RulesRuntimeOracleTests {
    static let oracle = "/work/shared/oracle/vtime.py"
    static let directory = CPython.fixtures.appendingPathComponent("Runtime")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".py") }.sorted()
    }

    @Test func thereAreRuntimeFixtures() {
        #expect(Self.fixtures.count >= 4)
    }

    @Test(arguments: fixtures)
    func neverAwaitedAgreesWithCPython(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        guard CPython.isAvailable, FileManager.default.fileExists(atPath: Self.oracle) else {
            print("skipped: needs CPython 3.12 and \(Self.oracle)")
            return
        }
        let output = try CPython.run([Self.oracle, "--json", path])
        guard let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any] else {
            Issue.record("the oracle printed no JSON for \(name): \(output.stderr)")
            return
        }
        #expect(json["outcome"] as? String == "completed", "\(name) did not complete under CPython")
        let prefix = "RuntimeWarning: coroutine '"
        let warned = Set((json["warnings"] as? [String] ?? []).compactMap { warning -> String? in
            guard warning.hasPrefix(prefix), warning.hasSuffix("' was never awaited") else { return nil }
            let qualified = warning.dropFirst(prefix.count).dropLast("' was never awaited".count)
            return qualified.split(separator: ".").last.map(String.init)
        })

        let source = try String(contentsOfFile: path, encoding: .utf8)
        guard let (parsed, _) = try Harness.parse(source) else {
            print(Harness.unavailableMessage)
            return
        }
        let model = SemanticModel(module: parsed.module, source: SourceText(source))
        let flow = CoroutineFlow(model: model)
        func short(_ callee: String) -> String { callee.split(separator: ".").last.map(String.init) ?? callee }
        let neverRun = Set(flow.dropped.filter { !$0.isTask }.map { short($0.callee) })
            .union(flow.usedAsValue.filter { !$0.handledLater }.map { short($0.callee) })
        #expect(neverRun == warned, "\(name): analyzer says never run \(neverRun.sorted()), CPython warns \(warned.sorted())")

        // And the rules report each of them.
        let diagnostics = Linter.check(parsed: parsed, source: source, path: name, selection: RuleSelection(select: ["AIO2"]), importedModules: [:])
        let reported = diagnostics.filter { ["AIO201", "AIO202", "AIO203"].contains($0.code) }
        #expect(reported.count >= neverRun.count)
        #expect(warned.isEmpty == reported.isEmpty, "\(name): \(reported.map(\.message))")
    }
}
