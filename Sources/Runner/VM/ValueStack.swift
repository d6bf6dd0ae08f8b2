// Manually managed value buffers for frames. Swift arrays cost a uniqueness check, a bounds
// check and often a retain of their storage on every push, pop and store; the operand stack and
// the local slots are touched by nearly every instruction, so they own raw memory instead.
// Both are noncopyable: a copy would alias the buffer.

/// A frame's operand stack (CPython's `localsplus` stack part, clox's `stackTop`).
struct ValueStack: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Value>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 8) {
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    @inline(__always)
    mutating func append(_ v: __owned Value) {
        if count == capacity { grow() }
        (base + count).initialize(to: v)
        count &+= 1
    }

    @inline(never)
    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Pops the top value. The compiler balances every push with a pop; an empty pop would be
    /// a compiler bug, and traps rather than reading outside the buffer.
    @inline(__always) @discardableResult
    mutating func removeLast() -> Value {
        precondition(count > 0, "operand stack underflow")
        count &-= 1
        return (base + count).move()
    }

    mutating func removeLast(_ n: Int) {
        precondition(n >= 0 && n <= count, "operand stack underflow")
        // One element at a time: `deinitialize(count:)` goes through the runtime's generic
        // swift_arrayDestroy, which costs more than the few values popped here.
        for _ in 0..<n {
            count &-= 1
            _ = (base + count).move()
        }
    }

    /// Forgets the values above `newCount` without releasing them: the caller has moved them
    /// out (the call fast path binds arguments this way, with no retain/release pair).
    @inline(__always)
    mutating func forgetMoved(above newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "operand stack underflow")
        count = newCount
    }

    /// Drops everything above `depth` (an exception handler's saved depth).
    mutating func truncate(to depth: Int) {
        if depth < count { removeLast(count - max(depth, 0)) }
    }

    mutating func removeAll(keepingCapacity: Bool = true) {
        removeLast(count)
    }

    @inline(__always)
    subscript(i: Int) -> Value {
        get {
            precondition(i >= 0 && i < count, "operand stack index out of range")
            return base[i]
        }
        set {
            precondition(i >= 0 && i < count, "operand stack index out of range")
            base[i] = newValue
        }
    }

    var last: Value? { count > 0 ? base[count - 1] : nil }

    /// The tag of the object at `i` (nil for a non-object), read in place without a copy.
    @inline(__always)
    func objectTag(at i: Int) -> ObjectTag? {
        precondition(i >= 0 && i < count, "operand stack index out of range")
        if case .object(let o) = base[i] { return o.tag }
        return nil
    }

    /// LOAD_METHOD's cache key for the value at `i`: 1 str, 2 list, 3 dict, 4 tuple, 5 int,
    /// 6 float (each exactly one builtin type), 0 for anything else.
    @inline(__always)
    func receiverKind(at i: Int) -> UInt8 {
        precondition(i >= 0 && i < count, "operand stack index out of range")
        switch base[i] {
        case .object(let o):
            switch o.tag {
            case .str: return 1
            case .list: return 2
            case .dict: return 3
            case .tuple: return 4
            default: return 0
            }
        case .int: return 5
        case .float(let d): return d.bitPattern == VM.nullBits ? 0 : 6
        default: return 0
        }
    }

    /// The reference held by the object value at `i`, not retained: valid while the slot keeps
    /// it. Only when `Value.objectWordIsReference` and the value at `i` is an object.
    @inline(__always)
    func objectPointer(at i: Int) -> UnsafeRawPointer {
        precondition(i >= 0 && i < count, "operand stack index out of range")
        return UnsafeRawPointer(base + i).load(as: UnsafeRawPointer.self)
    }

    /// The address and hash of the str at `i`, read in place, or nil when the value there is
    /// not a str. Only when `Value.objectWordIsReference`.
    @inline(__always)
    func strIdentity(at i: Int) -> (id: UInt, hash: Int)? {
        guard objectTag(at: i) == .str else { return nil }
        let p = objectPointer(at: i)
        let h = Unmanaged<PyStr>.fromOpaque(p)._withUnsafeGuaranteedRef { $0.hash }
        return (UInt(bitPattern: p), h)
    }

    /// Whether the value at `i` is the call NULL marker (`VM.nullBits`), read in place.
    @inline(__always)
    func holdsNullMarker(at i: Int) -> Bool {
        precondition(i >= 0 && i < count, "operand stack index out of range")
        if case .float(let d) = base[i] { return d.bitPattern == VM.nullBits }
        return false
    }

    /// Whether the value at `i` is the object `object`, compared in place.
    @inline(__always)
    func holds(_ object: PyObject?, at i: Int) -> Bool {
        precondition(i >= 0 && i < count, "operand stack index out of range")
        if case .object(let o) = base[i] { return o === object }
        return false
    }

    @inline(__always)
    var top: Value {
        get { self[count - 1] }
        set { self[count - 1] = newValue }
    }

    mutating func swapAt(_ i: Int, _ j: Int) {
        precondition(i >= 0 && i < count && j >= 0 && j < count, "operand stack index out of range")
        if i != j { swap(&base[i], &base[j]) }
    }

    /// A copy of the values from `start` to the top.
    func array(from start: Int) -> [Value] {
        guard start < count else { return [] }
        return Array(UnsafeBufferPointer(start: base + max(start, 0), count: count - max(start, 0)))
    }

    /// Moves the top `n` values out into an array (bottom first).
    mutating func popArray(_ n: Int) -> [Value] {
        precondition(n >= 0 && n <= count, "operand stack underflow")
        let start = count - n
        let items = [Value](unsafeUninitializedCapacity: n) { buffer, initialized in
            if let b = buffer.baseAddress { b.moveInitialize(from: base + start, count: n) }
            initialized = n
        }
        count = start
        return items
    }
}

/// A frame's local variable slots (nil = unbound), sized once per code object.
struct LocalSlots: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Value?>
    private(set) var count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    init(_ values: [Value?]) {
        count = values.count
        base = .allocate(capacity: max(count, 1))
        values.withUnsafeBufferPointer { b in
            if let src = b.baseAddress { base.initialize(from: src, count: count) }
        }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    subscript(i: Int) -> Value? {
        get {
            precondition(i >= 0 && i < count, "local slot out of range")
            return base[i]
        }
        set {
            precondition(i >= 0 && i < count, "local slot out of range")
            base[i] = newValue
        }
    }

    /// Unbinds every slot and resizes to `n` (a pooled frame taking a new code object).
    mutating func reset(count n: Int) {
        if n == count {
            for i in 0..<n { base[i] = nil }
            return
        }
        base.deinitialize(count: count)
        base.deallocate()
        base = .allocate(capacity: max(n, 1))
        base.initialize(repeating: nil, count: n)
        count = n
    }

    /// Releases every value (a finished generator's frame, tear-down).
    mutating func removeAll() { reset(count: 0) }

    /// Unbinds every slot, keeping the count (a frame going back to the pool).
    @inline(__always)
    mutating func unbindAll() {
        var i = 0
        while i < count {
            // `move` and re-initialize: an assignment of nil goes through the outlined
            // destroy of `Value?` and its generic witness.
            _ = (base + i).move()
            (base + i).initialize(to: nil)
            i &+= 1
        }
    }

    /// Binds slot `i`, which must hold nil (a pooled or fresh frame's slot): the value moves in
    /// with no destroy of the old one.
    @inline(__always)
    mutating func bindUnbound(_ i: Int, _ v: __owned Value) {
        precondition(i >= 0 && i < count, "local slot out of range")
        (base + i).initialize(to: v)
    }

    var boundValues: [Value] {
        var out: [Value] = []
        for i in 0..<count { if let v = base[i] { out.append(v) } }
        return out
    }
}

/// A module's global slots: like `LocalSlots`, but they grow as names are added. LOAD_GLOBAL
/// and STORE_GLOBAL run in every module-level loop; an array paid a uniqueness check per store.
struct GlobalSlots: ~Copyable {
    private var base: UnsafeMutablePointer<Value?>
    private(set) var count = 0
    private var capacity: Int

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    subscript(i: Int) -> Value? {
        get {
            precondition(i >= 0 && i < count, "global slot out of range")
            return base[i]
        }
        set {
            precondition(i >= 0 && i < count, "global slot out of range")
            base[i] = newValue
        }
    }

    mutating func append(_ v: Value?) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Value?>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        (base + count).initialize(to: v)
        count += 1
    }

    /// Unbinds every slot, keeping the slots (names stay resolvable to their slot numbers).
    mutating func removeAll() {
        for i in 0..<count { base[i] = nil }
    }

    var boundValues: [Value] {
        var out: [Value] = []
        for i in 0..<count { if let v = base[i] { out.append(v) } }
        return out
    }
}
