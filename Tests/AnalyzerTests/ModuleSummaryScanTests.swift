import Foundation
import Testing
@testable import Analyzer

/// `ModuleSummary.scan` (byte-level) against the line-by-line String version it replaced, on
/// the rule fixtures, the examples and generated lines (decorators, CRLF, tabs, non-ASCII
/// names, blank lines between a decorator and its `def`).
@Suite struct ModuleSummaryScanTests {
    /// The previous implementation, kept as the reference.
    static func referenceScan(_ source: String) -> ModuleSummary {
        var summary = ModuleSummary()
        guard source.contains("async") else { return summary }
        var previousWasDecorator = false
        for line in source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            guard let first = line.first,
                  first == UInt8(ascii: "a") || first == UInt8(ascii: "d") || first == UInt8(ascii: "@") || first == UInt8(ascii: "c")
                    || first == UInt8(ascii: "i") || first == UInt8(ascii: "f") || first == UInt8(ascii: "_") else { continue }
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("@") {
                previousWasDecorator = true
                continue
            }
            defer { previousWasDecorator = false }
            let isAsync = text.hasPrefix("async def ")
            guard isAsync || text.hasPrefix("def ") else { continue }
            let rest = text.dropFirst(isAsync ? 10 : 4).drop(while: { $0 == " " })
            let name = String(rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }))
            guard !name.isEmpty, !previousWasDecorator else { continue }
            if isAsync { summary.coroutineFunctions.insert(name) } else { summary.plainFunctions.insert(name) }
        }
        return summary
    }

    @Test func agreesWithTheLineScanOnFixturesAndExamples() throws {
        var files: [URL] = []
        for folder in ["Tests/Fixtures", "examples"] {
            let root = CPython.repositoryRoot.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "py" { files.append(url) }
        }
        #expect(files.count > 20)
        for url in files {
            let text = String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
            #expect(ModuleSummary.scan(text) == Self.referenceScan(text), "\(url.lastPathComponent)")
        }
    }

    @Test func agreesWithTheLineScanOnGeneratedLines() {
        let pieces = ["async def fetch(x):", "def helper():", "@decorator", "", "   ", "async def  spaced():", "def\tf():",
                      "async def ñame():", "def 名前():", "async def _p():\r", "class C:", "import asyncio", "if x:",
                      "async def", "def ():", "async def e\u{301}():", "for x in y:", "# async def commented():", "async with x:"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let lines = (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }
            let text = lines.joined(separator: Bool.random(using: &random) ? "\n" : "\r\n")
            #expect(ModuleSummary.scan(text) == Self.referenceScan(text), "\(lines)")
        }
    }
}
