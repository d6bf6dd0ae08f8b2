import Foundation
import Testing
@testable import Analyzer

/// AIO201–AIO203's coroutine flow against CPython at run time, on generated programs:
/// `scripts/gen_coroutine_cases.py` places one `work()` coroutine in some 170 uses (discarded,
/// awaited, bound and rebound, tested, printed, gathered, scheduled, closed, captured, returned
/// from sync code, in if/for/try/while blocks) and runs each under CPython 3.12 with warnings
/// recorded. The analyzer must say "never run" exactly where CPython warns
/// "coroutine 'work' was never awaited". Generated at test time; skipped without CPython 3.12.
@Suite struct SemanticsCoroutineFlowDifferentialTests {
    @Test func neverRunAgreesWithCPythonWarnings() throws {
        guard CPython.isAvailable else {
            print(CPython.skipMessage)
            return
        }
        let output = try CPython.run([CPython.repositoryRoot.appendingPathComponent("scripts/gen_coroutine_cases.py").path])
        guard let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
              let cases = json["cases"] as? [[String: Any]] else {
            Issue.record("the generator failed: \(output.stderr)")
            return
        }
        #expect(cases.count > 150)
        #expect(cases.contains { $0["warned"] as? Bool == true } && cases.contains { $0["warned"] as? Bool == false })
        var failures: [String] = []
        for testCase in cases {
            let source = testCase["source"] as? String ?? ""
            let warned = testCase["warned"] as? Bool ?? false
            guard let (parsed, _) = try Harness.parse(source), parsed.diagnostics.isEmpty else {
                failures.append("did not parse: \(source.debugDescription)")
                continue
            }
            let model = SemanticModel(module: parsed.module, source: SourceText(source))
            let flow = CoroutineFlow(model: model)
            let neverRun = flow.dropped.contains { !$0.isTask && $0.callee == "work" }
                || flow.usedAsValue.contains { !$0.handledLater && $0.callee == "work" }
            if neverRun != warned {
                failures.append("CPython \(warned ? "warns" : "does not warn"), analyzer says \(neverRun ? "never run" : "handled"): \(source.dropFirst(73).debugDescription)")
            }
        }
        let summary = "\(failures.count) of \(cases.count) disagree:\n\(failures.prefix(30).joined(separator: "\n"))"
        #expect(failures.count == 0, "\(summary)")
    }
}
