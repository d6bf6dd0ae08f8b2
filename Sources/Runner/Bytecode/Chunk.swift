// A compiled function body (clox's `Chunk`, CPython's code object): the instructions, one source
// line per instruction, the constants and names they refer to, and the signature facts the call
// machinery needs to bind arguments to local slots.

final class CodeObject: PyObject {
    struct Flags: OptionSet, Sendable {
        let rawValue: Int
        static let generator = Flags(rawValue: 1)
        static let coroutine = Flags(rawValue: 2)
        static let asyncGenerator = Flags(rawValue: 4)
        static let classBody = Flags(rawValue: 8)
        /// A list/set/dict comprehension: CPython 3.12 inlines these (PEP 709), so their frames
        /// never show in tracebacks.
        static let inlinedComprehension = Flags(rawValue: 16)
        static let module = Flags(rawValue: 32)
        /// constants[0] is the docstring.
        static let hasDocstring = Flags(rawValue: 64)
        /// Code of a Python-written library module (asyncio): hidden from tracebacks.
        static let library = Flags(rawValue: 128)
    }

    var name: String
    var qualname: String
    var firstLine: Int
    var flags: Flags = []

    var code: [Instruction] = []
    /// The source line of each instruction (same length as `code`).
    var lines: [Int32] = []
    var constants: [Value] = []
    /// Attribute, import and class-body names.
    var names: [String] = []

    /// Local variable names by slot: parameters first (positional, keyword-only, *args, **kwargs).
    var varnames: [String] = []
    var argCount = 0
    var posOnlyCount = 0
    var kwOnlyCount = 0
    var hasVarargs = false
    var hasVarkw = false
    /// Names of the cells this code creates (locals captured by inner functions), then of the
    /// cells it receives from its closure.
    var cellvars: [String] = []
    var freevars: [String] = []
    /// For each cellvar, the parameter slot whose value seeds it, or -1.
    var cellFromArg: [Int] = []

    override var pyType: PyType { BuiltinTypes.code }

    /// The instructions and constants as raw buffers for the run loop, made when the code first
    /// runs (the compiler has finished with `code` and `constants` by then): reading through
    /// them costs no bounds check and no retain of the arrays' storage.
    private var _runInstructions: UnsafeMutablePointer<Instruction>?
    private var _runConstants: UnsafeMutablePointer<Value>?
    private var _runConstantCount = 0

    var runInstructions: UnsafeMutablePointer<Instruction> {
        if let p = _runInstructions { return p }
        let p = UnsafeMutablePointer<Instruction>.allocate(capacity: max(code.count, 1))
        code.withUnsafeBufferPointer { b in if let src = b.baseAddress { p.initialize(from: src, count: code.count) } }
        Quickener.fuse(p, count: code.count, constants: constants)
        _runInstructions = p
        return p
    }

    var runConstants: UnsafeMutablePointer<Value> {
        if let p = _runConstants { return p }
        let p = UnsafeMutablePointer<Value>.allocate(capacity: max(constants.count, 1))
        constants.withUnsafeBufferPointer { b in if let src = b.baseAddress { p.initialize(from: src, count: constants.count) } }
        _runConstants = p
        _runConstantCount = constants.count
        return p
    }

    /// LOAD_METHOD's inline cache, one entry per instruction: the kind of builtin receiver
    /// seen last (str, list, dict, tuple, int, float; 0 = empty) and the method its type's
    /// namespace, which never changes, gave.
    struct MethodCacheEntry {
        var kind: UInt8 = 0
        var method: Value = .none
    }
    private var _methodCache: UnsafeMutablePointer<MethodCacheEntry>?

    var methodCache: UnsafeMutablePointer<MethodCacheEntry> {
        if let p = _methodCache { return p }
        let p = UnsafeMutablePointer<MethodCacheEntry>.allocate(capacity: max(code.count, 1))
        p.initialize(repeating: MethodCacheEntry(), count: max(code.count, 1))
        _methodCache = p
        return p
    }

    deinit {
        if let p = _methodCache {
            p.deinitialize(count: max(code.count, 1))
            p.deallocate()
        }
        _runInstructions?.deallocate()
        if let p = _runConstants {
            p.deinitialize(count: _runConstantCount)
            p.deallocate()
        }
    }

    init(name: String, qualname: String, firstLine: Int) {
        self.name = name
        self.qualname = qualname
        self.firstLine = firstLine
        super.init()
    }

    /// No cells, no collectors, no keyword-only parameters, not a generator: calls with exactly
    /// `argCount` positional arguments can bind them straight into the locals.
    lazy var isSimple: Bool = cellvars.isEmpty && freevars.isEmpty && !hasVarargs && !hasVarkw && kwOnlyCount == 0 && !isGeneratorLike

    var isGeneratorLike: Bool { !flags.isDisjoint(with: [.generator, .coroutine, .asyncGenerator]) }

    /// Total parameter slots (positional + keyword-only + the two collectors).
    var parameterSlots: Int { argCount + kwOnlyCount + (hasVarargs ? 1 : 0) + (hasVarkw ? 1 : 0) }

    func line(at ip: Int) -> Int {
        guard ip >= 0 && ip < lines.count else { return firstLine }
        return Int(lines[ip])
    }
}
