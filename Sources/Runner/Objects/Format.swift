// `format(value, spec)` with the format-spec mini-language (CPython's `Python/formatter_unicode.c`)
// and printf-style `%` formatting (`Objects/unicodeobject.c`, PyUnicode_Format).
import Analyzer

struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// Parses `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`; nil when malformed.
    init?(_ spec: String) {
        var chars = Array(spec)
        var i = 0
        func isAlign(_ c: Character) -> Bool { c == "<" || c == ">" || c == "^" || c == "=" }
        if chars.count >= 2 && isAlign(chars[1]) {
            fill = chars[0]
            align = chars[1]
            i = 2
        } else if chars.count >= 1 && isAlign(chars[0]) {
            align = chars[0]
            i = 1
        }
        if i < chars.count, chars[i] == "+" || chars[i] == "-" || chars[i] == " " {
            sign = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "z" { i += 1 }
        if i < chars.count, chars[i] == "#" {
            alternate = true
            i += 1
        }
        if i < chars.count, chars[i] == "0" {
            zeroPad = true
            i += 1
        }
        var w = 0
        var hasWidth = false
        while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
            w = w &* 10 &+ d
            hasWidth = true
            i += 1
        }
        if hasWidth { width = min(w, 1 << 20) }
        if i < chars.count, chars[i] == "," || chars[i] == "_" {
            grouping = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "." {
            i += 1
            var p = 0
            var any = false
            while i < chars.count, let d = chars[i].wholeNumberValue, chars[i].isASCII {
                p = p &* 10 &+ d
                any = true
                i += 1
            }
            if !any { return nil }
            precision = min(p, 1 << 16)
        }
        if i < chars.count {
            type = chars[i]
            i += 1
        }
        if i != chars.count { return nil }
        chars.removeAll()
    }
}

extension VM {
    func format(_ v: Value, _ spec: String) throws -> String {
        if case .object(let o) = v, let inst = o as? PyInstance, inst.cls.lookupUser("__format__"), let f = inst.cls.lookup("__format__") {
            return try stringValue(call(f, [v, .str(spec)]), what: "__format__")
        }
        if spec.isEmpty { return try str(v) }
        guard let fs = FormatSpec(spec) else { throw error(BuiltinTypes.valueError, "Invalid format specifier '\(spec)' for object of type '\(v.typeName)'") }
        switch v {
        case .int, .bool:
            return try formatInt(intValue(v)!.big, fs, original: v)
        case .float(let d):
            return try formatFloat(d, fs)
        case .object(let o):
            if let b = o as? PyBigInt { return try formatInt(b.value, fs, original: v) }
            if let s = o as? PyStr {
                if let t = fs.type, t != "s" { throw error(BuiltinTypes.valueError, "Unknown format code '\(t)' for object of type 'str'") }
                if fs.sign != "-" { throw error(BuiltinTypes.valueError, "Sign not allowed in string format specifier") }
                var text = s.value
                if let p = fs.precision { text = String(text.unicodeScalars.prefix(p).map(Character.init)) }
                return pad(text, fs, defaultAlign: "<")
            }
            if o is PyInstance || o.pyType.isBuiltin {
                throw error(BuiltinTypes.typeError, "unsupported format string passed to \(v.typeName).__format__")
            }
        default: break
        }
        throw error(BuiltinTypes.typeError, "unsupported format string passed to \(v.typeName).__format__")
    }

    private func pad(_ text: String, _ fs: FormatSpec, defaultAlign: Character) -> String {
        let count = text.unicodeScalars.count
        guard fs.width > count else { return text }
        let padding = fs.width - count
        switch fs.align ?? defaultAlign {
        case "<": return text + String(repeating: fs.fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fs.fill, count: left) + text + String(repeating: fs.fill, count: padding - left)
        default: return String(repeating: fs.fill, count: padding) + text
        }
    }

    /// Pads a number: sign/prefix first, then fill for `=` alignment (or zero padding).
    private func padNumber(sign: String, prefix: String, digits: String, _ fs: FormatSpec) -> String {
        var spec = fs
        if fs.zeroPad && fs.align == nil {
            spec.fill = "0"
            spec.align = "="
        }
        if spec.align == "=" {
            let used = sign.count + prefix.count + digits.unicodeScalars.count
            let fill = max(0, spec.width - used)
            return sign + prefix + String(repeating: spec.fill, count: fill) + digits
        }
        return pad(sign + prefix + digits, spec, defaultAlign: ">")
    }

    func groupDigits(_ digits: String, _ sep: Character, every n: Int) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % n == 0 { out.append(sep) }
            out.append(c)
        }
        return String(out.reversed())
    }

    private func formatInt(_ value: BigInt, _ fs: FormatSpec, original: Value) throws -> String {
        let type = fs.type ?? "d"
        switch type {
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(value.toDouble, fs)
        case "c":
            guard let i = value.asInt, i >= 0, i < 0x110000, let s = Unicode.Scalar(UInt32(i)) else {
                throw error(BuiltinTypes.overflowError, "%c arg not in range(0x110000)")
            }
            return pad(String(Character(s)), fs, defaultAlign: "<")
        case "d", "n", "b", "o", "x", "X":
            if fs.precision != nil { throw error(BuiltinTypes.valueError, "Precision not allowed in integer format specifier") }
            let magnitude = value.negative ? -value : value
            var digits: String
            var prefix = ""
            switch type {
            case "b": digits = magnitude.magnitudeString(radix: 2); if fs.alternate { prefix = "0b" }
            case "o": digits = magnitude.magnitudeString(radix: 8); if fs.alternate { prefix = "0o" }
            case "x": digits = magnitude.magnitudeString(radix: 16); if fs.alternate { prefix = "0x" }
            case "X": digits = magnitude.magnitudeString(radix: 16).uppercased(); if fs.alternate { prefix = "0X" }
            default: digits = magnitude.description
            }
            if let g = fs.grouping { digits = groupDigits(digits, g, every: type == "d" || type == "n" ? 3 : 4) }
            let sign = value.negative ? "-" : (fs.sign == "+" ? "+" : (fs.sign == " " ? " " : ""))
            return padNumber(sign: sign, prefix: prefix, digits: digits, fs)
        default:
            throw error(BuiltinTypes.valueError, "Unknown format code '\(type)' for object of type '\(original.typeName)'")
        }
    }

    func formatFloat(_ d: Double, _ fs: FormatSpec) throws -> String {
        var type = fs.type
        if let t = type, !"eEfFgGn%".contains(t) {
            throw error(BuiltinTypes.valueError, "Unknown format code '\(t)' for object of type 'float'")
        }
        let negative = d.sign == .minus && !(d.isNaN)
        let x = d.magnitude
        var body: String
        if type == nil && fs.precision == nil {
            body = FloatRepr.repr(x)
        } else {
            var precision = fs.precision ?? 6
            var noTypeGeneral = false
            if type == nil { type = "g"; noTypeGeneral = true; if fs.precision == nil { precision = 12 } }
            if type == "n" { type = "g" }
            switch type! {
            case "%":
                body = cFormat(x * 100, "f", precision, fs.alternate) + "%"
            case "g", "G":
                if precision == 0 { precision = 1 }
                body = cFormat(x, type == "g" ? "g" : "G", precision, fs.alternate)
                if noTypeGeneral && x.isFinite && !body.contains(".") && !body.contains("e") && !body.contains("E") { body += ".0" }
                else if noTypeGeneral && body.contains("e") && !body.contains(".") {
                    // CPython keeps repr-style exponents for the no-type case ("1e+16").
                }
            default:
                body = cFormat(x, String(type!), precision, fs.alternate)
            }
        }
        if x.isNaN { body = (fs.type == "E" || fs.type == "F" || fs.type == "G") ? "NAN" : "nan" }
        if x.isInfinite { body = (fs.type == "E" || fs.type == "F" || fs.type == "G") ? "INF" : "inf" }
        if let g = fs.grouping, x.isFinite {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let intPart = String(parts[0])
            if intPart.allSatisfy({ $0.isNumber }) {
                body = groupDigits(intPart, g, every: 3) + (parts.count > 1 ? "." + parts[1] : "")
            }
        }
        let sign = negative ? "-" : (fs.sign == "+" ? "+" : (fs.sign == " " ? " " : ""))
        return padNumber(sign: sign, prefix: "", digits: body, fs)
    }

    /// printf formatting of a non-negative finite double (glibc rounds exactly, as CPython's dtoa does).
    func cFormat(_ x: Double, _ conv: String, _ precision: Int, _ alternate: Bool) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return "inf" }
        let flags = alternate ? "#" : ""
        return String(format: "%\(flags).\(precision)\(conv)", x)
    }

    // MARK: printf-style

    func percentFormat(_ format: String, _ args: Value) throws -> String {
        var items: [Value]
        var mapping: Value?
        if case .object(let o) = args, let t = o as? PyTuple {
            items = t.items
        } else {
            items = [args]
            if case .object(let o) = args, o is PyDict || (o is PyInstance && o.pyType.lookup("__getitem__") != nil) { mapping = args }
        }
        var index = 0
        var out = ""
        let chars = Array(format)
        var i = 0
        func nextArg() throws -> Value {
            guard index < items.count else { throw error(BuiltinTypes.typeError, "not enough arguments for format string") }
            defer { index += 1 }
            return items[index]
        }
        while i < chars.count {
            let c = chars[i]
            if c != "%" {
                out.append(c)
                i += 1
                continue
            }
            i += 1
            guard i < chars.count else { throw error(BuiltinTypes.valueError, "incomplete format") }
            var key: String?
            if chars[i] == "(" {
                var depth = 1
                var j = i + 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                    j += 1
                }
                key = String(chars[(i + 1)..<(j - 1)])
                i = j
            }
            var flags = ""
            while i < chars.count, "-+ #0".contains(chars[i]) {
                flags.append(chars[i])
                i += 1
            }
            var width = ""
            if i < chars.count, chars[i] == "*" {
                width = String(try indexValue(nextArg()) ?? 0)
                i += 1
            }
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                width.append(chars[i])
                i += 1
            }
            var precision: Int?
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                if i < chars.count, chars[i] == "*" {
                    p = String(try indexValue(nextArg()) ?? 0)
                    i += 1
                }
                while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    p.append(chars[i])
                    i += 1
                }
                precision = Int(p) ?? 0
            }
            guard i < chars.count else { throw error(BuiltinTypes.valueError, "incomplete format") }
            let conv = chars[i]
            i += 1
            if conv == "%" {
                out.append("%")
                continue
            }
            let arg: Value
            if let key {
                guard let m = mapping else { throw error(BuiltinTypes.typeError, "format requires a mapping") }
                arg = try getItem(m, .str(key))
            } else {
                arg = try nextArg()
            }
            var spec = FormatSpec("")!
            if flags.contains("-") { spec.align = "<" } else if flags.contains("0") && "diouxXeEfFgG".contains(conv) { spec.zeroPad = true }
            if flags.contains("+") { spec.sign = "+" } else if flags.contains(" ") { spec.sign = " " }
            spec.alternate = flags.contains("#")
            spec.width = min(Int(width) ?? 0, 1 << 20)
            var text: String
            switch conv {
            case "s": text = try str(arg); if let p = precision { text = String(text.prefix(p)) }; text = pad(text, spec, defaultAlign: spec.align ?? ">")
            case "r": text = try repr(arg); if let p = precision { text = String(text.prefix(p)) }; text = pad(text, spec, defaultAlign: spec.align ?? ">")
            case "a": text = asciiEscape(try repr(arg)); text = pad(text, spec, defaultAlign: spec.align ?? ">")
            case "d", "i", "u":
                guard let n = try numberForPercent(arg, conv) else {
                    throw error(BuiltinTypes.typeError, "%\(conv) format: a real number is required, not \(arg.typeName)")
                }
                spec.type = "d"
                text = try formatInt(n, spec, original: arg)
            case "x", "X", "o":
                guard let n = intValue(arg)?.big else {
                    throw error(BuiltinTypes.typeError, "%\(conv) format: an integer is required, not \(arg.typeName)")
                }
                spec.type = conv
                text = try formatInt(n, spec, original: arg)
            case "e", "E", "f", "F", "g", "G":
                guard let d = floatValue(arg) else {
                    throw error(BuiltinTypes.typeError, "must be real number, not \(arg.typeName)")
                }
                spec.type = conv
                spec.precision = precision ?? 6
                text = try formatFloat(d, spec)
            case "c":
                if let s = arg.asObject as? PyStr { text = s.value } else if case .int(let n) = arg, let u = Unicode.Scalar(UInt32(clamping: n)) { text = String(Character(u)) } else {
                    throw error(BuiltinTypes.typeError, "%c requires an int or a unicode character, not \(arg.typeName)")
                }
                text = pad(text, spec, defaultAlign: spec.align ?? ">")
            default:
                throw error(BuiltinTypes.valueError, "unsupported format character '\(conv)' (0x\(String(conv.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
            }
            out += text
        }
        if index < items.count && mapping == nil {
            throw error(BuiltinTypes.typeError, "not all arguments converted during string formatting")
        }
        return out
    }

    private func numberForPercent(_ v: Value, _ conv: Character) throws -> BigInt? {
        if let i = intValue(v) { return i.big }
        if case .float(let d) = v {
            guard d.isFinite else { throw error(BuiltinTypes.overflowError, "cannot convert float \(FloatRepr.repr(d)) to integer") }
            return BigInt(exactly: d.rounded(.towardZero))
        }
        return nil
    }
}
