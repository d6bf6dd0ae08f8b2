// Methods of str (CPython's `Objects/unicodeobject.c`) and bytes, and `str.format`.
import Analyzer

/// `str.isspace()` for one code point, with an ASCII fast path (Unicode property lookups are slow).
@inline(__always)
func isPythonWhitespace(_ c: Unicode.Scalar) -> Bool {
    let v = c.value
    if v < 128 { return v == 32 || (v >= 9 && v <= 13) || (v >= 0x1c && v <= 0x1f) }
    return v == 0x85 || v == 0xa0 || c.properties.isWhitespace
}

extension VM {
    func selfStr(_ a: [Value], _ name: String) throws -> PyStr {
        guard let s = a.first?.asObject as? PyStr else {
            throw error(BuiltinTypes.typeError, "descriptor '\(name)' for 'str' objects doesn't apply to a '\(a.first?.typeName ?? "NoneType")' object")
        }
        return s
    }

    func strArg(_ v: Value, _ fname: String, _ position: Int = 1) throws -> String {
        guard let s = v.asObject as? PyStr else {
            throw error(BuiltinTypes.typeError, "\(fname) arg \(position) must be str, not \(v.typeName)")
        }
        return s.value
    }

    func optionalChars(_ a: [Value], _ i: Int) throws -> Set<Unicode.Scalar>? {
        guard a.count > i, !a[i].isNone else { return nil }
        guard let s = a[i].asObject as? PyStr else { throw error(BuiltinTypes.typeError, "strip arg must be None or str") }
        return Set(s.value.unicodeScalars)
    }

    /// str.split / rsplit (whitespace mode when sep is None).
    func splitString(_ s: String, sep: String?, maxsplit: Int, fromRight: Bool) throws -> [Value] {
        if sep == nil, maxsplit < 0, let parts = splitASCIIWhitespace(s) { return parts }
        let scalars = Array(s.unicodeScalars)
        var parts: [String] = []
        if let sep {
            if sep.isEmpty { throw error(BuiltinTypes.valueError, "empty separator") }
            if maxsplit < 0 { return s.components(separatedBy: sep).map { .str($0) } }
            var pieces = s.components(separatedBy: sep)
            if pieces.count - 1 > maxsplit {
                if fromRight {
                    let head = pieces[0..<(pieces.count - maxsplit)].joined(separator: sep)
                    pieces = [head] + pieces[(pieces.count - maxsplit)...]
                } else {
                    let tail = pieces[maxsplit...].joined(separator: sep)
                    pieces = Array(pieces[0..<maxsplit]) + [tail]
                }
            }
            return pieces.map { .str($0) }
        }
        func isSpace(_ c: Unicode.Scalar) -> Bool { isPythonWhitespace(c) }
        if !fromRight {
            var i = 0
            var splits = 0
            while i < scalars.count {
                while i < scalars.count && isSpace(scalars[i]) { i += 1 }
                if i >= scalars.count { break }
                if maxsplit >= 0 && splits >= maxsplit {
                    var end = scalars.count
                    while end > i && isSpace(scalars[end - 1]) { end -= 1 }
                    parts.append(String(String.UnicodeScalarView(scalars[i..<end])))
                    break
                }
                let start = i
                while i < scalars.count && !isSpace(scalars[i]) { i += 1 }
                parts.append(String(String.UnicodeScalarView(scalars[start..<i])))
                splits += 1
            }
            return parts.map { .str($0) }
        }
        var i = scalars.count
        var splits = 0
        while i > 0 {
            while i > 0 && isSpace(scalars[i - 1]) { i -= 1 }
            if i <= 0 { break }
            if maxsplit >= 0 && splits >= maxsplit {
                var start = 0
                while start < i && isSpace(scalars[start]) { start += 1 }
                parts.append(String(String.UnicodeScalarView(scalars[start..<i])))
                break
            }
            let end = i
            while i > 0 && !isSpace(scalars[i - 1]) { i -= 1 }
            parts.append(String(String.UnicodeScalarView(scalars[i..<end])))
            splits += 1
        }
        return parts.reversed().map { .str($0) }
    }

    /// `s.split()` over the UTF-8 bytes when `s` is ASCII: no code-point array, and each word
    /// is made straight from its bytes (the word count benchmark spent a third of its time here).
    func splitASCIIWhitespace(_ s: String) -> [Value]? {
        s.utf8.withContiguousStorageIfAvailable { bytes -> [Value]? in
            var parts: [Value] = []
            var i = 0
            let n = bytes.count
            @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) || (b >= 0x1c && b <= 0x1f) }
            while i < n {
                if bytes[i] >= 128 { return nil }
                if isSpace(bytes[i]) { i += 1; continue }
                let start = i
                while i < n && !isSpace(bytes[i]) {
                    if bytes[i] >= 128 { return nil }
                    i += 1
                }
                parts.append(.str(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)))
            }
            return parts
        } ?? nil
    }

    /// Index of `sub` in `s` (by code points) within [start, end), or -1.
    func findIndex(_ s: [Unicode.Scalar], _ sub: [Unicode.Scalar], _ start: Int, _ end: Int, reverse: Bool) -> Int {
        let n = s.count
        var lo = start < 0 ? max(0, start + n) : min(start, n)
        var hi = end < 0 ? max(0, end + n) : min(end, n)
        if hi - lo < sub.count { return -1 }
        if sub.isEmpty { return reverse ? hi : lo }
        if reverse {
            var i = hi - sub.count
            while i >= lo {
                if Array(s[i..<(i + sub.count)]) == sub { return i }
                i -= 1
            }
        } else {
            while lo + sub.count <= hi {
                if s[lo] == sub[0] && Array(s[lo..<(lo + sub.count)]) == sub { return lo }
                lo += 1
            }
        }
        hi = 0
        return -1
    }

    func sliceBounds(_ a: [Value], from i: Int) throws -> (Int, Int) {
        let start = a.count > i && !a[i].isNone ? try intArg(a[i]) : 0
        let end = a.count > i + 1 && !a[i + 1].isNone ? try intArg(a[i + 1]) : Int.max
        return (start, end)
    }

    // MARK: str.format

    func formatString(_ format: String, _ args: [Value], _ kwargs: KwArgs, depth: Int = 0) throws -> String {
        if depth > 2 { throw error(BuiltinTypes.valueError, "Max string recursion exceeded") }
        let chars = Array(format)
        var out = ""
        var i = 0
        var autoIndex = 0
        var usedManual = false
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out.append("{"); i += 2; continue }
                var j = i + 1
                var nest = 1
                while j < chars.count {
                    if chars[j] == "{" { nest += 1 } else if chars[j] == "}" { nest -= 1; if nest == 0 { break } }
                    j += 1
                }
                guard j < chars.count else { throw error(BuiltinTypes.valueError, "expected '}' before end of string") }
                let field = String(chars[(i + 1)..<j])
                i = j + 1
                // field_name[!conversion][:spec]
                var fieldName = field
                var conversion: Character?
                var spec = ""
                if let colon = field.firstIndex(of: ":") {
                    fieldName = String(field[..<colon])
                    spec = String(field[field.index(after: colon)...])
                }
                if let bang = fieldName.firstIndex(of: "!") {
                    let conv = fieldName[fieldName.index(after: bang)...]
                    guard conv.count == 1, let cc = conv.first, "rsa".contains(cc) else {
                        throw error(BuiltinTypes.valueError, "Unknown conversion specifier \(conv)")
                    }
                    conversion = cc
                    fieldName = String(fieldName[..<bang])
                }
                // first part of the field name
                var rest = Substring(fieldName)
                let headEnd = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                let head = String(rest[..<headEnd])
                rest = rest[headEnd...]
                var value: Value
                if head.isEmpty {
                    if usedManual { throw error(BuiltinTypes.valueError, "cannot switch from manual field specification to automatic field numbering") }
                    guard autoIndex < args.count else { throw error(BuiltinTypes.indexError, "Replacement index \(autoIndex) out of range for positional args tuple") }
                    value = args[autoIndex]
                    autoIndex += 1
                } else if let n = Int(head) {
                    usedManual = true
                    guard n < args.count else { throw error(BuiltinTypes.indexError, "Replacement index \(n) out of range for positional args tuple") }
                    value = args[n]
                } else {
                    guard let v = kwargs.first(where: { $0.0 == head })?.1 else {
                        throw PyError(exception: makeException(BuiltinTypes.keyError, args: [.str(head)]))
                    }
                    value = v
                }
                while let f = rest.first {
                    if f == "." {
                        rest = rest.dropFirst()
                        let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                        value = try getAttr(value, String(rest[..<end]))
                        rest = rest[end...]
                    } else {
                        rest = rest.dropFirst()
                        guard let close = rest.firstIndex(of: "]") else { throw error(BuiltinTypes.valueError, "Missing ']' in format string") }
                        let key = String(rest[..<close])
                        value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
                        rest = rest[rest.index(after: close)...]
                    }
                }
                switch conversion {
                case "r": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                case "a": value = .str(asciiEscape(try repr(value)))
                default: break
                }
                if spec.contains("{") { spec = try formatString(spec, args, kwargs, depth: depth + 1) }
                out += try self.format(value, spec)
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw error(BuiltinTypes.valueError, "Single '}' encountered in format string")
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

enum StrMethods {
    static func table() -> [String: Value] {
        func transform(_ name: String, _ f: @escaping @Sendable (String) -> String) -> (String, NativeFunction) {
            (name, { vm, a, _ in .str(f(try vm.selfStr(a, name).value)) })
        }
        func predicate(_ name: String, _ f: @escaping @Sendable (Unicode.Scalar) -> Bool) -> (String, NativeFunction) {
            (name, { vm, a, _ in
                let s = try vm.selfStr(a, name)
                return .bool(!s.value.isEmpty && s.value.unicodeScalars.allSatisfy(f))
            })
        }
        func padding(_ name: String, _ align: Character) -> (String, NativeFunction) {
            (name, { vm, a, _ in
                let s = try vm.selfStr(a, name)
                try vm.expectArgs(a, name, min: 2, max: 3)
                let width = try vm.intArg(a[1])
                var fill: Character = " "
                if a.count == 3 {
                    let f = try vm.stringValue(a[2])
                    guard f.count == 1, let ch = f.first else { throw vm.error(BuiltinTypes.typeError, "The fill character must be exactly one character long") }
                    fill = ch
                }
                let n = s.count
                if width <= n { return a[0] }
                let total = width - n
                switch align {
                case "<": return .str(s.value + String(repeating: fill, count: total))
                case ">": return .str(String(repeating: fill, count: total) + s.value)
                default:
                    let left = total / 2 + (total & width & 1)
                    return .str(String(repeating: fill, count: left) + s.value + String(repeating: fill, count: total - left))
                }
            })
        }
        func strip(_ name: String, left: Bool, right: Bool) -> (String, NativeFunction) {
            (name, { vm, a, _ in
                let s = try vm.selfStr(a, name)
                let chars = try vm.optionalChars(a, 1)
                var sc = Substring.UnicodeScalarView(s.value.unicodeScalars)
                let test: (Unicode.Scalar) -> Bool = { c in chars.map { $0.contains(c) } ?? isPythonWhitespace(c) }
                if left { while let f = sc.first, test(f) { sc.removeFirst() } }
                if right { while let l = sc.last, test(l) { sc.removeLast() } }
                return .str(String(sc))
            })
        }
        func finder(_ name: String, reverse: Bool, raises: Bool) -> (String, NativeFunction) {
            (name, { vm, a, _ in
                let s = try vm.selfStr(a, name)
                try vm.expectArgs(a, name, min: 2, max: 4)
                let sub = try vm.strArg(a[1], name)
                let (start, end) = try vm.sliceBounds(a, from: 2)
                let i = vm.findIndex(s.scalars, Array(sub.unicodeScalars), start, end, reverse: reverse)
                if i < 0 && raises { throw vm.error(BuiltinTypes.valueError, "substring not found") }
                return .int(i)
            })
        }
        var entries: [(String, NativeFunction)] = [
            transform("lower") { $0.lowercased() },
            transform("upper") { $0.uppercased() },
            transform("casefold") { $0.lowercased() },
            transform("swapcase") { s in String(s.map { c in c.isUppercase ? Character(c.lowercased()) : c.isLowercase ? Character(c.uppercased()) : c }) },
            transform("capitalize") { s in
                guard let f = s.unicodeScalars.first else { return s }
                return f.properties.titlecaseMapping + String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())).lowercased()
            },
            transform("title") { s in
                var out = ""
                var prevCased = false
                for c in s {
                    if c.isLetter {
                        out += prevCased ? c.lowercased() : (c.unicodeScalars.first?.properties.titlecaseMapping ?? c.uppercased())
                        prevCased = true
                    } else {
                        out.append(c)
                        prevCased = false
                    }
                }
                return out
            },
            predicate("isdigit") { $0.properties.numericType == .digit || $0.properties.numericType == .decimal },
            predicate("isdecimal") { $0.properties.numericType == .decimal },
            predicate("isnumeric") { $0.properties.numericType != nil },
            predicate("isalpha") { $0.properties.isAlphabetic },
            predicate("isalnum") { $0.properties.isAlphabetic || $0.properties.numericType != nil },
            predicate("isspace") { $0.properties.isWhitespace },
            ("isascii", { vm, a, _ in .bool(try vm.selfStr(a, "isascii").value.unicodeScalars.allSatisfy { $0.isASCII }) }),
            ("isprintable", { vm, a, _ in .bool(try vm.selfStr(a, "isprintable").value.unicodeScalars.allSatisfy { vm.isPrintable($0) }) }),
            ("isupper", { vm, a, _ in
                let s = try vm.selfStr(a, "isupper").value
                return .bool(s.contains { $0.isUppercase } && !s.contains { $0.isLowercase })
            }),
            ("islower", { vm, a, _ in
                let s = try vm.selfStr(a, "islower").value
                return .bool(s.contains { $0.isLowercase } && !s.contains { $0.isUppercase })
            }),
            ("istitle", { vm, a, _ in
                let s = try vm.selfStr(a, "istitle").value
                var prevCased = false, any = false
                for c in s {
                    if c.isUppercase { if prevCased { return .bool(false) }; prevCased = true; any = true } else if c.isLowercase { if !prevCased { return .bool(false) }; prevCased = true } else { prevCased = false }
                }
                return .bool(any)
            }),
            ("isidentifier", { vm, a, _ in
                let s = try vm.selfStr(a, "isidentifier").value
                guard let f = s.unicodeScalars.first, f == "_" || f.properties.isXIDStart else { return .bool(false) }
                return .bool(s.unicodeScalars.dropFirst().allSatisfy { $0.properties.isXIDContinue })
            }),
            strip("strip", left: true, right: true),
            strip("lstrip", left: true, right: false),
            strip("rstrip", left: false, right: true),
            padding("ljust", "<"), padding("rjust", ">"), padding("center", "^"),
            finder("find", reverse: false, raises: false),
            finder("rfind", reverse: true, raises: false),
            finder("index", reverse: false, raises: true),
            finder("rindex", reverse: true, raises: true),
            ("join", { vm, a, _ in
                let sep = try vm.selfStr(a, "join")
                try vm.expectArgs(a, "join", min: 2, max: 2)
                var parts: [String] = []
                var total = 0
                for (i, item) in try vm.iterate(a[1]).enumerated() {
                    guard let s = item.asObject as? PyStr else {
                        throw vm.error(BuiltinTypes.typeError, "sequence item \(i): expected str instance, \(item.typeName) found")
                    }
                    total += s.value.utf8.count + sep.value.utf8.count
                    if total > 1 << 20 { try vm.checkAllocation(total) }
                    parts.append(s.value)
                }
                return .str(parts.joined(separator: sep.value))
            }),
            ("split", { vm, a, kw in
                let s = try vm.selfStr(a, "split")
                let sepV = a.count > 1 ? a[1] : (vm.kwarg(kw, "sep") ?? .none)
                let maxV = a.count > 2 ? a[2] : (vm.kwarg(kw, "maxsplit") ?? .int(-1))
                return try vm.newList(try vm.splitString(s.value, sep: sepV.isNone ? nil : try vm.stringValue(sepV), maxsplit: try vm.intArg(maxV), fromRight: false))
            }),
            ("rsplit", { vm, a, kw in
                let s = try vm.selfStr(a, "rsplit")
                let sepV = a.count > 1 ? a[1] : (vm.kwarg(kw, "sep") ?? .none)
                let maxV = a.count > 2 ? a[2] : (vm.kwarg(kw, "maxsplit") ?? .int(-1))
                return try vm.newList(try vm.splitString(s.value, sep: sepV.isNone ? nil : try vm.stringValue(sepV), maxsplit: try vm.intArg(maxV), fromRight: true))
            }),
            ("splitlines", { vm, a, kw in
                let s = try vm.selfStr(a, "splitlines").value
                let keep = try (a.count > 1 ? a[1] : vm.kwarg(kw, "keepends")).map { try vm.truthy($0) } ?? false
                var lines: [Value] = []
                var current = ""
                var it = s.unicodeScalars.makeIterator()
                var pending: Unicode.Scalar? = it.next()
                while let c = pending {
                    pending = it.next()
                    if c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c == "\u{1C}" || c == "\u{1D}" || c == "\u{1E}" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" {
                        var ending = String(Character(c))
                        if c == "\r", pending == "\n" { ending = "\r\n"; pending = it.next() }
                        lines.append(.str(keep ? current + ending : current))
                        current = ""
                    } else {
                        current.unicodeScalars.append(c)
                    }
                }
                if !current.isEmpty { lines.append(.str(current)) }
                return .object(PyList(lines))
            }),
            ("startswith", { vm, a, _ in
                let s = try vm.selfStr(a, "startswith")
                try vm.expectArgs(a, "startswith", min: 2, max: 4)
                let (start, end) = try vm.sliceBounds(a, from: 2)
                let sc = s.scalars
                let lo = start < 0 ? max(0, start + sc.count) : min(start, sc.count)
                let hi = end < 0 ? max(0, end + sc.count) : min(end, sc.count)
                let region = lo <= hi ? Array(sc[lo..<hi]) : []
                let prefixes: [Value] = (a[1].asObject as? PyTuple)?.items ?? [a[1]]
                for p in prefixes {
                    guard let ps = p.asObject as? PyStr else { throw vm.error(BuiltinTypes.typeError, "startswith first arg must be str or a tuple of str, not \(p.typeName)") }
                    if region.starts(with: ps.scalars) { return .bool(true) }
                }
                return .bool(false)
            }),
            ("endswith", { vm, a, _ in
                let s = try vm.selfStr(a, "endswith")
                try vm.expectArgs(a, "endswith", min: 2, max: 4)
                let (start, end) = try vm.sliceBounds(a, from: 2)
                let sc = s.scalars
                let lo = start < 0 ? max(0, start + sc.count) : min(start, sc.count)
                let hi = end < 0 ? max(0, end + sc.count) : min(end, sc.count)
                let region = lo <= hi ? Array(sc[lo..<hi]) : []
                let suffixes: [Value] = (a[1].asObject as? PyTuple)?.items ?? [a[1]]
                for p in suffixes {
                    guard let ps = p.asObject as? PyStr else { throw vm.error(BuiltinTypes.typeError, "endswith first arg must be str or a tuple of str, not \(p.typeName)") }
                    if region.reversed().starts(with: ps.scalars.reversed()) { return .bool(true) }
                }
                return .bool(false)
            }),
            ("count", { vm, a, _ in
                let s = try vm.selfStr(a, "count")
                try vm.expectArgs(a, "count", min: 2, max: 4)
                let sub = Array(try vm.strArg(a[1], "count").unicodeScalars)
                let (start, end) = try vm.sliceBounds(a, from: 2)
                let sc = s.scalars
                let lo = start < 0 ? max(0, start + sc.count) : min(start, sc.count)
                let hi = end < 0 ? max(0, end + sc.count) : min(end, sc.count)
                if lo > hi { return .int(0) }
                if sub.isEmpty { return .int(hi - lo + 1) }
                var n = 0, i = lo
                while i + sub.count <= hi {
                    if Array(sc[i..<(i + sub.count)]) == sub { n += 1; i += sub.count } else { i += 1 }
                }
                return .int(n)
            }),
            ("replace", { vm, a, _ in
                let s = try vm.selfStr(a, "replace")
                try vm.expectArgs(a, "replace", min: 3, max: 4)
                let old = try vm.strArg(a[1], "replace", 1), new = try vm.strArg(a[2], "replace", 2)
                let count = a.count == 4 ? try vm.intArg(a[3]) : -1
                if count < 0 {
                    if old.isEmpty {
                        var out = new
                        for c in s.value.unicodeScalars { out.unicodeScalars.append(c); out += new }
                        return .str(out)
                    }
                    return .str(s.value.replacingOccurrences(of: old, with: new))
                }
                if old.isEmpty { return a[0] }
                var result = ""
                var rest = Substring(s.value)
                var n = 0
                while n < count, let r = rest.range(of: old) {
                    result += rest[..<r.lowerBound] + new
                    rest = rest[r.upperBound...]
                    n += 1
                }
                return .str(result + rest)
            }),
            ("partition", { vm, a, _ in
                let s = try vm.selfStr(a, "partition").value
                let sep = try vm.strArg(a[1], "partition")
                if sep.isEmpty { throw vm.error(BuiltinTypes.valueError, "empty separator") }
                if let r = s.range(of: sep) { return .object(PyTuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])) }
                return .object(PyTuple([.str(s), .str(""), .str("")]))
            }),
            ("rpartition", { vm, a, _ in
                let s = try vm.selfStr(a, "rpartition").value
                let sep = try vm.strArg(a[1], "rpartition")
                if sep.isEmpty { throw vm.error(BuiltinTypes.valueError, "empty separator") }
                if let r = s.range(of: sep, options: .backwards) { return .object(PyTuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])) }
                return .object(PyTuple([.str(""), .str(""), .str(s)]))
            }),
            ("zfill", { vm, a, _ in
                let s = try vm.selfStr(a, "zfill")
                let width = try vm.intArg(a[1])
                let n = s.count
                if width <= n { return a[0] }
                var body = s.value
                var sign = ""
                if let f = body.first, f == "+" || f == "-" { sign = String(f); body.removeFirst() }
                return .str(sign + String(repeating: "0", count: width - n) + body)
            }),
            ("removeprefix", { vm, a, _ in
                let s = try vm.selfStr(a, "removeprefix").value
                let p = try vm.strArg(a[1], "removeprefix")
                return .str(s.hasPrefix(p) ? String(s.unicodeScalars.dropFirst(p.unicodeScalars.count).map(Character.init)) : s)
            }),
            ("removesuffix", { vm, a, _ in
                let s = try vm.selfStr(a, "removesuffix").value
                let p = try vm.strArg(a[1], "removesuffix")
                return .str(s.hasSuffix(p) && !p.isEmpty ? String(s.unicodeScalars.dropLast(p.unicodeScalars.count).map(Character.init)) : s)
            }),
            ("expandtabs", { vm, a, _ in
                let s = try vm.selfStr(a, "expandtabs").value
                let size = a.count > 1 ? try vm.intArg(a[1]) : 8
                var out = ""
                var col = 0
                for c in s {
                    if c == "\t" {
                        let n = size > 0 ? size - col % size : 0
                        out += String(repeating: " ", count: n)
                        col += n
                    } else {
                        out.append(c)
                        col = (c == "\n" || c == "\r") ? 0 : col + 1
                    }
                }
                return .str(out)
            }),
            ("encode", { vm, a, _ in .object(PyBytes(Array(try vm.selfStr(a, "encode").value.utf8))) }),
            ("format", { vm, a, kw in
                let s = try vm.selfStr(a, "format")
                return .str(try vm.formatString(s.value, Array(a.dropFirst()), kw))
            }),
            ("format_map", { vm, a, _ in
                let s = try vm.selfStr(a, "format_map")
                guard let d = a.count > 1 ? a[1].asObject as? PyDict : nil else { return .str(s.value) }
                let kw: KwArgs = d.liveEntries.compactMap { e in (e.key.value.asObject as? PyStr).map { ($0.value, e.value) } }
                return .str(try vm.formatString(s.value, [], kw))
            }),
            ("__len__", { vm, a, _ in .int(try vm.selfStr(a, "__len__").count) }),
            ("__contains__", { vm, a, _ in .bool(try vm.contains(a[0], a[1])) }),
            ("__getitem__", { vm, a, _ in try vm.getItem(a[0], a[1]) }),
            ("__add__", { vm, a, _ in try vm.binaryOp(a[0], a[1], .add) }),
            ("__mul__", { vm, a, _ in try vm.binaryOp(a[0], a[1], .mult) }),
            ("__mod__", { vm, a, _ in try vm.binaryOp(a[0], a[1], .mod) }),
            ("__eq__", { vm, a, _ in .bool(try vm.equals(a[0], a[1])) }),
            ("__hash__", { vm, a, _ in .int(try vm.pyHash(a[0])) }),
            ("__str__", { _, a, _ in a[0] }),
            ("__repr__", { vm, a, _ in .str(try vm.repr(a[0])) }),
            ("__format__", { vm, a, _ in .str(try vm.format(a[0], a.count > 1 ? try vm.stringValue(a[1]) : "")) }),
        ]
        entries.append(("maketrans", { vm, a, _ in
            let d = PyDict()
            if a.count >= 2, let x = a[0].asObject as? PyStr, let y = a[1].asObject as? PyStr {
                for (c, r) in zip(x.scalars, y.scalars) { d.set(try vm.hashKey(.int(Int(c.value))), .int(Int(r.value))) }
                if a.count == 3, let z = a[2].asObject as? PyStr { for c in z.scalars { d.set(try vm.hashKey(.int(Int(c.value))), .none) } }
            } else if a.count == 1, let m = a[0].asObject as? PyDict {
                for e in m.liveEntries {
                    if let k = e.key.value.asObject as? PyStr, let c = k.scalars.first { d.set(try vm.hashKey(.int(Int(c.value))), e.value) } else { d.set(e.key, e.value) }
                }
            }
            return .object(d)
        }))
        entries.append(("translate", { vm, a, _ in
            let s = try vm.selfStr(a, "translate")
            var out = ""
            for c in s.value.unicodeScalars {
                let mapped: Value?
                do { mapped = try vm.getItem(a[1], .int(Int(c.value))) } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.lookupError) { mapped = nil }
                switch mapped {
                case nil: out.unicodeScalars.append(c)
                case .some(.none): break
                case .some(.int(let i)): if let u = Unicode.Scalar(UInt32(clamping: i)) { out.unicodeScalars.append(u) }
                case .some(let v): out += try vm.stringValue(v)
                }
            }
            return .str(out)
        }))
        var t = methodTable("str", entries)
        if case .object(let o) = t["maketrans"]! { t["maketrans"] = .object(PyStaticMethod(.object(o))) }
        return t
    }
}

enum BytesMethods {
    static func table() -> [String: Value] {
        methodTable("bytes", [
            ("decode", { vm, a, _ in
                guard let b = a[0].asObject as? PyBytes else { return .none }
                guard let s = String(validating: b.bytes, as: UTF8.self) else {
                    throw vm.error(BuiltinTypes.unicodeDecodeError, "'utf-8' codec can't decode bytes")
                }
                return .str(s)
            }),
            ("hex", { _, a, _ in
                guard let b = a[0].asObject as? PyBytes else { return .none }
                return .str(b.bytes.map { String(format: "%02x", $0) }.joined())
            }),
        ])
    }
}
