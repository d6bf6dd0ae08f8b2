// Methods of list, tuple, dict (with its key/value/item views) and set/frozenset
// (CPython's `Objects/listobject.c`, `dictobject.c`, `setobject.c`).
import Analyzer

/// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
final class PyDictView: PyObject {
    let dict: PyDict
    let mode: DictIterator.Mode
    override var pyType: PyType {
        switch mode {
        case .keys: return DictViewTypes.keys
        case .values: return DictViewTypes.values
        case .items: return DictViewTypes.items
        }
    }
    init(_ dict: PyDict, _ mode: DictIterator.Mode) {
        self.dict = dict
        self.mode = mode
        super.init()
    }
}

enum DictViewTypes {
    static let keys = BuiltinTypes.make("dict_keys", base: BuiltinTypes.object, viewMethods())
    static let values = BuiltinTypes.make("dict_values", base: BuiltinTypes.object, viewMethods())
    static let items = BuiltinTypes.make("dict_items", base: BuiltinTypes.object, viewMethods())

    static func viewMethods() -> [String: Value] {
        methodTable("dict_view", [
            ("__iter__", { _, a, _ in
                guard let v = a[0].asObject as? PyDictView else { return .none }
                return .object(DictIterator(v.dict, mode: v.mode))
            }),
            ("__len__", { _, a, _ in .int((a[0].asObject as? PyDictView)?.dict.count ?? 0) }),
            ("__contains__", { vm, a, _ in
                guard let v = a[0].asObject as? PyDictView else { return .bool(false) }
                switch v.mode {
                case .keys: return .bool(v.dict.get(try vm.hashKey(a[1])) != nil)
                case .values:
                    for x in v.dict.values where try vm.equals(x, a[1]) { return .bool(true) }
                    return .bool(false)
                case .items:
                    guard let t = a[1].asObject as? PyTuple, t.items.count == 2, let x = v.dict.get(try vm.hashKey(t.items[0])) else { return .bool(false) }
                    return .bool(try vm.equals(x, t.items[1]))
                }
            }),
            ("__repr__", { vm, a, _ in
                guard let v = a[0].asObject as? PyDictView else { return .str("") }
                let items = try vm.iterate(.object(DictIterator(v.dict, mode: v.mode)))
                return .str("\(v.pyType.name)([\(try items.map { try vm.repr($0) }.joined(separator: ", "))])")
            }),
        ])
    }
}

extension VM {
    func selfList(_ a: [Value], _ name: String) throws -> PyList {
        guard let l = a.first?.asObject as? PyList else {
            throw error(BuiltinTypes.typeError, "descriptor '\(name)' for 'list' objects doesn't apply to a '\(a.first?.typeName ?? "NoneType")' object")
        }
        return l
    }

    func selfDict(_ a: [Value], _ name: String) throws -> PyDict {
        guard let d = a.first?.asObject as? PyDict else {
            throw error(BuiltinTypes.typeError, "descriptor '\(name)' for 'dict' objects doesn't apply to a '\(a.first?.typeName ?? "NoneType")' object")
        }
        return d
    }

    func selfSet(_ a: [Value], _ name: String) throws -> PySet {
        guard let s = a.first?.asObject as? PySet else {
            throw error(BuiltinTypes.typeError, "descriptor '\(name)' for 'set' objects doesn't apply to a '\(a.first?.typeName ?? "NoneType")' object")
        }
        return s
    }

    func toSet(_ v: Value) throws -> PySet {
        if let s = v.asObject as? PySet { return s }
        let s = PySet(frozen: false)
        for x in try iterate(v) { s.insert(try hashKey(x)) }
        return s
    }
}

enum ListMethods {
    static func table() -> [String: Value] {
        methodTable("list", [
            ("append", { vm, a, _ in
                let l = try vm.selfList(a, "append")
                try vm.expectArgs(a, "list.append", min: 2, max: 2)
                l.items.append(a[1])
                l.chargeOwned(16)
                if l.items.count & 1023 == 0, vm.meter.isOverLimit { throw VMStop.limit(.memory) }
                return .none
            }),
            ("extend", { vm, a, _ in
                let l = try vm.selfList(a, "extend")
                let new = try vm.iterate(a[1])
                try vm.charge(l, new.count * 16)
                l.items.append(contentsOf: new)
                return .none
            }),
            ("insert", { vm, a, _ in
                let l = try vm.selfList(a, "insert")
                try vm.expectArgs(a, "insert", min: 3, max: 3)
                var i = try vm.intArg(a[1])
                let n = l.items.count
                if i < 0 { i = max(0, i + n) }
                l.items.insert(a[2], at: min(i, n))
                return .none
            }),
            ("remove", { vm, a, _ in
                let l = try vm.selfList(a, "remove")
                for (i, x) in l.items.enumerated() where try vm.equals(x, a[1]) {
                    l.items.remove(at: i)
                    return .none
                }
                throw vm.error(BuiltinTypes.valueError, "list.remove(x): x not in list")
            }),
            ("pop", { vm, a, _ in
                let l = try vm.selfList(a, "pop")
                if l.items.isEmpty { throw vm.error(BuiltinTypes.indexError, "pop from empty list") }
                if a.count > 1 {
                    var i = try vm.intArg(a[1])
                    if i < 0 { i += l.items.count }
                    guard i >= 0 && i < l.items.count else { throw vm.error(BuiltinTypes.indexError, "pop index out of range") }
                    return l.items.remove(at: i)
                }
                return l.items.removeLast()
            }),
            ("clear", { vm, a, _ in try vm.selfList(a, "clear").items.removeAll(); return .none }),
            ("copy", { vm, a, _ in .object(PyList(try vm.selfList(a, "copy").items)) }),
            ("reverse", { vm, a, _ in try vm.selfList(a, "reverse").items.reverse(); return .none }),
            ("index", { vm, a, _ in
                let l = try vm.selfList(a, "index")
                try vm.expectArgs(a, "index", min: 2, max: 4)
                let (start, end) = try vm.sliceBounds(a, from: 2)
                let n = l.items.count
                let lo = start < 0 ? max(0, start + n) : min(start, n)
                let hi = end < 0 ? max(0, end + n) : min(end, n)
                var i = lo
                while i < hi && i < l.items.count {
                    if try vm.equals(l.items[i], a[1]) { return .int(i) }
                    i += 1
                }
                throw vm.error(BuiltinTypes.valueError, "\(try vm.repr(a[1])) is not in list")
            }),
            ("count", { vm, a, _ in
                let l = try vm.selfList(a, "count")
                var n = 0
                for x in l.items where try vm.equals(x, a[1]) { n += 1 }
                return .int(n)
            }),
            ("sort", { vm, a, kw in
                let l = try vm.selfList(a, "sort")
                if a.count > 1 { throw vm.error(BuiltinTypes.typeError, "sort() takes no positional arguments") }
                try vm.checkKwargs(kw, "sort", allowed: ["key", "reverse"])
                let rev = try vm.kwarg(kw, "reverse").map { try vm.truthy($0) } ?? false
                let items = l.items
                l.items = []
                defer { if l.items.isEmpty { l.items = items } }
                let sorted = try vm.sortValues(items, key: vm.kwarg(kw, "key"), reverse: rev)
                l.items = sorted
                return .none
            }),
            ("__len__", { vm, a, _ in .int(try vm.selfList(a, "__len__").items.count) }),
            ("__getitem__", { vm, a, _ in try vm.getItem(a[0], a[1]) }),
            ("__setitem__", { vm, a, _ in try vm.setItem(a[0], a[1], a[2]); return .none }),
            ("__contains__", { vm, a, _ in .bool(try vm.contains(a[0], a[1])) }),
            ("__iter__", { vm, a, _ in try vm.getIter(a[0]) }),
            ("__eq__", { vm, a, _ in .bool(try vm.equals(a[0], a[1])) }),
            ("__add__", { vm, a, _ in try vm.binaryOp(a[0], a[1], .add) }),
        ])
    }
}

enum TupleMethods {
    static func table() -> [String: Value] {
        methodTable("tuple", [
            ("index", { vm, a, _ in
                guard let t = a[0].asObject as? PyTuple else { return .none }
                for (i, x) in t.items.enumerated() where try vm.equals(x, a[1]) { return .int(i) }
                throw vm.error(BuiltinTypes.valueError, "tuple.index(x): x not in tuple")
            }),
            ("count", { vm, a, _ in
                guard let t = a[0].asObject as? PyTuple else { return .none }
                var n = 0
                for x in t.items where try vm.equals(x, a[1]) { n += 1 }
                return .int(n)
            }),
            ("__len__", { vm, a, _ in .int(try vm.length(a[0])) }),
            ("__getitem__", { vm, a, _ in try vm.getItem(a[0], a[1]) }),
            ("__contains__", { vm, a, _ in .bool(try vm.contains(a[0], a[1])) }),
            ("__iter__", { vm, a, _ in try vm.getIter(a[0]) }),
            ("__eq__", { vm, a, _ in .bool(try vm.equals(a[0], a[1])) }),
            ("__hash__", { vm, a, _ in .int(try vm.pyHash(a[0])) }),
        ])
    }
}

enum DictMethods {
    static func table() -> [String: Value] {
        var t = methodTable("dict", [
            ("keys", { vm, a, _ in .object(PyDictView(try vm.selfDict(a, "keys"), .keys)) }),
            ("values", { vm, a, _ in .object(PyDictView(try vm.selfDict(a, "values"), .values)) }),
            ("items", { vm, a, _ in .object(PyDictView(try vm.selfDict(a, "items"), .items)) }),
            ("get", { vm, a, _ in
                let d = try vm.selfDict(a, "get")
                try vm.expectArgs(a, "get", min: 2, max: 3)
                return d.get(try vm.hashKey(a[1])) ?? (a.count == 3 ? a[2] : .none)
            }),
            ("setdefault", { vm, a, _ in
                let d = try vm.selfDict(a, "setdefault")
                let k = try vm.hashKey(a[1])
                if let v = d.get(k) { return v }
                let v = a.count > 2 ? a[2] : .none
                d.set(k, v)
                return v
            }),
            ("pop", { vm, a, _ in
                let d = try vm.selfDict(a, "pop")
                try vm.expectArgs(a, "pop", min: 2, max: 3)
                if let v = d.remove(try vm.hashKey(a[1])) { return v }
                if a.count == 3 { return a[2] }
                throw PyError(exception: vm.makeException(BuiltinTypes.keyError, args: [a[1]]))
            }),
            ("popitem", { vm, a, _ in
                let d = try vm.selfDict(a, "popitem")
                guard let e = d.popLast() else { throw vm.error(BuiltinTypes.keyError, "popitem(): dictionary is empty") }
                return .object(PyTuple([e.key.value, e.value]))
            }),
            ("update", { vm, a, kw in
                let d = try vm.selfDict(a, "update")
                if a.count > 1 { try vm.dictUpdate(d, a[1]) }
                for (k, v) in kw { d.set(vm.strKey(k), v) }
                return .none
            }),
            ("clear", { vm, a, _ in try vm.selfDict(a, "clear").removeAll(); return .none }),
            ("copy", { vm, a, _ in
                let d = try vm.selfDict(a, "copy")
                let n = PyDict()
                for e in d.liveEntries { n.set(e.key, e.value) }
                return .object(n)
            }),
            ("__len__", { vm, a, _ in .int(try vm.selfDict(a, "__len__").count) }),
            ("__getitem__", { vm, a, _ in try vm.getItem(a[0], a[1]) }),
            ("__setitem__", { vm, a, _ in try vm.setItem(a[0], a[1], a[2]); return .none }),
            ("__delitem__", { vm, a, _ in try vm.delItem(a[0], a[1]); return .none }),
            ("__contains__", { vm, a, _ in .bool(try vm.contains(a[0], a[1])) }),
            ("__iter__", { vm, a, _ in try vm.getIter(a[0]) }),
            ("__eq__", { vm, a, _ in .bool(try vm.equals(a[0], a[1])) }),
        ])
        t["fromkeys"] = .object(PyClassMethod(native("fromkeys", owner: "dict") { vm, a, _ in
            let d = PyDict()
            let v = a.count > 2 ? a[2] : .none
            for k in try vm.iterate(a[1]) { d.set(try vm.hashKey(k), v) }
            return .object(d)
        }))
        return t
    }
}

enum SetMethods {
    static func table(frozen: Bool) -> [String: Value] {
        let owner = frozen ? "frozenset" : "set"
        func binary(_ name: String, _ op: BinaryOperator) -> (String, NativeFunction) {
            (name, { vm, a, _ in
                var result = try vm.selfSet(a, name)
                for other in a.dropFirst() {
                    result = vm.setOperation(result, try vm.toSet(other), op) ?? result
                }
                if result === (a[0].asObject as? PySet) { result = vm.setOperation(result, PySet(frozen: frozen), .bitOr) ?? result }
                return .object(result)
            })
        }
        var entries: [(String, NativeFunction)] = [
            binary("union", .bitOr), binary("intersection", .bitAnd), binary("difference", .sub), binary("symmetric_difference", .bitXor),
            ("copy", { vm, a, _ in .object(vm.setOperation(try vm.selfSet(a, "copy"), PySet(frozen: frozen), .bitOr) ?? PySet(frozen: frozen)) }),
            ("issubset", { vm, a, _ in
                let s = try vm.selfSet(a, "issubset"), o = try vm.toSet(a[1])
                return .bool(s.keys.allSatisfy { o.contains($0) })
            }),
            ("issuperset", { vm, a, _ in
                let s = try vm.selfSet(a, "issuperset"), o = try vm.toSet(a[1])
                return .bool(o.keys.allSatisfy { s.contains($0) })
            }),
            ("isdisjoint", { vm, a, _ in
                let s = try vm.selfSet(a, "isdisjoint"), o = try vm.toSet(a[1])
                return .bool(!s.keys.contains { o.contains($0) })
            }),
            ("__len__", { vm, a, _ in .int(try vm.selfSet(a, "__len__").count) }),
            ("__contains__", { vm, a, _ in .bool(try vm.contains(a[0], a[1])) }),
            ("__iter__", { vm, a, _ in try vm.getIter(a[0]) }),
        ]
        if !frozen {
            let mutating: [(String, NativeFunction)] = [
                ("add", { vm, a, _ in
                    let s = try vm.selfSet(a, "add")
                    s.insert(try vm.hashKey(a[1]))
                    return .none
                }),
                ("remove", { vm, a, _ in
                    if !(try vm.selfSet(a, "remove").remove(try vm.hashKey(a[1]))) {
                        throw PyError(exception: vm.makeException(BuiltinTypes.keyError, args: [a[1]]))
                    }
                    return .none
                }),
                ("discard", { vm, a, _ in try vm.selfSet(a, "discard").remove(try vm.hashKey(a[1])); return .none }),
                ("pop", { vm, a, _ in
                    guard let k = try vm.selfSet(a, "pop").popFirst() else { throw vm.error(BuiltinTypes.keyError, "pop from an empty set") }
                    return k.value
                }),
                ("clear", { vm, a, _ in try vm.selfSet(a, "clear").removeAll(); return .none }),
                ("update", { vm, a, _ in
                    let s = try vm.selfSet(a, "update")
                    for other in a.dropFirst() { for x in try vm.iterate(other) { s.insert(try vm.hashKey(x)) } }
                    return .none
                }),
                ("intersection_update", { vm, a, _ in
                    let s = try vm.selfSet(a, "intersection_update"), o = try vm.toSet(a[1])
                    for k in s.keys where !o.contains(k) { s.remove(k) }
                    return .none
                }),
                ("difference_update", { vm, a, _ in
                    let s = try vm.selfSet(a, "difference_update")
                    for other in a.dropFirst() { for x in try vm.iterate(other) { s.remove(try vm.hashKey(x)) } }
                    return .none
                }),
                ("symmetric_difference_update", { vm, a, _ in
                    let s = try vm.selfSet(a, "symmetric_difference_update"), o = try vm.toSet(a[1])
                    for k in o.keys { if s.contains(k) { s.remove(k) } else { s.insert(k) } }
                    return .none
                }),
            ]
            entries += mutating
        }
        return methodTable(owner, entries)
    }
}
