// A heap-allocated activation record (clox's CallFrame, CPython's `_PyInterpreterFrame`).
// Frames are objects, not Swift stack frames: the VM keeps the running ones in an array, and a
// generator or coroutine keeps its own frame while suspended, so suspending and resuming never
// holds a Swift frame and Python recursion never recurses in Swift.

final class Frame {
    /// What the VM does with this frame's result when it returns or yields.
    enum ReturnMode {
        /// Push the return value on the caller's stack.
        case normal
        /// `Class(...)`: `__init__` must return None; push the new instance instead.
        case initializer(Value)
        /// A generator resumed by FOR_ITER: a yield pushes the value, a return ends the loop at `target`.
        case forIter(target: Int)
        /// A generator resumed by SEND (`yield from`, `await`): a yield pushes the value,
        /// a return replaces the receiver with the result and jumps to `target`.
        case send(target: Int)
    }

    struct Handler {
        var target: Int
        var stackDepth: Int
    }

    private(set) var code: CodeObject
    private(set) var globals: Globals
    var ip = 0
    var stack = ValueStack()
    var locals: LocalSlots
    let cells: [PyCell]
    /// `!cells.isEmpty`, read on the return fast path (the generic `isEmpty` was not inlined).
    let hasCells: Bool
    var handlers: [Handler] = []
    /// The exception an `except`/`finally` block of this frame is handling (`sys.exc_info()`).
    var handled: PyExceptionObject?
    /// Class bodies execute with their namespace here.
    var classNamespace: PyDict?
    var returnMode: ReturnMode = .normal {
        didSet {
            if case .normal = returnMode { returnsNormally = true } else { returnsNormally = false }
        }
    }
    /// `returnMode == .normal`, read by the return fast path without copying the enum out.
    private(set) var returnsNormally = true
    /// True for the bottom frame of a nested `VM.run`: its result goes back to Swift.
    var boundary = false
    /// The generator owning this frame, when it is a generator's.
    weak var generator: PyGenerator?
    /// The function this frame runs (for `super()` and names in tracebacks).
    var function: PyFunction? {
        didSet { functionID = function.map { UnsafeRawPointer(Unmanaged.passUnretained($0).toOpaque()) } }
    }
    /// `function`'s address: the call fast path compares it with the callee's without touching
    /// (and retaining) either object.
    private(set) var functionID: UnsafeRawPointer?

    /// Set from the code flags: only these frames can have a `generator` (read without touching
    /// the weak reference on the hot return path).
    private(set) var isGeneratorFrame: Bool

    /// The code's raw buffers, copied here so the run loop reloads them without touching (and
    /// retaining) the code object.
    private(set) var instructions: UnsafeMutablePointer<Instruction>
    private(set) var constants: UnsafeMutablePointer<Value>
    private(set) var methodCache: UnsafeMutablePointer<CodeObject.MethodCacheEntry>

    init(code: CodeObject, globals: Globals, locals: [Value?], cells: [PyCell]) {
        self.isGeneratorFrame = code.isGeneratorLike
        self.instructions = code.runInstructions
        self.constants = code.runConstants
        self.methodCache = code.methodCache
        self.code = code
        self.globals = globals
        self.locals = LocalSlots(locals)
        self.cells = cells
        self.hasCells = !cells.isEmpty
    }

    /// A frame with `localCount` unbound slots (the call fast path binds arguments into them).
    init(code: CodeObject, globals: Globals, localCount: Int) {
        self.isGeneratorFrame = code.isGeneratorLike
        self.instructions = code.runInstructions
        self.constants = code.runConstants
        self.methodCache = code.methodCache
        self.code = code
        self.globals = globals
        self.locals = LocalSlots(count: localCount)
        self.cells = []
        self.hasCells = false
    }

    /// Re-initialises a pooled frame for a new call of a simple function (see `FrameStack.takePooled`).
    @inline(__always)
    func reuse(function: PyFunction) {
        // A recursive call finds its own code and function here: skip the retain/release pairs.
        if self.function !== function {
            let code = function.code
            if self.code !== code {
                self.code = code
                instructions = code.runInstructions
                constants = code.runConstants
                methodCache = code.methodCache
            }
            if self.globals !== function.globals { self.globals = function.globals }
            self.function = function
        }
        if locals.count != function.localCount { locals.reset(count: function.localCount) }
        restart()
    }

    /// Readies a pooled frame already set up for its function (`reuse`) to run from the top.
    @inline(__always)
    func restart() {
        ip = 0
        // Pooled frames went through `recycle` (locals unbound, nothing handled) and were plain
        // frames (no generator, no cells): only what a finished frame may still carry is reset,
        // and only when it is set.
        if !handlers.isEmpty { handlers.removeAll(keepingCapacity: true) }
        if classNamespace != nil { classNamespace = nil }
        if !returnsNormally { returnMode = .normal }
        boundary = false
    }

    /// Lets go of what a finished frame holds before it waits in the pool: afterwards every
    /// local slot is nil, which the call fast path relies on to bind arguments by initializing.
    @inline(__always)
    func recycle() {
        if !stack.isEmpty { stack.removeAll() }
        locals.unbindAll()
        if handled != nil { handled = nil }
    }

    var line: Int { code.line(at: ip - 1) }

    var isHiddenFromTraceback: Bool { !code.flags.isDisjoint(with: [.inlinedComprehension, .library]) }

    @inline(__always) func push(_ v: Value) { stack.append(v) }
    @inline(__always) func pop() -> Value { stack.removeLast() }
    @inline(__always) var top: Value {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }
    @inline(__always) func peek(_ n: Int) -> Value { stack[stack.count - n] }

    func popN(_ n: Int) -> [Value] { stack.popArray(n) }
}
