import Synchronization

/// Lookup for `\N{NAME}` escapes: Unicode character names and name aliases, case-insensitive
/// as in CPython's `unicodedata.lookup`. The table is built once, on first use, from the
/// standard library's own Unicode data.
enum UnicodeNames {
    private static let table = Mutex<[String: UInt32]?>(nil)

    static func lookup(_ name: String) -> UInt32? {
        let key = name.uppercased()
        return table.withLock { cached -> UInt32? in
            if cached == nil { cached = build() }
            return cached?[key]
        }
    }

    private static func build() -> [String: UInt32] {
        var result: [String: UInt32] = [:]
        result.reserveCapacity(40_000)
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let props = scalar.properties
            if let name = props.name { result[name] = v }
            if let alias = props.nameAlias, result[alias] == nil { result[alias] = v }
        }
        return result
    }
}
