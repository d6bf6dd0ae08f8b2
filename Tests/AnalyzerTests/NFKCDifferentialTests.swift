import Testing
@testable import Analyzer

/// `NFKC.normalize` (asyncd's own table, for PEP 3131) against CPython's
/// `unicodedata.normalize("NFKC", …)`: every code point alone, then random sequences that mix
/// starters, combining marks (to exercise reordering and blocking), Hangul jamo and syllables,
/// and compatibility characters.
@Suite struct NFKCDifferentialTests {
    private static let script = #"""
    import random, sys, unicodedata as u
    mode = sys.argv[1]
    def hexes(s): return " ".join("%X" % ord(c) for c in s)
    if mode == "single":
        for cp in range(0x110000):
            if 0xD800 <= cp <= 0xDFFF: continue
            n = u.normalize("NFKC", chr(cp))
            if n != chr(cp): print("%X=%s" % (cp, hexes(n)))
    else:
        rng = random.Random(3131)
        marks = [c for c in range(0x300, 0x370)] + [0x1DC0, 0x1DCE, 0x20D0, 0x0591, 0x05B0, 0x0F71, 0x0F72, 0x0F80, 0x302A, 0x3099, 0x309A]
        starters = [0x41, 0x61, 0x45, 0x65, 0x4F, 0x6F, 0x55, 0x75, 0xC5, 0x212B, 0x1E0A, 0x3B1, 0x3C9, 0x415, 0x435, 0x928, 0x915, 0x304B, 0x30AB, 0x5F, 0x31]
        compat = [0xFB01, 0x2460, 0xFF21, 0x1D400, 0x2126, 0x1E9B, 0x3392, 0xFE73, 0x0344, 0x0F73, 0x2FA1D, 0x1F1, 0xBC, 0x2075, 0x1E00]
        hangul = [0x1100, 0x1112, 0x1161, 0x1175, 0x11A8, 0x11C2, 0x11A7, 0xAC00, 0xAC01, 0xD7A3, 0xB098]
        pool = marks + starters + compat + hangul
        for _ in range(20000):
            s = "".join(chr(rng.choice(pool)) for _ in range(rng.randint(1, 6)))
            print("%s=%s" % (hexes(s), hexes(u.normalize("NFKC", s))))
    """#

    private static func scalars(_ text: Substring) -> String {
        var view = String.UnicodeScalarView()
        for part in text.split(separator: " ") {
            if let value = UInt32(part, radix: 16), let scalar = Unicode.Scalar(value) { view.append(scalar) }
        }
        return String(view)
    }

    private static func hexes(_ text: String) -> String {
        text.unicodeScalars.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }

    private static func cpython(_ mode: String) throws -> [(input: String, expected: String)]? {
        guard CPython.isAvailable else { return nil }
        let output = try CPython.run(["-c", script, mode])
        return output.stdout.split(separator: "\n").compactMap { line in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return (scalars(line[..<equals]), scalars(line[line.index(after: equals)...]))
        }
    }

    @Test func everyCodePointAloneMatchesCPython() throws {
        guard let changed = try Self.cpython("single") else { print(CPython.skipMessage); return }
        #expect(changed.count > 4_000)
        var expected: [UInt32: String] = [:]
        for (input, output) in changed { if let v = input.unicodeScalars.first?.value { expected[v] = output } }
        var mismatches: [String] = []
        // Planes 0-2 and 14 hold every character with a decomposition or a combining class
        // (planes 3-13 only CJK ideographs and unassigned code points); checking the others
        // would only slow the debug-build test down.
        for value in Array(UInt32(0)..<0x30000) + Array(UInt32(0xE0000)..<0xF0000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let input = String(scalar)
            let want = expected[value] ?? input
            let got = NFKC.normalize(input)
            if got.unicodeScalars.elementsEqual(want.unicodeScalars) == false {
                mismatches.append("\(Self.hexes(input)): got \(Self.hexes(got)), CPython \(Self.hexes(want))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test func randomSequencesMatchCPython() throws {
        guard let cases = try Self.cpython("sequences") else { print(CPython.skipMessage); return }
        #expect(cases.count == 20_000)
        var mismatches: [String] = []
        for (input, want) in cases {
            let got = NFKC.normalize(input)
            if !got.unicodeScalars.elementsEqual(want.unicodeScalars) {
                mismatches.append("\(Self.hexes(input)): got \(Self.hexes(got)), CPython \(Self.hexes(want))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
    }

    @Test func asciiIsUnchangedAndIdentifiersFold() {
        #expect(NFKC.normalize("fetch_data") == "fetch_data")
        #expect(NFKC.normalize("ﬁle") == "file")
        #expect(NFKC.normalize("e\u{301}") == "\u{e9}")
        #expect(NFKC.normalize("𝐱") == "x")
    }
}
