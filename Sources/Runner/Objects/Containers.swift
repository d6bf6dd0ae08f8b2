#if canImport(Glibc)
import Glibc
#endif
// str, list, tuple, dict, set and frozenset, plus the hashing key that dicts and sets use.
// dicts keep insertion order as CPython's compact dict does (`Objects/dictobject.c`): an index
// from key to slot plus an entries array with holes that are compacted when they pile up.

/// A Python `str`: the text plus its code points, computed once for indexing and `len`.
final class PyStr: PyObject {
    let value: String
    private var _scalars: [Unicode.Scalar]?
    /// The cached hash, or -1 before it is computed (`hash(of:)` never returns -1, as CPython's
    /// hashes never do): a plain Int keeps the object at 72 bytes, where an `Int?` made it 80.
    private var _hash = -1
    override var pyType: PyType { BuiltinTypes.str }

    /// The hash dicts and sets use, computed once (CPython caches str hashes too).
    var hash: Int {
        if _hash != -1 { return _hash }
        let h = PyStr.hash(of: value)
        _hash = h
        return h
    }

    /// FNV-1a over the UTF-8 bytes. Python compares strs by code points, never by canonical
    /// equivalence, so hashing the bytes agrees with `==`; Swift's `hashValue` normalises
    /// first and costs several times more.
    static func hash(of s: String) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        if let done = s.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64 in
            var x = h
            for b in bytes { x = (x ^ UInt64(b)) &* 0x100_0000_01b3 }
            return x
        }) {
            h = done
        } else {
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        let r = Int(bitPattern: UInt(h ^ (h >> 29)))
        return r == -1 ? -2 : r
    }

    /// Code-point equality as bytes: a length check and a memcmp for native strings.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        // Identical representations are equal strings: the same buffer, or the same bytes
        // stored inline (a short word split out of a text and the dict key it matches).
        let same = withUnsafeBytes(of: a) { pa in
            withUnsafeBytes(of: b) { pb in pa.count == 16 && pb.count == 16 && pa.load(as: (UInt64, UInt64).self) == pb.load(as: (UInt64, UInt64).self) }
        }
        if same { return true }
        let n = a.utf8.count
        if n != b.utf8.count { return false }
        if let r = a.utf8.withContiguousStorageIfAvailable({ pa in
            b.utf8.withContiguousStorageIfAvailable { pb in
                guard let x = pa.baseAddress, let y = pb.baseAddress else { return n == 0 }
                return memcmp(x, y, n) == 0
            }
        }), let r { return r }
        return a.utf8.elementsEqual(b.utf8)
    }

    init(_ value: __owned String) {
        // Counted before the value moves into the object (reading it afterwards cost a copy).
        let n = value.utf8.count
        self.value = value
        super.init(tag: .str)
        // Strings of up to 15 UTF-8 bytes live inside the String value itself.
        if n > 15 { chargeOwned(n + 32) }
    }

    init(scalars: [Unicode.Scalar]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.value = String(view)
        self._scalars = scalars
        super.init(tag: .str)
        chargeOwned(value.utf8.count + scalars.count * 4)
    }

    var scalars: [Unicode.Scalar] {
        if let s = _scalars { return s }
        let s = Array(value.unicodeScalars)
        _scalars = s
        return s
    }

    /// Code points: UTF-8 bytes that are not continuation bytes (no code-point array needed).
    var count: Int {
        if let s = _scalars { return s.count }
        if let n = value.utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n &+= 1 }
            return n
        }) { return n }
        return value.unicodeScalars.count
    }
}

final class PyList: PyObject {
    var items: [Value]
    override var pyType: PyType { BuiltinTypes.list }
    init(_ items: [Value] = []) {
        self.items = items
        super.init(tag: .list)
        if !items.isEmpty { chargeOwned(32 + items.count * 16) }
    }
}

final class PyTuple: PyObject {
    let items: [Value]
    override var pyType: PyType { BuiltinTypes.tuple }
    init(_ items: [Value]) {
        self.items = items
        super.init(tag: .tuple)
        if !items.isEmpty { chargeOwned(32 + items.count * 16) }
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
    /// For a str key, the PyStr's address (0 otherwise): dict probes compare it, and the hash,
    /// in place, without copying the entry (see `PyDict.findStr`).
    let strID: UInt

    init(value: Value, hash: Int, vm: VM? = nil) {
        self.value = value
        self.hash = hash
        self.vm = vm
        if case .object(let o) = value, o.tag == .str {
            strID = UInt(bitPattern: Unmanaged.passUnretained(o).toOpaque())
        } else {
            strID = 0
        }
    }

    /// A str key whose hash and address the caller has read (`PyDict.setStr`).
    init(value: __owned Value, hash: Int, strID: UInt) {
        self.hash = hash
        self.strID = strID
        self.vm = nil
        self.value = value
    }

    /// A str key (`hashKey`'s fast path, which already holds the PyStr).
    init(value: __owned Value, str: PyStr) {
        self.hash = str.hash
        self.strID = UInt(bitPattern: Unmanaged.passUnretained(str).toOpaque())
        self.vm = nil
        self.value = value
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
            if let s = x as? PyStr, let t = y as? PyStr { return PyStr.equal(s.value, t.value) }
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

/// The open-addressing index of a dict or set (CPython's `dk_indices`): each slot holds the
/// position of an entry in the insertion-ordered entries array, `empty`, or `deleted`. Probing
/// follows CPython's perturbation recurrence, so runs of consecutive int keys spread out.
/// The table is an array so that a probe holds its own reference: a user `__eq__` may grow or
/// rebuild the table while the probe is running.
struct HashIndex {
    static let empty = -1
    static let deleted = -2
    private(set) var table: [Int]
    /// Slots not `empty` (live and deleted), to keep the load under 2/3.
    private(set) var used = 0

    init(minimumCapacity: Int = 0) {
        var size = 8
        while size * 2 < minimumCapacity * 3 { size <<= 1 }
        table = [Int](repeating: HashIndex.empty, count: size)
    }

    var mask: Int { table.count - 1 }
    var needsGrowth: Bool { (used + 1) * 3 > table.count * 2 }

    /// The slot holding the entry `matches` accepts (and its position), or the slot where a new
    /// entry with this hash goes (position -1).
    @inline(__always)
    func find(_ hash: Int, _ matches: (Int) -> Bool) -> (slot: Int, position: Int) {
        table.withUnsafeBufferPointer { t in
            let mask = t.count - 1
            var perturb = UInt(bitPattern: hash)
            var i = hash & mask
            var firstDeleted = -1
            while true {
                let p = t[i]
                if p == HashIndex.empty { return (firstDeleted >= 0 ? firstDeleted : i, -1) }
                if p == HashIndex.deleted {
                    if firstDeleted < 0 { firstDeleted = i }
                } else if matches(p) {
                    return (i, p)
                }
                perturb >>= 5
                i = (i &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
            }
        }
    }

    mutating func occupy(_ slot: Int, with position: Int) {
        if table[slot] == HashIndex.empty { used += 1 }
        table[slot] = position
    }

    mutating func vacate(_ slot: Int) { table[slot] = HashIndex.deleted }

    /// A fresh table for `hashes` (position, hash) pairs, sized for `count` live entries.
    static func rebuilt(count: Int, _ hashes: [(Int, Int)]) -> HashIndex {
        var index = HashIndex(minimumCapacity: max(count, 1) * 2)
        index.table.withUnsafeMutableBufferPointer { t in
            let mask = t.count - 1
            for (position, hash) in hashes {
                var perturb = UInt(bitPattern: hash)
                var i = hash & mask
                while t[i] != HashIndex.empty {
                    perturb >>= 5
                    i = (i &* 5 &+ Int(bitPattern: perturb) &+ 1) & mask
                }
                t[i] = position
            }
        }
        index.used = hashes.count
        return index
    }
}

extension DictKey {
    /// Same key as `other`: hash first, identity next (most str keys are the same object),
    /// then Python equality.
    @inline(__always)
    func matches(_ other: DictKey) -> Bool {
        if hash != other.hash { return false }
        if case .object(let x) = value, case .object(let y) = other.value {
            if x === y { return true }
            if x.tag == .str && y.tag == .str {
                return PyStr.equal(unsafeDowncast(x, to: PyStr.self).value, unsafeDowncast(y, to: PyStr.self).value)
            }
        }
        return self == other
    }
}

final class PyDict: PyObject {
    struct Entry {
        var key: DictKey
        var value: Value
    }
    private var index = HashIndex()
    private(set) var entries: [Entry?] = []
    private(set) var count = 0
    /// Bumped on every insertion or deletion, so iterators notice a size change.
    private(set) var version = 0
    /// Bumped when entries move (compaction, clearing): a probe that called a user `__eq__`
    /// starts again if this changed under it.
    private var layout = 0
    override var pyType: PyType { BuiltinTypes.dict }

    init() { super.init(tag: .dict) }

    /// True once a key whose equality may call Python code (`DictKey.vm`) was inserted;
    /// until then str probes run without the snapshot and retry guard.
    private var hasVMKeys = false

    /// Probes for a str key when no key's equality can run Python code (nothing can change
    /// `entries` mid-probe): each candidate's hash and str address are read in place, and only a
    /// same-hash different str object is compared by bytes.
    @inline(__always)
    private func findStr(_ kid: UInt, _ h: Int) -> (slot: Int, position: Int) {
        entries.withUnsafeBufferPointer { eb in
            index.find(h) { p in
                guard p < eb.count, let b = eb.baseAddress else { return false }
                guard let eh = (b + p).pointee?.key.hash, eh == h else { return false }
                let eid = (b + p).pointee?.key.strID ?? 0
                if eid == kid { return true }
                // A str equals only a str (user subclasses with `__eq__` carry a `vm`).
                guard let ep = UnsafeRawPointer(bitPattern: eid), let kp = UnsafeRawPointer(bitPattern: kid) else { return false }
                return Unmanaged<PyStr>.fromOpaque(ep)._withUnsafeGuaranteedRef { a in
                    Unmanaged<PyStr>.fromOpaque(kp)._withUnsafeGuaranteedRef { k in PyStr.equal(a.value, k.value) }
                }
            }
        }
    }

    @inline(__always)
    private func find(_ key: DictKey) -> (slot: Int, position: Int) {
        if key.strID != 0 && !hasVMKeys { return findStr(key.strID, key.hash) }
        var attempts = 0
        while true {
            let before = layout, version0 = version
            // Through a pointer, so the probe borrows the entry's key instead of copying the
            // whole entry (three retains and releases). The local copy keeps the buffer alive
            // if a user `__eq__` replaces `entries` mid-probe (the version check then retries).
            let snapshot = entries
            let r = snapshot.withUnsafeBufferPointer { eb in
                index.find(key.hash) { p in
                    guard p < eb.count, let b = eb.baseAddress else { return false }
                    return (b + p).pointee?.key.matches(key) ?? false
                }
            }
            if (layout == before && version == version0) || attempts > 100 { return r }
            attempts += 1
        }
    }

    func get(_ key: DictKey) -> Value? {
        let (_, p) = find(key)
        guard p >= 0, p < entries.count else { return nil }
        // Through a pointer: only the value is copied, not the whole entry.
        return entries.withUnsafeBufferPointer { eb in eb.baseAddress.flatMap { ($0 + p).pointee?.value } }
    }

    /// Whether `getStr`/`setStr` may be used: no key's equality can run Python code.
    var probesStrInPlace: Bool { !hasVMKeys }

    /// `self[s]` for the str at address `id` with hash `hash`, which the caller keeps alive;
    /// only while `probesStrInPlace`. No key is built.
    func getStr(id: UInt, hash: Int) -> Value? {
        let (_, p) = findStr(id, hash)
        guard p >= 0, p < entries.count else { return nil }
        return entries.withUnsafeBufferPointer { eb in eb.baseAddress.flatMap { ($0 + p).pointee?.value } }
    }

    /// `self[key] = value` for a str `key` at address `id` with hash `hash`; only while
    /// `probesStrInPlace`. Builds a `DictKey` only when the key is new.
    func setStr(id: UInt, hash: Int, key: __owned Value, _ value: __owned Value) {
        let (_, p) = findStr(id, hash)
        if p >= 0, p < entries.count {
            entries[p]?.value = value
            return
        }
        set(DictKey(value: key, hash: hash, strID: id), value)
    }

    func set(_ key: __owned DictKey, _ value: __owned Value) {
        let (slot, p) = find(key)
        // A found position always holds a live entry (holes never match).
        if p >= 0, p < entries.count {
            entries[p]?.value = value
            return
        }
        if key.vm != nil { hasVMKeys = true }
        if index.needsGrowth {
            rebuildIndex()
            let (slot2, _) = find(key)
            index.occupy(slot2, with: entries.count)
        } else {
            index.occupy(slot, with: entries.count)
        }
        entries.append(Entry(key: key, value: value))
        chargeOwned(MemoryMeter.dictEntryBytes)
        count += 1
        version &+= 1
    }

    @discardableResult
    func remove(_ key: DictKey) -> Value? {
        let (slot, p) = find(key)
        guard p >= 0, p < entries.count, let e = entries[p] else { return nil }
        index.vacate(slot)
        entries[p] = nil
        count -= 1
        version &+= 1
        if entries.count > 16 && count * 2 < entries.count { compact() }
        return e.value
    }

    func removeAll() {
        index = HashIndex()
        entries = []
        hasVMKeys = false
        count = 0
        version &+= 1
        layout &+= 1
    }

    private func compact() {
        entries = entries.filter { $0 != nil }
        rebuildIndex()
    }

    private func rebuildIndex() {
        if count != entries.count { entries = entries.filter { $0 != nil } }
        var hashes: [(Int, Int)] = []
        hashes.reserveCapacity(entries.count)
        for (i, e) in entries.enumerated() { if let e { hashes.append((i, e.key.hash)) } }
        index = HashIndex.rebuilt(count: entries.count, hashes)
        layout &+= 1
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
            if let e = last {
                let (slot, p) = find(e.key)
                if p == entries.count - 1 { index.vacate(slot) }
                entries.removeLast()
                count -= 1
                version &+= 1
                return e
            }
            entries.removeLast()
        }
        return nil
    }
}

/// set and frozenset. Iteration follows insertion order (CPython's order is by hash; programs
/// whose output depends on it should sort, as the oracle's README advises).
final class PySet: PyObject {
    private var index = HashIndex()
    private var slots: [DictKey?] = []
    private(set) var count = 0
    private(set) var version = 0
    private var layout = 0
    let frozen: Bool
    override var pyType: PyType { frozen ? BuiltinTypes.frozenset : BuiltinTypes.set }

    init(frozen: Bool) {
        self.frozen = frozen
        super.init(tag: .set)
    }

    @inline(__always)
    private func find(_ key: DictKey) -> (slot: Int, position: Int) {
        var attempts = 0
        while true {
            let before = layout, version0 = version
            let snapshot = slots
            let r = snapshot.withUnsafeBufferPointer { sb in
                index.find(key.hash) { p in
                    guard p < sb.count, let b = sb.baseAddress else { return false }
                    return (b + p).pointee?.matches(key) ?? false
                }
            }
            if (layout == before && version == version0) || attempts > 100 { return r }
            attempts += 1
        }
    }

    func contains(_ key: DictKey) -> Bool {
        let (_, p) = find(key)
        return p >= 0 && p < slots.count && slots[p] != nil
    }

    func insert(_ key: DictKey) {
        let (slot, p) = find(key)
        if p >= 0, p < slots.count, slots[p] != nil { return }
        if index.needsGrowth {
            rebuildIndex()
            let (slot2, _) = find(key)
            index.occupy(slot2, with: slots.count)
        } else {
            index.occupy(slot, with: slots.count)
        }
        slots.append(key)
        chargeOwned(MemoryMeter.setEntryBytes)
        count += 1
        version &+= 1
    }

    @discardableResult
    func remove(_ key: DictKey) -> Bool {
        let (slot, p) = find(key)
        guard p >= 0, p < slots.count, slots[p] != nil else { return false }
        index.vacate(slot)
        slots[p] = nil
        count -= 1
        version &+= 1
        if slots.count > 16 && count * 2 < slots.count { rebuildIndex() }
        return true
    }

    func removeAll() {
        index = HashIndex()
        slots = []
        count = 0
        version &+= 1
        layout &+= 1
    }

    private func rebuildIndex() {
        if count != slots.count { slots = slots.filter { $0 != nil } }
        var hashes: [(Int, Int)] = []
        hashes.reserveCapacity(slots.count)
        for (i, k) in slots.enumerated() { if let k { hashes.append((i, k.hash)) } }
        index = HashIndex.rebuilt(count: slots.count, hashes)
        layout &+= 1
    }

    var keys: [DictKey] { slots.compactMap { $0 } }
    var values: [Value] { slots.compactMap { $0?.value } }

    func popFirst() -> DictKey? {
        guard let k = slots.first(where: { $0 != nil }) ?? nil else { return nil }
        remove(k)
        return k
    }
}
