// The virtual machine: one run loop, one switch (clox's `run()`, CPython's `ceval.c`).
// Frames live in `frames` (heap objects); a Python call pushes a frame and continues the same
// loop, a return pops it. A nested `run` happens only when Swift code (a builtin such as
// `sorted(key=...)`, or the event loop stepping a task) needs a Python result synchronously;
// it ends when its boundary frame returns or yields.
#if canImport(Glibc)
import Glibc
#endif

final class VM {
    /// The running frames and the pool of finished ones (see FrameStack).
    let frames = FrameStack()
    let globals: Globals
    var modules: [String: PyModule] = [:]
    var output: [UInt8] = []
    let outputLimit: Int
    let stepLimit: Int
    let wallDeadline: UInt64
    let cancellation: CancellationFlag?
    let meter: MemoryMeter
    var steps = 0
    var nextCheck = 0
    /// Python frames allowed at once: CPython's recursion limit of 1000 less the three frames the
    /// oracle (`vtime.py`) itself occupies below the program, so depths match it exactly.
    let recursionLimit = 997
    /// Nested `run` calls from Swift (each costs Swift stack), bounded separately.
    var nativeDepth = 0
    let maxNativeDepth = 1000
    var warnings: [String] = []
    var virtualTime: Double = 0
    /// Hook for the event loop (part 2): called by `time.sleep`.
    var sleepHook: ((Double) throws -> Void)?
    /// The event loop's trace and per-run state (Sources/Runner/Asyncio/AsyncTrace.swift).
    let asyncState = AsyncState()
    /// Objects whose repr is being computed (guards `l.append(l)`).
    var reprActive = Set<ObjectIdentifier>()
    /// The `random` module's generator, seeded with 0 as the oracle seeds CPython's.
    let random = MersenneTwister(seed: BigInt(0))
    /// The virtual clock may not pass this (limit `virtualSeconds`).
    let virtualSecondsLimit: Double
    /// Namespaces of library modules, kept to break their cycles at tear-down.
    var libraryGlobals: [Globals] = []
    /// Frames of generators dropped while suspended, to be closed at the next instruction.
    var pendingFinalizers: [Frame] = []
    /// The marker PUSH_NULL (and LOAD_METHOD, for a plain attribute) puts in a call's self
    /// slot: a NaN payload that arithmetic never produces (hardware only makes quiet NaNs with
    /// an empty payload), so pushing and popping it retains and releases nothing.
    static let nullBits: UInt64 = 0x7FF4_5EED_0000_0001
    let nullValue = Value.float(Double(bitPattern: VM.nullBits))

    @inline(__always)
    func isNullMarker(_ v: Value) -> Bool {
        if case .float(let d) = v { return d.bitPattern == VM.nullBits }
        return false
    }
    /// The builtins CALL runs inline, compared by identity.
    let lenFunction = Builtins.table["len"]?.asObject
    /// `Value.objectWordIsReference`, read once: the CALL fast path may then read a callee's
    /// reference in place.
    let inPlaceObjects = Value.objectWordIsReference
    /// The addresses of `list.append` and `dict.get`, compared with a callee read in place.
    let listAppendID = BuiltinTypes.list.dict["append"]?.asObject.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) }
    let dictGetID = BuiltinTypes.dict.dict["get"]?.asObject.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) }
    /// The address of the `str` type, for the inline `str(x)` call.
    let strTypeID = UnsafeRawPointer(Unmanaged.passUnretained(BuiltinTypes.str).toOpaque())

    init(limits: ResolvedLimits, cancellation: CancellationFlag?) {
        self.globals = Globals(builtins: Builtins.table)
        self.outputLimit = limits.outputBytes
        self.stepLimit = limits.steps
        self.wallDeadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(limits.wallMilliseconds) &* 1_000_000
        self.cancellation = cancellation
        self.meter = MemoryMeter(limit: limits.memoryBytes)
        self.virtualSecondsLimit = limits.virtualSeconds
        self.nextCheck = min(stepLimit, 1024)
        MemoryMeter.setCurrent(meter)
    }

    /// Breaks reference cycles between the run's objects (module globals, frames, classes) so
    /// ARC returns their memory when the run ends.
    func tearDown() {
        defer { if MemoryMeter.current === meter { MemoryMeter.setCurrent(nil) } }
        for f in frames { f.stack.removeAll(); f.locals.removeAll() }
        frames.removeAll()
        var seen = Set<ObjectIdentifier>()
        var work: [Value] = globals.values.boundValues
        globals.values.removeAll()
        for g in libraryGlobals {
            work.append(contentsOf: g.values.boundValues)
            g.values.removeAll()
        }
        for m in modules.values { work.append(contentsOf: m.dict.values); m.dict = [:] }
        var budget = 2_000_000
        while let v = work.popLast(), budget > 0 {
            budget -= 1
            guard case .object(let o) = v, seen.insert(ObjectIdentifier(o)).inserted else { continue }
            switch o {
            case let t as PyType where !t.isBuiltin:
                work.append(contentsOf: t.dict.values); t.dict = [:]
            case let i as PyInstance:
                work.append(contentsOf: i.attrs.values); i.attrs = [:]
                if let e = i as? PyExceptionObject { work.append(contentsOf: e.args); e.cause = nil; e.context = nil }
            case let l as PyList: work.append(contentsOf: l.items); l.items = []
            case let d as PyDict: work.append(contentsOf: d.values); work.append(contentsOf: d.keys); d.removeAll()
            case let f as PyFunction:
                work.append(contentsOf: f.defaults); f.defaults = []
                work.append(contentsOf: f.closure.compactMap { $0.value })
                for c in f.closure { c.value = nil }
                work.append(contentsOf: f.attrs.values); f.attrs = [:]
            case let t as PyTuple: work.append(contentsOf: t.items)
            case let m as PyBoundMethod: work.append(m.function); work.append(m.selfValue)
            case let g as PyGenerator:
                work.append(contentsOf: g.frame.stack.array(from: 0)); g.frame.stack.removeAll()
                work.append(contentsOf: g.frame.locals.boundValues); g.frame.locals.removeAll()
                work.append(contentsOf: g.frame.cells.compactMap { $0.value }); for c in g.frame.cells { c.value = nil }
            case let c as PyCell: if let v = c.value { work.append(v) }; c.value = nil
            case let s as PySet: work.append(contentsOf: s.values); s.removeAll()
            case let m as PyModule where m.name == "__main__": work.append(contentsOf: m.dict.values); m.dict = [:]
            default: break
            }
        }
    }

    // MARK: limits

    /// Checked every 1024 steps (and when the step limit is reached): steps, wall time,
    /// cancellation. Memory is checked where memory is allocated.
    /// LOAD_GLOBAL: the module's binding, else the builtin, else CPython's NameError.
    @inline(__always)
    func globalValue(_ g: Globals, _ slot: Int) throws -> Value {
        if let v = g.values[slot] { return v }
        if let b = g.builtinFallback[slot] { return b }
        throw error(BuiltinTypes.nameError, "name '\(g.names[slot])' is not defined")
    }

    @inline(never)
    func periodicCheck() throws {
        if !pendingFinalizers.isEmpty { try runFinalizers() }
        if steps >= stepLimit { throw VMStop.limit(.steps) }
        nextCheck = min(stepLimit, steps &+ 1024)
        if let c = cancellation, c.isCancelled { throw VMStop.cancelled }
        if DispatchTime.now().uptimeNanoseconds > wallDeadline { throw VMStop.limit(.wall) }
        // Every object charges the meter when it is made (PyObject.init), so this catches
        // many small objects as well as big ones, without sampling the process's RSS (which
        // other runs and the daemon share).
        if meter.isOverLimit { throw VMStop.limit(.memory) }
    }

    /// Charges `bytes` for a new or grown object; stops the run at the memory limit.
    func charge(_ object: PyObject, _ bytes: Int) throws {
        guard bytes > 0 else { return }
        if !meter.canCharge(bytes) { throw VMStop.limit(.memory) }
        meter.charge(bytes)
        object.chargedBytes &+= bytes
        object.meter = meter
    }

    /// Fails before a huge allocation is attempted.
    func checkAllocation(_ bytes: Int) throws {
        if bytes < 0 || !meter.canCharge(bytes) { throw VMStop.limit(.memory) }
    }

    func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        if output.count + bytes.count > outputLimit {
            output.append(contentsOf: bytes.prefix(max(0, outputLimit - output.count)))
            throw VMStop.limit(.output)
        }
        output.append(contentsOf: bytes)
    }

    // MARK: running code

    /// Runs a module's code object to completion.
    func runModule(_ code: CodeObject) throws {
        let frame = Frame(code: code, globals: globals, locals: [Value?](repeating: nil, count: code.varnames.count), cells: [])
        frame.boundary = true
        frames.append(frame)
        _ = try run(entry: frames.count - 1)
    }

    /// Runs the loop until the frame at index `entry` returns or yields; pops it.
    func run(entry: Int) throws -> ResumeResult {
        // A strong local: an `unowned(unsafe)` one measured slower, Swift retains it around
        // each access instead.
        var frame = frames.top()
        var instructions = frame.instructions
        var constants = frame.constants
        while true {
            steps &+= 1
            if steps >= nextCheck { try periodicCheck() }
            let ins = instructions[frame.ip]
            frame.ip &+= 1
            do {
                switch ins.op {
                case .nop:
                    break
                case .pop:
                    frame.stack.removeLast()
                case .copy:
                    frame.stack.append(frame.stack[frame.stack.count - Int(ins.arg)])
                case .swap:
                    frame.stack.swapAt(frame.stack.count - 1, frame.stack.count - Int(ins.arg))
                case .loadConst:
                    frame.stack.append(constants[Int(ins.arg)])
                case .pushNull:
                    frame.stack.append(nullValue)

                case .loadFast2:
                    if let a = frame.locals[Int(ins.arg)], let b = frame.locals[Int(instructions[frame.ip].arg)] {
                        // `consume`: the copy read from the slot moves onto the stack (without
                        // it the optimizer copied it a second time and destroyed the first).
                        frame.stack.append(consume a)
                        frame.stack.append(consume b)
                        frame.ip &+= 1
                        continue
                    }
                    fallthrough
                case .loadFast:
                    guard let v = frame.locals[Int(ins.arg)] else {
                        throw unboundLocal(frame, Int(ins.arg))
                    }
                    frame.stack.append(consume v)
                case .storeFast:
                    frame.locals[Int(ins.arg)] = frame.stack.removeLast()
                case .deleteFast:
                    if frame.locals[Int(ins.arg)] == nil {
                        throw unboundLocal(frame, Int(ins.arg))
                    }
                    frame.locals[Int(ins.arg)] = nil
                case .loadDeref:
                    guard let v = frame.cells[Int(ins.arg)].value else { throw unboundCell(frame, Int(ins.arg)) }
                    frame.stack.append(v)
                case .storeDeref:
                    frame.cells[Int(ins.arg)].value = frame.stack.removeLast()
                case .deleteDeref:
                    if frame.cells[Int(ins.arg)].value == nil { throw unboundCell(frame, Int(ins.arg)) }
                    frame.cells[Int(ins.arg)].value = nil
                case .loadClosure:
                    frame.stack.append(.object(frame.cells[Int(ins.arg)]))
                case .loadGlobalPushNull:
                    frame.stack.append(try globalValue(frame.globals, Int(ins.arg)))
                    frame.stack.append(nullValue)
                    frame.ip &+= 1
                case .loadGlobal2:
                    // Module bindings only (a builtin takes the two single loads).
                    let first = Int(ins.arg), second = Int(instructions[frame.ip].arg)
                    if let a = frame.globals.values[first], let b = frame.globals.values[second] {
                        frame.stack.append(consume a)
                        frame.stack.append(consume b)
                        frame.ip &+= 1
                        continue
                    }
                    fallthrough
                case .loadGlobal:
                    frame.stack.append(try globalValue(frame.globals, Int(ins.arg)))
                case .storeGlobal:
                    frame.globals.values[Int(ins.arg)] = frame.stack.removeLast()
                case .deleteGlobal:
                    let slot = Int(ins.arg)
                    if frame.globals.values[slot] == nil {
                        throw error(BuiltinTypes.nameError, "name '\(frame.globals.names[slot])' is not defined")
                    }
                    frame.globals.values[slot] = nil
                case .loadName:
                    let name = frame.code.names[Int(ins.arg)]
                    if let ns = frame.classNamespace, let v = ns.get(strKey(name)) {
                        frame.stack.append(v)
                    } else if let v = frame.globals.get(name) {
                        frame.stack.append(v)
                    } else {
                        throw error(BuiltinTypes.nameError, "name '\(name)' is not defined")
                    }
                case .storeName:
                    let name = frame.code.names[Int(ins.arg)]
                    let v = frame.stack.removeLast()
                    if let ns = frame.classNamespace { ns.set(strKey(name), v) } else { frame.globals.values[frame.globals.slot(for: name)] = v }
                case .deleteName:
                    let name = frame.code.names[Int(ins.arg)]
                    if let ns = frame.classNamespace, ns.remove(strKey(name)) != nil {} else {
                        throw error(BuiltinTypes.nameError, "name '\(name)' is not defined")
                    }

                case .loadAttr:
                    frame.top = try getAttr(frame.top, frame.code.names[Int(ins.arg)])
                case .storeAttr:
                    let obj = frame.stack.removeLast()
                    let value = frame.stack.removeLast()
                    try setAttr(obj, frame.code.names[Int(ins.arg)], value)
                case .deleteAttr:
                    try delAttr(frame.stack.removeLast(), frame.code.names[Int(ins.arg)])
                case .loadMethod:
                    // Inline cache for receivers of the builtin value types, whose namespaces
                    // never change: the same instruction usually sees the same type.
                    // The key is the receiver's kind (each of these tags is exactly one builtin
                    // type), so a hit needs no type lookup at all.
                    // The receiver is classified in place and moved, not copied.
                    let kind = frame.stack.receiverKind(at: frame.stack.count - 1)
                    let cache = frame.methodCache + (frame.ip - 1)
                    if kind != 0, cache.pointee.kind == kind {
                        let receiver = frame.stack.removeLast()
                        frame.stack.append(cache.pointee.method)
                        frame.stack.append(receiver)
                        continue
                    }
                    let obj = frame.stack.removeLast()
                    let (callable, selfValue) = try loadMethod(obj, frame.code.names[Int(ins.arg)])
                    if kind != 0, selfValue != nil {
                        cache.pointee = CodeObject.MethodCacheEntry(kind: kind, method: callable)
                    }
                    frame.stack.append(callable)
                    frame.stack.append(selfValue ?? nullValue)

                case .binarySubscr:
                    let key = frame.stack.removeLast()
                    if case .object(let co) = frame.top {
                        if co.tag == .list, case .int(let i) = key {
                            let items = unsafeDowncast(co, to: PyList.self).items
                            let j = i < 0 ? i &+ items.count : i
                            if j >= 0 && j < items.count { frame.top = items[j]; continue }
                        } else if co.tag == .dict {
                            if let v = unsafeDowncast(co, to: PyDict.self).get(try hashKey(key)) { frame.top = v; continue }
                        }
                    }
                    frame.top = try getItem(frame.top, key)
                case .storeSubscr:
                    let n = frame.stack.count
                    if inPlaceObjects, frame.stack.objectTag(at: n - 2) == .dict {
                        // The dict is used in place while `container` holds it.
                        let d = Unmanaged<PyDict>.fromOpaque(frame.stack.objectPointer(at: n - 2))
                        if let (id, h) = frame.stack.strIdentity(at: n - 1), d._withUnsafeGuaranteedRef({ $0.probesStrInPlace }) {
                            let key = frame.stack.removeLast()
                            let container = frame.stack.removeLast()
                            let value = frame.stack.removeLast()
                            let over = d._withUnsafeGuaranteedRef { d in
                                d.setStr(id: id, hash: h, key: key, value)
                                return d.count & 1023 == 0
                            }
                            _ = consume container
                            if over, meter.isOverLimit { throw VMStop.limit(.memory) }
                            continue
                        }
                        let key = try hashKey(frame.stack.removeLast())
                        let container = frame.stack.removeLast()
                        let value = frame.stack.removeLast()
                        let over = d._withUnsafeGuaranteedRef { d in
                            d.set(key, value)
                            return d.count & 1023 == 0
                        }
                        _ = consume container
                        if over, meter.isOverLimit { throw VMStop.limit(.memory) }
                        continue
                    }
                    let key = frame.stack.removeLast()
                    let container = frame.stack.removeLast()
                    let value = frame.stack.removeLast()
                    try setItem(container, key, value)
                case .deleteSubscr:
                    let key = frame.stack.removeLast()
                    try delItem(frame.stack.removeLast(), key)
                case .buildSlice:
                    let step: Value = ins.arg == 3 ? frame.stack.removeLast() : .none
                    let stop = frame.stack.removeLast()
                    let start = frame.stack.removeLast()
                    frame.stack.append(.object(PySlice(start: start, stop: stop, step: step)))

                case .binaryOp:
                    let rhs = frame.stack.removeLast()
                    let lhs = frame.top
                    if case .int(let a) = lhs, case .int(let b) = rhs {
                        switch ins.arg {
                        case 0: // add
                            let (r, o) = a.addingReportingOverflow(b)
                            if !o { frame.top = .int(r); continue }
                        case 1: // sub
                            let (r, o) = a.subtractingReportingOverflow(b)
                            if !o { frame.top = .int(r); continue }
                        case 2: // mul
                            let (r, o) = a.multipliedReportingOverflow(by: b)
                            if !o { frame.top = .int(r); continue }
                        default: break
                        }
                    } else if ins.arg == 0, case .object(let ao) = lhs, ao.tag == .str, case .object(let bo) = rhs, bo.tag == .str {
                        let a = unsafeDowncast(ao, to: PyStr.self).value, b = unsafeDowncast(bo, to: PyStr.self).value
                        try checkAllocation(a.utf8.count + b.utf8.count)
                        frame.top = .str(a + b)
                        continue
                    }
                    frame.top = try binaryOp(lhs, rhs, binaryOperators[Int(ins.arg)])
                case .inplaceOp:
                    let rhs = frame.stack.removeLast()
                    frame.top = try inplaceOp(frame.top, rhs, binaryOperators[Int(ins.arg)])
                case .unaryNegative:
                    frame.top = try negate(frame.top)
                case .unaryPositive:
                    frame.top = try positive(frame.top)
                case .unaryInvert:
                    frame.top = try invert(frame.top)
                case .unaryNot:
                    frame.top = .bool(!(try truthy(frame.top)))
                case .compareOp:
                    let rhs = frame.stack.removeLast()
                    let lhs = frame.top
                    if case .int(let a) = lhs, case .int(let b) = rhs {
                        switch ins.arg {
                        case 0: frame.top = .bool(a == b); continue
                        case 1: frame.top = .bool(a != b); continue
                        case 2: frame.top = .bool(a < b); continue
                        case 3: frame.top = .bool(a <= b); continue
                        case 4: frame.top = .bool(a > b); continue
                        case 5: frame.top = .bool(a >= b); continue
                        default: break
                        }
                    }
                    frame.top = try compare(lhs, rhs, compareOperators[Int(ins.arg)])

                case .jump:
                    frame.ip = Int(ins.arg)
                case .popJumpIfFalse:
                    let v = frame.stack.removeLast()
                    if case .bool(let b) = v { if !b { frame.ip = Int(ins.arg) } } else if !(try truthy(v)) { frame.ip = Int(ins.arg) }
                case .popJumpIfTrue:
                    let v = frame.stack.removeLast()
                    if case .bool(let b) = v { if b { frame.ip = Int(ins.arg) } } else if try truthy(v) { frame.ip = Int(ins.arg) }
                case .jumpIfFalseOrPop:
                    if try truthy(frame.top) { frame.stack.removeLast() } else { frame.ip = Int(ins.arg) }
                case .jumpIfTrueOrPop:
                    if try truthy(frame.top) { frame.ip = Int(ins.arg) } else { frame.stack.removeLast() }
                case .popJumpIfNone:
                    if frame.stack.removeLast().isNone { frame.ip = Int(ins.arg) }

                case .getIter:
                    frame.top = try getIter(frame.top)
                case .forIterStore:
                    // The iterator is used in place (the stack slot keeps it alive meanwhile).
                    if inPlaceObjects, frame.stack.objectTag(at: frame.stack.count - 1) == .iterator {
                        let p = frame.ip - 1
                        let it = Unmanaged<PyIterator>.fromOpaque(frame.stack.objectPointer(at: frame.stack.count - 1))
                        if let v = try it._withUnsafeGuaranteedRef({ try $0.next(self) }) {
                            let store = instructions[p + 1]
                            if store.op == .storeFast { frame.locals[Int(store.arg)] = v } else { frame.globals.values[Int(store.arg)] = v }
                            frame.ip = p + 2
                        } else {
                            frame.stack.removeLast()
                            frame.ip = Int(ins.arg)
                        }
                        continue
                    }
                    fallthrough
                case .forIter:
                    let iterator = frame.top
                    if case .object(let o) = iterator {
                        if o.tag == .iterator {
                            let it = unsafeDowncast(o, to: PyIterator.self)
                            if let v = try it.next(self) { frame.stack.append(v) } else {
                                frame.stack.removeLast()
                                frame.ip = Int(ins.arg)
                            }
                            continue
                        }
                        if let gen = o as? PyGenerator, gen.kind == .generator {
                            try startGeneratorFrame(gen, send: .none, mode: .forIter(target: Int(ins.arg)))
                            frame = frames.top(); instructions = frame.instructions; constants = frame.constants
                            continue
                        }
                    }
                    if let v = try nextViaProtocol(iterator) { frame.stack.append(v) } else {
                        frame.stack.removeLast()
                        frame.ip = Int(ins.arg)
                    }
                case .returnValue:
                    // Fast path: a plain call returning to the frame below it in this loop.
                    if !frame.isGeneratorFrame && !frame.boundary && frame.returnsNormally && frames.count >= 2 {
                        let result = frame.stack.removeLast()
                        let done = frames.removeLast()
                        // Only `frames`, generators and the finalizer queue keep frames; a plain
                        // frame popped here has no other owner (an `isKnownUniquelyReferenced`
                        // check failed here because the optimizer kept a copy of `frame` alive).
                        if !done.hasCells && !frames.poolIsFull {
                            done.recycle()
                            frames.givePooled(consume done)
                        }
                        // Through a local that then moves into `frame`: one retain of the
                        // caller (assigning `frame` first made the optimizer keep a second).
                        let caller = frames.top()
                        caller.stack.append(consume result)
                        instructions = caller.instructions
                        constants = caller.constants
                        frame = consume caller
                        continue
                    }
                    let result = frame.stack.removeLast()
                    // Let go of the finishing frame so it can be recycled.
                    if frames.count >= 2 { frame = frames.top(1) }
                    if let outcome = try finishFrame(returning: result, entry: entry) { return outcome }
                    frame = frames.top(); instructions = frame.instructions; constants = frame.constants

                case .buildTuple:
                    let n = Int(ins.arg)
                    frame.stack.append(.object(PyTuple(frame.popN(n))))
                case .buildList:
                    let n = Int(ins.arg)
                    frame.stack.append(.object(PyList(frame.popN(n))))
                case .buildSet:
                    let items = frame.popN(Int(ins.arg))
                    let set = PySet(frozen: false)
                    for item in items { set.insert(try hashKey(item)) }
                    frame.stack.append(.object(set))
                case .buildMap:
                    let items = frame.popN(Int(ins.arg) * 2)
                    let dict = PyDict()
                    var i = 0
                    while i < items.count {
                        dict.set(try hashKey(items[i]), items[i + 1])
                        i += 2
                    }
                    frame.stack.append(.object(dict))
                case .buildString:
                    let parts = frame.popN(Int(ins.arg))
                    var s = ""
                    for p in parts { if case .object(let o) = p, let str = o as? PyStr { s += str.value } }
                    frame.stack.append(.str(s))
                case .listAppend:
                    let v = frame.stack.removeLast()
                    if case .object(let o) = frame.stack[frame.stack.count - Int(ins.arg)], let list = o as? PyList {
                        list.items.append(v)
                        list.chargeOwned(16)
                        if list.items.count & 1023 == 0, meter.isOverLimit { throw VMStop.limit(.memory) }
                    }
                case .setAdd:
                    let v = frame.stack.removeLast()
                    if case .object(let o) = frame.stack[frame.stack.count - Int(ins.arg)], let set = o as? PySet {
                        set.insert(try hashKey(v))
                    }
                case .mapAdd:
                    let v = frame.stack.removeLast()
                    let k = frame.stack.removeLast()
                    if case .object(let o) = frame.stack[frame.stack.count - Int(ins.arg)], let dict = o as? PyDict {
                        dict.set(try hashKey(k), v)
                    }
                case .listExtend:
                    let iterable = frame.stack.removeLast()
                    if case .object(let o) = frame.stack[frame.stack.count - Int(ins.arg)], let list = o as? PyList {
                        list.items.append(contentsOf: try iterateForUnpack(iterable, context: .star))
                    }
                case .setUpdate:
                    let iterable = frame.stack.removeLast()
                    if case .object(let o) = frame.stack[frame.stack.count - Int(ins.arg)], let set = o as? PySet {
                        for item in try iterate(iterable) { set.insert(try hashKey(item)) }
                    }
                case .dictUpdate, .dictMerge:
                    let mapping = frame.stack.removeLast()
                    if case .object(let o) = frame.stack[frame.stack.count - Int(ins.arg)], let dict = o as? PyDict {
                        try mergeMapping(into: dict, mapping, forCall: ins.op == .dictMerge, frame: frame)
                    }
                case .listToTuple:
                    if case .object(let o) = frame.top, let list = o as? PyList { frame.top = .object(PyTuple(list.items)) }
                case .unpackSequence:
                    let seq = frame.stack.removeLast()
                    let n = Int(ins.arg)
                    let items: [Value]
                    if case .object(let o) = seq, let t = o as? PyTuple, t.items.count == n {
                        items = t.items
                    } else if case .object(let o) = seq, let l = o as? PyList, l.items.count == n {
                        items = l.items
                    } else {
                        items = try unpack(seq, count: n)
                    }
                    for item in items.reversed() { frame.stack.append(item) }
                case .unpackEx:
                    let seq = frame.stack.removeLast()
                    let before = Int(ins.arg & 0xff), after = Int(ins.arg >> 8)
                    let items = try iterateForUnpack(seq, context: .assign)
                    if items.count < before + after {
                        throw error(BuiltinTypes.valueError, "not enough values to unpack (expected at least \(before + after), got \(items.count))")
                    }
                    var out = Array(items[0..<before])
                    out.append(.object(PyList(Array(items[before..<(items.count - after)]))))
                    out.append(contentsOf: items[(items.count - after)...])
                    for item in out.reversed() { frame.stack.append(item) }
                case .formatValue:
                    let conversion = Int(ins.arg & 3)
                    let spec: String
                    if ins.arg & 4 != 0 { spec = (try stringValue(frame.stack.removeLast())) } else { spec = "" }
                    var v = frame.stack.removeLast()
                    switch conversion {
                    case 1: v = .str(try str(v))
                    case 2: v = .str(try repr(v))
                    case 3: v = .str(asciiEscape(try repr(v)))
                    default: break
                    }
                    if spec.isEmpty, case .object(let o) = v, o is PyStr {
                        frame.stack.append(v)
                    } else {
                        frame.stack.append(.str(try format(v, spec)))
                    }

                case .makeFunction:
                    guard case .object(let o) = frame.stack.removeLast(), let code = o as? CodeObject else { break }
                    var closure: [PyCell] = []
                    var kwDefaults: [String: Value] = [:]
                    var defaults: [Value] = []
                    if ins.arg & 4 != 0, case .object(let t) = frame.stack.removeLast(), let tuple = t as? PyTuple {
                        closure = tuple.items.compactMap { $0.asObject as? PyCell }
                    }
                    if ins.arg & 2 != 0, case .object(let d) = frame.stack.removeLast(), let dict = d as? PyDict {
                        for e in dict.liveEntries { if let k = e.key.value.asObject as? PyStr { kwDefaults[k.value] = e.value } }
                    }
                    if ins.arg & 1 != 0, case .object(let t) = frame.stack.removeLast(), let tuple = t as? PyTuple {
                        defaults = tuple.items
                    }
                    frame.stack.append(.object(PyFunction(code: code, globals: frame.globals, defaults: defaults, kwDefaults: kwDefaults, closure: closure)))
                case .call:
                    let argc = Int(ins.arg)
                    let base = frame.stack.count - argc - 2
                    // Inlined builtins the benchmarks' loops call: no argument array, and the
                    // callee and self slots are inspected in place rather than copied out.
                    switch frame.stack.objectTag(at: base) {
                    case .builtinFunction?:
                        // The receiver is used in place while its stack slot holds it.
                        if inPlaceObjects, argc == 1, frame.stack.objectPointer(at: base) == listAppendID, frame.stack.objectTag(at: base + 1) == .list {
                            let list = Unmanaged<PyList>.fromOpaque(frame.stack.objectPointer(at: base + 1))
                            let item = frame.stack.removeLast()
                            let over = list._withUnsafeGuaranteedRef { list in
                                list.items.append(item)
                                list.chargeOwned(16)
                                return list.items.count & 1023 == 0
                            }
                            // The list's slot goes, and the method's slot takes the result
                            // (`removeLast(n)` is a loop the optimizer keeps out of line).
                            frame.stack.removeLast()
                            frame.stack.top = .none
                            if over, meter.isOverLimit { throw VMStop.limit(.memory) }
                            continue
                        }
                        if inPlaceObjects, argc == 1 || argc == 2, frame.stack.objectPointer(at: base) == dictGetID, frame.stack.objectTag(at: base + 1) == .dict {
                            let d = Unmanaged<PyDict>.fromOpaque(frame.stack.objectPointer(at: base + 1))
                            let fallback: Value = argc == 2 ? frame.stack.removeLast() : .none
                            let found: Value?
                            if let (id, h) = frame.stack.strIdentity(at: frame.stack.count - 1), d._withUnsafeGuaranteedRef({ $0.probesStrInPlace }) {
                                found = d._withUnsafeGuaranteedRef { $0.getStr(id: id, hash: h) }
                                frame.stack.removeLast()
                            } else {
                                let key = try hashKey(frame.stack.removeLast())
                                found = d._withUnsafeGuaranteedRef { $0.get(key) }
                            }
                            frame.stack.removeLast()
                            frame.stack.top = found ?? fallback
                            continue
                        }
                        if argc == 1, frame.stack.holds(lenFunction, at: base), isNullMarker(frame.stack[base + 1]) {
                            let n = try length(frame.stack.top)
                            frame.stack.removeLast(3)
                            frame.stack.append(.int(n))
                            continue
                        }
                    case .type?:
                        if inPlaceObjects, argc == 1, frame.stack.objectPointer(at: base) == strTypeID, frame.stack.holdsNullMarker(at: base + 1) {
                            let s: Value
                            switch frame.stack.top {
                            case .int(let i): s = .str(String(i))
                            case .object(let o) where o.tag == .str: s = frame.stack.top
                            default: s = .str(try str(frame.stack.top))
                            }
                            frame.stack.removeLast()
                            frame.stack.removeLast()
                            frame.stack.top = s
                            continue
                        }
                    default: break
                    }
                    // Fast path: a plain Python function called with exactly its positional
                    // parameters. The callee is read in place through its unretained reference
                    // (the stack slot keeps it alive until the final move), so the call costs
                    // one release of the function instead of three copies and their releases.
                    if inPlaceObjects, frame.stack.objectTag(at: base) == .function {
                        let fp = frame.stack.objectPointer(at: base)
                        let fu = Unmanaged<PyFunction>.fromOpaque(fp)
                        let arity = fu._withUnsafeGuaranteedRef { $0.simpleArity }
                        let isNull = frame.stack.holdsNullMarker(at: base + 1)
                        let given = isNull ? argc : argc + 1
                        if arity >= 0 && given == arity {
                            let nf: Frame
                            if let pooled = frames.takePooled() {
                                // A recursive call finds its own function there: no field
                                // of either object is touched.
                                if pooled.functionID == fp {
                                    pooled.restart()
                                } else {
                                    fu._withUnsafeGuaranteedRef { pooled.reuse(function: $0) }
                                }
                                nf = pooled
                            } else {
                                nf = fu._withUnsafeGuaranteedRef { f in
                                    let made = Frame(code: f.code, globals: f.globals, localCount: f.localCount)
                                    made.function = f
                                    return made
                                }
                            }
                            // Move the arguments from the caller's stack into the slots, which
                            // are all unbound in a fresh or pooled frame.
                            let sb = frame.stack.base
                            var j = 0
                            if !isNull { nf.locals.bindUnbound(0, (sb + base + 1).move()); j = 1 } else { _ = (sb + base + 1).move() }
                            var k = base + 2
                            while j < given {
                                nf.locals.bindUnbound(j, (sb + k).move())
                                j += 1
                                k += 1
                            }
                            // `move()` rather than `deinitialize(count: 1)`, which calls the
                            // runtime's generic swift_arrayDestroy.
                            _ = (sb + base).move()
                            frame.stack.forgetMoved(above: base)
                            if frames.count >= recursionLimit {
                                throw error(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
                            }
                            frame = nf
                            instructions = nf.instructions
                            constants = nf.constants
                            frames.append(consume nf)
                            continue
                        }
                    }
                    let callee = frame.stack[base]
                    let selfSlot = frame.stack[base + 1]
                    var args: [Value]
                    if isNullMarker(selfSlot) {
                        args = frame.stack.array(from: base + 2)
                    } else {
                        args = frame.stack.array(from: base + 1)
                    }
                    frame.stack.removeLast(argc + 2)
                    if try invoke(callee, args, [], frame: frame) { frame = frames.top(); instructions = frame.instructions; constants = frame.constants }
                case .callKw:
                    guard case .object(let o) = frame.stack.removeLast(), let names = o as? PyTuple else { break }
                    let argc = Int(ins.arg)
                    let base = frame.stack.count - argc - 2
                    let callee = frame.stack[base]
                    let all = frame.stack.array(from: base + 2)
                    let nkw = names.items.count
                    var args = Array(all[0..<(argc - nkw)])
                    if !isNullMarker(frame.stack[base + 1]) { args.insert(frame.stack[base + 1], at: 0) }
                    var kwargs: [(String, Value)] = []
                    for (i, n) in names.items.enumerated() {
                        if case .object(let so) = n, let s = so as? PyStr { kwargs.append((s.value, all[argc - nkw + i])) }
                    }
                    frame.stack.removeLast(argc + 2)
                    if try invoke(callee, args, kwargs, frame: frame) { frame = frames.top(); instructions = frame.instructions; constants = frame.constants }
                case .callEx:
                    var kwargs: [(String, Value)] = []
                    if ins.arg & 1 != 0, case .object(let d) = frame.stack.removeLast(), let dict = d as? PyDict {
                        for e in dict.liveEntries {
                            guard case .object(let ko) = e.key.value, let k = ko as? PyStr else {
                                throw error(BuiltinTypes.typeError, "keywords must be strings")
                            }
                            kwargs.append((k.value, e.value))
                        }
                    }
                    let argsValue = frame.stack.removeLast()
                    let selfSlot = frame.stack.removeLast()
                    let callee = frame.stack.removeLast()
                    var args: [Value] = []
                    if !isNullMarker(selfSlot) { args.append(selfSlot) }
                    if case .object(let t) = argsValue, let tuple = t as? PyTuple { args.append(contentsOf: tuple.items) }
                    if try invoke(callee, args, kwargs, frame: frame) { frame = frames.top(); instructions = frame.instructions; constants = frame.constants }
                case .loadBuildClass:
                    frame.stack.append(Builtins.buildClassValue)

                case .setupFinally:
                    frame.handlers.append(Frame.Handler(target: Int(ins.arg), stackDepth: frame.stack.count))
                case .setupCleanup:
                    frame.handlers.append(Frame.Handler(target: Int(ins.arg), stackDepth: frame.stack.count - 1))
                case .popBlock:
                    frame.handlers.removeLast()
                case .pushExcInfo:
                    let exc = frame.stack.removeLast()
                    frame.stack.append(frame.handled.map { .object($0) } ?? .none)
                    frame.stack.append(exc)
                    frame.handled = exc.asObject as? PyExceptionObject
                case .popExcept:
                    frame.handled = frame.stack.removeLast().asObject as? PyExceptionObject
                case .popExceptAndReraise:
                    let exc = frame.stack.removeLast()
                    frame.handled = frame.stack.removeLast().asObject as? PyExceptionObject
                    guard let e = exc.asObject as? PyExceptionObject else { break }
                    throw Reraise(exception: e)
                case .checkExcMatch:
                    let type = frame.stack.removeLast()
                    frame.stack.append(.bool(try exceptionMatches(frame.top, type)))
                case .checkEgMatch:
                    let type = frame.stack.removeLast()
                    let eg = frame.stack.removeLast()
                    let (rest, match) = try splitExceptionGroup(eg, type)
                    frame.stack.append(rest)
                    frame.stack.append(match)
                case .reraise:
                    guard let e = frame.stack.removeLast().asObject as? PyExceptionObject else { break }
                    throw Reraise(exception: e)
                case .raiseVarargs:
                    try raiseStatement(frame: frame, argc: Int(ins.arg))
                case .raiseAssert:
                    if ins.arg == 1 {
                        let msg = frame.stack.removeLast()
                        throw PyError(exception: makeException(BuiltinTypes.assertionError, args: [msg]))
                    }
                    throw PyError(exception: makeException(BuiltinTypes.assertionError, args: []))
                case .withExcArgs:
                    let exc = frame.stack.removeLast()
                    frame.stack.append(.object(exc.type))
                    frame.stack.append(exc)
                    frame.stack.append(.none)
                case .beforeWith:
                    let mgr = frame.stack.removeLast()
                    let t = mgr.type
                    guard t.lookup("__enter__") != nil, t.lookup("__exit__") != nil else {
                        throw error(BuiltinTypes.typeError, "'\(t.name)' object does not support the context manager protocol")
                    }
                    frame.stack.append(try getAttr(mgr, "__exit__"))
                    frame.stack.append(try getAttr(mgr, "__enter__"))
                    frame.stack.append(nullValue)
                case .beforeAsyncWith:
                    let mgr = frame.stack.removeLast()
                    let t = mgr.type
                    guard t.lookup("__aenter__") != nil, t.lookup("__aexit__") != nil else {
                        throw error(BuiltinTypes.typeError, "'\(t.name)' object does not support the asynchronous context manager protocol")
                    }
                    frame.stack.append(try getAttr(mgr, "__aexit__"))
                    frame.stack.append(try getAttr(mgr, "__aenter__"))
                    frame.stack.append(nullValue)

                case .yieldValue:
                    let value = frame.stack.removeLast()
                    if let outcome = try yieldFrame(value, entry: entry, delegating: ins.arg == 1, isValue: ins.arg == 2) { return outcome }
                    frame = frames.top(); instructions = frame.instructions; constants = frame.constants
                case .getYieldFromIter:
                    let v = frame.top
                    if case .object(let o) = v, let g = o as? PyGenerator {
                        if g.kind == .coroutine && !frame.code.flags.contains(.coroutine) {
                            throw error(BuiltinTypes.typeError, "cannot 'yield from' a coroutine object in a non-coroutine generator")
                        }
                    } else {
                        frame.top = try getIter(v)
                    }
                case .getAwaitable:
                    frame.top = try getAwaitable(frame.top, context: Int(ins.arg))
                case .send:
                    let value = frame.stack.removeLast()
                    let receiver = frame.top
                    if case .object(let o) = receiver, let gen = o as? PyGenerator, gen.kind != .asyncGenerator {
                        try startGeneratorFrame(gen, send: value, mode: .send(target: Int(ins.arg)))
                        frame = frames.top(); instructions = frame.instructions; constants = frame.constants
                        continue
                    }
                    switch try sendToIterator(receiver, value) {
                    case .yielded(let y):
                        frame.stack.append(y)
                    case .returned(let r):
                        frame.top = r
                        frame.ip = Int(ins.arg)
                    }
                case .getAIter:
                    let obj = frame.top
                    guard obj.type.lookup("__aiter__") != nil else {
                        throw error(BuiltinTypes.typeError, "'async for' requires an object with __aiter__ method, got \(obj.typeName)")
                    }
                    frame.top = try callMethod(obj, "__aiter__", [])
                case .getANext:
                    let obj = frame.top
                    guard obj.type.lookup("__anext__") != nil else {
                        throw error(BuiltinTypes.typeError, "'async for' requires an iterator with __anext__ method, got \(obj.typeName)")
                    }
                    let awaitable = try callMethod(obj, "__anext__", [])
                    frame.stack.append(try getAwaitable(awaitable, context: 3))
                case .endAsyncFor:
                    let exc = frame.stack.removeLast()
                    guard let e = exc.asObject as? PyExceptionObject else { break }
                    if e.cls.isSubtype(of: BuiltinTypes.stopAsyncIteration) {
                        frame.stack.removeLast()
                    } else {
                        throw Reraise(exception: e)
                    }

                case .importName:
                    frame.stack.append(try importModule(frame.code.names[Int(ins.arg)]))
                case .importFrom:
                    let name = frame.code.names[Int(ins.arg)]
                    guard case .object(let o) = frame.top, let module = o as? PyModule else { break }
                    guard let v = module.dict[name] else {
                        throw error(BuiltinTypes.importError, "cannot import name '\(name)' from '\(module.name)' (unknown location)")
                    }
                    frame.stack.append(v)
                case .importStar:
                    guard case .object(let o) = frame.stack.removeLast(), let module = o as? PyModule else { break }
                    var names: [String]
                    if let all = module.dict["__all__"] {
                        names = try iterate(all).map { try stringValue($0) }
                    } else {
                        names = module.dict.keys.filter { !$0.hasPrefix("_") }.sorted()
                    }
                    for n in names {
                        guard let v = module.dict[n] else {
                            throw error(BuiltinTypes.attributeError, "module '\(module.name)' has no attribute '\(n)'")
                        }
                        frame.globals.values[frame.globals.slot(for: n)] = v
                    }
                case .storeAnnotation:
                    let annotation = frame.stack.removeLast()
                    if let ns = frame.classNamespace {
                        let key = strKey("__annotations__")
                        var ann = ns.get(key)?.asObject as? PyDict
                        if ann == nil {
                            let d = PyDict()
                            ns.set(key, .object(d))
                            ann = d
                        }
                        ann?.set(strKey(frame.code.names[Int(ins.arg)]), annotation)
                    }
                case .matchClassAttrs:
                    let cls = frame.stack.removeLast()
                    let subject = frame.stack.removeLast()
                    frame.stack.append(try matchClass(subject, cls, names: frame.code.constants[Int(ins.arg)], positional: 0))
                case .matchSequence:
                    frame.stack.append(.bool(isMatchSequence(frame.top)))
                case .matchMapping:
                    frame.stack.append(.bool(frame.top.asObject is PyDict))
                case .getLen:
                    frame.stack.append(.int(try length(frame.top)))

                // Superinstructions (see Quickener): each falls back to the instruction it replaced.
                case .loadFastConstBinary:
                    let p = frame.ip - 1
                    if case .int(let a)? = frame.locals[Int(ins.arg)], case .int(let b) = constants[Int(instructions[p + 1].arg)],
                       let r = smallIntOp(a, b, instructions[p + 2].arg) {
                        frame.stack.append(.int(r))
                        frame.ip = p + 3
                        continue
                    }
                    guard let v = frame.locals[Int(ins.arg)] else {
                        throw unboundLocal(frame, Int(ins.arg))
                    }
                    frame.stack.append(v)
                case .loadFastConstCompareJump:
                    let p = frame.ip - 1
                    if case .int(let a)? = frame.locals[Int(ins.arg)], case .int(let b) = constants[Int(instructions[p + 1].arg)] {
                        frame.ip = smallIntCompare(a, b, instructions[p + 2].arg) ? p + 4 : Int(instructions[p + 3].arg)
                        continue
                    }
                    guard let v = frame.locals[Int(ins.arg)] else {
                        throw unboundLocal(frame, Int(ins.arg))
                    }
                    frame.stack.append(v)
                case .constBinary:
                    let p = frame.ip - 1
                    if case .int(let a) = frame.stack.top, case .int(let b) = constants[Int(ins.arg)],
                       let r = smallIntOp(a, b, instructions[p + 1].arg) {
                        frame.stack.top = .int(r)
                        frame.ip = p + 2
                        continue
                    }
                    frame.stack.append(constants[Int(ins.arg)])
                case .compareJumpIfFalse:
                    let p = frame.ip - 1
                    if case .int(let b) = frame.stack.top, case .int(let a) = frame.stack[frame.stack.count - 2] {
                        frame.stack.removeLast(2)
                        frame.ip = smallIntCompare(a, b, ins.arg) ? p + 2 : Int(instructions[p + 1].arg)
                        continue
                    }
                    let rhs = frame.stack.removeLast()
                    frame.top = try compare(frame.top, rhs, compareOperators[Int(ins.arg)])
                }
            } catch let stop as VMStop {
                throw stop
            } catch {
                let (exception, isReraise) = asPythonException(error)
                try unwind(exception, isReraise: isReraise, entry: entry)
                frame = frames.top(); instructions = frame.instructions; constants = frame.constants
            }
        }
    }
}

/// `a op b` for BINARY_OP's first three operators (+, -, *) when it fits 64 bits.
@inline(__always)
func smallIntOp(_ a: Int, _ b: Int, _ op: Int32) -> Int? {
    switch op {
    case 0: let (r, o) = a.addingReportingOverflow(b); return o ? nil : r
    case 1: let (r, o) = a.subtractingReportingOverflow(b); return o ? nil : r
    case 2: let (r, o) = a.multipliedReportingOverflow(by: b); return o ? nil : r
    default: return nil
    }
}

/// COMPARE_OP's orderings (==, !=, <, <=, >, >=) on ints.
@inline(__always)
func smallIntCompare(_ a: Int, _ b: Int, _ op: Int32) -> Bool {
    switch op {
    case 0: return a == b
    case 1: return a != b
    case 2: return a < b
    case 3: return a <= b
    case 4: return a > b
    default: return a >= b
    }
}

/// Thrown by opcodes that re-raise without adding the current frame to the traceback.
struct Reraise: Error {
    let exception: PyExceptionObject
}

let binaryOperators: [BinaryOperator] = [
    .add, .sub, .mult, .matMult, .div, .mod, .pow, .lShift, .rShift, .bitOr, .bitXor, .bitAnd, .floorDiv,
]
let compareOperators: [CompareOperator] = [.eq, .notEq, .lt, .ltE, .gt, .gtE, .is, .isNot, .in, .notIn]

import Analyzer
