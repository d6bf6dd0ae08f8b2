import Testing
@testable import Analyzer

/// `\N{...}` with a formal name alias (`BYTE ORDER MARK`, `BOM`, `NULL`, `VS17`) against
/// CPython 3.12, which accepts every alias type of `NameAliases.txt`, in any letter case: each
/// alias of `UnicodeNames.formalAliases`, every variation selector, lower-case spellings, and
/// near misses that both must reject.
@Suite struct UnicodeNameAliasTests {
    /// The code point asyncd decodes `"\N{name}"` to, or nil when it reports a syntax error.
    private static func decoded(_ name: String) -> UInt32? {
        let result = PythonFrontEnd.parse(bytes: Array("s = \"\\N{\(name)}\"\n".utf8))
        guard result.diagnostics.isEmpty, case .assign(_, let value, _) = result.module.body.first?.kind,
              case .constant(.str(let literal), _) = value.kind, literal.codePoints.count == 1 else { return nil }
        return literal.codePoints[0]
    }

    private static var names: [String] {
        let aliases = UnicodeNames.formalAliases.keys.sorted()
        let selectors = (1...256).map { "VS\($0)" }
        let spellings = ["bom", "Byte Order Mark", "vs1", "Vs17", "em", "fvs4", "line feed", "zwnbsp"]
        let misses = ["VS0", "VS257", "VS017", "VS", "BYTE ORDER MARK ", "BOMB", "FVS5", "BELL", "LATIN CAPITAL LETTER GHA",
                      "ZERO WIDTH NO-BREAK SPACE"]
        return aliases + selectors + spellings + misses
    }

    @Test func theAliasesCPythonAcceptsDecodeAlike() throws {
        #expect(Self.decoded("BYTE ORDER MARK") == 0xFEFF)
        #expect(Self.decoded("BOM") == 0xFEFF)
        #expect(Self.decoded("NULL") == 0)
        #expect(Self.decoded("VS256") == 0xE01EF)
        #expect(Self.decoded("VS257") == nil)
        guard CPython.isAvailable else { print(CPython.skipMessage); return }
        let names = Self.names
        let script = """
        import sys
        for name in sys.stdin.read().split("\\n"):
            try:
                value = eval('"\\\\N{%s}"' % name)
                print("%X" % ord(value) if len(value) == 1 else "-")
            except SyntaxError:
                print("-")
        """
        let output = try CPython.run(["-c", script], stdin: names.joined(separator: "\n"))
        let verdicts = output.stdout.split(separator: "\n").map(String.init)
        try #require(verdicts.count == names.count, "\(output.stderr)")
        var mismatches: [String] = []
        for (name, verdict) in zip(names, verdicts) {
            let ours = Self.decoded(name).map { String($0, radix: 16, uppercase: true) } ?? "-"
            if ours != verdict { mismatches.append("\(name): asyncd \(ours), CPython \(verdict)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(verdicts.filter { $0 != "-" }.count > 440)
    }
}
