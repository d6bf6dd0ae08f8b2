import Foundation
import Testing
@testable import Analyzer

/// `Workspace.check`'s fast paths (byte-level summaries, skipped import walks, the gate that
/// skips rules on files without async code, the order files are checked in) must not change a
/// single finding: on the repository's fixtures and a synthetic workspace, its results equal a
/// plain reference — each file parsed on its own and checked by `Linter` with every rule
/// (ungated), against sibling summaries found the straightforward way.
@Suite struct WorkspaceEquivalenceTests {
    /// A workspace whose files import each other in every way `Workspace` resolves, with the
    /// lines the summary scan treats specially (decorators, non-ASCII names, CRLF, `async`
    /// only in a comment, a package and a module of the same name).
    static let synthetic: [Workspace.File] = [
        .init(path: "/ws/app/helpers.py", source: """
        import asyncio

        async def fetch():
            await asyncio.sleep(0)

        @decorated
        async def wrapped():
            await asyncio.sleep(0)

        async def café():
            await asyncio.sleep(0)

        def load():
            return 1
        async  def  spaced(): pass
        def naïve(): return 2

        """),
        .init(path: "/ws/app/plain.py", source: "# no async here, only the word: async\r\ndef helper():\r\n    return 1\r\nasync def crlf():\r\n    pass\r\n"),
        .init(path: "/ws/app/pkg/__init__.py", source: "async def init_coroutine():\n    pass\n"),
        .init(path: "/ws/app/pkg/mod.py", source: "async def deep():\n    pass\n\ndef \u{301}odd(): pass\n@x\n\ndef after_decorator(): pass\n"),
        .init(path: "/ws/app/pkg.py", source: "async def shadowed_by_package():\n    pass\n"),
        .init(path: "/ws/lib.py", source: "async def up():\n    pass\n"),
        .init(path: "/ws/app/main.py", source: """
        import asyncio
        from helpers import fetch, load, wrapped, café, naïve, spaced
        from . import helpers as h
        import helpers
        from plain import helper, crlf
        from pkg import mod
        from pkg.mod import deep
        from .pkg import init_coroutine
        from ..lib import up
        import pkg.mod


        async def main():
            fetch()
            helpers.fetch()
            load()
            await fetch()
            h.fetch()
            wrapped()
            café()
            naïve()
            spaced()
            helper()
            crlf()
            mod.deep()
            deep()
            init_coroutine()
            up()
            x = fetch()
            print(x)


        def sync_caller():
            fetch()
            deep()

        sync_caller()
        main()

        """),
        .init(path: "/ws/app/sync_only.py", source: "from helpers import fetch\n\ndef run():\n    fetch()\n\nrun()\nfetch()\n"),
        .init(path: "/ws/app/broken.py", source: "def f(:\n    pass\nawait x\n"),
    ]

    /// Every Python file under `Tests/Fixtures` and `examples`, with its real path.
    static func fixtureFiles() -> [Workspace.File] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [Workspace.File] = []
        for folder in ["Tests/Fixtures", "examples"] {
            let base = root.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix(".py") else { continue }
                let path = base.appendingPathComponent(relative).path
                guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else { continue }
                files.append(Workspace.File(path: path, source: source))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The reference: sibling summaries from `ModuleSummary.scan`, looked up by a linear search
    /// (the first module of a name wins), every file parsed alone and every rule run ungated.
    static func reference(_ files: [Workspace.File]) -> [[Diagnostic]] {
        var folders: [String: [(name: String, summary: ModuleSummary)]] = [:]
        for file in files {
            let (folder, module) = Workspace.split(Workspace.normalized(file.path))
            folders[folder, default: []].append((module, ModuleSummary.scan(file.source)))
        }
        return files.map { file in
            guard let parsed = try? PythonFrontEnd.parse(file.source) else { return [] }
            let (folder, ownModule) = Workspace.split(Workspace.normalized(file.path))
            var imported: [String: ModuleSummary] = [:]
            for key in Workspace.importedModuleNames(parsed.module.body, depth: 0) where imported[key] == nil {
                var dots = 0
                for character in key { if character == "." { dots += 1 } else { break } }
                let parts = key.dropFirst(dots).split(separator: ".").map(String.init)
                guard let last = parts.last, dots <= 2 else { continue }
                var base = folder
                if dots == 2 { base = Workspace.split(folder + ".py").folder }
                let subfolder = ([base] + parts.dropLast()).joined(separator: "/")
                if parts.count == 1 && dots <= 1 && base == folder && last == ownModule { continue }
                if let summary = folders[subfolder]?.first(where: { $0.name == last })?.summary { imported[key] = summary }
            }
            return Linter.check(parsed: parsed, source: file.source, path: file.path, selection: .all,
                                importedModules: imported, gated: false)
        }
    }

    static func diagnostics(_ results: [Workspace.FileResult]) -> [[Diagnostic]] {
        results.map { (try? $0.diagnostics.get()) ?? [] }
    }

    static func withBytes(_ files: [Workspace.File]) -> [Workspace.File] {
        files.map { Workspace.File(path: $0.path, source: $0.source, bytes: Array($0.source.utf8)) }
    }

    /// The paths whose findings differ, each with both lists in short (full values are compared).
    static func differences(_ files: [Workspace.File], _ actual: [[Diagnostic]], _ expected: [[Diagnostic]]) -> [String] {
        guard actual.count == expected.count else { return ["\(actual.count) results for \(expected.count) files"] }
        func short(_ list: [Diagnostic]) -> String {
            list.map { "\($0.code)@\($0.range.start.line):\($0.range.start.column)" }.joined(separator: " ")
        }
        return files.indices.filter { actual[$0] != expected[$0] }.map {
            "\(files[$0].path): got [\(short(actual[$0]))], expected [\(short(expected[$0]))]"
        }
    }

    @Test func syntheticWorkspaceMatchesTheReference() {
        let files = Self.synthetic
        let expected = Self.reference(files)
        // The synthetic workspace does exercise the imports.
        #expect(expected.joined().contains { $0.code == "AIO201" || $0.code == "AIO203" })
        #expect(Self.differences(files, Self.diagnostics(Workspace.check(files)), expected) == [])
        #expect(Self.differences(files, Self.diagnostics(Workspace.check(Self.withBytes(files))), expected) == [])
        // In another order (which module of a name comes first decides between `pkg.py` and
        // `pkg/__init__.py`, as before).
        let reversed = Array(files.reversed())
        #expect(Self.differences(reversed, Self.diagnostics(Workspace.check(Self.withBytes(reversed))), Self.reference(reversed)) == [])
    }

    @Test func fixturesMatchTheReference() {
        let files = Self.fixtureFiles()
        #expect(files.count > 300)
        let expected = Self.reference(files)
        #expect(Self.differences(files, Self.diagnostics(Workspace.check(Self.withBytes(files))), expected) == [])
        #expect(Self.differences(files, Self.diagnostics(Workspace.check(files)), expected) == [])
    }

    @Test func byteSummaryScanEqualsTheReferenceLineScan() {
        var sources = (Self.synthetic + Self.fixtureFiles()).map(\.source)
        sources += [
            "", "async", "async def", "async def ", "async def x", "def x\nasync def y()", "@d\n\n# c\ndef x(): pass\n",
            "@d\nclass C: pass\ndef x(): pass\nasync def y(): pass", "async def ab\u{301}c(): pass\n", "async def a\u{663}(): pass\n",
            "def \u{301}x(): pass\nasync def z(): pass", "async def\tx(): pass", "\nasync def last",
            "async def x1_y2(): pass\r\ndef _p(): pass\r\n",
        ]
        for source in sources {
            // Not `"@\u{301}"` (a decorator line to the byte scan, not to `String.hasPrefix("@")`,
            // which sees one grapheme): it is a syntax error either way.
            #expect(Workspace.scanSummary(Array(source.utf8)) == ModuleSummaryScanTests.referenceScan(source), "\(source.prefix(80))")
        }
    }
}
