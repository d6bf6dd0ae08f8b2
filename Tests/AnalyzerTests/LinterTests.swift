import Foundation
import Testing
@testable import Analyzer

/// The linter's plumbing: `# noqa`, rule selection, `pyproject.toml`, workspaces, fix application.
@Suite struct LinterTests {
    static let dropped = """
    import asyncio


    async def fetch():
        await asyncio.sleep(0)


    async def main():
        await asyncio.sleep(0)
        fetch()
        fetch()  # noqa
        fetch()  # noqa: AIO201
        fetch()  # noqa: AIO2
        fetch()  # noqa: AIO301
        fetch()  # NOQA:AIO201,AIO202
        print("# noqa"); fetch()
        x = "#"; fetch()  # type: ignore  # noqa: AIO201

    """

    @Test func noqaSuppressesByLineAndCode() throws {
        let diagnostics = try Linter.check(source: Self.dropped)
        #expect(diagnostics.map(\.range.start.line) == [10, 14, 16])
        #expect(diagnostics.allSatisfy { $0.code == "AIO201" })
    }

    @Test func noqaNeverSuppressesSyntaxErrors() throws {
        let diagnostics = try Linter.check(source: "def f(:  # noqa\n    pass\n")
        #expect(diagnostics.contains { $0.code == "E999" })
    }

    @Test func commentScannerSkipsStrings() {
        let source = "a = '#x'  # one\nb = \"\"\"\n# not a comment\n\"\"\"  # two\nc = f\"{x!r}#\"\n"
        let comments = NoqaDirectives.comments(in: Array(source.utf8))
        #expect(comments.map(\.0) == [1, 4])
        #expect(comments.map(\.1) == ["# one", "# two"])
    }

    @Test func selectionPrefixesAndLongestMatch() throws {
        #expect(RuleSelection.all.includes("AIO201"))
        #expect(RuleSelection(select: ["AIO2"]).includes("AIO205"))
        #expect(!RuleSelection(select: ["AIO2"]).includes("AIO101"))
        #expect(!RuleSelection(select: ["AIO2"], ignore: ["AIO201"]).includes("AIO201"))
        #expect(RuleSelection(select: ["AIO201"], ignore: ["AIO2"]).includes("AIO201"))
        #expect(!RuleSelection(select: ["ALL"], ignore: ["AIO3"]).includes("AIO301"))
        guard case .success(let parsed) = RuleSelection.parse(select: "aio1, AIO401", ignore: "AIO104") else {
            Issue.record("parse failed")
            return
        }
        #expect(parsed.select == ["AIO1", "AIO401"] && parsed.ignore == ["AIO104"])
        guard case .failure(let error) = RuleSelection.parse(select: "AIO9", ignore: nil) else {
            Issue.record("AIO9 accepted")
            return
        }
        #expect(error.entry == "AIO9")
        let onlyBlocking = try Linter.check(source: Self.dropped, selection: RuleSelection(select: ["AIO4"]))
        #expect(onlyBlocking.isEmpty)
    }

    @Test func pyprojectTableIsRead() throws {
        let text = """
        [project]
        name = "x"  # select = ["AIO9"]

        [tool.asyncd]
        select = [
            "AIO2",  # the coroutine rules
            'AIO401',
        ]
        ignore = ["AIO205"]

        [tool.other]
        select = ["nope"]
        """
        let selection = PyprojectConfig.parse(text)
        #expect(selection.select == ["AIO2", "AIO401"])
        #expect(selection.ignore == ["AIO205"])

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("asyncd-pyproject-\(UUID().uuidString)")
        let nested = folder.appendingPathComponent("pkg/sub")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("pyproject.toml"), atomically: true, encoding: .utf8)
        let found = PyprojectConfig.nearest(to: nested.appendingPathComponent("mod.py").path)
        #expect(found?.selection == selection)
        #expect(found?.path.hasSuffix("pyproject.toml") == true)
    }

    @Test func workspaceResolvesSiblingCoroutines() throws {
        let helpers = Workspace.File(path: "/proj/app/helpers.py", source: "import asyncio\n\nasync def fetch():\n    await asyncio.sleep(0)\n\ndef load():\n    return 1\n")
        let main = Workspace.File(path: "/proj/app/main.py", source: """
        from helpers import fetch, load
        from . import helpers as h
        import helpers


        async def main():
            fetch()
            helpers.fetch()
            load()
            await fetch()

        """)
        let results = Workspace.check([helpers, main])
        #expect(results.count == 2)
        guard case .success(let diagnostics) = results[1].diagnostics else {
            Issue.record("main.py not analysed")
            return
        }
        #expect(diagnostics.filter { $0.code == "AIO201" }.map(\.range.start.line) == [7, 8])
        // Alone, the imported names are unknown and nothing fires.
        let alone = try Linter.check(source: main.source, path: main.path)
        #expect(!alone.contains { $0.code == "AIO201" })
    }

    @Test func fixApplierSharesIdenticalEditsAndSkipsOverlaps() {
        let source = "abcdef"
        let text = SourceText(source)
        func edit(_ start: Int, _ end: Int, _ new: String) -> TextEdit { TextEdit(range: text.range(start, end), newText: new) }
        let first = Diagnostic(code: "AIO201", name: "x", severity: .warning, message: "", range: text.point(0),
                               fix: Fix(title: "", edits: [edit(0, 0, "I"), edit(1, 2, "B")], isSafe: true))
        let second = Diagnostic(code: "AIO201", name: "x", severity: .warning, message: "", range: text.point(0),
                                fix: Fix(title: "", edits: [edit(0, 0, "I"), edit(4, 5, "E")], isSafe: true))
        let overlapping = Diagnostic(code: "AIO201", name: "x", severity: .warning, message: "", range: text.point(0),
                                     fix: Fix(title: "", edits: [edit(1, 3, "X")], isSafe: true))
        let unsafe = Diagnostic(code: "AIO201", name: "x", severity: .warning, message: "", range: text.point(0),
                                fix: Fix(title: "", edits: [edit(5, 6, "U")], isSafe: false))
        let outcome = FixApplier.apply([first, second, overlapping, unsafe], to: source, includeUnsafe: false)
        #expect(outcome.source == "IaBcdEf")
        #expect(outcome.applied == 2)
    }

    @Test func rulesListIsComplete() {
        let codes = Linter.rules.map(\.code)
        #expect(codes == ["AIO101", "AIO102", "AIO103", "AIO104", "AIO201", "AIO202", "AIO203", "AIO204", "AIO205", "AIO206", "AIO301", "AIO302", "AIO401"])
        for rule in Linter.rules {
            for heading in ["## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Fix safety"] {
                #expect(rule.documentation.contains(heading), "\(rule.code) lacks \(heading)")
            }
        }
    }

    @Test func deepNestingDoesNotCrash() throws {
        let depth = 5000
        let source = "async def f():\n    x = " + String(repeating: "(", count: 150) + "g()" + String(repeating: ")", count: 150) + "\n" +
            "y = " + Array(repeating: "a", count: depth).joined(separator: " + ") + "\n"
        _ = try Linter.check(source: source)
    }
}
