import Foundation
import Testing
@testable import Analyzer

/// Never crash, never hang: deep nesting becomes a diagnostic, errors are recovered from at
/// the next statement, and mutated real files parse without trapping.
@Suite struct ParserRobustnessTests {
    private func firstError(_ text: String) -> Diagnostic? {
        let (result, problems) = ParserTestSupport.parse(text)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        return result.diagnostics.first
    }

    @Test func deepNestingIsADiagnosticNotAStackOverflow() {
        let n = 100_000
        #expect(firstError(String(repeating: "(", count: n) + "x" + String(repeating: ")", count: n) + "\n")?.message
                == "too many nested parentheses")
        #expect(firstError(String(repeating: "[", count: n) + String(repeating: "]", count: n) + "\n")?.message
                == "too many nested parentheses")
        #expect(firstError("x = " + String(repeating: "-", count: n) + "1\n")?.message
                == "Parser stack overflowed - Python source too complex to parse")
        #expect(firstError("x = " + String(repeating: "not ", count: n) + "1\n") != nil)
        #expect(firstError("x = " + String(repeating: "lambda: ", count: 20_000) + "1\n") != nil)
        #expect(firstError("x = " + String(repeating: "1 if 2 else ", count: 20_000) + "1\n") != nil)
        #expect(firstError("x = a" + String(repeating: ".b", count: n) + "\n") != nil)
        #expect(firstError("x = 1" + String(repeating: " + 1", count: n) + "\n") != nil)
        #expect(firstError("x = f" + String(repeating: "()", count: n) + "\n") != nil)
        #expect(firstError("x = 2" + String(repeating: " ** 2", count: n) + "\n") != nil)
        #expect(firstError("x = " + String(repeating: "await ", count: n) + "y\n") != nil)
        #expect(firstError("if x: pass\n" + String(repeating: "elif x: pass\n", count: 20_000)) != nil)
        // What CPython accepts stays accepted.
        #expect(firstError("x = " + String(repeating: "-", count: 500) + "1\n") == nil)
        // The deepest AST the parser accepts can still be dumped and validated on a test thread.
        let deep = "x = " + String(repeating: "-", count: Parser.maxDepth - 10) + "1\n"
        let (deepResult, deepProblems) = ParserTestSupport.parse(deep)
        #expect(deepResult.diagnostics.isEmpty && deepProblems.isEmpty)
        #expect(PythonFrontEnd.dump(deepResult.module).hasSuffix("type_ignores=[])"))
        #expect(firstError("x = 1" + String(repeating: " + 1", count: 900) + "\n") == nil)
        #expect(firstError(String(repeating: "(", count: 199) + String(repeating: ")", count: 199) + "\n") == nil)
    }

    @Test func tenThousandNestedBlocks() {
        var source = ""
        for depth in 0..<10_000 {
            source += String(repeating: " ", count: depth) + "if x:\n"
        }
        source += String(repeating: " ", count: 10_000) + "pass\n"
        let (result, problems) = ParserTestSupport.parse(source)
        #expect(problems.isEmpty)
        #expect(result.diagnostics.first?.message == "too many levels of indentation")
        #expect(result.diagnostics.first?.range.start.line == 101) // CPython 3.12: line 101
    }

    @Test func recoveryKeepsLaterFunctions() {
        let source = """
        async def broken(:
            await x

        def half_typed():
            x = (1 +

        async def good():
            await asyncio.sleep(1)

        class C:
            def m(self) -> None
                pass
            async def ok(self):
                return await self.m()

        """
        let (result, problems) = ParserTestSupport.parse(source)
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        #expect(result.diagnostics.count >= 1)
        #expect(result.diagnostics.allSatisfy { $0.code == "E999" && $0.name == "syntax-error" && $0.severity == .error })
        #expect(result.diagnostics.first?.range.start.line == 1)
        let dump = PythonFrontEnd.dump(result.module)
        #expect(dump.contains("Invalid("))
        #expect(dump.contains("AsyncFunctionDef(name='good'"), "\(dump)")
        #expect(dump.contains("AsyncFunctionDef(name='ok'"), "\(dump)")
    }

    @Test func recoveryInsideBlocksResumesAtTheNextStatement() {
        let source = "def f():\n    x = = 1\n    return 2\n\ndef g():\n    pass\n"
        let (result, _) = ParserTestSupport.parse(source)
        #expect(result.diagnostics.map(\.range.start.line) == [2])
        guard case .functionDef(let f) = result.module.body.first?.kind else {
            Issue.record("f missing"); return
        }
        #expect(f.body.count == 2)
        if case .invalid = f.body[0].kind {} else { Issue.record("first statement should be .invalid") }
        if case .return = f.body[1].kind {} else { Issue.record("return 2 should survive") }
        #expect(result.module.body.count == 2)
    }

    /// Deterministic mutations (delete, duplicate, swap bytes) of many standard-library files.
    /// The release sweep over every file is `Benchmarks parser-fuzz` (bench/parser-fuzz.sh).
    @Test(.enabled(if: ParserTestSupport.hasPython312, "CPython 3.12's stdlib (PYENV_VERSION=3.12.1) not found: skipping the mutation fuzz"))
    func mutatedStdlibFilesNeverCrashOrHang() throws {
        let files = ParserTestSupport.stdlibFiles()
        try #require(files.count > 500)
        let sample = files.enumerated().filter { $0.offset % 15 == 3 }.map(\.element)
        var generator = MutationFuzzer.Generator(seed: 0x5EED)
        var parses = 0
        for path in sample {
            guard let data = FileManager.default.contents(atPath: path), data.count < 200_000 else { continue }
            let original = [UInt8](data)
            for _ in 0..<4 {
                let mutated = MutationFuzzer.mutate(original, &generator)
                let start = DispatchTime.now().uptimeNanoseconds
                let (result, problems) = ParserTestSupport.parse(mutated)
                _ = PythonFrontEnd.dump(result.module)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                #expect(problems.isEmpty, "\(path): \(problems.prefix(2))")
                #expect(seconds < 5, "\(path) took \(seconds) s")
                parses += 1
            }
        }
        print("parser fuzz: \(parses) mutated parses")
        #expect(parses > 400)
    }
}
