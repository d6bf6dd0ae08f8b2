import Synchronization

/// Lookup for `\N{NAME}` escapes: Unicode character names and name aliases, case-insensitive
/// as in CPython's `unicodedata.lookup`. Algorithmic names (CJK ideographs, Hangul syllables)
/// are decoded directly; the other names come from a table built once, on first use, from the
/// standard library's Unicode data, skipping the ideograph, syllable, surrogate and
/// private-use ranges so the build stays cheap (a few milliseconds).
enum UnicodeNames {
    /// The names of U+0000...U+33FF (Latin, Greek, Cyrillic, punctuation, symbols, arrows, box
    /// drawing: what most `\N{...}` escapes name), then those of the other ranges. Each is
    /// built on first need: a file that names only characters of the first range (all of the
    /// standard library's but a few) does not pay for the rest (about 30 ms). Names and aliases
    /// share one namespace in Unicode, so looking in the first table, then the second, finds
    /// what one table of both would.
    private static let common = Mutex<[String: UInt32]?>(nil)
    private static let others = Mutex<[String: UInt32]?>(nil)
    private static let commonRanges: [ClosedRange<UInt32>] = [0x0...0x33FF]
    private static let otherRanges: [ClosedRange<UInt32>] = [0x4DC0...0x4DFF, 0xA000...0xABFF, 0xD7B0...0xD7FF,
                                                             0xF900...0x16FFF, 0x18800...0x18AFF, 0x18D00...0x1FFFF, 0xE0000...0xE01EF]

    static func lookup(_ name: String) -> UInt32? {
        let key = name.uppercased()
        // Aliases share the names' namespace, so the order of these lookups does not matter.
        if let alias = formalAliases[key] { return alias }
        if let selector = variationSelector(key) { return selector }
        for prefix in ["CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-",
                       "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-"] where key.hasPrefix(prefix) {
            // CPython matches these algorithmic names only as written in upper case.
            guard let v = UInt32(name.dropFirst(prefix.count), radix: 16), let s = Unicode.Scalar(v),
                  s.properties.name == name else { return nil }
            return v
        }
        if key.hasPrefix("HANGUL SYLLABLE ") {
            for v in UInt32(0xAC00)...0xD7A3 where Unicode.Scalar(v)?.properties.name == key { return v }
            return nil
        }
        if let found = find(key, in: common, ranges: commonRanges) { return found }
        return find(key, in: others, ranges: otherRanges)
    }

    /// `VS1`...`VS16` (U+FE00...U+FE0F) and `VS17`...`VS256` (U+E0100...U+E01EF), the
    /// abbreviations `NameAliases.txt` gives the variation selectors; no leading zeros.
    static func variationSelector(_ key: String) -> UInt32? {
        guard key.hasPrefix("VS") else { return nil }
        let digits = key.utf8.dropFirst(2)
        guard let first = digits.first, first != UInt8(ascii: "0"), digits.count <= 3,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let number = UInt32(String(decoding: digits, as: UTF8.self)), number >= 1, number <= 256 else { return nil }
        return number <= 16 ? 0xFE00 + number - 1 : 0xE0100 + number - 17
    }

    private static func find(_ key: String, in table: borrowing Mutex<[String: UInt32]?>, ranges: [ClosedRange<UInt32>]) -> UInt32? {
        table.withLock { cached -> UInt32? in
            if cached == nil { cached = build(ranges) }
            return cached?[key]
        }
    }

    /// Skips the ideograph, syllable, surrogate and private-use ranges (see `lookup`).
    private static func build(_ ranges: [ClosedRange<UInt32>]) -> [String: UInt32] {
        var result: [String: UInt32] = [:]
        result.reserveCapacity(ranges.reduce(0) { $0 + $1.count } / 2)
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let props = scalar.properties
                if let name = props.name, !name.isEmpty { result[name] = v }
                if let alias = props.nameAlias, result[alias] == nil { result[alias] = v }
            }
        }
        return result
    }
}
