/// Numeric literals (`Parser/tokenizer.c`, the digit branches of `tok_get_normal_mode`,
/// `tok_decimal_tail`, `verify_end_of_number`): every base, underscores, exponents, imaginary
/// suffixes, and CPython's messages for the malformed ones.
extension Lexer {
    mutating func lexNumber(_ start: Int) {
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        // Consumes digits (per `accept`) with single underscores between them; false on a bad `_`.
        func digits(_ accept: (UInt8) -> Bool) -> Bool {
            while true {
                while pos < n && accept(src[pos]) { pos += 1 }
                if at(pos) == 95 {
                    pos += 1
                    if !accept(at(pos)) { return false }
                } else { return true }
            }
        }
        var c = src[pos]
        if c == UInt8(ascii: "0") {
            let x = at(pos + 1) | 0x20
            if x == UInt8(ascii: "x") || x == UInt8(ascii: "o") || x == UInt8(ascii: "b") {
                pos += 2
                let name = x == UInt8(ascii: "x") ? "hexadecimal" : x == UInt8(ascii: "o") ? "octal" : "binary"
                let base: Int = x == UInt8(ascii: "x") ? 16 : x == UInt8(ascii: "o") ? 8 : 2
                let accept: (UInt8) -> Bool = { (d: UInt8) -> Bool in Lexer.isDigit(d, base: base) }
                if at(pos) == 95 { pos += 1 }
                if !accept(at(pos)) {
                    let d = at(pos)
                    if isDigit(d) { error("invalid digit '\(Character(Unicode.Scalar(d)))' in \(name) literal", at: pos, end: pos + 1) }
                    else { error("invalid \(name) literal", at: start, end: pos) }
                    return
                }
                if !digits(accept) { error("invalid \(name) literal", at: start, end: pos); return }
                let d = at(pos)
                if isDigit(d) { error("invalid digit '\(Character(Unicode.Scalar(d)))' in \(name) literal", at: pos, end: pos + 1); return }
                finishNumber(start, name: name)
                return
            }
        }
        if c == UInt8(ascii: ".") {
            pos += 1
            if !digits(isDigit) { error("invalid decimal literal", at: start, end: pos); return }
            exponentAndImaginary(start)
            return
        }
        // Decimal integer part.
        let intStart = pos
        if !digits(isDigit) { error("invalid decimal literal", at: start, end: pos); return }
        c = at(pos)
        if c == UInt8(ascii: ".") {
            pos += 1
            if isDigit(at(pos)) {
                if !digits(isDigit) { error("invalid decimal literal", at: start, end: pos); return }
            }
            exponentAndImaginary(start)
            return
        }
        if (c | 0x20) == UInt8(ascii: "e") || (c | 0x20) == UInt8(ascii: "j") {
            exponentAndImaginary(start)
            return
        }
        // Leading zeros: "0" "00" "0_0" are fine, "012" is not.
        if src[intStart] == UInt8(ascii: "0") {
            var nonzero = false
            for i in intStart..<pos where src[i] != 48 && src[i] != 95 { nonzero = true }
            if nonzero {
                error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                      at: start, end: pos)
                return
            }
        }
        finishNumber(start, name: "decimal")
    }

    static func isDigit(_ d: UInt8, base: Int) -> Bool {
        switch base {
        case 16:
            let l = d | 0x20
            return (d >= 48 && d <= 57) || (l >= 97 && l <= 102)
        case 8: return d >= 48 && d <= 55
        case 2: return d == 48 || d == 49
        default: return d >= 48 && d <= 57
        }
    }

    mutating func exponentAndImaginary(_ start: Int) {
        @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if (at(pos) | 0x20) == UInt8(ascii: "e") {
            let save = pos
            pos += 1
            if at(pos) == UInt8(ascii: "+") || at(pos) == UInt8(ascii: "-") { pos += 1 }
            if !isDigit(at(pos)) {
                pos = save
                error("invalid decimal literal", at: start, end: pos + 1)
                return
            }
            while true {
                while isDigit(at(pos)) { pos += 1 }
                if at(pos) == 95 && isDigit(at(pos + 1)) { pos += 1 } else { break }
            }
        }
        if (at(pos) | 0x20) == UInt8(ascii: "j") { pos += 1 }
        finishNumber(start, name: "decimal")
    }

    /// CPython's `verify_end_of_number`: a number may touch only a few keywords (`1if x else y`).
    mutating func finishNumber(_ start: Int, name: String) {
        let c = at(pos)
        if isIdentStart(c) {
            let keywords: [StaticString] = ["and", "else", "for", "if", "in", "is", "not", "or"]
            var touchesKeyword = false
            for kw in keywords {
                let len = kw.utf8CodeUnitCount
                var match = true
                for i in 0..<len where at(pos + i) != kw.utf8Start[i] { match = false; break }
                if match { touchesKeyword = true; break }
            }
            if !touchesKeyword {
                error("invalid \(name) literal", at: start, end: pos + 1)
                return
            }
        }
        emit(.number, start, pos)
    }
}
