#if canImport(Glibc)
import Glibc
#endif
// The runner's value representation. Small immutable values (None, bool, int that fits 64 bits,
// float) live inline in the enum, so arithmetic loops allocate nothing; everything else is a
// reference to a `PyObject` subclass (see the other files of `Objects/`).

/// A Python value as the VM holds it on its stacks and in containers.
enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case object(PyObject)

    static let zero = Value.int(0)

    var asObject: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// The object's Python type.
    var type: PyType {
        switch self {
        case .none: return BuiltinTypes.none
        case .bool: return BuiltinTypes.bool
        case .int: return BuiltinTypes.int
        case .float: return BuiltinTypes.float
        case .object(let o): return o.pyType
        }
    }

    var typeName: String { type.name }

    /// `a is b`.
    func isIdentical(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b  // CPython caches small ints; programs rarely rely on more
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }

    var isNone: Bool { if case .none = self { return true }; return false }

    static func str(_ s: String) -> Value { .object(PyStr(s)) }

    /// Whether an `.object` value stores its reference as its first word, as Swift lays out a
    /// multi-payload enum whose largest payload is one pointer. Checked once at startup on a
    /// live value; the run loop reads callee references in place only when it holds.
    static let objectWordIsReference: Bool = {
        guard MemoryLayout<Value>.size >= MemoryLayout<UnsafeRawPointer>.size else { return false }
        let probe: PyObject = BuiltinTypes.object
        var v = Value.object(probe)
        let word = withUnsafeBytes(of: &v) { $0.load(as: UInt.self) }
        return word == UInt(bitPattern: Unmanaged.passUnretained(probe).toOpaque())
    }()
}

/// The base of every heap object. Subclasses override `pyType`.
class PyObject: @unchecked Sendable {
    var pyType: PyType { BuiltinTypes.object }
    /// Which hot class this is, so the run loop tests a byte instead of a dynamic cast.
    final let tag: ObjectTag
    /// Bytes this object has charged to the run's memory meter (credited back on deinit).
    var chargedBytes: Int = 0
    var meter: MemoryMeter?

    init(tag: ObjectTag = .other) {
        self.tag = tag
        // Every object made while a run is executing counts against that run's memory limit
        // (issue 5: "bytes of live objects"), and is credited back when it is freed.
        if let p = MemoryMeter.currentPointer {
            let n = MemoryMeter.objectBytes(tag)
            let m = Unmanaged<MemoryMeter>.fromOpaque(p)
            m._withUnsafeGuaranteedRef { $0.charge(n) }
            chargedBytes = n
            meter = m.takeUnretainedValue()
        }
    }

    /// Charges memory this object owns outside its own allocation (a string's bytes, a list's
    /// items) to the meter it was charged to at creation.
    @inline(__always)
    final func chargeOwned(_ bytes: Int) {
        guard bytes > 0, let m = meter else { return }
        m.charge(bytes)
        chargedBytes &+= bytes
    }

    deinit {
        if chargedBytes != 0, let m = meter { m.credit(chargedBytes) }
    }
}

/// The classes the run loop dispatches on. `instance` covers PyInstance and its subclass
/// PyExceptionObject; `iterator` every PyIterator subclass.
enum ObjectTag: UInt8 {
    case other, str, list, tuple, dict, set, function, builtinFunction, instance, type, boundMethod, generator, iterator
}

/// Approximate bytes held by live objects, for the memory limit (issue 5: "bytes of live objects").
/// Big containers and big ints charge what they hold; a limit breach raises a VM stop.
/// Every PyObject created on a run's thread charges its allocation here (`PyObject.init`) and
/// credits it back on deinit; the VM stops the run when `live` passes `limit` (checked with
/// the step limit and before big allocations). Objects never move between runs' threads while
/// the run is going, so the counters are only touched by one thread at a time.
final class MemoryMeter: @unchecked Sendable {
    var live: Int = 0
    var peak: Int = 0
    let limit: Int
    init(limit: Int) { self.limit = limit }
    @inline(__always)
    func credit(_ n: Int) { live &-= n }
    /// Returns false when the charge would pass the limit.
    func canCharge(_ n: Int) -> Bool { n <= limit && live &+ n <= limit }
    @inline(__always)
    func charge(_ n: Int) {
        live &+= n
        if live > peak { peak = live }
    }
    var isOverLimit: Bool { live > limit }

    /// What one object costs the process, estimated per class so that the daemon's RSS stays
    /// within about twice the limit for bombs made of any one kind of small object (measured
    /// with the bombs in RunnerTests: closures, instances, dicts, sets, strings, nested lists).
    /// Functions carry names, defaults and closure arrays; instances their attribute tables;
    /// generators a whole frame.
    static func objectBytes(_ tag: ObjectTag) -> Int {
        switch tag {
        case .function: return 320
        case .instance: return 320
        case .generator: return 512
        case .dict: return 192
        case .set: return 160
        default: return 96
        }
    }
    /// A dict entry (key, value, hash) plus its share of the entries array and index table.
    static let dictEntryBytes = 96
    static let setEntryBytes = 64

    // The meter of the run executing on this thread (a run owns its thread while it executes).
    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k, nil)
        return k
    }()

    /// The current meter's address, unretained (the thread's slot holds a reference).
    @inline(__always)
    static var currentPointer: UnsafeMutableRawPointer? { pthread_getspecific(key) }

    static var current: MemoryMeter? {
        guard let p = pthread_getspecific(key) else { return nil }
        return Unmanaged<MemoryMeter>.fromOpaque(p).takeUnretainedValue()
    }

    /// Makes `meter` the current thread's meter (nil to stop charging). The VM sets it for the
    /// duration of a run.
    static func setCurrent(_ meter: MemoryMeter?) {
        // The slot holds its own reference, so a VM that is never torn down cannot leave the
        // thread pointing at a freed meter.
        let old = pthread_getspecific(key)
        pthread_setspecific(key, meter.map { UnsafeRawPointer(Unmanaged.passRetained($0).toOpaque()) })
        if let old { Unmanaged<MemoryMeter>.fromOpaque(old).release() }
    }
}

/// A Python class (builtin or user-defined).
final class PyType: PyObject {
    enum Layout: Sendable { case object, exception, builtin }

    var name: String
    var qualname: String
    var module: String
    var bases: [PyType]
    var mro: [PyType] = []
    var dict: [String: Value]
    /// Names in the order the class body defined them (dataclass fields use annotations, but
    /// `vars(cls)` and `__dict__` listings read better in order).
    var definitionOrder: [String] = []
    let layout: Layout
    let isBuiltin: Bool
    /// Cached "defines X" facts for the hot special methods (filled when the class is built).
    var hasGetattr = false
    var hasSetattr = false
    var hasEq = false
    var hasHash = false
    var hashDisabled = false

    override var pyType: PyType { BuiltinTypes.type }

    init(name: String, qualname: String? = nil, module: String = "builtins", bases: [PyType],
         dict: [String: Value] = [:], layout: Layout, isBuiltin: Bool) {
        self.name = name
        self.qualname = qualname ?? name
        self.module = module
        self.bases = bases
        self.dict = dict
        self.layout = layout
        self.isBuiltin = isBuiltin
        super.init(tag: .type)
    }

    /// Looks `name` up along the MRO.
    func lookup(_ name: String) -> Value? {
        for t in mro {
            if let v = t.dict[name] { return v }
        }
        return nil
    }

    func lookupWithOwner(_ name: String) -> (Value, PyType)? {
        for t in mro {
            if let v = t.dict[name] { return (v, t) }
        }
        return nil
    }

    func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        return mro.contains { $0 === other }
    }

    func refreshSpecialFlags() {
        hasGetattr = lookupUser("__getattr__")
        hasSetattr = lookupUser("__setattr__")
        hasEq = lookupUser("__eq__")
        hasHash = lookupUser("__hash__")
        if case .none? = lookup("__hash__") { hashDisabled = true } else { hashDisabled = false }
    }

    /// True when a non-builtin class on the MRO defines `name`.
    func lookupUser(_ name: String) -> Bool {
        for t in mro where !t.isBuiltin {
            if t.dict[name] != nil { return true }
        }
        return false
    }

    /// C3 linearization (CPython's `mro_implementation` in `Objects/typeobject.c`).
    static func computeMRO(_ cls: PyType) -> [PyType]? {
        var sequences: [[PyType]] = cls.bases.map { $0.mro }
        sequences.append(cls.bases)
        var result: [PyType] = [cls]
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var candidate: PyType?
            for seq in sequences {
                let head = seq[0]
                let inTail = sequences.contains { s in s.dropFirst().contains { $0 === head } }
                if !inTail { candidate = head; break }
            }
            guard let next = candidate else { return nil }
            result.append(next)
            sequences = sequences.map { s in s.first === next ? Array(s.dropFirst()) : s }
        }
    }
}

/// An instance of a user-defined class (or of `object`).
class PyInstance: PyObject {
    let cls: PyType
    var attrs: [String: Value] = [:]
    /// Attribute names in assignment order (for `vars()` and `__dict__`).
    var attrOrder: [String] = []
    override var pyType: PyType { cls }
    init(cls: PyType) {
        self.cls = cls
        super.init(tag: .instance)
    }

    func setAttr(_ name: String, _ value: Value) {
        if attrs.updateValue(value, forKey: name) == nil { attrOrder.append(name) }
    }

    func delAttr(_ name: String) -> Bool {
        guard attrs.removeValue(forKey: name) != nil else { return false }
        attrOrder.removeAll { $0 == name }
        return true
    }
}

/// An exception instance: `BaseException` and every subclass, builtin or user-defined.
final class PyExceptionObject: PyInstance {
    var args: [Value] = []
    /// (line, function) pairs, outermost first, as `traceback.extract_tb` lists them.
    var traceback: [TracebackEntry] = []
    var cause: PyExceptionObject?
    var context: PyExceptionObject?
    var suppressContext = false
    /// Sub-exceptions of an ExceptionGroup.
    var group: [PyExceptionObject] = []
    var groupMessage: String = ""
}

/// A Swift error carrying a Python exception through native code.
struct PyError: Error {
    let exception: PyExceptionObject
}

/// Why the VM stopped a run from outside Python's exception machinery.
enum VMStop: Error {
    case limit(RunLimitKind)
    case sandbox(String)
    case deadlock(String)
    case cancelled
}

final class PyCell: PyObject {
    var value: Value?
    init(_ value: Value? = nil) { self.value = value; super.init() }
}

final class PyModule: PyObject {
    let name: String
    var dict: [String: Value]
    override var pyType: PyType { BuiltinTypes.module }
    init(name: String, dict: [String: Value]) {
        self.name = name
        self.dict = dict
        super.init()
    }
}

/// Singletons without a payload: Ellipsis and NotImplemented.
final class PySingleton: PyObject {
    let name: String
    let type: PyType
    override var pyType: PyType { type }
    init(name: String, type: PyType) { self.name = name; self.type = type; super.init() }
}

final class PySlice: PyObject {
    let start: Value, stop: Value, step: Value
    override var pyType: PyType { BuiltinTypes.slice }
    init(start: Value, stop: Value, step: Value) {
        self.start = start; self.stop = stop; self.step = step
        super.init()
    }
}

final class PyBigInt: PyObject {
    let value: BigInt
    override var pyType: PyType { BuiltinTypes.int }
    init(_ value: BigInt) { self.value = value; super.init() }
}

/// `range(start, stop, step)` with 64-bit bounds.
final class PyRange: PyObject {
    let start: Int, stop: Int, step: Int
    override var pyType: PyType { BuiltinTypes.range }
    init(start: Int, stop: Int, step: Int) {
        self.start = start; self.stop = stop; self.step = step
        super.init()
    }
    var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
}

final class PyBytes: PyObject {
    let bytes: [UInt8]
    override var pyType: PyType { BuiltinTypes.bytes }
    init(_ bytes: [UInt8]) { self.bytes = bytes; super.init() }
}

/// `property(fget, fset, fdel)`.
final class PyProperty: PyObject {
    var fget: Value, fset: Value, fdel: Value
    var doc: Value = .none
    override var pyType: PyType { BuiltinTypes.property }
    init(fget: Value, fset: Value, fdel: Value) {
        self.fget = fget; self.fset = fset; self.fdel = fdel
        super.init()
    }
}

final class PyStaticMethod: PyObject {
    let function: Value
    override var pyType: PyType { BuiltinTypes.staticmethod }
    init(_ f: Value) { function = f; super.init() }
}

final class PyClassMethod: PyObject {
    let function: Value
    override var pyType: PyType { BuiltinTypes.classmethod }
    init(_ f: Value) { function = f; super.init() }
}

/// The object `super()` returns: attribute lookup starts after `startAfter` in `object`'s MRO.
final class PySuper: PyObject {
    let startAfter: PyType
    let object: Value
    let objectType: PyType
    override var pyType: PyType { BuiltinTypes.superType }
    init(startAfter: PyType, object: Value, objectType: PyType) {
        self.startAfter = startAfter; self.object = object; self.objectType = objectType
        super.init()
    }
}
