// Methods of object, type, int, float, range, property, iterators, generators and exceptions.
import Analyzer

func method(_ owner: String, _ name: String, _ fn: @escaping NativeFunction) -> (String, Value) {
    (name, native(name, owner: owner, fn))
}

func methodTable(_ owner: String, _ entries: [(String, NativeFunction)]) -> [String: Value] {
    var d: [String: Value] = [:]
    for (n, f) in entries { d[n] = native(n, owner: owner, f) }
    return d
}

enum ObjectMethods {
    static func table() -> [String: Value] {
        methodTable("object", [
            ("__init__", { _, _, _ in .none }),
            ("__new__", { vm, a, _ in
                guard let t = a.first?.asObject as? PyType else { throw vm.error(BuiltinTypes.typeError, "object.__new__(X): X is not a type object") }
                if t.layout == .exception {
                    let e = PyExceptionObject(cls: t)
                    e.args = Array(a.dropFirst())
                    return .object(e)
                }
                return .object(PyInstance(cls: t))
            }),
            ("__eq__", { _, a, _ in a.count == 2 && a[0].isIdentical(a[1]) ? .bool(true) : .object(BuiltinTypes.notImplemented) }),
            ("__ne__", { vm, a, _ in a.count == 2 ? .bool(!(try vm.equals(a[0], a[1]))) : .object(BuiltinTypes.notImplemented) }),
            ("__hash__", { vm, a, _ in
                if case .object(let o) = a[0] { return .int(ObjectIdentifier(o).hashValue) }
                return .int(try vm.pyHash(a[0]))
            }),
            ("__repr__", { vm, a, _ in
                if case .object(let o) = a[0], let inst = o as? PyInstance {
                    return .str("<\(inst.cls.module == "builtins" ? "" : inst.cls.module + ".")\(inst.cls.qualname) object at \(vm.address(o))>")
                }
                return .str(try vm.repr(a[0]))
            }),
            ("__str__", { vm, a, _ in .str(try vm.repr(a[0])) }),
            ("__format__", { vm, a, _ in
                let spec = a.count > 1 ? try vm.stringValue(a[1]) : ""
                if !spec.isEmpty { throw vm.error(BuiltinTypes.typeError, "unsupported format string passed to \(a[0].typeName).__format__") }
                return .str(try vm.str(a[0]))
            }),
            ("__setattr__", { vm, a, _ in
                guard a.count == 3, let inst = a[0].asObject as? PyInstance else { throw vm.error(BuiltinTypes.typeError, "expected 2 arguments") }
                let name = try vm.stringValue(a[1])
                if let ca = inst.cls.lookup(name), case .object(let cao) = ca, let p = cao as? PyProperty, !p.fset.isNone {
                    _ = try vm.call(p.fset, [a[0], a[2]])
                    return .none
                }
                inst.setAttr(name, a[2])
                return .none
            }),
            ("__delattr__", { vm, a, _ in
                guard a.count == 2, let inst = a[0].asObject as? PyInstance else { throw vm.error(BuiltinTypes.typeError, "expected 1 argument") }
                let name = try vm.stringValue(a[1])
                if !inst.delAttr(name) { throw vm.attributeError(a[0], name) }
                return .none
            }),
            ("__getattribute__", { vm, a, _ in
                guard a.count == 2 else { throw vm.error(BuiltinTypes.typeError, "expected 1 argument") }
                let name = try vm.stringValue(a[1])
                if let v = try vm.findAttr(a[0], name) { return v }
                throw vm.attributeError(a[0], name)
            }),
            ("__init_subclass__", { _, _, _ in .none }),
            ("__dir__", { vm, a, _ in try vm.call(Builtins.table["dir"] ?? .none, [a[0]]) }),
        ]).merging(["__init_subclass__": .object(PyClassMethod(native("__init_subclass__") { _, _, _ in .none }))]) { _, new in new }
    }
}

enum TypeMethods {
    static func table() -> [String: Value] {
        methodTable("type", [
            ("mro", { vm, a, _ in
                guard let t = a.first?.asObject as? PyType else { throw vm.error(BuiltinTypes.typeError, "descriptor 'mro' requires a 'type' object") }
                return .object(PyList(t.mro.map { .object($0) }))
            }),
        ])
    }
}

enum IntMethods {
    static func table() -> [String: Value] {
        methodTable("int", [
            ("bit_length", { vm, a, _ in
                guard let v = vm.intValue(a[0]) else { return .int(0) }
                return .int(v.big.bitLength)
            }),
            ("bit_count", { vm, a, _ in
                guard let v = vm.intValue(a[0]) else { return .int(0) }
                return .int(v.big.limbs.reduce(0) { $0 + $1.nonzeroBitCount })
            }),
            ("conjugate", { vm, a, _ in try vm.positive(a[0]) }),
            ("__index__", { vm, a, _ in try vm.positive(a[0]) }),
            ("__int__", { vm, a, _ in try vm.positive(a[0]) }),
            ("is_integer", { _, _, _ in .bool(true) }),
            ("as_integer_ratio", { vm, a, _ in .object(PyTuple([try vm.positive(a[0]), .int(1)])) }),
            ("__add__", { vm, a, _ in try vm.binaryOp(a[0], a[1], .add) }),
            ("__sub__", { vm, a, _ in try vm.binaryOp(a[0], a[1], .sub) }),
            ("__mul__", { vm, a, _ in try vm.binaryOp(a[0], a[1], .mult) }),
            ("__eq__", { vm, a, _ in .bool(try vm.equals(a[0], a[1])) }),
            ("__hash__", { vm, a, _ in .int(try vm.pyHash(a[0])) }),
            ("to_bytes", { vm, a, kw in
                guard let v = vm.intValue(a[0])?.big else { return .none }
                let length = a.count > 1 ? try vm.intArg(a[1]) : (try vm.kwarg(kw, "length").map { try vm.intArg($0) } ?? 1)
                let order = a.count > 2 ? try vm.stringValue(a[2]) : (try vm.kwarg(kw, "byteorder").map { try vm.stringValue($0) } ?? "big")
                var bytes: [UInt8] = []
                var mag = v
                for _ in 0..<max(0, length) {
                    let (q, r) = BigInt.divMod(mag, BigInt(256))
                    bytes.append(UInt8(r.asInt ?? 0))
                    mag = q
                }
                if !mag.isZero { throw vm.error(BuiltinTypes.overflowError, "int too big to convert") }
                return .object(PyBytes(order == "big" ? bytes.reversed() : bytes))
            }),
        ])
    }
}

enum FloatMethods {
    static func table() -> [String: Value] {
        methodTable("float", [
            ("is_integer", { vm, a, _ in
                guard case .float(let d) = a[0] else { return .bool(false) }
                return .bool(d.isFinite && d.rounded() == d)
            }),
            ("conjugate", { _, a, _ in a[0] }),
            ("__float__", { _, a, _ in a[0] }),
            ("hex", { vm, a, _ in .str(String(format: "%a", vm.floatValue(a[0]) ?? 0)) }),
            ("as_integer_ratio", { vm, a, _ in
                guard case .float(var d) = a[0] else { return .none }
                guard d.isFinite else { throw vm.error(d.isNaN ? BuiltinTypes.valueError : BuiltinTypes.overflowError, d.isNaN ? "cannot convert NaN to integer ratio" : "cannot convert Infinity to integer ratio") }
                var den = BigInt(1)
                var count = 0
                while d.rounded() != d && count < 1100 { d *= 2; den = den << 1; count += 1 }
                return .object(PyTuple([try vm.makeInt(BigInt(exactly: d)), try vm.makeInt(den)]))
            }),
        ])
    }
}

enum RangeMethods {
    static func table() -> [String: Value] {
        methodTable("range", [
            ("index", { vm, a, _ in
                guard let r = a[0].asObject as? PyRange else { return .none }
                if try vm.contains(a[0], a[1]), case .int(let i) = a[1] { return .int((i - r.start) / r.step) }
                throw vm.error(BuiltinTypes.valueError, "\(try vm.repr(a[1])) is not in range")
            }),
            ("count", { vm, a, _ in .int(try vm.contains(a[0], a[1]) ? 1 : 0) }),
        ])
    }
}

enum PropertyMethods {
    static func table() -> [String: Value] {
        methodTable("property", [
            ("setter", { _, a, _ in
                guard let p = a[0].asObject as? PyProperty else { return .none }
                let n = PyProperty(fget: p.fget, fset: a[1], fdel: p.fdel)
                n.doc = p.doc
                return .object(n)
            }),
            ("getter", { _, a, _ in
                guard let p = a[0].asObject as? PyProperty else { return .none }
                return .object(PyProperty(fget: a[1], fset: p.fset, fdel: p.fdel))
            }),
            ("deleter", { _, a, _ in
                guard let p = a[0].asObject as? PyProperty else { return .none }
                return .object(PyProperty(fget: p.fget, fset: p.fset, fdel: a[1]))
            }),
        ])
    }
}

enum IteratorMethods {
    static func table() -> [String: Value] {
        methodTable("iterator", [
            ("__next__", { vm, a, _ in
                if let v = try vm.nextValue(a[0]) { return v }
                throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: []))
            }),
            ("__iter__", { _, a, _ in a[0] }),
        ])
    }
}

enum GeneratorMethods {
    static func table(kind: PyGenerator.Kind) -> [String: Value] {
        let owner = kind == .generator ? "generator" : kind == .coroutine ? "coroutine" : "async_generator"
        var entries: [(String, NativeFunction)] = [
            ("send", { vm, a, _ in
                guard let g = a[0].asObject as? PyGenerator else { return .none }
                try vm.expectArgs(a, "send", min: 2, max: 2)
                return try vm.generatorStep(g, send: a[1])
            }),
            ("throw", { vm, a, _ in
                guard let g = a[0].asObject as? PyGenerator else { return .none }
                try vm.expectArgs(a, "throw", min: 2, max: 4)
                let exc = try vm.exceptionInstance(a[1], forRaise: true)
                if a.count >= 3, !a[2].isNone, let e = a[2].asObject as? PyExceptionObject { _ = e }
                switch try vm.resume(g, throwing: exc) {
                case .yielded(let v): return v
                case .returned(let r): throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: r.isNone ? [] : [r]))
                }
            }),
            ("close", { vm, a, _ in
                guard let g = a[0].asObject as? PyGenerator else { return .none }
                try vm.closeGenerator(g)
                return .none
            }),
        ]
        if kind == .generator {
            entries.append(("__next__", { vm, a, _ in
                guard let g = a[0].asObject as? PyGenerator else { return .none }
                return try vm.generatorStep(g, send: .none)
            }))
            entries.append(("__iter__", { _, a, _ in a[0] }))
        }
        return methodTable(owner, entries)
    }
}

extension VM {
    /// `gen.send(v)` / `next(gen)`: a StopIteration carries the return value.
    func generatorStep(_ g: PyGenerator, send value: Value) throws -> Value {
        if g.state == .finished {
            if g.kind == .coroutine { throw error(BuiltinTypes.runtimeError, "cannot reuse already awaited coroutine") }
            throw PyError(exception: makeException(BuiltinTypes.stopIteration, args: []))
        }
        switch try resume(g, send: value) {
        case .yielded(let v): return v
        case .returned(let r): throw PyError(exception: makeException(BuiltinTypes.stopIteration, args: r.isNone ? [] : [r]))
        }
    }

    /// `gen.close()`: GeneratorExit at the suspension point; yielding again is a RuntimeError.
    func closeGenerator(_ g: PyGenerator) throws {
        guard g.state == .suspended else {
            g.state = .finished
            return
        }
        do {
            _ = try resume(g, throwing: makeException(BuiltinTypes.generatorExit, args: []))
            throw error(BuiltinTypes.runtimeError, g.kind == .coroutine ? "coroutine ignored GeneratorExit" : "generator ignored GeneratorExit")
        } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.generatorExit) || e.exception.cls.isSubtype(of: BuiltinTypes.stopIteration) {
            return
        }
    }
}

enum ExceptionMethods {
    static func table() -> [String: Value] {
        methodTable("BaseException", [
            ("__init__", { _, a, _ in
                if let e = a.first?.asObject as? PyExceptionObject { e.args = Array(a.dropFirst()) }
                return .none
            }),
            ("__str__", { vm, a, _ in
                guard let e = a.first?.asObject as? PyExceptionObject else { return .str("") }
                return .str(try vm.builtinExceptionStr(e))
            }),
            ("__repr__", { vm, a, _ in
                guard let e = a.first?.asObject as? PyExceptionObject else { return .str("") }
                if e.args.count == 1 { return .str("\(e.cls.name)(\(try vm.repr(e.args[0])))") }
                return .str("\(e.cls.name)(\(try e.args.map { try vm.repr($0) }.joined(separator: ", ")))")
            }),
            ("with_traceback", { _, a, _ in a[0] }),
            ("add_note", { vm, a, _ in
                guard let e = a.first?.asObject as? PyExceptionObject, a.count == 2 else { return .none }
                var notes = (e.attrs["__notes__"]?.asObject as? PyList) ?? PyList()
                if e.attrs["__notes__"] == nil { e.setAttr("__notes__", .object(notes)) }
                notes.items.append(a[1])
                notes = notes as PyList
                _ = vm
                return .none
            }),
        ])
    }
}
