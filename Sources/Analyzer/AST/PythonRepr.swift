#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's `repr` for the values an AST dump prints (`Objects/unicodeobject.c`
/// `unicode_repr`, `Objects/bytesobject.c` `PyBytes_Repr`, `Python/pystrtod.c` for floats).
enum PythonRepr {
    static func constant(_ v: ConstantValue) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .ellipsis: return "Ellipsis"
        case .int(let i): return String(i)
        case .bigInt(let d): return d
        case .float(let d): return float(d, addDotZero: true)
        case .imaginary(let d): return float(d, addDotZero: false) + "j"
        case .str(let s): return str(s)
        case .bytes(let b): return bytes(b)
        }
    }

    /// `repr(str)`: single quotes unless the text has `'` and no `"`.
    static func str(_ s: PyStringLiteral) -> String {
        let cps = s.codePoints
        var hasSingle = false, hasDouble = false
        for c in cps {
            if c == 39 { hasSingle = true } else if c == 34 { hasDouble = true }
        }
        let quote: UInt32 = (hasSingle && !hasDouble) ? 34 : 39
        var out = String.UnicodeScalarView()
        out.append(Unicode.Scalar(UInt8(quote)))
        for c in cps {
            switch c {
            case quote, 92:
                out.append("\\"); out.append(Unicode.Scalar(UInt8(c)))
            case 9: out.append("\\"); out.append("t")
            case 10: out.append("\\"); out.append("n")
            case 13: out.append("\\"); out.append("r")
            case 32..<127:
                out.append(Unicode.Scalar(UInt8(c)))
            default:
                if c < 32 || c == 127 {
                    appendHex(&out, "x", c, 2)
                } else if let scalar = Unicode.Scalar(c), isPrintable(scalar) {
                    out.append(scalar)
                } else if c < 0x100 {
                    appendHex(&out, "x", c, 2)
                } else if c < 0x10000 {
                    appendHex(&out, "u", c, 4)
                } else {
                    appendHex(&out, "U", c, 8)
                }
            }
        }
        out.append(Unicode.Scalar(UInt8(quote)))
        return String(out)
    }

    private static func appendHex(_ out: inout String.UnicodeScalarView, _ prefix: Unicode.Scalar, _ v: UInt32, _ width: Int) {
        out.append("\\")
        out.append(prefix)
        let hex = String(v, radix: 16)
        for _ in 0..<max(0, width - hex.count) { out.append("0") }
        out.append(contentsOf: hex.unicodeScalars)
    }

    /// `Py_UNICODE_ISPRINTABLE`: not in Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (except the space).
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        // CPython 3.12 uses Unicode 15.0: characters assigned later are unassigned (Cn) there.
        if let age = s.properties.age, age.major > 15 || (age.major == 15 && age.minor > 0) { return false }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return s == " "
        default:
            return true
        }
    }

    static func bytes(_ b: [UInt8]) -> String {
        var hasSingle = false, hasDouble = false
        for c in b {
            if c == 39 { hasSingle = true } else if c == 34 { hasDouble = true }
        }
        let quote: UInt8 = (hasSingle && !hasDouble) ? 34 : 39
        var out = "b"
        out.unicodeScalars.append(Unicode.Scalar(quote))
        for c in b {
            switch c {
            case quote, 92: out += "\\"; out.unicodeScalars.append(Unicode.Scalar(c))
            case 9: out += "\\t"
            case 10: out += "\\n"
            case 13: out += "\\r"
            case 32..<127: out.unicodeScalars.append(Unicode.Scalar(c))
            default:
                let hex = String(c, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        out.unicodeScalars.append(Unicode.Scalar(quote))
        return out
    }

    /// `repr(float)`: the shortest round-trip digits, in exponent form when the decimal point
    /// position is < -4 or > 16 (`Python/pystrtod.c`, `format_float_short`, mode 'r').
    static func float(_ d: Double, addDotZero: Bool) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        // Swift's description is shortest round-trip; extract its digits and exponent.
        let desc = "\(d.magnitude)"
        var digits: [Character] = []
        var exp = 0
        var seenDot = false
        var intDigits = 0
        var expPart = ""
        var inExp = false
        for ch in desc {
            if inExp { expPart.append(ch); continue }
            if ch == "e" || ch == "E" { inExp = true; continue }
            if ch == "." { seenDot = true; continue }
            digits.append(ch)
            if !seenDot { intDigits += 1 }
        }
        if !expPart.isEmpty { exp = Int(expPart) ?? 0 }
        // Normalise: strip leading zeros (adjusting the point) and trailing zeros.
        var decpt = intDigits + exp
        while digits.count > 1 && digits.first == "0" { digits.removeFirst(); decpt -= 1 }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        if digits == ["0"] { decpt = 1 }
        let sign = d.sign == .minus ? "-" : ""
        let ds = String(digits)
        if decpt <= -4 || decpt > 16 {
            var mant = String(ds.first ?? "0")
            if ds.count > 1 { mant += "." + ds.dropFirst() }
            let e = decpt - 1
            let es = String(abs(e))
            return sign + mant + "e" + (e < 0 ? "-" : "+") + (es.count < 2 ? "0" : "") + es
        }
        var body: String
        if decpt <= 0 {
            body = "0." + String(repeating: "0", count: -decpt) + ds
        } else if decpt >= ds.count {
            body = ds + String(repeating: "0", count: decpt - ds.count)
            if addDotZero { body += ".0" }
        } else {
            let idx = ds.index(ds.startIndex, offsetBy: decpt)
            body = ds[..<idx] + "." + ds[idx...]
        }
        return sign + body
    }
}
