import Foundation
import Testing
@testable import AsyncDaemon

@Suite struct QuickReferenceTests {
    struct QueryCase: CustomStringConvertible, Sendable {
        var query: String
        var top: String?
        var alsoInTopThree: [String]
        var description: String { "'\(query)'" }
    }

    static func queryCases() -> [QueryCase] {
        guard let text = try? TestPaths.fixtureText("Lookup/queries.tsv") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 2 else { return nil }
            return QueryCase(query: columns[0], top: columns[1] == "-" ? nil : columns[1], alsoInTopThree: Array(columns.dropFirst(2)))
        }
    }

    @Test func fixtureHasTheIssueExamples() {
        let queries = Set(Self.queryCases().map(\.query))
        for example in ["gather", "run coroutine from sync code", "forgot await", "sleep without blocking",
                        "await outside async", "run two things at once", "SyntaxError", "coroutine object", ""] {
            #expect(queries.contains(example), "missing \(example)")
        }
    }

    @Test(arguments: QuickReferenceTests.queryCases())
    func ranking(_ c: QueryCase) {
        let hits = QuickReferenceSearch.shared.search(c.query)
        guard let top = c.top else {
            #expect(hits.isEmpty, "expected nothing, got \(hits.map(\.entry.id))")
            return
        }
        #expect(hits.first?.entry.id == top, "got \(hits.prefix(3).map { "\($0.entry.id) \($0.score)" })")
        let topThree = hits.prefix(3).map(\.entry.id)
        for id in c.alsoInTopThree { #expect(topThree.contains(id), "\(id) not in \(topThree)") }
        #expect(hits.allSatisfy { $0.score > 0 && $0.score <= 1 })
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func idsAreUniqueAndTablesComplete() {
        let entries = QuickReferenceData.entries
        #expect(Set(entries.map(\.id)).count == entries.count)
        #expect(entries.filter { $0.table == .quickReference }.count == 7)
        #expect(entries.filter { $0.table == .rules }.count == 5)
        #expect(entries.filter { $0.table == .mistakes }.count == 3)
        for entry in entries {
            let prefix = ["quick-reference": "qr-", "rules": "rule-", "mistakes": "mistake-"][entry.table.rawValue] ?? "?"
            #expect(entry.id.hasPrefix(prefix))
        }
    }

    @Test func limitIsRespected() {
        #expect(QuickReferenceSearch.shared.search("await", limit: 2).count == 2)
        #expect(QuickReferenceSearch.shared.search("await", limit: 0).isEmpty)
    }

    @Test func identifierLookupForHover() {
        let search = QuickReferenceSearch.shared
        #expect(search.entry(forIdentifier: "asyncio.gather")?.id == "mistake-3-sequential-await")
        #expect(search.entry(forIdentifier: "gather")?.id == "mistake-3-sequential-await")
        #expect(search.entry(forIdentifier: "create_task")?.id == "mistake-3-sequential-await")
        #expect(search.entry(forIdentifier: "await")?.id == "qr-await-coroutine")
        #expect(search.entry(forIdentifier: "async")?.id == "qr-async-function")
        #expect(search.entry(forIdentifier: "asyncio.run")?.id == "qr-run-from-sync")
        #expect(search.entry(forIdentifier: "asyncio.sleep")?.id == "qr-non-blocking-sleep")
        #expect(search.entry(forIdentifier: "asyncio.iscoroutine")?.id == "qr-check-coroutine")
        #expect(search.entry(forIdentifier: "asyncio.iscoroutinefunction")?.id == "qr-check-coroutine-function")
        #expect(search.entry(forIdentifier: "asyncio.Queue") == nil)
        #expect(search.entry(forIdentifier: "") == nil)
    }

    /// Every entry's text is in the seed document, verbatim up to the indentation the seed's
    /// plain-text export lost. Skipped when the seed is not available.
    @Test func transcriptionMatchesTheSeed() throws {
        guard let shared = TestPaths.sharedDirectory else {
            print("note: skipping seed check: neither ../shared nor /work/shared holds seed-async-await.txt")
            return
        }
        let seed = try String(contentsOf: shared.appendingPathComponent("seed-async-await.txt"), encoding: .utf8)
        func flat(_ s: String) -> String {
            s.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.drop(while: { $0 == " " }) }.joined(separator: "\n")
        }
        let seedText = flat(seed)
        for entry in QuickReferenceData.entries {
            let expected: String
            switch entry.table {
            case .quickReference:
                expected = "| \(entry.pattern) | \(entry.code) |"
            case .rules:
                let wrongCell: String
                if let wrong = entry.wrong {
                    wrongCell = entry.consequence.map { "\(wrong) → \($0)" } ?? wrong
                } else {
                    wrongCell = entry.note ?? ""
                }
                // The seed breaks the row after the "Correct" cell when that cell is code.
                let oneLine = "| \(entry.pattern) | \(entry.code) | \(wrongCell) |"
                let twoLines = "| \(entry.pattern) | \(entry.code) |\n\(wrongCell) |"
                #expect(seedText.contains(oneLine) || seedText.contains(twoLines), "\(entry.id) not found in the seed")
                continue
            case .mistakes:
                let number = entry.id.split(separator: "-")[1]
                let correctHeader = entry.note.map { "✅ Correct — \($0):" } ?? "✅ Correct:"
                expected = "Mistake \(number) — \(entry.pattern)\n❌ Wrong — \(entry.consequence ?? ""):\n\(flat(entry.wrong ?? ""))\n\(correctHeader)\n\(flat(entry.code))"
            }
            #expect(seedText.contains(expected), "\(entry.id) not found in the seed as:\n\(expected)")
        }
        // And every table row of the seed is transcribed: count them.
        let quickReferenceRows = seedText.components(separatedBy: "Quick Reference\n").last?
            .split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Pattern") }.count
        #expect(quickReferenceRows == QuickReferenceData.quickReference.count)
        let mistakeCount = seedText.split(separator: "\n").filter { $0.hasPrefix("Mistake ") }.count
        #expect(mistakeCount == QuickReferenceData.mistakes.count)
    }
}
