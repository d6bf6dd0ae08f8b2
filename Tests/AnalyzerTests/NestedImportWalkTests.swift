import Testing
@testable import Analyzer

/// `ParseResult.nestedImportOffsets` lets `Workspace.check` skip, in its walk for imports, every
/// compound statement that holds none. The pruned walk must find exactly what the full walk
/// (`Workspace.importedModuleNames`) finds: checked on every fixture file, on mutations of them
/// (syntax errors, dropped lines, recovery), and on hand-written nestings.
@Suite struct NestedImportWalkTests {
    private static func check(_ bytes: [UInt8], _ label: String) -> Int {
        let parsed = PythonFrontEnd.parse(bytes: bytes)
        let all = Workspace.importedModuleNames(parsed.module.body, depth: 0)
        var pruned: [String] = []
        Workspace.collectImportedModuleNames(parsed.module.body, depth: 0, nestedImports: parsed.nestedImportOffsets, into: &pruned)
        #expect(parsed.nestedImportOffsets != nil)
        #expect(all == pruned, "\(label): the pruned walk differs")
        return parsed.nestedImportOffsets?.isEmpty == true ? 1 : 0
    }

    @Test func prunedWalkFindsWhatTheFullWalkFinds() {
        let cases = [
            "import a\nfrom b import c\n",
            "if x: import a\n",
            "try:\n    import a\nexcept ImportError:\n    a = None\n",
            "def f():\n    from . import x\n",
            "class C:\n    import os\n",
            "match x:\n    case 1:\n        import a\n",
            "with x: import a; import b\n",
            "import a; x = (\nimport b\n",
            "for i in x:\n    import a\nelse:\n    from b import c\n",
            "def f(:\n    import a\n",
        ]
        var flagged = 0
        for source in cases { flagged += Self.check(Array(source.utf8), source) }
        #expect(flagged >= 2)
        var generator = MutationFuzzer.Generator(seed: 0x1A2B)
        for file in WorkspaceEquivalenceTests.fixtureFiles() {
            let bytes = Array(file.source.utf8)
            flagged += Self.check(bytes, file.path)
            for round in 0..<3 {
                flagged += Self.check(MutationFuzzer.mutate(bytes, &generator), "\(file.path) mutation \(round)")
            }
        }
        #expect(flagged > 100)
    }
}
