import Foundation
import Testing
@testable import Analyzer

/// Fixes are tested the way ruff tests them: on every fixture, apply fixes until stable,
/// re-parse, and require that the result parses, that no new error or warning appears (a fix may
/// reveal a new hint: awaiting two dropped coroutines can make them sequential awaits), that
/// fixing again changes nothing, and that CPython 3.12's `compile()` still accepts the text
/// when it accepted the original.
@Suite struct RulesFixSafetyTests {
    static func parse(_ source: String) throws -> ParseResult {
        guard let (result, _) = try Harness.parse(source) else { throw NotImplementedYet("a front end") }
        return result
    }

    static func counts(_ diagnostics: [Diagnostic]) -> [String: Int] {
        diagnostics.filter { $0.severity <= .warning }.reduce(into: [:]) { $0[$1.code, default: 0] += 1 }
    }

    @Test(arguments: RulesFixtureTests.fixtureNames, [false, true])
    func fixesConverge(_ name: String, includeUnsafe: Bool) throws {
        let source = try Harness.fixture(name)
        guard (try? Harness.parse(source)) ?? nil != nil else {
            print(Harness.unavailableMessage)
            return
        }
        let before = try Linter.fix(source: source, path: name, selection: .all, includeUnsafe: false, maxRounds: 0, parse: Self.parse)
        let result = try Linter.fix(source: source, path: name, selection: .all, includeUnsafe: includeUnsafe, maxRounds: 10, parse: Self.parse)
        let reparsed = try Self.parse(result.source)
        #expect(reparsed.diagnostics.isEmpty, "\(name): the fixed text has syntax errors")
        let old = Self.counts(before.remaining)
        for (code, count) in Self.counts(result.remaining) {
            #expect(count <= old[code, default: 0], "\(name): fixing added \(code) diagnostics:\n\(result.source)")
        }
        let again = try Linter.fix(source: result.source, path: name, selection: .all, includeUnsafe: includeUnsafe, maxRounds: 10, parse: Self.parse)
        #expect(again.applied == 0 && again.source == result.source, "\(name): fixing is not stable")
        if includeUnsafe == false {
            let fixable = before.remaining.contains { $0.fix?.isSafe == true }
            #expect(!fixable || result.applied > 0, "\(name): safe fixes exist but none was applied")
        }
        if CPython.isAvailable, try CPython.compileError(source) == nil {
            let error = try CPython.compileError(result.source)
            #expect(error == nil, "\(name): CPython rejects the fixed text: \(error ?? "")\n\(result.source)")
        }
    }

    /// The expected text after safe fixes for the seed's Mistake 1 and the `main()` entry point.
    @Test func knownFixes() throws {
        let cases: [(String, String)] = [
            ("async def f():\n    await g()\n\nasync def g():\n    await f()\n    print(g())\n",
             "async def f():\n    await g()\n\nasync def g():\n    await f()\n    print(await g())\n"),
            ("import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\nmain()\n",
             "import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n\nasyncio.run(main())\n"),
            ("\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport time\n\nasync def main():\n    time.sleep(1)\n",
             "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport asyncio\nimport time\n\nasync def main():\n    await asyncio.sleep(1)\n"),
        ]
        for (source, expected) in cases {
            guard (try? Harness.parse(source)) ?? nil != nil else { return }
            let result = try Linter.fix(source: source, path: nil, selection: .all, includeUnsafe: false, maxRounds: 10, parse: Self.parse)
            #expect(result.source == expected)
        }
    }

    @Test func gatherRewriteKeepsComments() throws {
        let source = try Harness.fixture("Seed/mistake3_sequential_await.py")
        guard (try? Harness.parse(source)) ?? nil != nil else { return }
        let result = try Linter.fix(source: source, path: nil, selection: .all, includeUnsafe: true, maxRounds: 10, parse: Self.parse)
        #expect(result.source.contains("import asyncio\n"))
        #expect(result.source.contains("    result1, result2 = await asyncio.gather(fetch(url1), fetch(url2))  # AIO301: waits for url1 to complete\n    # THEN waits for url2"))
    }
}
