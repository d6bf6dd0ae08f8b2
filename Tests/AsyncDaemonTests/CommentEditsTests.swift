import Testing
import Analyzer
@testable import AsyncDaemon

/// `CommentEdits.carryOver` against a full analysis: random edits inside and around comments
/// (with line breaks, `noqa`, `#`, emoji, CRLF) of a file whose diagnostics quote source text,
/// carry fixes, sit next to comments and are suppressed by `# noqa`. Whenever an edit is
/// carried over, the moved diagnostics and comments must equal those of analysing the new text.
@Suite struct CommentEditsTests {
    static let source = [
        "# -*- coding: utf-8 -*-  # first lines may be coding declarations",
        "import asyncio  # second line",
        "import time",
        "",
        "async def fetch(url):  # a comment after a def",
        "    await asyncio.sleep(0.1)  # sleeps",
        "    return url",
        "",
        "async def main():  # note",
        "    a = await fetch(  # inside a call: quoted by AIO301's message",
        "        'x')",
        "    b = await fetch('y')  # kept by the gather fix",
        "    fetch('dropped')  # AIO201 here",
        "    fetch('quiet')  # noqa: AIO201",
        "    c = fetch(1  # inside the call AIO202 quotes",
        "    )",
        "    print(c)  # the use",
        "    time.sleep(1)  # blocking",
        "    s = '# not a comment'  # but this is",
        "    return a, b, s\r",
        "# a comment line\r",
        "def helper():  # 😀 emoji",
        "    asyncio.run(main())  # AIO203?",
        "",
        "async def other():  # about to be checked",
        "    asyncio.run(fetch(2))  # AIO204 with a fix",
        "    f'{1  # no comment in a one-line f-string",
        "    }'",
        "    g = f'''{2  # a comment in a triple-quoted f-string",
        "    }'''",
        "",
    ].joined(separator: "\n")

    static let pieces = ["x", "", " ", "noqa", "NOQA: AIO2", "q", "a", "é", "😀", "#", "\n", "\r", "\r\n", "'", "(", ")", "\\", "\t"]

    static func analyze(_ bytes: [UInt8]) throws -> FileAnalysis {
        try Linter.analyze(source: String(decoding: bytes, as: UTF8.self), path: nil, knownModules: [:], selection: .all)
    }

    @Test func carriedOverAnalysesEqualFullAnalyses() throws {
        var random = LSPReplayTests.SplitMix(state: 3131)
        let base = Array(Self.source.utf8)
        let baseAnalysis = try Self.analyze(base)
        #expect(Set(baseAnalysis.diagnostics.map(\.code)).isSuperset(of: ["AIO201", "AIO202", "AIO301", "AIO401"]),
                "\(baseAnalysis.diagnostics.map(\.code))")
        var carried = 0, refused = 0
        // Each trial: a few changes in a row from the original text (a file full of syntax
        // errors would exercise little).
        for _ in 0..<400 {
            var bytes = base
            var analysis = baseAnalysis
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                var edits: [ByteEdit] = []
                var edited = bytes
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    let comments = edits.isEmpty ? analysis.comments.ranges : ((try? Self.analyze(edited).comments.ranges) ?? [])
                    var target: Range<Int>?
                    if let comment = comments.randomElement(using: &random), Int.random(in: 0..<10, using: &random) < 8 { target = comment }
                    guard let edit = Self.randomEdit(of: edited, around: target, spread: 3, pieces: Self.pieces, using: &random) else { continue }
                    edits.append(edit)
                    edited = edit.applied(to: edited)
                }
                let fresh = try Self.analyze(edited)
                if let moved = CommentEdits.carryOver(diagnostics: analysis.diagnostics, comments: analysis.comments, text: bytes, edits: edits) {
                    carried += 1
                    #expect(moved.diagnostics == fresh.diagnostics, "edits \(edits) on \(String(decoding: bytes, as: UTF8.self))")
                    #expect(moved.comments == fresh.comments)
                } else {
                    refused += 1
                }
                bytes = edited
                analysis = fresh
            }
        }
        // Both paths must have been exercised.
        #expect(carried > 100 && refused > 100, "carried \(carried), refused \(refused)")
    }

    /// Edits that change what a full analysis finds are never carried over.
    @Test(arguments: [
        ("# noqa: AIO201", "# no: AIO201"),           // un-suppresses
        ("# AIO201 here", "# noqa here"),             // suppresses
        ("# inside the call AIO202 quotes", "# inside the call AIO202 said"),  // quoted by the message
        ("# -*- coding: utf-8 -*-", "# -*- coding: latin-9 -*-"),  // a coding declaration
        ("# sleeps", "# sleeps\n    x"),             // a line break ends the comment
    ])
    func editsThatMatterAreRefused(old: String, new: String) throws {
        let bytes = Array(Self.source.utf8)
        let analysis = try Self.analyze(bytes)
        let range = try #require(Self.source.utf8.firstRange(of: old.utf8))
        let start = Self.source.utf8.distance(from: Self.source.utf8.startIndex, to: range.lowerBound)
        let edit = ByteEdit(start: start + 1, end: start + old.utf8.count, text: Array(new.utf8.dropFirst()))
        #expect(CommentEdits.carryOver(diagnostics: analysis.diagnostics, comments: analysis.comments, text: bytes, edits: [edit]) == nil)
    }

    /// An edit in a trailing comment is carried over, moving what follows it.
    @Test func aTrailingCommentEditIsCarriedOver() throws {
        let bytes = Array(Self.source.utf8)
        let analysis = try Self.analyze(bytes)
        let range = try #require(Self.source.utf8.firstRange(of: "# note".utf8))
        let end = Self.source.utf8.distance(from: Self.source.utf8.startIndex, to: range.upperBound)
        let edit = ByteEdit(start: end, end: end, text: Array(" 😀 more".utf8))
        let moved = try #require(CommentEdits.carryOver(diagnostics: analysis.diagnostics, comments: analysis.comments, text: bytes, edits: [edit]))
        #expect(moved.diagnostics == (try Self.analyze(edit.applied(to: bytes))).diagnostics)
        #expect(moved.diagnostics.first?.range.start.offset != analysis.diagnostics.first?.range.start.offset)
    }

    static func commentRanges(_ bytes: [UInt8], analysis: FileAnalysis, sameText: Bool) -> [Range<Int>] {
        if sameText { return analysis.comments.ranges }
        return (try? analyze(bytes).comments.ranges) ?? []
    }

    /// One random edit of `bytes`: inside `target` (one time in ten reaching two bytes past its
    /// end), or anywhere, replacing up to `spread` bytes, when there is none. Its text is one of
    /// `pieces`. nil when an end would cut a character (`DocumentStore` never gets such edits).
    static func randomEdit<R: RandomNumberGenerator>(of bytes: [UInt8], around target: Range<Int>?, spread: Int,
                                                     pieces: [String], using random: inout R) -> ByteEdit? {
        let start: Int, end: Int
        if let target {
            start = Int.random(in: target.lowerBound...target.upperBound, using: &random)
            let reach = Int.random(in: 0..<10, using: &random) == 0 ? 2 : 0
            end = Int.random(in: start...min(target.upperBound + reach, bytes.count), using: &random)
        } else {
            start = Int.random(in: 0...bytes.count, using: &random)
            end = min(bytes.count, start + Int.random(in: 0...spread, using: &random))
        }
        guard isBoundary(start, bytes), isBoundary(end, bytes), let text = pieces.randomElement(using: &random) else { return nil }
        return ByteEdit(start: start, end: end, text: Array(text.utf8))
    }

    /// Edits cut at character boundaries, as `DocumentStore` guarantees.
    static func isBoundary(_ offset: Int, _ bytes: [UInt8]) -> Bool {
        offset >= bytes.count || bytes[offset] & 0xC0 != 0x80
    }
}

extension CommentEditsTests {
    /// Through the server: typing into comments publishes, for every version, exactly what a
    /// fresh analysis of that version's text encodes to (the reused encoding included).
    @Test func publishedAfterCommentTypingEqualsFreshAnalyses() throws {
        typealias M = LSPMessages
        let uri = "file:///tmp/comment_typing.py"
        var lines = Self.source.components(separatedBy: "\n")
        var messages = M.initialize() + [M.didOpen(uri, Self.source)]
        var texts: [Int: String] = [1: Self.source]
        let targets = lines.indices.filter { lines[$0].hasSuffix("# note") || lines[$0].hasSuffix("# sleeps") || lines[$0].hasSuffix("# the use") }
        for step in 0..<30 {
            let line = targets[step % targets.count]
            let character = lines[line].utf16.count
            lines[line] += step % 3 == 0 ? "é" : "x"
            messages.append(M.didChange(uri, version: step + 2, range: M.range(line, character, line, character), text: step % 3 == 0 ? "é" : "x"))
            texts[step + 2] = lines.joined(separator: "\n")
        }
        // Small reads: most changes are analysed (or carried over) and published one by one.
        try InProcess.serve(Frames.ndjson(messages), chunkSize: 200).expectPublishesMatchFreshAnalyses(uri, texts: texts, path: "/tmp/comment_typing.py")
    }
}
