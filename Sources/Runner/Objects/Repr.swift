// repr() and str() of every value, in CPython's exact spelling: float repr (shortest
// round-trip digits, `Python/pystrtod.c` rules for when to use an exponent), str repr quoting
// and escapes (`unicode_repr`), container reprs with recursion guards.
import Analyzer

enum FloatRepr {
    /// The shortest digits that round-trip, and the decimal point position: x = 0.d1d2... * 10^decpt.
    static func shortestDigits(_ x: Double) -> (digits: [UInt8], decpt: Int) {
        let text = "\(x.magnitude)"  // Swift prints the shortest round-trip representation
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var pointPos = -1
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") { pointPos = digits.count; continue }
            digits.append(c - UInt8(ascii: "0"))
        }
        if pointPos < 0 { pointPos = digits.count }
        // strip leading zeros
        var lead = 0
        while lead < digits.count - 1 && digits[lead] == 0 { lead += 1 }
        digits.removeFirst(lead)
        pointPos -= lead
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        if digits == [0] { return ([0], 1) }
        return (digits, pointPos + exponent)
    }

    /// `repr(x)` for a float.
    static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        let (digits, decpt) = shortestDigits(x)
        let sign = x < 0 ? "-" : ""
        let ds = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        if decpt <= -4 || decpt > 16 {
            var s = String(ds.prefix(1))
            if ds.count > 1 { s += "." + ds.dropFirst() }
            let e = decpt - 1
            return sign + s + "e" + (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
        }
        if decpt <= 0 { return sign + "0." + String(repeating: "0", count: -decpt) + ds }
        if decpt >= ds.count { return sign + ds + String(repeating: "0", count: decpt - ds.count) + ".0" }
        return sign + ds.prefix(decpt) + "." + ds.dropFirst(decpt)
    }
}

extension VM {
    /// Guards `repr` of self-containing containers (`[...]`).
    private static let reprDepthLimit = 1000

    func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return FloatRepr.repr(d)
        case .object(let o): return try reprObject(o, v)
        }
    }

    func str(_ v: Value) throws -> String {
        if case .object(let o) = v {
            if let s = o as? PyStr { return s.value }
            if let inst = o as? PyInstance {
                if inst.cls.lookupUser("__str__"), let f = inst.cls.lookup("__str__") {
                    return try stringValue(call(f, [v]), what: "__str__")
                }
                if let e = inst as? PyExceptionObject { return try builtinExceptionStr(e) }
            }
        }
        return try repr(v)
    }

    /// The Swift string inside a str value (TypeError otherwise).
    func stringValue(_ v: Value, what: String = "") throws -> String {
        if case .object(let o) = v, let s = o as? PyStr { return s.value }
        if !what.isEmpty { throw error(BuiltinTypes.typeError, "\(what) returned non-string (type \(v.typeName))") }
        throw error(BuiltinTypes.typeError, "expected str, got \(v.typeName)")
    }

    func address(_ o: AnyObject) -> String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(o).hashValue), radix: 16)
    }

    private func withReprGuard(_ o: PyObject, _ placeholder: String, _ body: () throws -> String) throws -> String {
        let id = ObjectIdentifier(o)
        if reprActive.contains(id) { return placeholder }
        if reprActive.count > VM.reprDepthLimit { throw error(BuiltinTypes.recursionError, "maximum recursion depth exceeded while getting the repr of an object") }
        reprActive.insert(id)
        defer { reprActive.remove(id) }
        return try body()
    }

    private func reprObject(_ o: PyObject, _ v: Value) throws -> String {
        switch o {
        case let s as PyStr: return pyStringRepr(s.value)
        case let b as PyBigInt:
            if b.value.approximateDecimalDigits > 4300 + 1 {
                let digits = b.value.approximateDecimalDigits
                if digits > 4301 { throw error(BuiltinTypes.valueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit") }
            }
            let s = b.value.description
            if s.count - (b.value.negative ? 1 : 0) > 4300 {
                throw error(BuiltinTypes.valueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
            }
            return s
        case let l as PyList:
            return try withReprGuard(o, "[...]") { "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]" }
        case let t as PyTuple:
            if t.items.count == 1 { return try withReprGuard(o, "(...)") { "(" + (try repr(t.items[0])) + ",)" } }
            return try withReprGuard(o, "(...)") { "(" + (try t.items.map { try repr($0) }.joined(separator: ", ")) + ")" }
        case let d as PyDict:
            return try withReprGuard(o, "{...}") {
                "{" + (try d.liveEntries.map { "\(try repr($0.key.value)): \(try repr($0.value))" }.joined(separator: ", ")) + "}"
            }
        case let s as PySet:
            let name = s.frozen ? "frozenset" : "set"
            if s.count == 0 { return "\(name)()" }
            return try withReprGuard(o, "\(name)(...)") {
                let inner = "{" + (try orderedSetValues(s).map { try repr($0) }.joined(separator: ", ")) + "}"
                return s.frozen ? "frozenset(\(inner))" : inner
            }
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))"
        case let b as PyBytes: return bytesRepr(b.bytes)
        case let e as PyExceptionObject:
            if e.cls.lookupUser("__repr__"), let f = e.cls.lookup("__repr__") { return try stringValue(call(f, [v]), what: "__repr__") }
            if e.cls.isSubtype(of: BuiltinTypes.baseExceptionGroup) {
                return "\(e.cls.name)(\(pyStringRepr(e.groupMessage)), [\(try e.group.map { try repr(.object($0)) }.joined(separator: ", "))])"
            }
            if e.args.count == 1 { return "\(e.cls.name)(\(try repr(e.args[0])))" }
            return "\(e.cls.name)(\(try e.args.map { try repr($0) }.joined(separator: ", ")))"
        case let inst as PyInstance:
            if inst.cls.lookupUser("__repr__"), let f = inst.cls.lookup("__repr__") {
                return try withReprGuard(o, "...") { try stringValue(call(f, [v]), what: "__repr__") }
            }
            return "<\(inst.cls.module == "builtins" ? "" : inst.cls.module + ".")\(inst.cls.qualname) object at \(address(o))>"
        case let t as PyType:
            return t.module == "builtins" ? "<class '\(t.name)'>" : "<class '\(t.module).\(t.qualname)'>"
        case let f as PyFunction: return "<function \(f.qualname) at \(address(o))>"
        case let m as PyBoundMethod:
            let fname: String
            if case .object(let fo) = m.function, let f = fo as? PyFunction { fname = f.qualname } else { fname = "?" }
            return "<bound method \(fname) of \(try repr(m.selfValue))>"
        case let b as PyBuiltinFunction:
            if let s = b.boundSelf {
                if case .object(let so) = s, so is PyModule { return "<built-in function \(b.name)>" }
                return "<built-in method \(b.name) of \(s.typeName) object at \(address(o))>"
            }
            if let owner = b.ownerName { return "<method '\(b.name)' of '\(owner)' objects>" }
            return "<built-in function \(b.name)>"
        case let m as PyModule: return m.name == "__main__" ? "<module '__main__' from 'main.py'>" : "<module '\(m.name)' (built-in)>"
        case let g as PyGenerator:
            switch g.kind {
            case .generator: return "<generator object \(g.qualname) at \(address(o))>"
            case .coroutine: return "<coroutine object \(g.qualname) at \(address(o))>"
            case .asyncGenerator: return "<async_generator object \(g.qualname) at \(address(o))>"
            }
        case let s as PySingleton: return s.name
        case let v as PyDictView:
            let items = try iterate(.object(DictIterator(v.dict, mode: v.mode)))
            return "\(v.pyType.name)([\(try items.map { try repr($0) }.joined(separator: ", "))])"
        case let p as PyProperty: _ = p; return "<property object at \(address(o))>"
        case let ga as GenericAlias:
            let args: [Value] = (ga.args.asObject as? PyTuple)?.items ?? [ga.args]
            return "\(ga.origin.name)[\(try args.map { a -> String in if let t = a.asObject as? PyType { return t.name }; return try repr(a) }.joined(separator: ", "))]"
        case let c as CodeObject: return "<code object \(c.name) at \(address(o)), file \"main.py\", line \(c.firstLine)>"
        case is PySuper: return "<super: <class '\((o as! PySuper).startAfter.name)'>, <\((o as! PySuper).objectType.name) object>>"
        default:
            if let f = o.pyType.lookup("__repr__"), !o.pyType.isBuiltin { return try stringValue(call(f, [v]), what: "__repr__") }
            return "<\(o.pyType.name) object at \(address(o))>"
        }
    }

    /// CPython's `unicode_repr`: single quotes unless the text has ' and no ".
    func pyStringRepr(_ s: String) -> String {
        let hasSingle = s.contains("'"), hasDouble = s.contains("\"")
        let quote: Character = hasSingle && !hasDouble ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote { out += "\\" + String(quote); continue }
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x100 {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out += "\\U" + hex(scalar.value, 8)
                }
            }
        }
        out.append(quote)
        return out
    }

    func hex(_ v: UInt32, _ width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// `str.isprintable()` for one code point (Unicode categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs except space).
    func isPrintable(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x7f { return s.value >= 0x20 }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        case .spaceSeparator: return false
        default: return true
        }
    }

    func asciiEscape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x80 { out.unicodeScalars.append(scalar) } else if scalar.value < 0x100 { out += "\\x" + hex(scalar.value, 2) } else if scalar.value < 0x10000 { out += "\\u" + hex(scalar.value, 4) } else { out += "\\U" + hex(scalar.value, 8) }
        }
        return out
    }

    func bytesRepr(_ bytes: [UInt8]) -> String {
        let hasSingle = bytes.contains(UInt8(ascii: "'")), hasDouble = bytes.contains(UInt8(ascii: "\""))
        let quote: UInt8 = hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        var out = "b" + String(UnicodeScalar(quote))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            case quote: out += "\\" + String(UnicodeScalar(quote))
            case 0x20..<0x7f: out.unicodeScalars.append(UnicodeScalar(b))
            default: out += "\\x" + hex(UInt32(b), 2)
            }
        }
        return out + String(UnicodeScalar(quote))
    }

    /// Set elements in the order CPython would print small-int sets (by hash slot); other sets keep
    /// insertion order.
    func orderedSetValues(_ s: PySet) -> [Value] {
        let values = s.values
        var ints: [Int] = []
        for v in values {
            guard case .int(let i) = v, i >= 0 else { return values }
            ints.append(i)
        }
        return CPythonSetOrder.order(ints).map { .int($0) }
    }
}

/// Reproduces the iteration order of a CPython set of non-negative ints built by successive
/// adds (`Objects/setobject.c`: table of 8 slots growing x4 when 3/5 full, linear probing of 9
/// slots, then perturbed probing). Good enough for the sets programs print.
enum CPythonSetOrder {
    static func order(_ values: [Int]) -> [Int] {
        var mask = 7
        var table = [Int?](repeating: nil, count: 8)
        var used = 0
        func insert(_ v: Int, into table: inout [Int?], mask: Int) {
            var perturb = UInt(bitPattern: v)
            var i = v & mask
            while true {
                if table[i] == nil { table[i] = v; return }
                if table[i] == v { return }
                // linear probes
                var placed = false
                if i + 9 <= mask {
                    for j in (i + 1)...(i + 9) {
                        if table[j] == nil { table[j] = v; placed = true; break }
                        if table[j] == v { return }
                    }
                }
                if placed { return }
                perturb >>= 5
                i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
            }
        }
        for v in values {
            if table.contains(where: { $0 == v }) { continue }
            insert(v, into: &table, mask: mask)
            used += 1
            if used * 5 >= (mask + 1) * 3 {
                let newSize = used > 50000 ? used * 2 : used * 4
                var size = 8
                while size <= newSize { size <<= 1 }
                mask = size - 1
                let old = table.compactMap { $0 }
                table = [Int?](repeating: nil, count: size)
                for o in old { insert(o, into: &table, mask: mask) }
            }
        }
        return table.compactMap { $0 }
    }
}
