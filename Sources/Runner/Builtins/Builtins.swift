// The `builtins` namespace (CPython's `Python/bltinmodule.c`): functions, types and exception
// classes. `open`, `eval`, `exec`, `compile`, `__import__`, `globals`, `locals`, `vars` without
// argument, `breakpoint` and `input` are absent or refuse, as the sandbox requires.
import Analyzer

typealias KwArgs = [(String, Value)]

func native(_ name: String, owner: String? = nil, _ fn: @escaping NativeFunction) -> Value {
    .object(PyBuiltinFunction(name: name, owner: owner, fn: fn))
}

extension VM {
    /// Checks the positional count; CPython's messages for builtins.
    func expectArgs(_ args: [Value], _ name: String, min: Int, max: Int) throws {
        if args.count < min || args.count > max {
            if min == max {
                if min == 0 { throw error(BuiltinTypes.typeError, "\(name)() takes no arguments (\(args.count) given)") }
                if min == 1 { throw error(BuiltinTypes.typeError, "\(name)() takes exactly one argument (\(args.count) given)") }
                throw error(BuiltinTypes.typeError, "\(name) expected \(min) arguments, got \(args.count)")
            }
            if args.count < min { throw error(BuiltinTypes.typeError, "\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(args.count)") }
            throw error(BuiltinTypes.typeError, "\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(args.count)")
        }
    }

    func noKwargs(_ kw: KwArgs, _ name: String) throws {
        if !kw.isEmpty { throw error(BuiltinTypes.typeError, "\(name)() takes no keyword arguments") }
    }

    func kwarg(_ kw: KwArgs, _ name: String) -> Value? {
        kw.first { $0.0 == name }?.1
    }

    func checkKwargs(_ kw: KwArgs, _ fname: String, allowed: [String]) throws {
        for (k, _) in kw where !allowed.contains(k) {
            throw error(BuiltinTypes.typeError, "'\(k)' is an invalid keyword argument for \(fname)()")
        }
    }

    func intArg(_ v: Value, _ what: String = "") throws -> Int {
        if let i = try indexValue(v) { return i }
        if case .float = v { throw error(BuiltinTypes.typeError, "'float' object cannot be interpreted as an integer") }
        throw error(BuiltinTypes.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
    }

    func newList(_ items: [Value]) throws -> Value {
        try checkAllocation(items.count * 16)
        return .object(PyList(items))  // charged by PyList.init
    }

    func isInstance(_ v: Value, _ cls: Value) throws -> Bool {
        if case .object(let o) = cls {
            if let t = o as? PyType { return v.type.isSubtype(of: t) }
            if let tuple = o as? PyTuple {
                for item in tuple.items where try isInstance(v, item) { return true }
                return false
            }
        }
        throw error(BuiltinTypes.typeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    /// `sorted`/`list.sort`: a stable merge sort using `<`, like CPython's timsort comparisons.
    func sortValues(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        var keys = items
        if let key, !key.isNone { keys = try items.map { try call(key, [$0]) } }
        var indices = Array(0..<items.count)
        var failure: Error?
        func less(_ a: Int, _ b: Int) -> Bool {
            if failure != nil { return false }
            do {
                if case .int(let x) = keys[a], case .int(let y) = keys[b] { return x < y }
                if case .object(let xo) = keys[a], let x = xo as? PyStr, case .object(let yo) = keys[b], let y = yo as? PyStr {
                    return x.value.unicodeScalars.lexicographicallyPrecedes(y.value.unicodeScalars) { $0.value < $1.value }
                }
                return try truthy(orderCompare(keys[a], keys[b], .lt))
            } catch {
                failure = error
                return false
            }
        }
        // Stable merge sort; reverse keeps stability the way CPython does (reverse, sort, reverse).
        if reverse { indices.reverse() }
        indices = mergeSort(indices, less)
        if let failure { throw failure }
        if reverse { indices.reverse() }
        return indices.map { items[$0] }
    }

    private func mergeSort(_ a: [Int], _ less: (Int, Int) -> Bool) -> [Int] {
        if a.count <= 1 { return a }
        var src = a
        var dst = a
        var width = 1
        let n = a.count
        while width < n {
            var i = 0
            while i < n {
                let mid = min(i + width, n), hi = min(i + 2 * width, n)
                var l = i, r = mid, k = i
                while l < mid && r < hi {
                    if less(src[r], src[l]) { dst[k] = src[r]; r += 1 } else { dst[k] = src[l]; l += 1 }
                    k += 1
                }
                while l < mid { dst[k] = src[l]; l += 1; k += 1 }
                while r < hi { dst[k] = src[r]; r += 1; k += 1 }
                i += 2 * width
            }
            swap(&src, &dst)
            width *= 2
        }
        return src
    }

    func minMax(_ args: [Value], _ kw: KwArgs, isMax: Bool) throws -> Value {
        let name = isMax ? "max" : "min"
        try checkKwargs(kw, name, allowed: ["key", "default"])
        let key = kwarg(kw, "key")
        var items: [Value]
        if args.count == 1 {
            items = try iterate(args[0])
        } else if args.isEmpty {
            throw error(BuiltinTypes.typeError, "\(name) expected at least 1 argument, got 0")
        } else {
            items = args
        }
        if items.isEmpty {
            if let d = kwarg(kw, "default") { return d }
            throw error(BuiltinTypes.valueError, "\(name)() iterable argument is empty")
        }
        var best = items[0]
        var bestKey = key.map { k in try? call(k, [best]) } ?? best
        if let k = key, !k.isNone { bestKey = try call(k, [best]) } else { bestKey = best }
        for item in items.dropFirst() {
            let k = (key != nil && !(key!.isNone)) ? try call(key!, [item]) : item
            let better = try truthy(orderCompare(k, bestKey ?? .none, isMax ? .gt : .lt))
            if better {
                best = item
                bestKey = k
            }
        }
        return best
    }

    func printValues(_ args: [Value], _ kw: KwArgs) throws -> Value {
        try checkKwargs(kw, "print", allowed: ["sep", "end", "file", "flush"])
        var sep = " ", end = "\n"
        if let s = kwarg(kw, "sep"), !s.isNone {
            guard let str = s.asObject as? PyStr else { throw error(BuiltinTypes.typeError, "sep must be None or a string, not \(s.typeName)") }
            sep = str.value
        }
        if let e = kwarg(kw, "end"), !e.isNone {
            guard let str = e.asObject as? PyStr else { throw error(BuiltinTypes.typeError, "end must be None or a string, not \(e.typeName)") }
            end = str.value
        }
        var toStderr = false
        if let f = kwarg(kw, "file"), !f.isNone {
            if let m = f.asObject as? PyInstance, m.cls.name == "stderr" { toStderr = true } else if (f.asObject as? PyInstance)?.cls.name != "stdout" {
                _ = try callMethod(f, "write", [.str(try args.map { try str($0) }.joined(separator: sep) + end)])
                return .none
            }
        }
        let text = try args.map { try str($0) }.joined(separator: sep) + end
        if toStderr { return .none }
        try write(text)
        traceEvent(.print, line: programLine, detail: text.hasSuffix("\n") ? String(text.dropLast()) : text)
        return .none
    }
}

extension Value {
    /// A float or int usable in sum()'s compensated float path.
    var asFloatForSum: Double? {
        switch self {
        case .float(let d): return d
        case .int(let i) where i.magnitude < (1 << 53): return Double(i)
        default: return nil
        }
    }
}

enum Builtins {
    static let table: [String: Value] = makeTable()

    /// Constructors of builtin classes, called when a program calls the class.
    static let constructors: [ObjectIdentifier: NativeFunction] = Constructors.table()

    private static func makeTable() -> [String: Value] {
        var t: [String: Value] = [:]
        for type in [BuiltinTypes.object, BuiltinTypes.type, BuiltinTypes.int, BuiltinTypes.bool, BuiltinTypes.float,
                     BuiltinTypes.str, BuiltinTypes.bytes, BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.dict,
                     BuiltinTypes.set, BuiltinTypes.frozenset, BuiltinTypes.range, BuiltinTypes.slice,
                     BuiltinTypes.property, BuiltinTypes.staticmethod, BuiltinTypes.classmethod, BuiltinTypes.superType] {
            t[type.name] = .object(type)
        }
        t["super"] = .object(BuiltinTypes.superType)
        t["map"] = .object(BuiltinTypes.mapIterator)
        t["filter"] = .object(BuiltinTypes.filterIterator)
        t["zip"] = .object(BuiltinTypes.zipIterator)
        t["enumerate"] = .object(BuiltinTypes.enumerateIterator)
        t["reversed"] = .object(BuiltinTypes.reversedIterator)
        for e in BuiltinTypes.allExceptions { t[e.name] = .object(e) }
        t["EnvironmentError"] = .object(BuiltinTypes.osError)
        t["IOError"] = .object(BuiltinTypes.osError)
        t["Ellipsis"] = .object(BuiltinTypes.ellipsis)
        t["NotImplemented"] = .object(BuiltinTypes.notImplemented)
        // Shared by concurrent runs: fill the lazy caches now so no run writes them later.
        for (key, text) in [("__name__", "__main__"), ("__file__", "main.py")] {
            let s = PyStr(text)
            _ = s.hash
            _ = s.scalars
            t[key] = .object(s)
        }

        t["print"] = native("print") { vm, a, kw in try vm.printValues(a, kw) }
        t["len"] = native("len") { vm, a, kw in
            try vm.expectArgs(a, "len", min: 1, max: 1)
            return .int(try vm.length(a[0]))
        }
        t["repr"] = native("repr") { vm, a, _ in
            try vm.expectArgs(a, "repr", min: 1, max: 1)
            return .str(try vm.repr(a[0]))
        }
        t["ascii"] = native("ascii") { vm, a, _ in
            try vm.expectArgs(a, "ascii", min: 1, max: 1)
            return .str(vm.asciiEscape(try vm.repr(a[0])))
        }
        t["abs"] = native("abs") { vm, a, _ in
            try vm.expectArgs(a, "abs", min: 1, max: 1)
            switch a[0] {
            case .int(let i): return i == Int.min ? try vm.makeInt(-BigInt(i)) : .int(abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(abs(d))
            case .object(let o):
                if let b = o as? PyBigInt { return try vm.makeInt(b.value.negative ? -b.value : b.value) }
                if let f = o.pyType.lookup("__abs__"), o.pyType.lookupUser("__abs__") { return try vm.call(f, [a[0]]) }
            default: break
            }
            throw vm.error(BuiltinTypes.typeError, "bad operand type for abs(): '\(a[0].typeName)'")
        }
        t["isinstance"] = native("isinstance") { vm, a, _ in
            try vm.expectArgs(a, "isinstance", min: 2, max: 2)
            return .bool(try vm.isInstance(a[0], a[1]))
        }
        t["issubclass"] = native("issubclass") { vm, a, _ in
            try vm.expectArgs(a, "issubclass", min: 2, max: 2)
            guard let sub = a[0].asObject as? PyType else { throw vm.error(BuiltinTypes.typeError, "issubclass() arg 1 must be a class") }
            func check(_ c: Value) throws -> Bool {
                if let t = c.asObject as? PyType { return sub.isSubtype(of: t) }
                if let tuple = c.asObject as? PyTuple { return try tuple.items.contains { try check($0) } }
                throw vm.error(BuiltinTypes.typeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
            }
            return .bool(try check(a[1]))
        }
        t["hasattr"] = native("hasattr") { vm, a, _ in
            try vm.expectArgs(a, "hasattr", min: 2, max: 2)
            let name = try vm.stringValue(a[1])
            do {
                _ = try vm.getAttr(a[0], name)
                return .bool(true)
            } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.attributeError) {
                return .bool(false)
            }
        }
        t["getattr"] = native("getattr") { vm, a, _ in
            try vm.expectArgs(a, "getattr", min: 2, max: 3)
            guard let name = a[1].asObject as? PyStr else { throw vm.error(BuiltinTypes.typeError, "attribute name must be string, not '\(a[1].typeName)'") }
            if name.value.hasPrefix("__") && name.value.hasSuffix("__") && VM.refusedAttributes.contains(name.value) {
                throw VMStop.sandbox("getattr of '\(name.value)'")
            }
            do {
                return try vm.getAttr(a[0], name.value)
            } catch let e as PyError where a.count == 3 && e.exception.cls.isSubtype(of: BuiltinTypes.attributeError) {
                return a[2]
            }
        }
        t["setattr"] = native("setattr") { vm, a, _ in
            try vm.expectArgs(a, "setattr", min: 3, max: 3)
            guard let name = a[1].asObject as? PyStr else { throw vm.error(BuiltinTypes.typeError, "attribute name must be string, not '\(a[1].typeName)'") }
            if name.value.hasPrefix("__") && name.value.hasSuffix("__") { throw VMStop.sandbox("setattr of '\(name.value)'") }
            try vm.setAttr(a[0], name.value, a[2])
            return .none
        }
        t["delattr"] = native("delattr") { vm, a, _ in
            try vm.expectArgs(a, "delattr", min: 2, max: 2)
            try vm.delAttr(a[0], try vm.stringValue(a[1]))
            return .none
        }
        t["id"] = native("id") { vm, a, _ in
            try vm.expectArgs(a, "id", min: 1, max: 1)
            switch a[0] {
            case .object(let o): return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(o).hashValue)) & 0x7fff_ffff_ffff)
            default: return .int(try vm.pyHash(a[0]) & 0xffff_ffff + 0x1000)
            }
        }
        t["hash"] = native("hash") { vm, a, _ in
            try vm.expectArgs(a, "hash", min: 1, max: 1)
            return .int(try vm.pyHash(a[0]))
        }
        t["callable"] = native("callable") { vm, a, _ in
            try vm.expectArgs(a, "callable", min: 1, max: 1)
            guard case .object(let o) = a[0] else { return .bool(false) }
            return .bool(o is PyFunction || o is PyBuiltinFunction || o is PyBoundMethod || o is PyType || o.pyType.lookup("__call__") != nil)
        }
        t["iter"] = native("iter") { vm, a, _ in
            try vm.expectArgs(a, "iter", min: 1, max: 2)
            if a.count == 2 {
                let fn = a[0], sentinel = a[1]
                return .object(ClosureIterator(type: BuiltinTypes.iterator) { vm in
                    let v = try vm.call(fn, [])
                    return try vm.equals(v, sentinel) ? nil : v
                })
            }
            return try vm.getIter(a[0])
        }
        t["next"] = native("next") { vm, a, _ in
            try vm.expectArgs(a, "next", min: 1, max: 2)
            let it = a[0]
            let isIterator: Bool
            if case .object(let o) = it { isIterator = o is PyIterator || (o as? PyGenerator)?.kind == .generator || o.pyType.lookup("__next__") != nil } else { isIterator = false }
            if !isIterator { throw vm.error(BuiltinTypes.typeError, "'\(it.typeName)' object is not an iterator") }
            if case .object(let o) = it, let g = o as? PyGenerator {
                if g.state == .finished {
                    if a.count == 2 { return a[1] }
                    throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: []))
                }
                switch try vm.resume(g, send: .none) {
                case .yielded(let v): return v
                case .returned(let r):
                    if a.count == 2 { return a[1] }
                    throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: r.isNone ? [] : [r]))
                }
            }
            if case .object(let o) = it, !(o is PyIterator), let f = o.pyType.lookup("__next__") {
                do { return try vm.call(f, [it]) } catch let e as PyError where a.count == 2 && e.exception.cls.isSubtype(of: BuiltinTypes.stopIteration) { return a[1] }
            }
            if let v = try vm.nextValue(it) { return v }
            if a.count == 2 { return a[1] }
            throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: []))
        }
        t["sorted"] = native("sorted") { vm, a, kw in
            try vm.expectArgs(a, "sorted", min: 1, max: 1)
            try vm.checkKwargs(kw, "sorted", allowed: ["key", "reverse"])
            let rev = try vm.kwarg(kw, "reverse").map { try vm.truthy($0) } ?? false
            return try vm.newList(try vm.sortValues(try vm.iterate(a[0]), key: vm.kwarg(kw, "key"), reverse: rev))
        }
        t["sum"] = native("sum") { vm, a, kw in
            try vm.expectArgs(a, "sum", min: 1, max: 2)
            var total: Value = a.count == 2 ? a[1] : (vm.kwarg(kw, "start") ?? .int(0))
            if case .object(let o) = total, o is PyStr {
                throw vm.error(BuiltinTypes.typeError, "sum() can't sum strings [use ''.join(seq) instead]")
            }
            let it = try vm.getIter(a[0])
            // Floats are added with Neumaier compensation, as CPython 3.12's sum() does.
            var compensation = 0.0
            var inFloatMode = false
            while let x = try vm.nextValue(it) {
                if case .float(let t) = total, let y = x.asFloatForSum {
                    let s = t + y
                    if abs(t) >= abs(y) { compensation += (t - s) + y } else { compensation += (y - s) + t }
                    total = .float(s)
                    inFloatMode = true
                    continue
                }
                if inFloatMode, case .float(let t) = total {
                    total = .float(t + compensation)
                    compensation = 0
                    inFloatMode = false
                }
                if case .int(let t) = total, case .int(let y) = x {
                    let (r, o) = t.addingReportingOverflow(y)
                    if !o { total = .int(r); continue }
                }
                total = try vm.binaryOp(total, x, .add)
            }
            if inFloatMode, case .float(let t) = total, compensation != 0, compensation.isFinite { total = .float(t + compensation) }
            return total
        }
        t["min"] = native("min") { vm, a, kw in try vm.minMax(a, kw, isMax: false) }
        t["max"] = native("max") { vm, a, kw in try vm.minMax(a, kw, isMax: true) }
        t["any"] = native("any") { vm, a, _ in
            try vm.expectArgs(a, "any", min: 1, max: 1)
            let it = try vm.getIter(a[0])
            while let x = try vm.nextValue(it) { if try vm.truthy(x) { return .bool(true) } }
            return .bool(false)
        }
        t["all"] = native("all") { vm, a, _ in
            try vm.expectArgs(a, "all", min: 1, max: 1)
            let it = try vm.getIter(a[0])
            while let x = try vm.nextValue(it) { if !(try vm.truthy(x)) { return .bool(false) } }
            return .bool(true)
        }
        t["round"] = native("round") { vm, a, kw in
            var args = a
            if let nd = vm.kwarg(kw, "ndigits") { args.append(nd) }
            try vm.expectArgs(args, "round", min: 1, max: 2)
            let ndigits: Int? = args.count == 2 && !args[1].isNone ? try vm.intArg(args[1]) : nil
            switch args[0] {
            case .int, .bool:
                guard let nd = ndigits, nd < 0 else { return try vm.positive(args[0]) }
                let p = BigInt.pow(BigInt(10), -nd)
                let v = vm.intValue(args[0])!.big
                let (q, r) = BigInt.divMod(v, p)
                let twice = r + r
                var rounded = q
                let c = BigInt.compare(twice, p)
                if c > 0 || (c == 0 && !(q.limbs.first.map { $0 & 1 == 0 } ?? true)) { rounded = q + BigInt(1) }
                return try vm.makeInt(rounded * p)
            case .float(let d):
                guard let nd = ndigits else {
                    guard d.isFinite else { throw vm.error(d.isNaN ? BuiltinTypes.valueError : BuiltinTypes.overflowError, d.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer") }
                    return try vm.makeInt(BigInt(exactly: d.rounded(.toNearestOrEven)))
                }
                return .float(roundFloat(d, nd))
            case .object(let o):
                if o is PyBigInt { return args[0] }
                if let f = o.pyType.lookup("__round__"), !o.pyType.isBuiltin { return try vm.call(f, args) }
            default: break
            }
            throw vm.error(BuiltinTypes.typeError, "type \(args[0].typeName) doesn't define __round__ method")
        }
        t["divmod"] = native("divmod") { vm, a, _ in
            try vm.expectArgs(a, "divmod", min: 2, max: 2)
            if case .float = a[0], let x = vm.floatValue(a[0]), let y = vm.floatValue(a[1]) {
                if y == 0 { throw vm.error(BuiltinTypes.zeroDivisionError, "float divmod()") }
                let (q, r) = vm.floatDivmod(x, y)
                return .object(PyTuple([.float(q), .float(r)]))
            }
            if case .float = a[1], let x = vm.floatValue(a[0]), let y = vm.floatValue(a[1]) {
                if y == 0 { throw vm.error(BuiltinTypes.zeroDivisionError, "float divmod()") }
                let (q, r) = vm.floatDivmod(x, y)
                return .object(PyTuple([.float(q), .float(r)]))
            }
            if let x = vm.intValue(a[0]), let y = vm.intValue(a[1]) {
                if y.big.isZero { throw vm.error(BuiltinTypes.zeroDivisionError, "integer division or modulo by zero") }
                return .object(PyTuple([try vm.intOp(x, y, .floorDiv), try vm.intOp(x, y, .mod)]))
            }
            if let f = a[0].type.lookup("__divmod__"), a[0].type.lookupUser("__divmod__") { return try vm.call(f, a) }
            throw vm.error(BuiltinTypes.typeError, "unsupported operand type(s) for divmod(): '\(a[0].typeName)' and '\(a[1].typeName)'")
        }
        t["pow"] = native("pow") { vm, a, _ in
            try vm.expectArgs(a, "pow", min: 2, max: 3)
            if a.count == 3, !a[2].isNone {
                guard let b = vm.intValue(a[0])?.big, let e = vm.intValue(a[1])?.big, let m = vm.intValue(a[2])?.big else {
                    throw vm.error(BuiltinTypes.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
                }
                if m.isZero { throw vm.error(BuiltinTypes.valueError, "pow() 3rd argument cannot be 0") }
                if e.negative { throw vm.error(BuiltinTypes.valueError, "base is not invertible for the given modulus") }
                var result = BigInt(1), base = BigInt.divMod(b, m).1, exp = e
                while !exp.isZero {
                    if exp.limbs[0] & 1 == 1 { result = BigInt.divMod(result * base, m).1 }
                    exp = exp >> 1
                    base = BigInt.divMod(base * base, m).1
                }
                return try vm.makeInt(result)
            }
            return try vm.binaryOp(a[0], a[1], .pow)
        }
        t["chr"] = native("chr") { vm, a, _ in
            try vm.expectArgs(a, "chr", min: 1, max: 1)
            let i = try vm.intArg(a[0])
            guard i >= 0, i < 0x110000 else { throw vm.error(BuiltinTypes.valueError, "chr() arg not in range(0x110000)") }
            guard let s = Unicode.Scalar(UInt32(i)) else { return .str("\u{FFFD}") }
            return .str(String(Character(s)))
        }
        t["ord"] = native("ord") { vm, a, _ in
            try vm.expectArgs(a, "ord", min: 1, max: 1)
            if let s = a[0].asObject as? PyStr {
                let sc = s.scalars
                guard sc.count == 1 else { throw vm.error(BuiltinTypes.typeError, "ord() expected a character, but string of length \(sc.count) found") }
                return .int(Int(sc[0].value))
            }
            if let b = a[0].asObject as? PyBytes, b.bytes.count == 1 { return .int(Int(b.bytes[0])) }
            throw vm.error(BuiltinTypes.typeError, "ord() expected string of length 1, but \(a[0].typeName) found")
        }
        func radixBuiltin(_ name: String, _ radix: Int, _ prefix: String) -> Value {
            native(name) { vm, a, _ in
                try vm.expectArgs(a, name, min: 1, max: 1)
                let index = try vm.indexValue(a[0])
                guard let v = vm.intValue(a[0])?.big ?? index.map({ BigInt($0) }) else {
                    throw vm.error(BuiltinTypes.typeError, "'\(a[0].typeName)' object cannot be interpreted as an integer")
                }
                return .str((v.negative ? "-" : "") + prefix + (v.negative ? -v : v).magnitudeString(radix: radix))
            }
        }
        t["hex"] = radixBuiltin("hex", 16, "0x")
        t["oct"] = radixBuiltin("oct", 8, "0o")
        t["bin"] = radixBuiltin("bin", 2, "0b")
        t["format"] = native("format") { vm, a, _ in
            try vm.expectArgs(a, "format", min: 1, max: 2)
            return .str(try vm.format(a[0], a.count == 2 ? try vm.stringValue(a[1]) : ""))
        }
        t["vars"] = native("vars") { vm, a, _ in
            guard a.count == 1 else { throw VMStop.sandbox("vars() without argument") }
            if let v = try vm.findAttr(a[0], "__dict__") { return v }
            throw vm.error(BuiltinTypes.typeError, "vars() argument must have __dict__ attribute")
        }
        t["dir"] = native("dir") { vm, a, _ in
            guard a.count == 1 else { throw VMStop.sandbox("dir() without argument") }
            var names = Set<String>()
            if let inst = a[0].asObject as? PyInstance { names.formUnion(inst.attrs.keys) }
            for t in (a[0].asObject as? PyType)?.mro ?? a[0].type.mro { names.formUnion(t.dict.keys) }
            return .object(PyList(names.sorted().map { .str($0) }))
        }
        t["aiter"] = native("aiter") { vm, a, _ in
            try vm.expectArgs(a, "aiter", min: 1, max: 1)
            return try vm.callMethod(a[0], "__aiter__", [])
        }
        t["anext"] = native("anext") { vm, a, _ in
            try vm.expectArgs(a, "anext", min: 1, max: 2)
            return try vm.callMethod(a[0], "__anext__", [])
        }
        t["__build_class__"] = buildClassValue
        for refused in ["open", "eval", "exec", "compile", "__import__", "globals", "locals", "breakpoint", "input", "memoryview", "help"] {
            t[refused] = native(refused) { _, _, _ in throw VMStop.sandbox("\(refused)()") }
        }
        t["exit"] = native("exit") { vm, a, _ in throw PyError(exception: vm.makeException(BuiltinTypes.systemExit, args: a)) }
        t["quit"] = t["exit"]
        for v in t.values { makeImmortal(v) }
        return t
    }

    static let buildClassValue = native("__build_class__") { vm, a, kw in try vm.buildClass(a, kw) }
}

/// round(x, n) for floats, correctly rounded via the decimal string (CPython's `double_round`).
func roundFloat(_ d: Double, _ ndigits: Int) -> Double {
    if !d.isFinite || d == 0 { return d }
    if ndigits > 22 { return d }
    if ndigits < -308 { return 0.0 * d }
    if ndigits >= 0 {
        let s = String(format: "%.\(ndigits)f", d)
        return Double(s) ?? d
    }
    let p = pow(10.0, Double(-ndigits))
    let y = d / p
    var z = y.rounded()
    if abs(y - z) == 0.5 { z = 2.0 * (y / 2.0).rounded() }
    return z * p
}
