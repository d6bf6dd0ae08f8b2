import Testing
import Analyzer
@testable import AsyncDaemon

/// `LiteralEdits.carryOver` against a full analysis: thousands of random edits in, at the ends of
/// and around number literals (digits, `_`, `.`, `e`, `j`, `x`, letters, spaces, quotes, line
/// breaks) of files whose diagnostics quote calls holding numbers, mixed with comment edits.
/// Whenever the edits are carried over, the moved diagnostics, comments and literals must equal
/// those of analysing the new text.
@Suite struct LiteralEditsTests {
    static let source = [
        "import asyncio",
        "import time",
        "TIMEOUT = 10  # module level: never carried",
        "",
        "async def fetch(url, retries=3):  # note 1",
        "    await asyncio.sleep(0.01)",
        "    x = 1 if url else 2",
        "    y = [0x1f, 1_000, 1e5, .5, 2j, 0o7, 0b1, 10., 1E-3]",
        "    z = f'{url}{1 + 2}{3:>{4}}'",
        "    return {'url': url, 'n': 42, 'x': x, 'y': y, 'z': z}",
        "",
        "",
        "async def process(urls):",
        "    first = await fetch(urls[0], 5)",
        "    second = await fetch(urls[1], 6)  # AIO301 quotes both calls",
        "    fetch('dropped', 7)",
        "    c = fetch('c', 8)",
        "    print(c)",
        "    time.sleep(0.5)",
        "    return first, second",
        "",
        "",
        "@decorate(12)",
        "async def decorated():",
        "    await asyncio.sleep(13)",
        "",
        "",
        "class Worker:",
        "    limit = 14",
        "",
        "    async def run(self, n=15):",
        "        await asyncio.sleep(n * 16)",
        "        return self.limit - 17",
        "",
        "    def sync(self):",
        "        return [i * 18 for i in range(19)]",
        "",
        "",
        "def helper(a=20):",
        "    \"\"\"A docstring with 26 words.\"\"\"",
        "    value = a + 21  # 22",
        "    s = '23 not a number'",
        "    t = b'bytes 27' + u'unicode' + r'raw\\d'",
        "    m = \"\"\"multi",
        "def not_a_def(x):",
        "    line 28\"\"\"",
        "    c = ('con' 'cat', 'x' \"y\")",
        "    return value ** 24",
        "",
        "",
        "async def tail():",
        "    await asyncio.sleep(25)",
        "",
    ].joined(separator: "\n")

    static let pieces = ["0", "1", "9", "", "_", ".", "e", "j", "x", "1_0", "a", " ", "(", "#", "\n", "'", "00", "e5", "é", "+",
                         "\"", "\\", "{", "}", "😀", "ab c", "\t", "\\n", "noqa"]

    static func analyze(_ bytes: [UInt8]) throws -> FileAnalysis {
        try Linter.analyze(source: String(decoding: bytes, as: UTF8.self), path: nil, knownModules: [:], selection: .all)
    }

    /// Byte ranges of runs of digits (candidate places to edit, listed literals or not).
    static func digitRuns(_ bytes: [UInt8]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                let start = index
                while index < bytes.count, LiteralEdits.isWordByte(bytes[index]) { index += 1 }
                runs.append(start..<index)
            } else {
                index += 1
            }
        }
        return runs
    }

    func run(source: String, seed: UInt64, trials: Int) throws -> (carried: Int, refused: Int) {
        var random = LSPReplayTests.SplitMix(state: seed)
        let base = Array(source.utf8)
        let baseAnalysis = try Self.analyze(base)
        var carried = 0, refused = 0
        for _ in 0..<trials {
            var bytes = base
            var analysis = baseAnalysis
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                var edits: [ByteEdit] = []
                var edited = bytes
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    let choice = Int.random(in: 0..<10, using: &random)
                    let targets = choice < 5 ? (edits.isEmpty ? analysis.literals.ranges : []) : choice < 8 ? Self.digitRuns(edited)
                        : choice < 9 ? (edits.isEmpty ? analysis.comments.ranges : []) : []
                    guard let edit = CommentEditsTests.randomEdit(of: edited, around: targets.randomElement(using: &random), spread: 2,
                                                                  pieces: Self.pieces, using: &random) else { continue }
                    edits.append(edit)
                    edited = edit.applied(to: edited)
                }
                let fresh = try Self.analyze(edited)
                if let moved = LiteralEdits.carryOver(diagnostics: analysis.diagnostics, comments: analysis.comments,
                                                      literals: analysis.literals, text: bytes, edits: edits) {
                    carried += 1
                    #expect(moved.diagnostics == fresh.diagnostics, "edits \(edits) on \(String(decoding: bytes, as: UTF8.self))")
                    #expect(moved.comments == fresh.comments, "edits \(edits)")
                    #expect(moved.literals == fresh.literals, "edits \(edits) on \(String(decoding: bytes, as: UTF8.self))")
                } else {
                    refused += 1
                }
                bytes = edited
                analysis = fresh
            }
        }
        return (carried, refused)
    }

    @Test func carriedOverAnalysesEqualFullAnalyses() throws {
        let base = try Self.analyze(Array(Self.source.utf8))
        #expect(Set(base.diagnostics.map(\.code)).isSuperset(of: ["AIO201", "AIO202", "AIO301", "AIO401"]), "\(base.diagnostics.map(\.code))")
        #expect(base.literals.ranges.count > 20, "\(base.literals.ranges.count) literals")
        let (carried, refused) = try run(source: Self.source, seed: 4242, trials: 1500)
        #expect(carried > 400 && refused > 400, "carried \(carried), refused \(refused)")
        let (carried2, refused2) = try run(source: Self.source, seed: 777, trials: 1500)
        #expect(carried2 > 300 && refused2 > 400, "carried \(carried2), refused \(refused2)")
    }

    @Test func carriedOverOnTheBenchmarkShapeAndCommentSource() throws {
        var blocks: [String] = ["import asyncio\n\n\n"]
        for n in 0..<12 {
            blocks.append("async def fetch_\(n)(url):  # note\n    await asyncio.sleep(0.01)\n    return {'url': url, 'n': \(n)}\n\n\n"
                + "async def process_\(n)(urls):\n    results = []\n    for url in urls:\n        item = await fetch_\(n)(url)  # note\n"
                + "        results.append(item)\n    first = await fetch_\(n)('a')\n    second = await fetch_\(n)('b')\n"
                + (n % 10 == 0 ? "    fetch_\(n)('dropped')\n" : "    print(first, second)\n") + "    return results\n\n\n")
        }
        let (carried, refused) = try run(source: blocks.joined(), seed: 99, trials: 800)
        #expect(carried > 100 && refused > 100, "carried \(carried), refused \(refused)")
        let (carried2, _) = try run(source: CommentEditsTests.source, seed: 7, trials: 400)
        #expect(carried2 > 50, "carried \(carried2)")
    }

    /// Edits that make the literal something else, or touch a quoted or module-level number,
    /// are never carried over.
    @Test(arguments: [
        ("sleep(0.01)", 9, 9, "x"),        // `0.01x`: not a number
        ("sleep(0.01)", 10, 10, "e"),      // `0.01e`: not a number
        ("retries=3", 8, 9, ""),           // the number deleted
        ("TIMEOUT = 10", 10, 10, "1"),     // module level
        ("urls[0], 5)", 9, 9, "1"),        // quoted by AIO301's message
        ("1 if url", 0, 0, "0"),           // `01`: leading zeros are refused
        ("= 1 if", 2, 3, "1if"),           // `1if`: a letter joins the number
        ("{1 + 2}", 1, 1, "1"),            // inside an f-string
        ("'url': url", 2, 2, "'"),         // a quote in a string
        ("'23 not", 2, 2, "#"),            // a `#` in a string
        ("'23 not", 2, 2, "\\"),           // a backslash in a string
        ("b'bytes", 3, 3, "é"),            // non-ASCII in bytes: a syntax error
        ("def not_a_def", 5, 5, "x"),      // a column-0 line of a multi-line string
        ("'dropped'", 2, 2, "x"),          // quoted by AIO201's message
        ("'con' 'cat'", 5, 5, "x"),        // between two parts of a concatenation
    ])
    func editsThatMayMatterAreRefused(context: String, start: Int, end: Int, text: String) throws {
        let bytes = Array(Self.source.utf8)
        let analysis = try Self.analyze(bytes)
        let range = try #require(Self.source.utf8.firstRange(of: context.utf8))
        let offset = Self.source.utf8.distance(from: Self.source.utf8.startIndex, to: range.lowerBound)
        let edit = ByteEdit(start: offset + start, end: offset + end, text: Array(text.utf8))
        #expect(LiteralEdits.carryOver(diagnostics: analysis.diagnostics, comments: analysis.comments, literals: analysis.literals,
                                       text: bytes, edits: [edit]) == nil)
    }

    /// Typing in a docstring, a bytes literal and a concatenation part is carried over.
    @Test(arguments: [("26 words", 2, "x"), ("bytes 27", 5, "1"), ("'cat'", 2, "é😀"), ("line 28", 4, " more")])
    func typingInAStringIsCarriedOver(context: String, at: Int, text: String) throws {
        let bytes = Array(Self.source.utf8)
        let analysis = try Self.analyze(bytes)
        let range = try #require(Self.source.utf8.firstRange(of: context.utf8))
        let offset = Self.source.utf8.distance(from: Self.source.utf8.startIndex, to: range.lowerBound) + at
        let edit = ByteEdit(start: offset, end: offset, text: Array(text.utf8))
        let moved = try #require(LiteralEdits.carryOver(diagnostics: analysis.diagnostics, comments: analysis.comments,
                                                        literals: analysis.literals, text: bytes, edits: [edit]))
        let fresh = try Self.analyze(edit.applied(to: bytes))
        #expect(moved.diagnostics == fresh.diagnostics)
        #expect(moved.literals == fresh.literals)
        #expect(moved.comments == fresh.comments)
    }

    /// The benchmark's code edit: a digit typed at the end of `asyncio.sleep(0.01)`.
    @Test func aDigitTypedIntoASleepIsCarriedOver() throws {
        let bytes = Array(Self.source.utf8)
        let analysis = try Self.analyze(bytes)
        let range = try #require(Self.source.utf8.firstRange(of: "sleep(0.01)".utf8))
        let offset = Self.source.utf8.distance(from: Self.source.utf8.startIndex, to: range.lowerBound) + 10
        let edit = ByteEdit(start: offset, end: offset, text: Array("5".utf8))
        let moved = try #require(LiteralEdits.carryOver(diagnostics: analysis.diagnostics, comments: analysis.comments,
                                                        literals: analysis.literals, text: bytes, edits: [edit]))
        let fresh = try Self.analyze(edit.applied(to: bytes))
        #expect(moved.diagnostics == fresh.diagnostics)
        #expect(moved.literals == fresh.literals)
    }
}

extension LiteralEditsTests {
    /// Through the server: typing digits into numbers and comments publishes, for every version,
    /// exactly what a fresh analysis of that version's text encodes to (the reused encoding included).
    @Test func publishedAfterDigitTypingEqualsFreshAnalyses() throws {
        typealias M = LSPMessages
        let uri = "file:///tmp/digit_typing.py"
        var lines = Self.source.components(separatedBy: "\n")
        var messages = M.initialize() + [M.didOpen(uri, Self.source)]
        var texts: [Int: String] = [1: Self.source]
        let targets = lines.indices.filter { lines[$0].hasSuffix("sleep(0.01)") || lines[$0].hasSuffix("sleep(13)")
            || lines[$0].hasSuffix("# note 1") || lines[$0].hasSuffix("- 17") || lines[$0].hasSuffix("sleep(25)") }
        #expect(targets.count == 5)
        for step in 0..<40 {
            let line = targets[step % targets.count]
            let inComment = lines[line].hasSuffix("# note 1")
            let character = lines[line].utf16.count - (lines[line].hasSuffix(")") ? 1 : 0)
            let text = inComment ? "x" : String(step % 10)
            var utf16 = Array(lines[line].utf16)
            utf16.insert(contentsOf: Array(text.utf16), at: character)
            lines[line] = String(decoding: utf16, as: UTF16.self)
            messages.append(M.didChange(uri, version: step + 2, range: M.range(line, character, line, character), text: text))
            texts[step + 2] = lines.joined(separator: "\n")
        }
        try InProcess.serve(Frames.ndjson(messages), chunkSize: 200).expectPublishesMatchFreshAnalyses(uri, texts: texts, path: "/tmp/digit_typing.py")
    }
}
