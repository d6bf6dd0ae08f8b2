// What calling a builtin class does: `int("12")`, `list(gen)`, `dict(a=1)`, `map(f, xs)`, ...
// (the `tp_new`/`tp_init` pairs of CPython's `Objects/*object.c`), and `__build_class__`.
import Analyzer

enum Constructors {
    static func table() -> [ObjectIdentifier: NativeFunction] {
        var t: [ObjectIdentifier: NativeFunction] = [:]
        func add(_ type: PyType, _ fn: @escaping NativeFunction) { t[ObjectIdentifier(type)] = fn }

        add(BuiltinTypes.object) { vm, a, kw in
            if !a.isEmpty || !kw.isEmpty { throw vm.error(BuiltinTypes.typeError, "object() takes no arguments") }
            return .object(PyInstance(cls: BuiltinTypes.object))
        }
        add(BuiltinTypes.int) { vm, a, kw in
            var args = a
            if let b = vm.kwarg(kw, "base") { args.append(b) }
            try vm.expectArgs(args, "int", min: 0, max: 2)
            if args.isEmpty { return .int(0) }
            if args.count == 2 {
                guard let s = args[0].asObject as? PyStr else { throw vm.error(BuiltinTypes.typeError, "int() can't convert non-string with explicit base") }
                return try vm.parseInt(s.value, base: try vm.intArg(args[1]))
            }
            return try vm.toInt(args[0])
        }
        add(BuiltinTypes.bool) { vm, a, _ in
            try vm.expectArgs(a, "bool", min: 0, max: 1)
            return .bool(a.isEmpty ? false : try vm.truthy(a[0]))
        }
        add(BuiltinTypes.float) { vm, a, _ in
            try vm.expectArgs(a, "float", min: 0, max: 1)
            if a.isEmpty { return .float(0) }
            return .float(try vm.toFloat(a[0]))
        }
        add(BuiltinTypes.str) { vm, a, kw in
            if a.count > 3 { throw vm.error(BuiltinTypes.typeError, "str() takes at most 3 arguments (\(a.count) given)") }
            if a.isEmpty { return .str("") }
            if a.count >= 2, let b = a[0].asObject as? PyBytes { return .str(String(decoding: b.bytes, as: UTF8.self)) }
            return .str(try vm.str(a[0]))
        }
        add(BuiltinTypes.bytes) { vm, a, _ in
            if a.isEmpty { return .object(PyBytes([])) }
            if let s = a[0].asObject as? PyStr {
                guard a.count >= 2 else { throw vm.error(BuiltinTypes.typeError, "string argument without an encoding") }
                return .object(PyBytes(Array(s.value.utf8)))
            }
            if case .int(let n) = a[0] {
                guard n >= 0 else { throw vm.error(BuiltinTypes.valueError, "negative count") }
                try vm.checkAllocation(n)
                return .object(PyBytes([UInt8](repeating: 0, count: n)))
            }
            return .object(PyBytes(try vm.iterate(a[0]).map { v in
                guard let i = try vm.indexValue(v), i >= 0, i < 256 else { throw vm.error(BuiltinTypes.valueError, "bytes must be in range(0, 256)") }
                return UInt8(i)
            }))
        }
        add(BuiltinTypes.list) { vm, a, kw in
            try vm.noKwargs(kw, "list")
            try vm.expectArgs(a, "list", min: 0, max: 1)
            return try vm.newList(a.isEmpty ? [] : try vm.iterate(a[0]))
        }
        add(BuiltinTypes.tuple) { vm, a, _ in
            try vm.expectArgs(a, "tuple", min: 0, max: 1)
            if a.isEmpty { return .object(PyTuple.empty) }
            if let t = a[0].asObject as? PyTuple { return .object(t) }
            return .object(PyTuple(try vm.iterate(a[0])))
        }
        add(BuiltinTypes.dict) { vm, a, kw in
            try vm.expectArgs(a, "dict", min: 0, max: 1)
            let d = PyDict()
            if let src = a.first { try vm.dictUpdate(d, src) }
            for (k, v) in kw { d.set(vm.strKey(k), v) }
            return .object(d)
        }
        add(BuiltinTypes.set) { vm, a, _ in
            try vm.expectArgs(a, "set", min: 0, max: 1)
            let s = PySet(frozen: false)
            if let src = a.first { for x in try vm.iterate(src) { s.insert(try vm.hashKey(x)) } }
            return .object(s)
        }
        add(BuiltinTypes.frozenset) { vm, a, _ in
            try vm.expectArgs(a, "frozenset", min: 0, max: 1)
            let s = PySet(frozen: true)
            if let src = a.first { for x in try vm.iterate(src) { s.insert(try vm.hashKey(x)) } }
            return .object(s)
        }
        add(BuiltinTypes.range) { vm, a, _ in
            try vm.expectArgs(a, "range", min: 1, max: 3)
            let n = try a.map { try vm.intArg($0) }
            switch n.count {
            case 1: return .object(PyRange(start: 0, stop: n[0], step: 1))
            case 2: return .object(PyRange(start: n[0], stop: n[1], step: 1))
            default:
                if n[2] == 0 { throw vm.error(BuiltinTypes.valueError, "range() arg 3 must not be zero") }
                return .object(PyRange(start: n[0], stop: n[1], step: n[2]))
            }
        }
        add(BuiltinTypes.slice) { vm, a, _ in
            try vm.expectArgs(a, "slice", min: 1, max: 3)
            switch a.count {
            case 1: return .object(PySlice(start: .none, stop: a[0], step: .none))
            case 2: return .object(PySlice(start: a[0], stop: a[1], step: .none))
            default: return .object(PySlice(start: a[0], stop: a[1], step: a[2]))
            }
        }
        add(BuiltinTypes.type) { vm, a, _ in
            if a.count == 1 { return .object(a[0].type) }
            guard a.count == 3, let name = a[0].asObject as? PyStr, let bases = a[1].asObject as? PyTuple, let ns = a[2].asObject as? PyDict else {
                throw vm.error(BuiltinTypes.typeError, "type() takes 1 or 3 arguments")
            }
            return try vm.makeClass(name: name.value, bases: bases.items, namespace: ns)
        }
        add(BuiltinTypes.property) { vm, a, kw in
            let fget = a.count > 0 ? a[0] : (vm.kwarg(kw, "fget") ?? .none)
            let fset = a.count > 1 ? a[1] : (vm.kwarg(kw, "fset") ?? .none)
            let fdel = a.count > 2 ? a[2] : (vm.kwarg(kw, "fdel") ?? .none)
            let p = PyProperty(fget: fget, fset: fset, fdel: fdel)
            if let doc = vm.kwarg(kw, "doc") { p.doc = doc }
            return .object(p)
        }
        add(BuiltinTypes.staticmethod) { vm, a, _ in
            try vm.expectArgs(a, "staticmethod", min: 1, max: 1)
            return .object(PyStaticMethod(a[0]))
        }
        add(BuiltinTypes.classmethod) { vm, a, _ in
            try vm.expectArgs(a, "classmethod", min: 1, max: 1)
            return .object(PyClassMethod(a[0]))
        }
        add(BuiltinTypes.superType) { vm, a, _ in
            guard a.count == 2, let t = a[0].asObject as? PyType else {
                throw vm.error(BuiltinTypes.runtimeError, "super(): no arguments")
            }
            let objType: PyType
            if let ot = a[1].asObject as? PyType, ot.isSubtype(of: t) { objType = ot } else { objType = a[1].type }
            guard objType.isSubtype(of: t) else {
                throw vm.error(BuiltinTypes.typeError, "super(type, obj): obj must be an instance or subtype of type")
            }
            return .object(PySuper(startAfter: t, object: a[1], objectType: objType))
        }
        add(BuiltinTypes.mapIterator) { vm, a, _ in
            if a.count < 2 { throw vm.error(BuiltinTypes.typeError, "map() must have at least two arguments.") }
            let fn = a[0]
            let its = try a.dropFirst().map { try vm.getIter($0) }
            return .object(ClosureIterator(type: BuiltinTypes.mapIterator) { vm in
                var args: [Value] = []
                for it in its {
                    guard let v = try vm.nextValue(it) else { return nil }
                    args.append(v)
                }
                return try vm.call(fn, args)
            })
        }
        add(BuiltinTypes.filterIterator) { vm, a, _ in
            try vm.expectArgs(a, "filter", min: 2, max: 2)
            let fn = a[0]
            let it = try vm.getIter(a[1])
            return .object(ClosureIterator(type: BuiltinTypes.filterIterator) { vm in
                while let v = try vm.nextValue(it) {
                    if fn.isNone ? try vm.truthy(v) : try vm.truthy(vm.call(fn, [v])) { return v }
                }
                return nil
            })
        }
        add(BuiltinTypes.zipIterator) { vm, a, kw in
            let strict = try vm.kwarg(kw, "strict").map { try vm.truthy($0) } ?? false
            let its = try a.map { try vm.getIter($0) }
            return .object(ClosureIterator(type: BuiltinTypes.zipIterator) { vm in
                if its.isEmpty { return nil }
                var items: [Value] = []
                for (i, it) in its.enumerated() {
                    guard let v = try vm.nextValue(it) else {
                        if strict {
                            if i > 0 { throw vm.error(BuiltinTypes.valueError, "zip() argument \(i + 1) is shorter than argument\(i == 1 ? "" : "s") 1\(i == 1 ? "" : "-\(i)")") }
                            for (j, other) in its.enumerated().dropFirst() where try vm.nextValue(other) != nil {
                                throw vm.error(BuiltinTypes.valueError, "zip() argument \(j + 1) is longer than argument\(j == 1 ? "" : "s") 1\(j == 1 ? "" : "-\(j)")")
                            }
                        }
                        return nil
                    }
                    items.append(v)
                }
                return .object(PyTuple(items))
            })
        }
        add(BuiltinTypes.enumerateIterator) { vm, a, kw in
            var args = a
            if let s = vm.kwarg(kw, "start") { args.append(s) }
            try vm.expectArgs(args, "enumerate", min: 1, max: 2)
            let it = try vm.getIter(args[0])
            var i = args.count == 2 ? try vm.intArg(args[1]) : 0
            return .object(ClosureIterator(type: BuiltinTypes.enumerateIterator) { vm in
                guard let v = try vm.nextValue(it) else { return nil }
                defer { i &+= 1 }
                return .object(PyTuple([.int(i), v]))
            })
        }
        add(BuiltinTypes.reversedIterator) { vm, a, _ in
            try vm.expectArgs(a, "reversed", min: 1, max: 1)
            let v = a[0]
            if case .object(let o) = v {
                if let l = o as? PyList {
                    var i = l.items.count - 1
                    return .object(ClosureIterator(type: BuiltinTypes.reversedIterator) { _ in
                        guard i >= 0, i < l.items.count else { return nil }
                        defer { i -= 1 }
                        return l.items[i]
                    })
                }
                if o is PyTuple || o is PyStr || o is PyRange {
                    return .object(ArrayIterator(try vm.iterate(v).reversed(), type: BuiltinTypes.reversedIterator))
                }
                if let d = o as? PyDict { return .object(ArrayIterator(d.keys.reversed(), type: BuiltinTypes.reversedIterator)) }
                if let f = o.pyType.lookup("__reversed__"), !o.pyType.isBuiltin { return try vm.call(f, [v]) }
                if o.pyType.lookup("__len__") != nil && o.pyType.lookup("__getitem__") != nil {
                    let n = try vm.length(v)
                    var i = n - 1
                    return .object(ClosureIterator(type: BuiltinTypes.reversedIterator) { vm in
                        guard i >= 0 else { return nil }
                        defer { i -= 1 }
                        return try vm.getItem(v, .int(i))
                    })
                }
            }
            throw vm.error(BuiltinTypes.typeError, "'\(v.typeName)' object is not reversible")
        }
        return t
    }
}

extension VM {
    func dictUpdate(_ d: PyDict, _ src: Value) throws {
        if case .object(let o) = src {
            if let other = o as? PyDict {
                for e in other.liveEntries { d.set(e.key, e.value) }
                return
            }
            if o.pyType.lookup("keys") != nil && !(o is PyType) {
                for k in try iterate(callMethod(src, "keys", [])) { d.set(try hashKey(k), try getItem(src, k)) }
                return
            }
        }
        var index = 0
        for item in try iterate(src) {
            let pair = try iterate(item)
            guard pair.count == 2 else {
                throw error(BuiltinTypes.valueError, "dictionary update sequence element #\(index) has length \(pair.count); 2 is required")
            }
            d.set(try hashKey(pair[0]), pair[1])
            index += 1
        }
    }

    func parseInt(_ text: String, base: Int) throws -> Value {
        guard base == 0 || (base >= 2 && base <= 36) else { throw error(BuiltinTypes.valueError, "int() base must be >= 2 and <= 36, or 0") }
        let invalid = error(BuiltinTypes.valueError, "invalid literal for int() with base \(base): \(pyStringRepr(text))")
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if let f = s.first, f == "+" || f == "-" {
            negative = f == "-"
            s = s.dropFirst()
        }
        var radix = base
        let lower = s.lowercased()
        if (base == 16 || base == 0) && lower.hasPrefix("0x") { radix = 16; s = s.dropFirst(2) }
        else if (base == 8 || base == 0) && lower.hasPrefix("0o") { radix = 8; s = s.dropFirst(2) }
        else if (base == 2 || base == 0) && lower.hasPrefix("0b") { radix = 2; s = s.dropFirst(2) }
        else if base == 0 { radix = 10 }
        if s.hasPrefix("_") && radix != base { s = s.dropFirst() }
        if s.isEmpty || s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") { throw invalid }
        let digits = s.replacingOccurrences(of: "_", with: "")
        if radix == 10 && digits.count > 4300 {
            throw error(BuiltinTypes.valueError, "Exceeds the limit (4300 digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        if base == 0 && radix == 10 && digits.count > 1 && digits.hasPrefix("0") && digits.contains(where: { $0 != "0" }) { throw invalid }
        guard let b = BigInt(text: Substring(digits), radix: radix) else { throw invalid }
        return try makeInt(negative ? -b : b)
    }

    func toInt(_ v: Value) throws -> Value {
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw error(BuiltinTypes.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw error(BuiltinTypes.overflowError, "cannot convert float infinity to integer") }
            return try makeInt(BigInt(exactly: d.rounded(.towardZero)))
        case .object(let o):
            if o is PyBigInt { return v }
            if let s = o as? PyStr { return try parseInt(s.value, base: 10) }
            if let b = o as? PyBytes { return try parseInt(String(decoding: b.bytes, as: UTF8.self), base: 10) }
            for name in ["__int__", "__index__", "__trunc__"] {
                if let f = o.pyType.lookup(name), o.pyType.lookupUser(name) { return try call(f, [v]) }
            }
        case .none: break
        }
        throw error(BuiltinTypes.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
    }

    func toFloat(_ v: Value) throws -> Double {
        if let d = floatValue(v) {
            if case .object(let o) = v, let b = o as? PyBigInt, d.isInfinite {
                _ = b
                throw error(BuiltinTypes.overflowError, "int too large to convert to float")
            }
            return d
        }
        if case .object(let o) = v {
            if let s = o as? PyStr {
                let t = s.value.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "")
                switch t.lowercased() {
                case "inf", "+inf", "infinity", "+infinity": return .infinity
                case "-inf", "-infinity": return -.infinity
                case "nan", "+nan", "-nan": return .nan
                default: break
                }
                if !t.isEmpty, t.allSatisfy({ "0123456789.eE+-".contains($0) }), let d = Double(t) { return d }
                throw error(BuiltinTypes.valueError, "could not convert string to float: \(pyStringRepr(s.value))")
            }
            if let f = o.pyType.lookup("__float__"), o.pyType.lookupUser("__float__") {
                let r = try call(f, [v])
                if case .float(let d) = r { return d }
                throw error(BuiltinTypes.typeError, "\(v.typeName).__float__ returned non-float (type \(r.typeName))")
            }
            if let f = o.pyType.lookup("__index__"), o.pyType.lookupUser("__index__") { return try toFloat(call(f, [v])) }
        }
        throw error(BuiltinTypes.typeError, "float() argument must be a string or a real number, not '\(v.typeName)'")
    }

    // MARK: classes

    /// `__build_class__(func, name, *bases, **kwds)`: runs the body with a fresh namespace, then
    /// makes the class and fills its `__class__` cell (for zero-argument `super()`).
    func buildClass(_ a: [Value], _ kw: KwArgs) throws -> Value {
        guard a.count >= 2, let body = a[0].asObject as? PyFunction, let name = a[1].asObject as? PyStr else {
            throw error(BuiltinTypes.typeError, "__build_class__: func must be a function")
        }
        let ns = PyDict()
        let frame = try makeFrame(body, [], [])
        frame.classNamespace = ns
        frame.boundary = true
        try pushFrame(frame)
        _ = try runNested()
        let cls = try makeClass(name: name.value, bases: Array(a.dropFirst(2)), namespace: ns, keywords: kw)
        if let i = body.code.cellvars.firstIndex(of: "__class__") { frame.cells[i].value = cls }
        return cls
    }

    func makeClass(name: String, bases baseValues: [Value], namespace: PyDict, keywords: KwArgs = []) throws -> Value {
        var bases: [PyType] = []
        for b in baseValues {
            guard let t = b.asObject as? PyType else {
                throw error(BuiltinTypes.typeError, "bases must be types")
            }
            if t.isBuiltin && t.layout == .builtin && t !== BuiltinTypes.object {
                throw error(BuiltinTypes.typeError, "asyncd cannot subclass the builtin type '\(t.name)' yet")
            }
            bases.append(t)
        }
        if bases.isEmpty { bases = [BuiltinTypes.object] }
        let isException = bases.contains { $0.layout == .exception }
        let cls = PyType(name: name, module: "__main__", bases: bases, layout: isException ? .exception : .object, isBuiltin: false)
        guard let mro = PyType.computeMRO(cls) else {
            throw error(BuiltinTypes.typeError, "Cannot create a consistent method resolution order (MRO) for bases \(bases.map { $0.name }.joined(separator: ", "))")
        }
        cls.mro = mro
        for e in namespace.liveEntries {
            guard let k = e.key.value.asObject as? PyStr else { continue }
            cls.dict[k.value] = e.value
            cls.definitionOrder.append(k.value)
        }
        if let q = cls.dict["__qualname__"]?.asObject as? PyStr { cls.qualname = q.value }
        // A class that defines __eq__ but not __hash__ is unhashable (CPython's type_new).
        if cls.dict["__eq__"] != nil && cls.dict["__hash__"] == nil { cls.dict["__hash__"] = Value.none }
        for (k, v) in cls.dict {
            if (k == "__init_subclass__" || k == "__class_getitem__"), case .object(let o) = v, o is PyFunction {
                cls.dict[k] = .object(PyClassMethod(v))
            }
        }
        cls.refreshSpecialFlags()
        let value = Value.object(cls)
        // __set_name__ and __init_subclass__
        for k in cls.definitionOrder {
            if let v = cls.dict[k], case .object(let o) = v, !(o.pyType.isBuiltin), let sn = o.pyType.lookup("__set_name__") {
                _ = try call(sn, [v, value, .str(k)])
            }
        }
        if let parent = mro.dropFirst().first(where: { $0.dict["__init_subclass__"] != nil }), let f = parent.dict["__init_subclass__"] {
            var fn = f
            if case .object(let o) = f, let cm = o as? PyClassMethod { fn = cm.function }
            _ = try call(fn, [value], keywords)
        }
        return value
    }
}
