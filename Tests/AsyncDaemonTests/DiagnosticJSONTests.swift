import Foundation
import Testing
import Analyzer
@testable import AsyncDaemon

/// `DiagnosticJSON` (bytes written directly) against `JSONWriter.encode(ResultEncoding.diagnostic(...))`
/// (the `JSONValue` tree): byte for byte, for every diagnostic of the rule fixtures and of a file
/// with emoji, CJK and escapes, in every position encoding, with and without a URI.
@Suite struct DiagnosticJSONTests {
    static func sources() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Rules")
        var result: [String] = [CommentEditsTests.source,
                                "import asyncio, time\nasync def f\u{e9}tch(u=\"a/b\\\\c\\\"\t😀\"):\n    time.sleep(1)  # 日本\nasync def main():\n    f\u{e9}tch()\n    x = (1 +\n"]
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "py" {
                result.append(String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self))
            }
        }
        return result
    }

    @Test func integersAreWrittenAsStringWritesThem() {
        var values = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 65535, 1 << 31, Int.max, Int.max - 1, -1, -10, Int.min]
        for power in 0..<19 { var v = 1; for _ in 0..<power { v *= 10 }; values += [v - 1, v, v + 1] }
        for value in values {
            var out: [UInt8] = []
            DiagnosticJSON.writeInt(value, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }

    @Test func directBytesEqualTheJSONValueEncoding() throws {
        let sources = try Self.sources()
        #expect(sources.count > 10)
        var compared = 0
        for source in sources {
            let diagnostics = try Linter.check(source: source)
            let lines = LineTable(source)
            for encoding in PositionEncoding.allCases {
                for uri in ["file:///tmp/x.py", nil] as [String?] {
                    var direct: [UInt8] = []
                    DiagnosticJSON.writeArray(diagnostics, lines: lines, encoding: encoding, uri: uri, into: &direct)
                    let tree = JSONWriter.encode(.array(diagnostics.map { ResultEncoding.diagnostic($0, lines: lines, encoding: encoding, uri: uri) }))
                    #expect(direct == tree, "\(encoding) \(uri ?? "nil"): \(String(decoding: direct.prefix(300), as: UTF8.self))")
                    compared += diagnostics.count
                }
            }
        }
        #expect(compared > 100)
    }
}
