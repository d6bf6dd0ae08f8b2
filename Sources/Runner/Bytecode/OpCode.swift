// The instruction set. One case per opcode, each with its operand and its effect on the frame's
// value stack (TOS = top of stack), in the manner of Lua's `lopcodes.h` and CPython 3.12's
// `Doc/library/dis.rst`. Names and stack shapes follow CPython 3.12 wherever the two agree.

enum OpCode: UInt8, Sendable {
    /// no operand: does nothing (jump targets patched away).
    case nop
    /// pops TOS.
    case pop
    /// arg n: pushes a copy of the n-th item from the top (1 = TOS).
    case copy
    /// arg n: swaps TOS with the n-th item from the top.
    case swap
    /// arg i: pushes constants[i].
    case loadConst
    /// pushes the NULL marker that a plain call places below its arguments (CPython's PUSH_NULL).
    case pushNull

    /// arg slot: pushes local `slot`; UnboundLocalError when unbound.
    case loadFast
    /// arg slot: pops TOS into local `slot`.
    case storeFast
    /// arg slot: unbinds local `slot` (`del x`).
    case deleteFast
    /// arg i: pushes the value of cell i (cellvars then freevars).
    case loadDeref
    /// arg i: pops TOS into cell i.
    case storeDeref
    /// arg i: empties cell i.
    case deleteDeref
    /// arg i: pushes cell i itself, to build a closure.
    case loadClosure
    /// arg slot: pushes module global `slot`, falling back to the builtin of the same name; NameError otherwise.
    case loadGlobal
    /// arg slot: pops TOS into module global `slot`.
    case storeGlobal
    /// arg slot: deletes module global `slot`.
    case deleteGlobal
    /// arg i: class bodies: pushes names[i] from the class namespace, then globals, then builtins.
    case loadName
    /// arg i: class bodies: pops TOS into the class namespace as names[i].
    case storeName
    /// arg i: class bodies: deletes names[i] from the class namespace.
    case deleteName

    /// arg i: replaces TOS with `TOS.names[i]`.
    case loadAttr
    /// arg i: TOS = object, TOS1 = value: `object.names[i] = value`; pops both.
    case storeAttr
    /// arg i: pops TOS and deletes its attribute names[i].
    case deleteAttr
    /// arg i: replaces TOS (obj) with [function, obj] when names[i] is a plain method of obj's
    /// class (no bound method is allocated), else with [attribute, NULL].
    case loadMethod

    /// TOS = key, TOS1 = container: pushes container[key].
    case binarySubscr
    /// TOS = key, TOS1 = container, TOS2 = value: container[key] = value.
    case storeSubscr
    /// TOS = key, TOS1 = container: del container[key].
    case deleteSubscr
    /// arg 2 or 3: pops start, stop[, step] and pushes a slice.
    case buildSlice

    /// arg = BinaryOperator index: TOS1 op TOS.
    case binaryOp
    /// arg = BinaryOperator index: TOS1 op= TOS (tries `__iop__` first).
    case inplaceOp
    /// -TOS
    case unaryNegative
    /// +TOS
    case unaryPositive
    /// ~TOS
    case unaryInvert
    /// not TOS
    case unaryNot
    /// arg = CompareOperator index: TOS1 op TOS (==, <, in, is, ...).
    case compareOp

    /// arg target: unconditional jump.
    case jump
    /// arg target: pops TOS; jumps when it is false.
    case popJumpIfFalse
    /// arg target: pops TOS; jumps when it is true.
    case popJumpIfTrue
    /// arg target: jumps (keeping TOS) when TOS is false, else pops it (`and`).
    case jumpIfFalseOrPop
    /// arg target: jumps (keeping TOS) when TOS is true, else pops it (`or`).
    case jumpIfTrueOrPop
    /// arg target: pops TOS; jumps when it is None (match, internal use).
    case popJumpIfNone

    /// replaces TOS with iter(TOS).
    case getIter
    /// arg target: TOS is an iterator: pushes its next value, or pops it and jumps when exhausted.
    case forIter
    /// returns TOS to the caller.
    case returnValue

    /// arg n: pops n items, pushes a tuple of them.
    case buildTuple
    /// arg n: pops n items, pushes a list of them.
    case buildList
    /// arg n: pops n items, pushes a set of them.
    case buildSet
    /// arg n: pops n key/value pairs (key below value), pushes a dict.
    case buildMap
    /// arg n: pops n strings, pushes their concatenation (f-strings).
    case buildString
    /// arg d: pops TOS and appends it to the list at stack depth d (after the pop).
    case listAppend
    /// arg d: pops TOS and adds it to the set at depth d.
    case setAdd
    /// arg d: pops value (TOS) and key (TOS1) and stores them in the dict at depth d.
    case mapAdd
    /// arg d: pops an iterable and extends the list at depth d with it (`[*a]`, `f(*a)`).
    case listExtend
    /// arg d: pops an iterable and adds its items to the set at depth d (`{*a}`).
    case setUpdate
    /// arg d: pops a mapping and updates the dict at depth d (`{**a}`).
    case dictUpdate
    /// arg d: like dictUpdate, but a repeated key is a TypeError (`f(**a, **b)`).
    case dictMerge
    /// replaces the list at TOS with a tuple of its items.
    case listToTuple
    /// arg n: pops an iterable of exactly n items and pushes them, first item on top.
    case unpackSequence
    /// arg (before | after << 8): unpacks with a starred target in the middle (`a, *b, c = x`).
    case unpackEx
    /// arg (conversion | hasSpec << 2): pops [spec] and the value, pushes format(value, spec).
    case formatValue

    /// arg flags (1 defaults, 2 kwdefaults, 4 closure): TOS = code; pops the parts, pushes a function.
    case makeFunction
    /// arg argc: stack [callable, self-or-NULL, arg1..argc]: pushes the call's result.
    case call
    /// arg argc: like call, with TOS a tuple of the names of the last len(TOS) arguments.
    case callKw
    /// arg hasKwargs: stack [callable, self-or-NULL, argsTuple, kwargsDict?]: `f(*a, **k)`.
    case callEx
    /// pushes the builtin `__build_class__`.
    case loadBuildClass

    /// arg target: pushes an exception handler at target, remembering the stack depth.
    case setupFinally
    /// arg target: like setupFinally, but the handler's stack depth excludes TOS (the exception
    /// an except/finally block is handling sits above the saved one).
    case setupCleanup
    /// pops the innermost exception handler.
    case popBlock
    /// TOS = exception: saves the frame's handled exception below it and makes TOS the handled one.
    case pushExcInfo
    /// pops the saved handled exception and restores it.
    case popExcept
    /// TOS = exception, TOS1 = saved handled exception: restores the saved one and re-raises TOS.
    case popExceptAndReraise
    /// TOS = type, TOS1 = exception: pops the type, pushes whether the exception matches it.
    case checkExcMatch
    /// TOS = type(s), TOS1 = exception group: `except*` split; pushes (rest, match-or-None).
    case checkEgMatch
    /// pops TOS and raises it again, keeping its traceback.
    case reraise
    /// arg 0, 1 or 2: `raise`, `raise exc`, `raise exc from cause`.
    case raiseVarargs
    /// arg hasMessage: raises AssertionError (with the popped message when hasMessage).
    case raiseAssert
    /// TOS = exception: pushes type(exc), exc, None below nothing else: [exc] -> [type, exc, tb].
    case withExcArgs
    /// TOS = context manager: replaces it with [bound __exit__, bound __enter__].
    case beforeWith
    /// TOS = async context manager: replaces it with [bound __aexit__, bound __aenter__].
    case beforeAsyncWith

    /// yields TOS to whoever resumed the frame; the resumption pushes the sent value.
    case yieldValue
    /// replaces TOS with iter(TOS), keeping generators and coroutines as they are (`yield from`).
    case getYieldFromIter
    /// arg where (0 await, 1 after __aenter__, 2 after __aexit__): replaces TOS with its awaitable iterator.
    case getAwaitable
    /// arg target: TOS = value, TOS1 = sub-iterator: sends value; a yield leaves [iter, yielded],
    /// a return leaves [result] and jumps to target.
    case send
    /// replaces TOS with `TOS.__aiter__()`.
    case getAIter
    /// TOS = async iterator: pushes the awaitable of `TOS.__anext__()`.
    case getANext
    /// TOS = exception, TOS1 = async iterator: ends `async for` on StopAsyncIteration, else re-raises.
    case endAsyncFor

    /// arg i: pushes the module names[i] (sandbox allowlist; ModuleNotFoundError otherwise).
    case importName
    /// arg i: TOS = module: pushes module.names[i] (ImportError when absent).
    case importFrom
    /// TOS = module: binds every public name of it (or those in `__all__`) as module globals; pops it.
    case importStar
    /// TOS = annotation; arg i: stores it in the class namespace's `__annotations__[names[i]]`.
    case storeAnnotation
    /// TOS = object; arg i = index of a tuple constant of attribute names: pushes a tuple of
    /// the attributes for a class pattern, or None when the match fails (`match` statements).
    case matchClassAttrs
    /// TOS = subject: pushes whether it is a sequence for `match` (not str/bytes/dict).
    case matchSequence
    /// TOS = subject: pushes whether it is a mapping for `match`.
    case matchMapping
    /// replaces TOS with len(TOS) (`match` length checks).
    case getLen

    // Superinstructions. The compiler never emits these: `Quickener` writes them over the first
    // instruction of a run it fuses, in the run loop's copy of the code, leaving the following
    // instructions (whose operands they read) in place. When the fast case does not apply they
    // behave exactly as the instruction they replaced, and the run continues with the next one.

    /// over LOAD_FAST a; LOAD_CONST (int); BINARY_OP/INPLACE_OP (+, -, *): pushes local a op const.
    case loadFastConstBinary
    /// over LOAD_FAST a; LOAD_CONST (int); COMPARE_OP; POP_JUMP_IF_FALSE: compares and branches.
    case loadFastConstCompareJump
    /// over LOAD_CONST (int); BINARY_OP/INPLACE_OP (+, -, *): TOS = TOS op const.
    case constBinary
    /// over COMPARE_OP (==, !=, <, <=, >, >=); POP_JUMP_IF_FALSE: compares TOS1, TOS and branches.
    case compareJumpIfFalse
    /// over FOR_ITER; STORE_FAST/STORE_GLOBAL: a native iterator's next value goes straight to the slot.
    case forIterStore
    /// over LOAD_GLOBAL; PUSH_NULL (a call of a global).
    case loadGlobalPushNull
    /// over LOAD_GLOBAL a; LOAD_GLOBAL b.
    case loadGlobal2
    /// over LOAD_FAST a; LOAD_FAST b.
    case loadFast2
}

/// One instruction: an opcode and its operand.
struct Instruction: Sendable {
    var op: OpCode
    var arg: Int32

    init(_ op: OpCode, _ arg: Int32 = 0) {
        self.op = op
        self.arg = arg
    }
}

/// Fuses common instruction runs into superinstructions in the run loop's copy of a code
/// object's instructions (CPython 3.12 specialises its bytecode in place in the same spirit).
/// A run is fused only when no jump, handler or loop exit lands inside it, so control flow never
/// enters a fused run anywhere but at its first instruction.
enum Quickener {
    static func fuse(_ ins: UnsafeMutablePointer<Instruction>, count n: Int, constants: [Value]) {
        // A JUMP to a RETURN_VALUE returns at once (a conditional expression's join before
        // `return`): one dispatch fewer, and nothing else differs, as a jump has no effect.
        for i in 0..<n where ins[i].op == .jump {
            let t = Int(ins[i].arg)
            if t >= 0 && t < n && ins[t].op == .returnValue { ins[i] = Instruction(.returnValue) }
        }
        var target = [Bool](repeating: false, count: n + 1)
        for i in 0..<n {
            switch ins[i].op {
            case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .popJumpIfNone,
                 .forIter, .setupFinally, .setupCleanup, .send:
                let t = Int(ins[i].arg)
                if t >= 0 && t <= n { target[t] = true }
            default: break
            }
        }
        func intConst(_ i: Int) -> Bool {
            let c = Int(ins[i].arg)
            guard c >= 0 && c < constants.count, case .int = constants[c] else { return false }
            return true
        }
        func arith(_ i: Int) -> Bool {
            (ins[i].op == .binaryOp || ins[i].op == .inplaceOp) && ins[i].arg >= 0 && ins[i].arg <= 2
        }
        func ordering(_ i: Int) -> Bool { ins[i].op == .compareOp && ins[i].arg >= 0 && ins[i].arg <= 5 }
        var i = 0
        while i < n {
            let free1 = i + 1 < n && !target[i + 1]
            let free2 = free1 && i + 2 < n && !target[i + 2]
            let free3 = free2 && i + 3 < n && !target[i + 3]
            if ins[i].op == .loadFast, free3, ins[i + 1].op == .loadConst, intConst(i + 1), ordering(i + 2), ins[i + 3].op == .popJumpIfFalse {
                ins[i].op = .loadFastConstCompareJump
                i += 4
            } else if ins[i].op == .loadFast, free2, ins[i + 1].op == .loadConst, intConst(i + 1), arith(i + 2) {
                ins[i].op = .loadFastConstBinary
                i += 3
            } else if ins[i].op == .loadConst, free1, intConst(i), arith(i + 1) {
                ins[i].op = .constBinary
                i += 2
            } else if ordering(i), free1, ins[i + 1].op == .popJumpIfFalse {
                ins[i].op = .compareJumpIfFalse
                i += 2
            } else if ins[i].op == .forIter, free1, ins[i + 1].op == .storeFast || ins[i + 1].op == .storeGlobal {
                ins[i].op = .forIterStore
                i += 2
            } else if ins[i].op == .loadGlobal, free1, ins[i + 1].op == .pushNull {
                ins[i].op = .loadGlobalPushNull
                i += 2
            } else if ins[i].op == .loadGlobal, free1, ins[i + 1].op == .loadGlobal {
                ins[i].op = .loadGlobal2
                i += 2
            } else if ins[i].op == .loadFast, free1, ins[i + 1].op == .loadFast {
                ins[i].op = .loadFast2
                i += 2
            } else {
                i += 1
            }
        }
    }
}
