/// Deterministic byte mutations for the parser's fuzz test and sweep: delete, duplicate or
/// swap a few bytes of a real file (a SplitMix64 generator, so every run mutates the same way).
public enum MutationFuzzer {
    public struct Generator {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        public mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    /// One to four mutations; the result stays valid UTF-8 (as text handed to the parser is),
    /// since multi-byte sequences are mutated whole.
    public static func mutate(_ source: [UInt8], _ g: inout Generator) -> [UInt8] {
        var bytes = source
        let count = 1 + g.below(4)
        for _ in 0..<count where !bytes.isEmpty {
            var i = g.below(bytes.count)
            while i > 0 && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            var end = i + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            switch g.below(3) {
            case 0:
                bytes.removeSubrange(i..<end)
            case 1:
                bytes.insert(contentsOf: Array(bytes[i..<end]), at: i)
            default:
                var j = end
                var jEnd = j + 1
                while jEnd < bytes.count && bytes[jEnd] & 0xC0 == 0x80 { jEnd += 1 }
                if jEnd <= bytes.count && j < bytes.count {
                    let a = Array(bytes[i..<end]), b = Array(bytes[j..<jEnd])
                    bytes.replaceSubrange(i..<jEnd, with: b + a)
                } else {
                    j = i
                }
            }
        }
        return bytes
    }
}
