import Foundation
import Testing
@testable import AsyncDaemon

/// Replays thousands of random incremental edits (emoji, CJK, CRLF, lone CR, tabs) and checks,
/// after every step, that the server's copy (`$/asyncd/documentText`) equals the client's.
///
/// The client side is an independent model: the text as an array of Unicode scalars, lines cut
/// at `\r\n`, `\r` or `\n` (LSP 3.17 "Text Documents"), positions counted with each scalar's
/// `utf16.count` / `utf8.count` / 1 — nothing of the server's `LineTable` is used.
@Suite struct LSPReplayTests {
    /// A deterministic generator (SplitMix64), so a failure replays the same way.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [String] = ["a", "await ", "😀", "👍🏽", "é", "日本", "\r\n", "\n", "\r", "\t", " ", "x = 1", "𝔘", "async def f():\r\n    pass\n"]

    /// (line, character) of scalar index `index` in `encoding`.
    static func position(of index: Int, in scalars: [Unicode.Scalar], encoding: String) -> (Int, Int) {
        var line = 0, character = 0, i = 0
        while i < index {
            let s = scalars[i]
            if s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
                if i + 1 == index { break }  // not addressable: callers avoid it
                line += 1; character = 0; i += 2; continue
            }
            if s == "\n" || s == "\r" { line += 1; character = 0; i += 1; continue }
            switch encoding {
            case "utf-8": character += String(s).utf8.count
            case "utf-32": character += 1
            default: character += String(s).utf16.count
            }
            i += 1
        }
        return (line, character)
    }

    /// A random scalar index that does not split a CRLF pair.
    static func boundary(_ scalars: [Unicode.Scalar], _ rng: inout SplitMix) -> Int {
        while true {
            let i = Int.random(in: 0...scalars.count, using: &rng)
            if i > 0, i < scalars.count, scalars[i - 1] == "\r", scalars[i] == "\n" { continue }
            return i
        }
    }

    @Test(arguments: ["utf-16", "utf-8", "utf-32"])
    func thousandsOfRandomEditsKeepServerAndClientEqual(encoding: String) {
        let steps = encoding == "utf-16" ? 3000 : 1000
        var rng = SplitMix(state: 0xA5D0 &+ UInt64(encoding.utf8.count))
        let uri = "untitled:replay.py"
        var client = Array("import asyncio\r\n\nasync def main():\n    print('😀')\r\n".unicodeScalars)
        var lines = LSPMessages.initialize(encodings: encoding == "utf-16" ? [] : [encoding],
                                           options: .object(["debounceMilliseconds": .int(5000)]))
        lines.append(LSPMessages.didOpen(uri, String(String.UnicodeScalarView(client)), version: 1))
        var expected: [Int: String] = [:]
        for version in 2...(steps + 1) {
            var a = Self.boundary(client, &rng), b = Self.boundary(client, &rng)
            if a > b { swap(&a, &b) }
            if Int.random(in: 0..<3, using: &rng) == 0 { b = min(b, a + Int.random(in: 0...3, using: &rng)); if b < client.count, b > 0, client[b - 1] == "\r", client[b] == "\n" { b += 1 } }
            let insert = (0..<Int.random(in: 0...2, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
            let start = Self.position(of: a, in: client, encoding: encoding)
            let end = Self.position(of: b, in: client, encoding: encoding)
            client.replaceSubrange(a..<b, with: Array(insert.unicodeScalars))
            // Keep the document from growing without bound: trim when long (a full-text change).
            if client.count > 400 {
                client = Array(client.prefix(200))
                if client.last == "\r" { client.removeLast() }
                lines.append(LSPMessages.didChange(uri, version: version, range: nil, text: String(String.UnicodeScalarView(client))))
            } else {
                lines.append(LSPMessages.didChange(uri, version: version, range: LSPMessages.range(start.0, start.1, end.0, end.1), text: insert))
            }
            lines.append(LSPMessages.documentText(version, uri))
            expected[version] = String(String.UnicodeScalarView(client))
        }
        let t = InProcess.serve(ndjson: lines)
        var compared = 0
        for (version, text) in expected.sorted(by: { $0.key < $1.key }) {
            let got = t.reply(version)?["result"]?["text"]?.stringValue
            if got != text {
                Issue.record("\(encoding): step \(version): server \(got.debugDescription) != client \(text.debugDescription)")
                break
            }
            compared += 1
        }
        #expect(compared == steps)
    }
}
