// str, list, tuple, dict, set and frozenset, plus the hashing key that dicts and sets use.
// dicts keep insertion order as CPython's compact dict does (`Objects/dictobject.c`): an index
// from key to slot plus an entries array with holes that are compacted when they pile up.

/// A Python `str`: the text plus its code points, computed once for indexing and `len`.
final class PyStr: PyObject {
    let value: String
    private var _scalars: [Unicode.Scalar]?
    private var _hash: Int?
    override var pyType: PyType { BuiltinTypes.str }

    /// The hash dicts and sets use, computed once (CPython caches str hashes too).
    var hash: Int {
        if let h = _hash { return h }
        let h = value.hashValue
        _hash = h
        return h
    }

    init(_ value: String) {
        self.value = value
        super.init()
    }

    init(scalars: [Unicode.Scalar]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.value = String(view)
        self._scalars = scalars
        super.init()
    }

    var scalars: [Unicode.Scalar] {
        if let s = _scalars { return s }
        let s = Array(value.unicodeScalars)
        _scalars = s
        return s
    }

    var count: Int {
        if let s = _scalars { return s.count }
        if value.utf8.count == 0 { return 0 }
        return scalars.count
    }
}

final class PyList: PyObject {
    var items: [Value]
    override var pyType: PyType { BuiltinTypes.list }
    init(_ items: [Value] = []) {
        self.items = items
        super.init()
    }
}

final class PyTuple: PyObject {
    let items: [Value]
    override var pyType: PyType { BuiltinTypes.tuple }
    init(_ items: [Value]) {
        self.items = items
        super.init()
    }
    static let empty = PyTuple([])
}

/// A dict or set key: the value with its precomputed Python-compatible hash. Equality follows
/// Python (`1 == 1.0 == True`); instances with a user `__eq__` call back into the VM.
struct DictKey: Hashable {
    let value: Value
    let hash: Int
    /// Set only for instances whose class defines `__eq__`.
    let vm: VM?

    init(value: Value, hash: Int, vm: VM? = nil) {
        self.value = value
        self.hash = hash
        self.vm = vm
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: DictKey, b: DictKey) -> Bool {
        if a.hash != b.hash { return false }
        if let vm = a.vm ?? b.vm {
            return (try? vm.equals(a.value, b.value)) ?? false
        }
        return keyEquals(a.value, b.value)
    }

    /// Equality of hashable builtin values, without calling into Python.
    static func keyEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.int(let x), .int(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .bool(let y)), (.bool(let y), .int(let x)): return x == (y ? 1 : 0)
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y && y.isFinite && BigInt(exactly: y).asInt == x
        case (.bool(let x), .float(let y)), (.float(let y), .bool(let x)): return y == (x ? 1 : 0)
        case (.object(let x), .object(let y)):
            if x === y { return true }
            if let s = x as? PyStr, let t = y as? PyStr { return s.value.utf8.elementsEqual(t.value.utf8) }
            if let s = x as? PyTuple, let t = y as? PyTuple {
                guard s.items.count == t.items.count else { return false }
                for i in 0..<s.items.count where !keyEquals(s.items[i], t.items[i]) { return false }
                return true
            }
            if let s = x as? PyBigInt, let t = y as? PyBigInt { return s.value == t.value }
            if let s = x as? PyBytes, let t = y as? PyBytes { return s.bytes == t.bytes }
            if let s = x as? PySet, let t = y as? PySet {
                return s.count == t.count && s.keys.allSatisfy { t.contains($0) }
            }
            return false
        case (.object(let x), .float(let y)), (.float(let y), .object(let x)):
            if let big = x as? PyBigInt { return y.isFinite && y.rounded() == y && BigInt(exactly: y) == big.value }
            return false
        default: return false
        }
    }
}

final class PyDict: PyObject {
    struct Entry {
        var key: DictKey
        var value: Value
    }
    private(set) var index: [DictKey: Int] = [:]
    private(set) var entries: [Entry?] = []
    private(set) var count = 0
    /// Bumped on every insertion or deletion, so iterators notice a size change.
    private(set) var version = 0
    override var pyType: PyType { BuiltinTypes.dict }

    override init() { super.init() }

    func get(_ key: DictKey) -> Value? {
        guard let i = index[key], let e = entries[i] else { return nil }
        return e.value
    }

    func set(_ key: DictKey, _ value: Value) {
        if let i = index[key] {
            entries[i]?.value = value
            return
        }
        index[key] = entries.count
        entries.append(Entry(key: key, value: value))
        count += 1
        version &+= 1
    }

    @discardableResult
    func remove(_ key: DictKey) -> Value? {
        guard let i = index.removeValue(forKey: key), let e = entries[i] else { return nil }
        entries[i] = nil
        count -= 1
        version &+= 1
        if entries.count > 16 && count * 2 < entries.count { compact() }
        return e.value
    }

    func removeAll() {
        index = [:]
        entries = []
        count = 0
        version &+= 1
    }

    private func compact() {
        entries = entries.filter { $0 != nil }
        index = [:]
        for (i, e) in entries.enumerated() {
            if let e { index[e.key] = i }
        }
    }

    /// Live entries in insertion order.
    var liveEntries: [Entry] { entries.compactMap { $0 } }
    var keys: [Value] { entries.compactMap { $0?.key.value } }
    var values: [Value] { entries.compactMap { $0?.value } }

    /// The entry at raw slot `i` (nil for holes), for iterators that walk the slots.
    func slot(_ i: Int) -> Entry? { i < entries.count ? entries[i] : nil }
    var slotCount: Int { entries.count }

    func popLast() -> Entry? {
        while let last = entries.last {
            entries.removeLast()
            if let e = last {
                index.removeValue(forKey: e.key)
                count -= 1
                version &+= 1
                return e
            }
        }
        return nil
    }
}

/// set and frozenset. Iteration follows insertion order (CPython's order is by hash; programs
/// whose output depends on it should sort, as the oracle's README advises).
final class PySet: PyObject {
    private(set) var index: [DictKey: Int] = [:]
    private(set) var slots: [DictKey?] = []
    private(set) var count = 0
    private(set) var version = 0
    let frozen: Bool
    override var pyType: PyType { frozen ? BuiltinTypes.frozenset : BuiltinTypes.set }

    init(frozen: Bool) {
        self.frozen = frozen
        super.init()
    }

    func contains(_ key: DictKey) -> Bool { index[key] != nil }

    func insert(_ key: DictKey) {
        if index[key] != nil { return }
        index[key] = slots.count
        slots.append(key)
        count += 1
        version &+= 1
    }

    @discardableResult
    func remove(_ key: DictKey) -> Bool {
        guard let i = index.removeValue(forKey: key) else { return false }
        slots[i] = nil
        count -= 1
        version &+= 1
        if slots.count > 16 && count * 2 < slots.count {
            slots = slots.filter { $0 != nil }
            index = [:]
            for (j, k) in slots.enumerated() { if let k { index[k] = j } }
        }
        return true
    }

    func removeAll() {
        index = [:]
        slots = []
        count = 0
        version &+= 1
    }

    var keys: [DictKey] { slots.compactMap { $0 } }
    var values: [Value] { slots.compactMap { $0?.value } }

    func popFirst() -> DictKey? {
        guard let k = keys.first else { return nil }
        remove(k)
        return k
    }
}
