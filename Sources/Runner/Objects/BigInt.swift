// Arbitrary-precision integers for Python's `int` once a value leaves the 64-bit fast path.
// Sign and magnitude, 32-bit limbs, little-endian: the layout of CPython's `Objects/longobject.c`
// (which uses 30-bit digits) simplified. Floor division and modulo follow Python, not C; bitwise
// operators behave as on infinite two's complement, as Python's do.

struct BigInt: Hashable, Sendable, CustomStringConvertible {
    /// Magnitude, least significant limb first, no trailing zero limbs (zero is `[]`).
    private(set) var limbs: [UInt32]
    /// True for negative values; always false for zero.
    private(set) var negative: Bool

    init(limbs: [UInt32], negative: Bool) {
        var l = limbs
        while let last = l.last, last == 0 { l.removeLast() }
        self.limbs = l
        self.negative = l.isEmpty ? false : negative
    }

    init(_ value: Int) {
        let mag = value.magnitude
        var l: [UInt32] = []
        if mag != 0 { l.append(UInt32(truncatingIfNeeded: mag)) }
        if mag >> 32 != 0 { l.append(UInt32(truncatingIfNeeded: mag >> 32)) }
        self.init(limbs: l, negative: value < 0)
    }

    /// Exact conversion of an integral double (callers check finiteness).
    init(exactly d: Double) {
        var m = d.magnitude.rounded(.towardZero)
        var l: [UInt32] = []
        if m < 1 { self.init(limbs: [], negative: false); return }
        // Extract limbs via repeated division by 2^32 (exact for doubles).
        while m >= 1 {
            let q = (m / 4294967296.0).rounded(.towardZero)
            let r = m - q * 4294967296.0
            l.append(UInt32(r))
            m = q
        }
        self.init(limbs: l, negative: d < 0)
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value as `Int` when it fits.
    var asInt: Int? {
        if limbs.count > 2 { return nil }
        var mag: UInt64 = 0
        if limbs.count >= 1 { mag = UInt64(limbs[0]) }
        if limbs.count == 2 { mag |= UInt64(limbs[1]) << 32 }
        if negative {
            if mag <= UInt64(Int.max) { return -Int(mag) }
            if mag == UInt64(Int.max) + 1 { return Int.min }
            return nil
        }
        return mag <= UInt64(Int.max) ? Int(mag) : nil
    }

    var bitLength: Int {
        guard let last = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - last.leadingZeroBitCount)
    }

    /// Nearest double (round-half-even on the top 64 bits is close enough for printing and math;
    /// values past the double range become infinity and the caller raises OverflowError).
    var toDouble: Double {
        var result = 0.0
        for limb in limbs.reversed() { result = result * 4294967296.0 + Double(limb) }
        return negative ? -result : result
    }

    // MARK: magnitude helpers

    private static func compareMag(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    private static func addMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var out = [UInt32](repeating: 0, count: long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let s = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
            out[i] = UInt32(truncatingIfNeeded: s)
            carry = s >> 32
        }
        out[long.count] = UInt32(carry)
        return out
    }

    /// a - b with |a| >= |b|.
    private static func subMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: a.count)
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
            if d < 0 { d += 4294967296; borrow = 1 } else { borrow = 0 }
            out[i] = UInt32(d)
        }
        return out
    }

    private static func mulMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            if ai == 0 { continue }
            for j in 0..<b.count {
                let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            var k = i + b.count
            while carry != 0 {
                let t = UInt64(out[k]) + carry
                out[k] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
                k += 1
            }
        }
        return out
    }

    /// Divides a magnitude by a small divisor in place; returns the remainder.
    private static func divSmall(_ a: inout [UInt32], _ d: UInt32) -> UInt32 {
        var rem: UInt64 = 0
        var i = a.count - 1
        while i >= 0 {
            let cur = (rem << 32) | UInt64(a[i])
            a[i] = UInt32(cur / UInt64(d))
            rem = cur % UInt64(d)
            i -= 1
        }
        while let last = a.last, last == 0 { a.removeLast() }
        return UInt32(rem)
    }

    /// Knuth's algorithm D (TAOCP 4.3.1): truncating quotient and remainder of magnitudes.
    private static func divModMag(_ a: [UInt32], _ b: [UInt32]) -> (q: [UInt32], r: [UInt32]) {
        if compareMag(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            var q = a
            let r = divSmall(&q, b[0])
            return (q, r == 0 ? [] : [r])
        }
        let s = b[b.count - 1].leadingZeroBitCount
        let v = shiftLeftMag(b, s)
        var u = shiftLeftMag(a, s)
        if u.count == a.count { u.append(0) }
        let n = v.count, m = u.count - n
        var q = [UInt32](repeating: 0, count: m)
        let vTop = UInt64(v[n - 1]), vNext = UInt64(v[n - 2])
        var j = m - 1
        while j >= 0 {
            let num = (UInt64(u[j + n]) << 32) | UInt64(u[j + n - 1])
            var qhat = num / vTop
            var rhat = num % vTop
            while qhat >= (1 << 32) || qhat * vNext > ((rhat << 32) | UInt64(u[j + n - 2])) {
                qhat -= 1
                rhat += vTop
                if rhat >= (1 << 32) { break }
            }
            var borrow: Int64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let p = qhat * UInt64(v[i]) + carry
                carry = p >> 32
                let t = Int64(u[i + j]) - Int64(p & 0xffff_ffff) - borrow
                if t < 0 { u[i + j] = UInt32(truncatingIfNeeded: t + 4294967296); borrow = 1 } else { u[i + j] = UInt32(t); borrow = 0 }
            }
            let t = Int64(u[j + n]) - Int64(carry) - borrow
            if t < 0 {
                u[j + n] = UInt32(truncatingIfNeeded: t + 4294967296)
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let s2 = UInt64(u[i + j]) + UInt64(v[i]) + c
                    u[i + j] = UInt32(truncatingIfNeeded: s2)
                    c = s2 >> 32
                }
                u[j + n] = UInt32(truncatingIfNeeded: UInt64(u[j + n]) + c)
            } else {
                u[j + n] = UInt32(t)
            }
            q[j] = UInt32(truncatingIfNeeded: qhat)
            j -= 1
        }
        var r = Array(u[0..<n])
        r = shiftRightMag(r, s)
        while let last = q.last, last == 0 { q.removeLast() }
        while let last = r.last, last == 0 { r.removeLast() }
        return (q, r)
    }

    private static func shiftLeftMag(_ a: [UInt32], _ bits: Int) -> [UInt32] {
        if a.isEmpty { return [] }
        let limbShift = bits / 32, bitShift = bits % 32
        var out = [UInt32](repeating: 0, count: a.count + limbShift + 1)
        for i in 0..<a.count {
            let v = UInt64(a[i]) << UInt64(bitShift)
            out[i + limbShift] |= UInt32(truncatingIfNeeded: v)
            out[i + limbShift + 1] |= UInt32(truncatingIfNeeded: v >> 32)
        }
        while let last = out.last, last == 0 { out.removeLast() }
        return out
    }

    private static func shiftRightMag(_ a: [UInt32], _ bits: Int) -> [UInt32] {
        let limbShift = bits / 32, bitShift = bits % 32
        if limbShift >= a.count { return [] }
        var out = [UInt32](repeating: 0, count: a.count - limbShift)
        for i in 0..<out.count {
            var v = UInt64(a[i + limbShift]) >> UInt64(bitShift)
            if bitShift != 0, i + limbShift + 1 < a.count {
                v |= UInt64(a[i + limbShift + 1]) << UInt64(32 - bitShift)
            }
            out[i] = UInt32(truncatingIfNeeded: v)
        }
        while let last = out.last, last == 0 { out.removeLast() }
        return out
    }

    // MARK: arithmetic

    static func compare(_ a: BigInt, _ b: BigInt) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let c = compareMag(a.limbs, b.limbs)
        return a.negative ? -c : c
    }

    static prefix func - (a: BigInt) -> BigInt { BigInt(limbs: a.limbs, negative: !a.negative) }

    static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(limbs: addMag(a.limbs, b.limbs), negative: a.negative) }
        let c = compareMag(a.limbs, b.limbs)
        if c == 0 { return BigInt(0) }
        if c > 0 { return BigInt(limbs: subMag(a.limbs, b.limbs), negative: a.negative) }
        return BigInt(limbs: subMag(b.limbs, a.limbs), negative: b.negative)
    }

    static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(limbs: mulMag(a.limbs, b.limbs), negative: a.negative != b.negative)
    }

    /// Python's floor division and modulo (the remainder takes the divisor's sign).
    /// The divisor must not be zero.
    static func divMod(_ a: BigInt, _ b: BigInt) -> (BigInt, BigInt) {
        let (q, r) = divModMag(a.limbs, b.limbs)
        var quotient = BigInt(limbs: q, negative: a.negative != b.negative)
        var remainder = BigInt(limbs: r, negative: a.negative)
        if !remainder.isZero && (a.negative != b.negative) {
            quotient = quotient - BigInt(1)
            remainder = remainder + b
        }
        return (quotient, remainder)
    }

    static func pow(_ base: BigInt, _ exponent: Int) -> BigInt {
        var result = BigInt(1), b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * b }
            e >>= 1
            if e > 0 { b = b * b }
        }
        return result
    }

    static func << (a: BigInt, bits: Int) -> BigInt { BigInt(limbs: shiftLeftMag(a.limbs, bits), negative: a.negative) }

    /// Arithmetic (flooring) right shift.
    static func >> (a: BigInt, bits: Int) -> BigInt {
        if !a.negative { return BigInt(limbs: shiftRightMag(a.limbs, bits), negative: false) }
        // floor(a / 2^bits) for negative a == -ceil(|a| / 2^bits)
        let (q, _) = divMod(a, BigInt(1) << bits)
        return q
    }

    // MARK: bitwise, on infinite two's complement

    private func twosComplement(_ count: Int) -> [UInt32] {
        var out = limbs + [UInt32](repeating: 0, count: count - limbs.count)
        if negative {
            var carry: UInt64 = 1
            for i in 0..<count {
                let v = UInt64(~out[i]) + carry
                out[i] = UInt32(truncatingIfNeeded: v)
                carry = v >> 32
            }
        }
        return out
    }

    private static func fromTwos(_ w: [UInt32]) -> BigInt {
        guard let top = w.last else { return BigInt(0) }
        if top & 0x8000_0000 == 0 { return BigInt(limbs: w, negative: false) }
        var mag = w
        var carry: UInt64 = 1
        for i in 0..<mag.count {
            let v = UInt64(~mag[i]) + carry
            mag[i] = UInt32(truncatingIfNeeded: v)
            carry = v >> 32
        }
        return BigInt(limbs: mag, negative: true)
    }

    static func bitwise(_ a: BigInt, _ b: BigInt, _ op: (UInt32, UInt32) -> UInt32) -> BigInt {
        let n = max(a.limbs.count, b.limbs.count) + 1
        let x = a.twosComplement(n), y = b.twosComplement(n)
        var out = [UInt32](repeating: 0, count: n)
        for i in 0..<n { out[i] = op(x[i], y[i]) }
        return fromTwos(out)
    }

    // MARK: text

    /// Decimal digits, e.g. `"-123"`.
    var description: String {
        if limbs.isEmpty { return "0" }
        var mag = limbs
        var chunks: [UInt32] = []
        while !mag.isEmpty { chunks.append(BigInt.divSmall(&mag, 1_000_000_000)) }
        var s = negative ? "-" : ""
        s += String(chunks.last ?? 0)
        for chunk in chunks.dropLast().reversed() {
            let part = String(chunk)
            s += String(repeating: "0", count: 9 - part.count) + part
        }
        return s
    }

    /// An upper bound of the number of decimal digits (for CPython's 4300-digit check before work).
    var approximateDecimalDigits: Int { Int(Double(bitLength) * 0.30103) + 1 }

    /// Parses digits in `radix` (2...36) with optional sign; underscores already removed.
    init?(text: Substring, radix: Int) {
        var chars = Array(text.utf8)
        var neg = false
        if let first = chars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            neg = first == UInt8(ascii: "-")
            chars.removeFirst()
        }
        if chars.isEmpty { return nil }
        var mag: [UInt32] = []
        for c in chars {
            var d: Int
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = Int(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = Int(c - UInt8(ascii: "A")) + 10
            default: return nil
            }
            if d >= radix { return nil }
            // mag = mag * radix + d
            var carry = UInt64(d)
            for i in 0..<mag.count {
                let t = UInt64(mag[i]) * UInt64(radix) + carry
                mag[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            if carry != 0 { mag.append(UInt32(carry)) }
        }
        self.init(limbs: mag, negative: neg)
    }

    /// Digits in a power-of-two radix (hex, octal, binary) without prefix or sign.
    func magnitudeString(radix: Int) -> String {
        if limbs.isEmpty { return "0" }
        var mag = limbs
        var digits: [Character] = []
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        while !mag.isEmpty { digits.append(alphabet[Int(BigInt.divSmall(&mag, UInt32(radix)))]) }
        return String(digits.reversed())
    }

    /// Python's hash of an int: the value modulo 2**61 - 1, sign kept, -1 mapped to -2.
    var pythonHash: Int {
        let modulus: UInt64 = (1 << 61) - 1
        var acc: UInt64 = 0
        for limb in limbs.reversed() {
            // acc = (acc * 2^32 + limb) mod modulus, computed with 128-bit multiplication.
            let (hi, lo) = acc.multipliedFullWidth(by: 1 << 32)
            let (q, r) = modulus.dividingFullWidth((hi, lo))
            _ = q
            acc = (r + UInt64(limb)) % modulus
        }
        var h = Int(acc)
        if negative { h = -h }
        return h == -1 ? -2 : h
    }
}
