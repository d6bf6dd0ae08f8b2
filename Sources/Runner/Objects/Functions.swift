// Callables and the objects that resume code: functions, builtin functions, bound methods,
// generators and coroutines, and the native iterators the builtins hand out.

/// The module namespace, slot-addressed: the compiler turns every global name into a slot, so
/// `LOAD_GLOBAL` is an array read; `builtinFallback` holds the builtin of the same name, resolved
/// once when the slot is created (programs cannot rebind builtins in this sandbox).
final class Globals: @unchecked Sendable {
    var values = GlobalSlots()
    var names: [String] = []
    var slotOf: [String: Int] = [:]
    var builtinFallback: [Value?] = []
    let builtins: [String: Value]

    init(builtins: [String: Value]) { self.builtins = builtins }

    func slot(for name: String) -> Int {
        if let s = slotOf[name] { return s }
        let s = values.count
        values.append(nil)
        names.append(name)
        builtinFallback.append(builtins[name])
        slotOf[name] = s
        return s
    }

    func get(_ name: String) -> Value? {
        if let s = slotOf[name], let v = values[s] { return v }
        return builtins[name]
    }
}

typealias NativeFunction = @Sendable (VM, [Value], [(String, Value)]) throws -> Value

final class PyFunction: PyObject {
    let code: CodeObject
    let globals: Globals
    var defaults: [Value]
    var kwDefaults: [String: Value]
    let closure: [PyCell]
    var name: String
    var qualname: String
    var attrs: [String: Value] = [:]
    /// `code.argCount` when the code is simple (`CodeObject.isSimple`), else -1: CALL's fast
    /// path binds exactly this many positional arguments straight into the locals.
    let simpleArity: Int
    /// `code.varnames.count`, the local slots a frame of this function needs.
    let localCount: Int
    override var pyType: PyType { BuiltinTypes.function }

    init(code: CodeObject, globals: Globals, defaults: [Value], kwDefaults: [String: Value], closure: [PyCell]) {
        self.code = code
        self.globals = globals
        self.simpleArity = code.isSimple ? code.argCount : -1
        self.localCount = code.varnames.count
        self.defaults = defaults
        self.kwDefaults = kwDefaults
        self.closure = closure
        self.name = code.name
        self.qualname = code.qualname
        super.init(tag: .function)
    }
}

final class PyBuiltinFunction: PyObject {
    let name: String
    let fn: NativeFunction
    /// The object a method is bound to (`[].append`), or nil.
    let boundSelf: Value?
    /// The type that defines a method, for `<method 'append' of 'list' objects>` and binding.
    let ownerName: String?
    override var pyType: PyType { boundSelf == nil && ownerName != nil ? BuiltinTypes.methodDescriptor : BuiltinTypes.builtinFunction }

    init(name: String, owner: String? = nil, boundSelf: Value? = nil, fn: @escaping NativeFunction) {
        self.name = name
        self.ownerName = owner
        self.boundSelf = boundSelf
        self.fn = fn
        super.init(tag: .builtinFunction)
    }

    func bind(_ value: Value) -> PyBuiltinFunction {
        PyBuiltinFunction(name: name, owner: ownerName, boundSelf: value, fn: fn)
    }
}

final class PyBoundMethod: PyObject {
    let function: Value
    let selfValue: Value
    override var pyType: PyType { BuiltinTypes.method }
    init(function: Value, selfValue: Value) {
        self.function = function
        self.selfValue = selfValue
        super.init(tag: .boundMethod)
    }
}

/// A generator, coroutine or async generator: it owns its suspended frame (CPython's
/// `gi_iframe`), so resuming it never needs a Swift stack frame that outlived a suspension.
final class PyGenerator: PyObject {
    enum Kind { case generator, coroutine, asyncGenerator }
    enum State { case created, suspended, running, finished }

    let kind: Kind
    let frame: Frame
    var state: State = .created
    var name: String
    var qualname: String
    /// The sub-iterator a `yield from` / `await` is delegating to (CPython's `gi_yieldfrom`).
    var delegate: Value?
    /// True while suspended at the YIELD_VALUE of a `yield from`/`await` loop: a throw goes to
    /// the sub-iterator on top of the frame's stack first.
    var delegating = false
    /// True once an `await` has taken this coroutine (a second await is a RuntimeError).
    var awaitedBy = false
    /// Async generators: the last suspension was a `yield` (not an inner `await`).
    var lastYieldWasValue = false
    /// Set once the coroutine has been awaited or stepped, for the "never awaited" warning.
    var wasStarted = false
    /// Line where the coroutine was created (for warnings).
    var createdLine = 0
    override var pyType: PyType {
        switch kind {
        case .generator: return BuiltinTypes.generator
        case .coroutine: return BuiltinTypes.coroutine
        case .asyncGenerator: return BuiltinTypes.asyncGenerator
        }
    }

    /// The VM that runs this generator, to finalize it when it is dropped while suspended.
    weak var vm: VM?

    init(kind: Kind, frame: Frame, name: String, qualname: String) {
        self.kind = kind
        self.frame = frame
        self.name = name
        self.qualname = qualname
        super.init(tag: .generator)
    }

    /// A generator dropped while suspended is closed, as CPython's `gen_dealloc` does: its frame
    /// (not the generator itself) is queued and the VM throws GeneratorExit into it at the next
    /// instruction, so `finally` blocks run.
    /// A coroutine that never ran warns as CPython's `_PyErr_WarnUnawaitedCoroutine` does.
    deinit {
        if state == .suspended, kind == .generator, let vm { vm.queueFinalizer(frame) }
        // asyncio's finalizer hook closes it with aclose() on the loop (Asyncio/NativeAsyncGens.swift).
        if state == .suspended, kind == .asyncGenerator, let vm { vm.asyncState.runtime?.asyncGenDropped(self, vm) }
        if kind == .coroutine, state == .created, !wasStarted, let vm {
            vm.warnings.append("RuntimeWarning: coroutine '\(qualname)' was never awaited")
            vm.traceEvent(.warning, line: createdLine, detail: "RuntimeWarning: coroutine '\(qualname)' was never awaited")
        }
    }
}

/// What a generator did when resumed from Swift (`VM.resume`): the contract a Task's `__step` uses.
enum ResumeResult {
    case yielded(Value)
    case returned(Value)
}

/// A native iterator: `next` returns nil when exhausted.
class PyIterator: PyObject {
    override var pyType: PyType { BuiltinTypes.iterator }
    init() { super.init(tag: .iterator) }
    func next(_ vm: VM) throws -> Value? { nil }
}

final class ListIterator: PyIterator {
    let list: PyList
    var index = 0
    override var pyType: PyType { BuiltinTypes.listIterator }
    init(_ list: PyList) { self.list = list; super.init() }
    override func next(_ vm: VM) throws -> Value? {
        guard index < list.items.count else { index = Int.max; return nil }
        defer { index += 1 }
        return list.items[index]
    }
}

final class ArrayIterator: PyIterator {
    let items: [Value]
    var index = 0
    let typeName: PyType
    override var pyType: PyType { typeName }
    init(_ items: [Value], type: PyType = BuiltinTypes.tupleIterator) {
        self.items = items
        self.typeName = type
        super.init()
    }
    override func next(_ vm: VM) throws -> Value? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}

final class RangeIterator: PyIterator {
    var current: Int
    let stop: Int
    let step: Int
    override var pyType: PyType { BuiltinTypes.rangeIterator }
    init(start: Int, stop: Int, step: Int) {
        self.current = start
        self.stop = stop
        self.step = step
        super.init()
    }
    override func next(_ vm: VM) throws -> Value? {
        if step > 0 ? current >= stop : current <= stop { return nil }
        let v = current
        let (n, o) = current.addingReportingOverflow(step)
        current = o ? stop : n
        return .int(v)
    }
}

final class DictIterator: PyIterator {
    enum Mode { case keys, values, items }
    let dict: PyDict
    let mode: Mode
    var slot = 0
    let startVersion: Int
    let startCount: Int
    override var pyType: PyType {
        switch mode {
        case .keys: return BuiltinTypes.dictKeyIterator
        case .values: return BuiltinTypes.dictValueIterator
        case .items: return BuiltinTypes.dictItemIterator
        }
    }
    init(_ dict: PyDict, mode: Mode) {
        self.dict = dict
        self.mode = mode
        self.startVersion = dict.version
        self.startCount = dict.count
        super.init()
    }
    override func next(_ vm: VM) throws -> Value? {
        if dict.count != startCount {
            slot = Int.max
            throw vm.error(BuiltinTypes.runtimeError, "dictionary changed size during iteration")
        }
        if dict.version != startVersion {
            slot = Int.max
            throw vm.error(BuiltinTypes.runtimeError, "dictionary keys changed during iteration")
        }
        while slot < dict.slotCount {
            let s = slot
            slot += 1
            if let e = dict.slot(s) {
                switch mode {
                case .keys: return e.key.value
                case .values: return e.value
                case .items: return .object(PyTuple([e.key.value, e.value]))
                }
            }
        }
        return nil
    }
}

final class SetIterator: PyIterator {
    let set: PySet
    let items: [Value]
    var index = 0
    let startCount: Int
    override var pyType: PyType { BuiltinTypes.setIterator }
    /// `items` is the order to iterate in (see `VM.orderedSetValues`).
    init(_ set: PySet, items: [Value]) {
        self.set = set
        self.items = items
        self.startCount = set.count
        super.init()
    }
    override func next(_ vm: VM) throws -> Value? {
        if set.count != startCount {
            index = Int.max
            throw vm.error(BuiltinTypes.runtimeError, "Set changed size during iteration")
        }
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}

/// An iterator backed by a Swift closure (map, filter, zip, enumerate, itertools...).
final class ClosureIterator: PyIterator {
    let type: PyType
    var body: ((VM) throws -> Value?)?
    override var pyType: PyType { type }
    init(type: PyType, _ body: @escaping (VM) throws -> Value?) {
        self.type = type
        self.body = body
        super.init()
    }
    override func next(_ vm: VM) throws -> Value? {
        guard let body else { return nil }
        if let v = try body(vm) { return v }
        self.body = nil
        return nil
    }
}

/// `iter(obj)` for an object with only `__getitem__`: indexes 0, 1, ... until IndexError.
final class SequenceIterator: PyIterator {
    let target: Value
    var index = 0
    var done = false
    override var pyType: PyType { BuiltinTypes.iterator }
    init(_ target: Value) { self.target = target; super.init() }
    override func next(_ vm: VM) throws -> Value? {
        if done { return nil }
        do {
            let v = try vm.getItem(target, .int(index))
            index += 1
            return v
        } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.indexError) || e.exception.cls.isSubtype(of: BuiltinTypes.stopIteration) {
            done = true
            return nil
        }
    }
}
