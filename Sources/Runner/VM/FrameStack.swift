// The VM's call stack and its pool of finished frames (Lua keeps its `CallInfo` list the same
// way: entries above the top wait to be reused). A Swift array cost a uniqueness check, a
// bounds check and a non-inlined `count` on every call and return; this owns raw storage.

/// The running frames, bottom first, plus plain frames that finished and wait to be reused by
/// the next simple call. Frames are strong references held in raw memory: `push` consumes one,
/// `pop` hands it back, nothing is retained or released in between.
final class FrameStack: RandomAccessCollection {
    private var base: UnsafeMutablePointer<Frame>
    private var capacity: Int
    private(set) var count = 0
    /// Finished plain frames (see `recycle`): no generator, no cells, no other owner.
    private var pool: UnsafeMutablePointer<Frame>
    private var pooled = 0
    static let poolCapacity = 64

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
        pool = .allocate(capacity: Self.poolCapacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
        pool.deinitialize(count: pooled)
        pool.deallocate()
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// The frame at depth `i` (0 = bottom). Callers index below `count` (checked).
    @inline(__always)
    subscript(i: Int) -> Frame {
        precondition(i >= 0 && i < count, "frame index out of range")
        return base[i]
    }

    /// The running frame, `n` frames below the top (`top(0)` is the innermost).
    @inline(__always)
    func top(_ n: Int = 0) -> Frame {
        precondition(n >= 0 && n < count, "frame index out of range")
        return base[count &- 1 &- n]
    }

    @inline(__always)
    func append(_ f: __owned Frame) {
        if count == capacity { grow() }
        (base + count).initialize(to: f)
        count &+= 1
    }

    @inline(never)
    private func grow() {
        let bigger = UnsafeMutablePointer<Frame>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Pops the innermost frame. Popping an empty stack is a VM bug and traps.
    @inline(__always) @discardableResult
    func removeLast() -> Frame {
        precondition(count > 0, "frame stack underflow")
        count &-= 1
        return (base + count).move()
    }

    /// Drops the frames from depth `start` up (a nested run that ended by an exception).
    func removeSubrange(_ r: PartialRangeFrom<Int>) {
        let start = Swift.max(r.lowerBound, 0)
        while count > start { removeLast() }
    }

    func removeAll() {
        while count > 0 { removeLast() }
        pool.deinitialize(count: pooled)
        pooled = 0
    }

    /// A pooled frame, if any (the call fast path re-initialises it with `Frame.reuse`).
    @inline(__always)
    func takePooled() -> Frame? {
        if pooled == 0 { return nil }
        pooled &-= 1
        return (pool + pooled).move()
    }

    /// Keeps a finished plain frame for reuse; the caller recycled it and holds the only
    /// reference. Dropped when the pool is full.
    @inline(__always)
    func givePooled(_ f: __owned Frame) {
        if pooled < Self.poolCapacity {
            (pool + pooled).initialize(to: f)
            pooled &+= 1
        }
    }

    var poolIsFull: Bool {
        @inline(__always) get { pooled >= Self.poolCapacity }
    }
}
