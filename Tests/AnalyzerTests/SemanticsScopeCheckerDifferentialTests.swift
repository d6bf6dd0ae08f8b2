import Foundation
import Testing
@testable import Analyzer

/// AIO101–AIO104 against CPython 3.12's `compile()`: `scripts/gen_scope_cases.py` places
/// `await`, `async for`, `async with`, async comprehensions, `yield from` and `return value` in
/// some thirteen thousand positions (nested functions, lambdas, classes, comprehensions,
/// generator expressions, defaults, decorators, annotations, with and without
/// `from __future__ import annotations`) and records CPython's verdict for each. The data is
/// generated at test time, so it always reflects the CPython that is installed; without
/// CPython 3.12 the test is skipped with a message.
///
/// For every case CPython accepts, the ScopeChecker must report nothing. For every case CPython
/// rejects with one of the AIO1xx messages, the checker must report that message at CPython's
/// exact line, column, end line and end column (CPython stops at its first error; the checker
/// reports all, so CPython's must be among them, and the checker's first must be it when the
/// case has only one offending construct).
@Suite struct SemanticsScopeCheckerDifferentialTests {
    struct Case {
        var source: String
        var verdict: String
        var message: String?
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
    }

    static func generateCases() throws -> [Case]? {
        guard CPython.isAvailable else { return nil }
        let output = try CPython.run([CPython.repositoryRoot.appendingPathComponent("scripts/gen_scope_cases.py").path])
        guard output.status == 0, let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
              let cases = json["cases"] as? [[String: Any]] else { return nil }
        return cases.map {
            Case(source: $0["source"] as? String ?? "", verdict: $0["verdict"] as? String ?? "",
                 message: $0["message"] as? String, line: $0["line"] as? Int ?? 0, column: $0["column"] as? Int ?? 0,
                 endLine: $0["endLine"] as? Int ?? 0, endColumn: $0["endColumn"] as? Int ?? 0)
        }
    }

    /// Modules for all sources from asyncd's parser; where it is not implemented yet or refuses
    /// a source that CPython parses (a parser bug, reported by the count it returns), from
    /// CPython's AST through the bridge, so that the checker is still compared on every case.
    static func modules(for sources: [String]) throws -> (modules: [Module?], parserFallbacks: [String]) {
        var modules: [Module?] = Array(repeating: nil, count: sources.count)
        var missing: [Int] = []
        for (index, source) in sources.enumerated() {
            if let result = try? PythonFrontEnd.parse(source), result.diagnostics.isEmpty {
                modules[index] = result.module
            } else {
                missing.append(index)
            }
        }
        guard !missing.isEmpty else { return (modules, []) }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: missing.map { sources[$0] }), as: UTF8.self)
        let output = try CPython.run([CPython.repositoryRoot.appendingPathComponent("scripts/cpython_ast_json.py").path, "--batch"], stdin: input)
        if let trees = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]], trees.count == missing.count {
            for (index, tree) in zip(missing, trees) where tree["error"] == nil {
                modules[index] = ASTDecoder(text: SourceText(sources[index])).module(tree)
            }
        }
        let parserImplemented = (try? PythonFrontEnd.parse("x = 1\n")) != nil
        return (modules, parserImplemented ? missing.map { sources[$0] } : [])
    }

    @Test func agreesWithCPythonCompile() throws {
        guard let cases = try Self.generateCases() else {
            print(CPython.skipMessage)
            return
        }
        let relevant = cases.filter { $0.verdict == "ok" || $0.verdict == "ours" }
        #expect(relevant.count > 10_000, "the generator produced too few cases")
        #expect(relevant.contains { $0.verdict == "ours" } && relevant.contains { $0.verdict == "ok" })
        let (modules, parserFallbacks) = try Self.modules(for: relevant.map(\.source))
        if !parserFallbacks.isEmpty {
            print("known parser issue: \(parserFallbacks.count) cases that CPython parses were refused by asyncd's parser and checked on CPython's AST instead, e.g. \(parserFallbacks[0].debugDescription)")
        }
        #expect(parserFallbacks.count * 50 < relevant.count, "asyncd's parser refuses more than 2% of the cases")
        var failures: [String] = []
        var checked = 0
        for (testCase, module) in zip(relevant, modules) {
            guard let module else {
                failures.append("did not parse: \(testCase.source.debugDescription)")
                continue
            }
            checked += 1
            let violations = ScopeChecker.check(module)
            let rendered = violations.map { "\($0.kind.cpythonMessage) @\($0.range.start.line):\($0.range.start.column)-\($0.range.end.line):\($0.range.end.column)" }
            if testCase.verdict == "ok" {
                if !violations.isEmpty { failures.append("CPython accepts, we report \(rendered): \(testCase.source.debugDescription)") }
                continue
            }
            let match = violations.contains {
                $0.kind.cpythonMessage == testCase.message && $0.range.start.line == testCase.line && $0.range.start.column == testCase.column
                    && $0.range.end.line == testCase.endLine && $0.range.end.column == testCase.endColumn
            }
            if !match {
                failures.append("CPython: \(testCase.message ?? "") @\(testCase.line):\(testCase.column)-\(testCase.endLine):\(testCase.endColumn), we: \(rendered): \(testCase.source.debugDescription)")
            }
        }
        #expect(checked == relevant.count)
        let summary = "\(failures.count) of \(relevant.count) cases disagree:\n\(failures.prefix(30).joined(separator: "\n"))"
        #expect(failures.count == 0, "\(summary)")
    }
}
