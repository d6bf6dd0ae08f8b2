/// Ranks the quick-reference entries for the free-text queries people type
/// (`gather`, `run coroutine from sync code`, `forgot await`, `sleep without blocking` …).
///
/// A small field-weighted term model: query and entry text are lowercased, split into words,
/// stemmed (`Forgetting`/`forgot` → `forget`, `blocking` → `block`) and mapped through a few
/// synonyms (`at once`, `parallel`, `simultaneously` → `concurrent`; `without` → `non`).
/// Each query term scores its inverse document frequency times the weight of the best field it
/// occurs in (pattern > code, consequence > wrong form, keywords > note); entries that match every
/// term get a bonus, and a larger one when the query is exactly their title or one of their
/// keywords (`async def`), else when it occurs in a field as a phrase. Scores are normalised to 0…1 against the best a
/// perfect entry could reach. Stop words only (`how do I`) or unknown words give no results.
struct QuickReferenceSearch: Sendable {
    struct Hit: Sendable, Equatable {
        var entry: ReferenceEntry
        var score: Double
    }

    static let shared = QuickReferenceSearch(entries: QuickReferenceData.entries)

    private struct IndexedEntry: Sendable {
        var entry: ReferenceEntry
        /// Token sequences per field, with the field's weight (for phrase matches).
        var fields: [(weight: Double, tokens: [String])]
        /// Each token's best field weight in this entry.
        var bestWeight: [String: Double]
        /// The pattern and each keyword as term sequences: a query equal to one is a bull's-eye.
        var exactPhrases: [[String]]
    }

    private let indexed: [IndexedEntry]
    private let documentFrequency: [String: Int]

    init(entries: [ReferenceEntry]) {
        var indexed: [IndexedEntry] = []
        var frequency: [String: Int] = [:]
        for entry in entries {
            var fields: [(weight: Double, tokens: [String])] = [
                (3.0, Self.terms(entry.pattern)),
                (2.0, Self.terms(entry.code)),
            ]
            if let wrong = entry.wrong { fields.append((1.5, Self.terms(wrong))) }
            if let consequence = entry.consequence { fields.append((2.0, Self.terms(consequence))) }
            if let note = entry.note { fields.append((1.0, Self.terms(note))) }
            fields.append((1.5, entry.keywords.flatMap { Self.terms($0) }))
            var best: [String: Double] = [:]
            for field in fields {
                for token in field.tokens { best[token] = max(best[token] ?? 0, field.weight) }
            }
            for token in best.keys { frequency[token, default: 0] += 1 }
            let exact = [Self.terms(entry.pattern)] + entry.keywords.map { Self.terms($0) }
            indexed.append(IndexedEntry(entry: entry, fields: fields, bestWeight: best, exactPhrases: exact.filter { !$0.isEmpty }))
        }
        self.indexed = indexed
        self.documentFrequency = frequency
    }

    /// The entries matching `query`, best first, at most `limit`.
    func search(_ query: String, limit: Int = 10) -> [Hit] {
        // Queries are a few words; only the first 1,000 characters of a longer one are read,
        // which keeps a 64 MiB query from costing more than a normal one.
        let sequence = Self.terms(String(query.unicodeScalars.prefix(1000)))
        var seen = Set<String>()
        let queryTerms = sequence.filter { seen.insert($0).inserted }
        guard !queryTerms.isEmpty, limit > 0 else { return [] }
        let count = Double(indexed.count)
        let idf = queryTerms.map { term -> Double in
            let df = Double(documentFrequency[term] ?? 0)
            return df == 0 ? 0 : log1p(count / df)
        }
        // Unknown words are ignored; a query of only unknown words finds nothing.
        let best = zip(queryTerms, idf).reduce(0.0) { $0 + $1.1 * 3.0 } * 1.3 * 1.5
        guard best > 0 else { return [] }
        let known = idf.filter { $0 > 0 }.count
        var hits: [Hit] = []
        for item in indexed {
            var score = 0.0
            var matched = 0
            for (term, weight) in zip(queryTerms, idf) where weight > 0 {
                guard let fieldWeight = item.bestWeight[term] else { continue }
                score += weight * fieldWeight
                matched += 1
            }
            guard matched > 0 else { continue }
            if matched == known { score *= 1.3 }  // every known term matched
            if item.exactPhrases.contains(sequence) {
                score *= 1.5  // the query is the entry's title or one of its keywords
            } else if sequence.count >= 2, item.fields.contains(where: { Self.containsPhrase($0.tokens, sequence) }) {
                score *= 1.2  // the whole query as a phrase
            }
            hits.append(Hit(entry: item.entry, score: (min(score / best, 1) * 1000).rounded() / 1000))
        }
        // Stable: equal scores keep table order (quick reference, rules, mistakes).
        let ranked = hits.enumerated().sorted {
            $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset
        }.map(\.element)
        return Array(ranked.prefix(limit))
    }

    /// The entry explaining an identifier under the cursor (`asyncio.gather`, `await`,
    /// `create_task`), for hover: the first entry — quick reference, then rules, then mistakes —
    /// whose code or wrong form uses it as a whole word, else whose keywords name it.
    func entry(forIdentifier identifier: String) -> ReferenceEntry? {
        let name = identifier.trimmingWhitespace()
        guard !name.isEmpty else { return nil }
        let bare = name.hasPrefix("asyncio.") ? String(name.dropFirst("asyncio.".count)) : name
        let candidates = name == bare ? [name, "asyncio." + name] : [name]
        for item in indexed {
            let texts = [item.entry.code, item.entry.wrong ?? ""]
            if texts.contains(where: { text in candidates.contains { Self.containsWord(text, $0) } }) { return item.entry }
        }
        for item in indexed where item.entry.keywords.contains(where: { candidates.contains($0) || $0 == bare }) {
            return item.entry
        }
        return nil
    }

    // MARK: - Text normalisation

    private static let stopWords: Set<String> = [
        "a", "an", "the", "to", "of", "in", "on", "for", "from", "is", "it", "i", "how", "do", "doe", "my", "me",
        "can", "what", "with", "and", "or", "code", "python", "use", "us", "using", "why", "when", "there", "thing",
        "two", "be", "by", "at", "this", "that", "not", "are", "get", "into", "if", "only", "you", "your", "should",
        "does", "did", "make", "way", "one", "all", "out", "up",
    ]

    /// Whole-phrase rewrites applied before splitting into words.
    private static let phrases: [(String, String)] = [
        ("at the same time", " concurrent "), ("same time", " concurrent "), ("at once", " concurrent "),
        ("in parallel", " concurrent "), ("non-blocking", " non block "), ("nonblocking", " non block "),
        ("without blocking", " non block "), ("event loop", " eventloop "),
    ]

    private static let irregular: [String: String] = [
        "forgot": "forget", "forgotten": "forget", "forgetting": "forget", "forgets": "forget", "forgetting_": "forget",
        "ran": "run", "running": "run", "runs": "run", "slept": "sleep", "sleeping": "sleep",
        "concurrently": "concurrent", "concurrency": "concurrent", "simultaneously": "concurrent",
        "simultaneous": "concurrent", "parallel": "concurrent", "parallelism": "concurrent", "together": "concurrent",
        "synchronous": "sync", "synchronously": "sync", "asynchronous": "async", "asynchronously": "async",
        "func": "function", "functions": "function", "coros": "coroutine", "coro": "coroutine",
        "sequentially": "sequential", "without": "non", "executed": "execute", "executing": "execute",
        "syntaxerror": "syntaxerror", "awaiting": "await", "awaited": "await", "awaits": "await", "unawaited": "await",
    ]

    private static let phraseBytes: [(phrase: [UInt8], replacement: [UInt8])] =
        phrases.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Lowercased, stemmed, synonym-mapped words of `text`, stop words removed, in order.
    /// Works on ASCII bytes (every other byte separates words): the tables and the queries
    /// people type about them are English and Python identifiers.
    static func terms(_ text: String) -> [String] {
        var bytes: [UInt8] = [0x20]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
        bytes.append(0x20)
        for (phrase, replacement) in phraseBytes { bytes = replaceAll(phrase, with: replacement, in: bytes) }
        var words: [String] = []
        var start = -1
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
        }
        for index in 0...bytes.count {
            let inWord = index < bytes.count && isWordByte(bytes[index])
            if inWord {
                if start < 0 { start = index }
            } else if start >= 0 {
                let word = bytes[start..<index]
                words.append(String(decoding: word, as: UTF8.self))
                // `create_task`, `fetch_data`: the parts are words too.
                if word.contains(0x5F) {
                    words.append(contentsOf: word.split(separator: 0x5F).map { String(decoding: $0, as: UTF8.self) })
                }
                start = -1
            }
        }
        return words.compactMap { word in
            let stemmed = stem(word)
            return stopWords.contains(stemmed) || stopWords.contains(word) ? nil : stemmed
        }
    }

    private static func replaceAll(_ phrase: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard let first = phrase.first, bytes.count >= phrase.count else { return bytes }
        var out: [UInt8] = []
        var i = 0
        var changed = false
        while i < bytes.count {
            if bytes[i] == first, i + phrase.count <= bytes.count, bytes[i..<(i + phrase.count)].elementsEqual(phrase) {
                if !changed {
                    out.reserveCapacity(bytes.count + 16)
                    out.append(contentsOf: bytes[0..<i])
                    changed = true
                }
                out.append(contentsOf: replacement)
                i += phrase.count
            } else {
                if changed { out.append(bytes[i]) }
                i += 1
            }
        }
        return changed ? out : bytes
    }

    private static func stem(_ word: String) -> String {
        if let mapped = irregular[word] { return mapped }
        let n = word.count
        if n > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if n > 5, word.hasSuffix("ing") { return String(word.dropLast(3)) }
        if n > 4, word.hasSuffix("ed") { return String(word.dropLast(2)) }
        if n > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") { return String(word.dropLast()) }
        return word
    }

    private static func containsPhrase(_ tokens: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= tokens.count else { return false }
        for start in 0...(tokens.count - phrase.count) where Array(tokens[start..<(start + phrase.count)]) == phrase {
            return true
        }
        return false
    }

    /// `word` occurs in `text` with no identifier character (letter, digit, `_`, `.`) on either side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        let hay = Array(text.utf8), needle = Array(word.utf8)
        guard !needle.isEmpty, needle.count <= hay.count else { return false }
        func isIdent(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E
        }
        for start in 0...(hay.count - needle.count) where hay[start] == needle[0] {
            guard Array(hay[start..<(start + needle.count)]) == needle else { continue }
            let before = start == 0 || !isIdent(hay[start - 1])
            let end = start + needle.count
            let after = end == hay.count || !isIdent(hay[end])
            if before && after { return true }
        }
        return false
    }
}

/// `log(1 + x)` without Foundation.
private func log1p(_ x: Double) -> Double {
    // Natural log by range reduction and the atanh series; accurate to ~1e-12 for x ≥ 0.
    var y = 1 + x
    var k = 0.0
    while y > 2 { y /= 2; k += 1 }
    let t = (y - 1) / (y + 1)
    var sum = 0.0, power = t
    var n = 1.0
    while n < 60 {
        sum += power / n
        power *= t * t
        n += 2
    }
    return 2 * sum + k * 0.6931471805599453
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        return String(scalars[first...last])
    }

}
