/// Unicode normalisation form KC (UAX #15), only for what PEP 3131 needs: CPython compares
/// identifiers in their NFKC form and accepts a character whose NFKC form is a valid identifier
/// character. A table of its own (generated from CPython's `unicodedata` by
/// `scripts/gen_nfkc_table.py`) keeps the binary free of Foundation and ICU, whose shared
/// libraries cost the daemon several MiB of resident memory for this one call.
public enum NFKC {
    /// `text` in NFKC. ASCII text is returned as it is (it is its own normal form).
    public static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        // Quick check: nothing decomposes, nothing is a combining mark or could compose with
        // what precedes it — the text is its own NFKC.
        if text.unicodeScalars.allSatisfy({ isStable($0.value) }) { return text }
        var decomposed: [UInt32] = []
        decomposed.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { decompose(scalar.value, into: &decomposed) }
        reorder(&decomposed)
        compose(&decomposed)
        var result = String.UnicodeScalarView()
        for value in decomposed {
            if let scalar = Unicode.Scalar(value) { result.append(scalar) }
        }
        return String(result)
    }

    // Hangul syllables are composed and decomposed arithmetically (Unicode §3.12).
    private static let sBase: UInt32 = 0xAC00, lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7
    private static let lCount: UInt32 = 19, vCount: UInt32 = 21, tCount: UInt32 = 28
    private static let nCount = vCount * tCount, sCount = lCount * vCount * tCount

    private static func decompose(_ value: UInt32, into out: inout [UInt32]) {
        if value >= sBase && value < sBase + sCount {
            let index = value - sBase
            out.append(lBase + index / nCount)
            out.append(vBase + (index % nCount) / tCount)
            if index % tCount != 0 { out.append(tBase + index % tCount) }
        } else if value >= 0x80, let mapped = tables.decompositions[value] {
            out.append(contentsOf: mapped)  // already fully decomposed by the generator
        } else {
            out.append(value)
        }
    }

    private static func isStable(_ value: UInt32) -> Bool {
        if value < 0x80 { return true }
        if value >= lBase && value < 0x1200 || value >= sBase && value < sBase + sCount { return false }  // Hangul
        let tables = self.tables
        return tables.decompositions[value] == nil && tables.classes[value] == nil && !tables.secondInPair.contains(value)
    }

    private static func combiningClass(_ value: UInt32) -> UInt8 {
        value < 0x300 ? 0 : tables.classes[value] ?? 0
    }

    /// The canonical ordering algorithm: each run of non-starters sorted stably by class.
    private static func reorder(_ values: inout [UInt32]) {
        var index = 0
        while index < values.count {
            guard combiningClass(values[index]) != 0 else { index += 1; continue }
            var end = index
            while end < values.count, combiningClass(values[end]) != 0 { end += 1 }
            if end - index > 1 {
                // Insertion sort: stable, and runs of combining marks are short.
                for i in (index + 1)..<end {
                    let value = values[i], cc = combiningClass(value)
                    var j = i
                    while j > index, combiningClass(values[j - 1]) > cc {
                        values[j] = values[j - 1]
                        j -= 1
                    }
                    values[j] = value
                }
            }
            index = end
        }
    }

    private static func composite(_ first: UInt32, _ second: UInt32) -> UInt32? {
        if first >= lBase && first < lBase + lCount && second >= vBase && second < vBase + vCount {
            return sBase + ((first - lBase) * vCount + (second - vBase)) * tCount
        }
        if first >= sBase && first < sBase + sCount && (first - sBase) % tCount == 0
            && second > tBase && second < tBase + tCount {
            return first + (second - tBase)
        }
        return tables.compositions[UInt64(first) << 32 | UInt64(second)]
    }

    /// The canonical composition algorithm: a character combines with the last starter unless
    /// a character between them has the same or a higher combining class (it is blocked).
    private static func compose(_ values: inout [UInt32]) {
        guard var starterCharacter = values.first else { return }
        var starterPosition = 0
        var lastClass: Int = combiningClass(starterCharacter) == 0 ? 0 : 256
        var write = 1
        for read in values.indices.dropFirst() {
            let character = values[read]
            let cc = Int(combiningClass(character))
            if let combined = composite(starterCharacter, character), lastClass < cc || lastClass == 0 {
                values[starterPosition] = combined
                starterCharacter = combined
                continue
            }
            if cc == 0 {
                starterPosition = write
                starterCharacter = character
            }
            lastClass = cc
            values[write] = character
            write += 1
        }
        values.removeSubrange(write...)
    }

    private struct Tables: Sendable {
        var decompositions: [UInt32: [UInt32]] = [:]
        var compositions: [UInt64: UInt32] = [:]
        var classes: [UInt32: UInt8] = [:]
        /// Characters that compose with a preceding one.
        var secondInPair: Set<UInt32> = []
    }

    /// Parsed on first use: most programs never name anything outside ASCII.
    private static let tables: Tables = {
        var tables = Tables()
        func entries(_ data: String, _ body: (Substring, Substring) -> Void) {
            for entry in data.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
                guard let equals = entry.firstIndex(of: "=") else { continue }
                body(entry[..<equals], entry[entry.index(after: equals)...])
            }
        }
        func hex<S: StringProtocol>(_ text: S) -> [UInt32] {
            text.split(separator: " ").compactMap { UInt32($0, radix: 16) }
        }
        entries(decompositionData) { key, value in
            if let code = hex(key).first { tables.decompositions[code] = hex(value) }
        }
        entries(compositionData) { key, value in
            let pair = hex(key)
            if pair.count == 2, let result = hex(value).first {
                tables.compositions[UInt64(pair[0]) << 32 | UInt64(pair[1])] = result
                tables.secondInPair.insert(pair[1])
            }
        }
        entries(combiningClassData) { key, value in
            if let code = hex(key).first, let cc = UInt8(value) { tables.classes[code] = cc }
        }
        return tables
    }()
}
