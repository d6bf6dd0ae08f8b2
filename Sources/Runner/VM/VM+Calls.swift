// Calls: binding arguments to a new frame (CPython's `initialize_locals` in `Python/ceval.c`,
// with its error messages), pushing frames for Python callees, instantiating classes, and the
// Swift-facing entry points (`call`, `resume`) that run a nested loop until their frame is done.

extension VM {
    /// What calling something amounts to: a value right away (builtins), or a frame to run.
    enum CallPlan {
        case done(Value)
        case frame(Frame)
    }

    /// Pushes a frame for a Python callee (returns true) or pushes the result of a native one.
    @inline(__always)
    func invoke(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)], frame: Frame) throws -> Bool {
        switch try prepareCall(callee, args, kwargs) {
        case .done(let v):
            frame.stack.append(v)
            return false
        case .frame(let f):
            try pushFrame(f)
            return true
        }
    }

    func pushFrame(_ f: Frame) throws {
        if frames.count >= recursionLimit {
            throw error(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        frames.append(f)
    }

    func prepareCall(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)]) throws -> CallPlan {
        guard case .object(let o) = callee else {
            throw error(BuiltinTypes.typeError, "'\(callee.typeName)' object is not callable")
        }
        if let f = o as? PyFunction {
            let frame = try makeFrame(f, args, kwargs)
            if f.code.isGeneratorLike { return .done(.object(makeGenerator(f, frame))) }
            return .frame(frame)
        }
        if let b = o as? PyBuiltinFunction {
            if let s = b.boundSelf { return .done(try b.fn(self, [s] + args, kwargs)) }
            return .done(try b.fn(self, args, kwargs))
        }
        if let m = o as? PyBoundMethod {
            return try prepareCall(m.function, [m.selfValue] + args, kwargs)
        }
        if let t = o as? PyType {
            return try instantiate(t, args, kwargs)
        }
        if let sm = o as? PyStaticMethod { return try prepareCall(sm.function, args, kwargs) }
        if let callMethod = o.pyType.lookup("__call__"), !(o is PyType) {
            return try prepareCall(callMethod, [callee] + args, kwargs)
        }
        throw error(BuiltinTypes.typeError, "'\(callee.typeName)' object is not callable")
    }

    func makeGenerator(_ f: PyFunction, _ frame: Frame) -> PyGenerator {
        let kind: PyGenerator.Kind = f.code.flags.contains(.coroutine) ? .coroutine
            : f.code.flags.contains(.asyncGenerator) ? .asyncGenerator : .generator
        let gen = PyGenerator(kind: kind, frame: frame, name: f.name, qualname: f.qualname)
        frame.generator = gen
        gen.vm = self
        gen.createdLine = frames.last?.line ?? 0
        return gen
    }

    /// `Class(args)`: a new instance, then `__init__` (as a frame when it is Python code).
    func instantiate(_ t: PyType, _ args: [Value], _ kwargs: [(String, Value)]) throws -> CallPlan {
        if t.isBuiltin && t.layout != .exception {
            guard let ctor = Builtins.constructors[ObjectIdentifier(t)] else {
                throw error(BuiltinTypes.typeError, "cannot create '\(t.name)' instances")
            }
            return .done(try ctor(self, args, kwargs))
        }
        if let userNew = t.lookup("__new__"), t.lookupUser("__new__") {
            let instance = try call(userNew, [.object(t)] + args, kwargs)
            if instance.type.isSubtype(of: t), let initFn = t.lookup("__init__"), t.lookupUser("__init__") {
                _ = try call(initFn, [instance] + args, kwargs)
            }
            return .done(instance)
        }
        let instance: PyInstance
        if t.layout == .exception {
            var cls = t
            // BaseExceptionGroup(...) of Exceptions only is an ExceptionGroup (CPython's BaseExceptionGroup.__new__).
            if t === BuiltinTypes.baseExceptionGroup, args.count == 2,
               let subs = try? iterate(args[1]), !subs.isEmpty,
               subs.allSatisfy({ ($0.asObject as? PyExceptionObject)?.cls.isSubtype(of: BuiltinTypes.exception) ?? false }) {
                cls = BuiltinTypes.exceptionGroup
            }
            let e = PyExceptionObject(cls: cls)
            e.args = args
            if t.isSubtype(of: BuiltinTypes.baseExceptionGroup) {
                guard args.count == 2, let message = args[0].asObject as? PyStr else {
                    throw error(BuiltinTypes.typeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (\(args.count) given)")
                }
                let subs = try iterate(args[1])
                if subs.isEmpty { throw error(BuiltinTypes.valueError, "second argument (exceptions) must be a non-empty sequence") }
                e.group = try subs.map { v in
                    guard let x = v.asObject as? PyExceptionObject else { throw error(BuiltinTypes.valueError, "Item 0 of second argument (exceptions) is not an exception") }
                    return x
                }
                e.groupMessage = message.value
                e.args = [args[0], .object(PyTuple(subs))]
            }
            instance = e
        } else {
            if t.isSubtype(of: BuiltinTypes.exceptionGroup) {}
            instance = PyInstance(cls: t)
        }
        let value = Value.object(instance)
        if let (initFn, owner) = t.lookupWithOwner("__init__"), !owner.isBuiltin {
            if case .object(let io) = initFn, let f = io as? PyFunction, !f.code.isGeneratorLike {
                let frame = try makeFrame(f, [value] + args, kwargs)
                frame.returnMode = .initializer(value)
                return .frame(frame)
            }
            let r = try call(initFn, [value] + args, kwargs)
            if !r.isNone { throw error(BuiltinTypes.typeError, "__init__() should return None, not '\(r.typeName)'") }
            return .done(value)
        }
        if t.layout == .exception {
            if !kwargs.isEmpty { throw error(BuiltinTypes.typeError, "\(t.name)() takes no keyword arguments") }
            return .done(value)
        }
        if !args.isEmpty || !kwargs.isEmpty {
            throw error(BuiltinTypes.typeError, "\(t.name)() takes no arguments")
        }
        return .done(value)
    }

    // MARK: argument binding

    func makeFrame(_ f: PyFunction, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Frame {
        let code = f.code
        var locals: [Value?]
        if kwargs.isEmpty && !code.hasVarargs && !code.hasVarkw && code.kwOnlyCount == 0 && args.count == code.argCount {
            locals = [Value?](repeating: nil, count: code.varnames.count)
            for i in 0..<args.count { locals[i] = args[i] }
        } else {
            locals = try bindArguments(f, args, kwargs)
        }
        var cells: [PyCell] = []
        if !code.cellvars.isEmpty || !f.closure.isEmpty {
            cells.reserveCapacity(code.cellvars.count + f.closure.count)
            for (i, _) in code.cellvars.enumerated() {
                let argSlot = code.cellFromArg[i]
                cells.append(PyCell(argSlot >= 0 ? locals[argSlot] : nil))
            }
            cells.append(contentsOf: f.closure)
        }
        let frame = Frame(code: code, globals: f.globals, locals: locals, cells: cells)
        frame.function = f
        return frame
    }

    private func bindArguments(_ f: PyFunction, _ args: [Value], _ kwargs: [(String, Value)]) throws -> [Value?] {
        let code = f.code
        let name = f.qualname
        var locals = [Value?](repeating: nil, count: code.varnames.count)
        let argCount = code.argCount
        let n = min(args.count, argCount)
        for i in 0..<n { locals[i] = args[i] }
        var slot = argCount + code.kwOnlyCount
        if code.hasVarargs {
            locals[slot] = .object(PyTuple(args.count > argCount ? Array(args[argCount...]) : []))
            slot += 1
        } else if args.count > argCount {
            let atLeast = argCount - f.defaults.count
            let sig = f.defaults.isEmpty ? "\(argCount)" : "from \(atLeast) to \(argCount)"
            let plural = argCount == 1 && f.defaults.isEmpty ? "" : "s"
            let given = args.count == 1 ? "was" : "were"
            var kwGiven = 0
            for (k, _) in kwargs where code.varnames[argCount..<(argCount + code.kwOnlyCount)].contains(k) { kwGiven += 1 }
            if kwGiven > 0 {
                let p = args.count == 1 ? "" : "s"
                let kp = kwGiven == 1 ? "" : "s"
                throw error(BuiltinTypes.typeError, "\(name)() takes \(sig) positional argument\(plural) but \(args.count) positional argument\(p) (and \(kwGiven) keyword-only argument\(kp)) were given")
            }
            throw error(BuiltinTypes.typeError, "\(name)() takes \(sig) positional argument\(plural) but \(args.count) \(given) given")
        }
        var kwdict: PyDict?
        if code.hasVarkw {
            let d = PyDict()
            kwdict = d
            locals[slot] = .object(d)
        }
        var posOnlyAsKeyword: [String] = []
        for (key, value) in kwargs {
            var found = -1
            for i in code.posOnlyCount..<(argCount + code.kwOnlyCount) where code.varnames[i] == key {
                found = i
                break
            }
            if found < 0 {
                if let kwdict {
                    kwdict.set(strKey(key), value)
                    continue
                }
                if code.varnames[0..<code.posOnlyCount].contains(key) {
                    posOnlyAsKeyword.append(key)
                    continue
                }
                throw error(BuiltinTypes.typeError, "\(name)() got an unexpected keyword argument '\(key)'")
            }
            if locals[found] != nil {
                throw error(BuiltinTypes.typeError, "\(name)() got multiple values for argument '\(key)'")
            }
            locals[found] = value
        }
        if !posOnlyAsKeyword.isEmpty {
            throw error(BuiltinTypes.typeError, "\(name)() got some positional-only arguments passed as keyword arguments: '\(posOnlyAsKeyword.joined(separator: ", "))'")
        }
        let firstDefault = argCount - f.defaults.count
        var missing: [String] = []
        for i in 0..<argCount where locals[i] == nil {
            if i >= firstDefault { locals[i] = f.defaults[i - firstDefault] } else { missing.append(code.varnames[i]) }
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "positional") }
        for i in argCount..<(argCount + code.kwOnlyCount) where locals[i] == nil {
            if let d = f.kwDefaults[code.varnames[i]] { locals[i] = d } else { missing.append(code.varnames[i]) }
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "keyword-only") }
        return locals
    }

    private func missingArguments(_ name: String, _ missing: [String], kind: String) -> PyError {
        let quoted = missing.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
        }
        let plural = missing.count == 1 ? "" : "s"
        return error(BuiltinTypes.typeError, "\(name)() missing \(missing.count) required \(kind) argument\(plural): \(list)")
    }

    // MARK: returning and yielding

    /// Pops the returning frame and delivers `value` to whoever is waiting for it. Returns a
    /// result when the frame was the boundary of the current nested run.
    func finishFrame(returning value: Value, entry: Int) throws -> ResumeResult? {
        var frame = frames.removeLast()
        defer {
            // Recycle plain frames nobody else holds (no generator, no closure cell reached them).
            if !frame.isGeneratorFrame && frame.cells.isEmpty && !frames.poolIsFull && isKnownUniquelyReferenced(&frame) {
                frame.recycle()
                frames.givePooled(frame)
            }
        }
        var result = value
        if frame.isGeneratorFrame, let gen = frame.generator {
            gen.state = .finished
            gen.frame.stack.removeAll()
            gen.frame.locals.removeAll()  // a finished generator releases its locals, as CPython clears the frame
        }
        if case .initializer(let instance) = frame.returnMode {
            if !value.isNone {
                throw error(BuiltinTypes.typeError, "__init__() should return None, not '\(value.typeName)'")
            }
            result = instance
        }
        if frame.boundary { return .returned(result) }
        let caller = frames.top()
        switch frame.returnMode {
        case .normal, .initializer:
            caller.stack.append(result)
        case .forIter(let target):
            caller.stack.removeLast()
            caller.ip = target
        case .send(let target):
            caller.top = result
            caller.ip = target
        }
        return nil
    }

    /// Suspends the generator frame on top and hands `value` to its resumer.
    func yieldFrame(_ value: Value, entry: Int, delegating: Bool, isValue: Bool = false) throws -> ResumeResult? {
        let frame = frames.removeLast()
        if let gen = frame.generator {
            gen.state = .suspended
            gen.delegating = delegating
            gen.lastYieldWasValue = isValue
        }
        if frame.boundary { return .yielded(value) }
        frames.top().stack.append(value)
        return nil
    }

    /// Makes `gen` the running frame, resumed with `send` (a yield expression's value).
    func startGeneratorFrame(_ gen: PyGenerator, send: Value, mode: Frame.ReturnMode, boundary: Bool = false) throws {
        switch gen.state {
        case .running:
            throw error(BuiltinTypes.valueError, gen.kind == .coroutine ? "coroutine already executing" : "generator already executing")
        case .finished:
            if gen.kind == .coroutine { throw error(BuiltinTypes.runtimeError, "cannot reuse already awaited coroutine") }
            if boundary { throw PyError(exception: makeException(BuiltinTypes.stopIteration, args: [])) }
            // An exhausted generator: end the loop / the delegation at once.
            let caller = frames.top()
            switch mode {
            case .forIter(let target):
                caller.stack.removeLast()
                caller.ip = target
            case .send(let target):
                caller.top = .none
                caller.ip = target
            default: break
            }
            return
        case .created:
            if !send.isNone {
                throw error(BuiltinTypes.typeError, "can't send non-None value to a just-started \(gen.kind == .coroutine ? "coroutine" : "generator")")
            }
        case .suspended:
            gen.frame.stack.append(send)
        }
        gen.wasStarted = true
        gen.frame.returnMode = mode
        gen.frame.boundary = boundary
        try pushFrame(gen.frame)
        gen.state = .running
    }

    // MARK: Swift-facing entry points

    /// Calls any callable from Swift and returns its result, running a nested loop when the
    /// callee is Python code.
    func call(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        switch try prepareCall(callee, args, kwargs) {
        case .done(let v):
            return v
        case .frame(let f):
            f.boundary = true
            try pushFrame(f)
            return try runNested().value
        }
    }

    /// Runs the frame on top of `frames` (marked as a boundary) until it returns or yields.
    func runNested() throws -> ResumeResult {
        if nativeDepth >= maxNativeDepth {
            frames.removeLast()
            throw error(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        let entry = frames.count - 1
        do {
            return try run(entry: entry)
        } catch {
            // The boundary frame and everything above it are gone when a PyError escapes; after
            // a VM stop the frames no longer matter.
            if frames.count > entry { frames.removeSubrange(entry...) }
            throw error
        }
    }

    /// Resumes a generator or coroutine with a value (`gen.send(value)`, a Task's step):
    /// returns what it yielded or returned, or throws what it raised.
    func resume(_ gen: PyGenerator, send value: Value) throws -> ResumeResult {
        try startGeneratorFrame(gen, send: value, mode: .normal, boundary: true)
        return try runNested()
    }

    /// Throws `exception` into a generator or coroutine at its suspension point (`gen.throw`,
    /// a Task's cancellation), forwarding it to the sub-iterator an `await` delegates to.
    func resume(_ gen: PyGenerator, throwing exception: PyExceptionObject) throws -> ResumeResult {
        switch gen.state {
        case .created, .finished:
            gen.state = .finished
            throw PyError(exception: exception)
        case .running:
            throw error(BuiltinTypes.valueError, "generator already executing")
        case .suspended:
            break
        }
        gen.frame.returnMode = .normal
        gen.frame.boundary = true
        try pushFrame(gen.frame)
        gen.state = .running
        if nativeDepth >= maxNativeDepth {
            frames.removeLast()
            gen.state = .suspended
            throw error(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        let entry = frames.count - 1
        do {
            try throwIntoTopFrame(exception, entry: entry)
            return try run(entry: entry)
        } catch {
            if frames.count > entry { frames.removeSubrange(entry...) }
            throw error
        }
    }

    /// The top frame is a generator frame just resumed by a throw: deliver the exception to its
    /// delegate (recursively) or raise it at the suspended `yield`.
    private func throwIntoTopFrame(_ exception: PyExceptionObject, entry: Int) throws {
        let frame = frames.top()
        if let gen = frame.generator, gen.delegating, let delegate = frame.stack.last {
            gen.delegating = false
            // The frame sits after YIELD_VALUE; the next instruction jumps back to SEND, whose
            // operand is where the delegation ends.
            let jumpBack = frame.code.code[frame.ip]
            let sendIP = Int(jumpBack.arg)
            let endTarget = Int(frame.code.code[sendIP].arg)
            frame.ip = sendIP + 1
            if case .object(let o) = delegate, let sub = o as? PyGenerator, sub.state == .suspended {
                sub.frame.returnMode = .send(target: endTarget)
                sub.frame.boundary = false
                try pushFrame(sub.frame)
                sub.state = .running
                try throwIntoTopFrame(exception, entry: entry)
                return
            }
            if delegate.type.lookup("throw") != nil {
                do {
                    let y = try callMethod(delegate, "throw", [.object(exception)])
                    frame.stack.append(y)
                    return
                } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.stopIteration) {
                    frame.top = e.exception.args.first ?? .none
                    frame.ip = endTarget
                    return
                } catch let e as PyError {
                    try unwind(e.exception, isReraise: false, entry: entry)
                    return
                }
            }
        }
        try unwind(exception, isReraise: false, entry: entry)
    }
}

extension VM {
    func queueFinalizer(_ frame: Frame) {
        pendingFinalizers.append(frame)
        nextCheck = steps &+ 1
    }

    /// Throws GeneratorExit into the frames of dropped generators; what they raise is ignored
    /// (CPython prints it as "Exception ignored in" on stderr).
    func runFinalizers() throws {
        while !pendingFinalizers.isEmpty {
            let frame = pendingFinalizers.removeFirst()
            guard nativeDepth < maxNativeDepth, frames.count < recursionLimit else { continue }
            frame.boundary = true
            frame.returnMode = .normal
            frames.append(frame)
            nativeDepth += 1
            let entry = frames.count - 1
            do {
                try unwind(makeException(BuiltinTypes.generatorExit, args: []), isReraise: false, entry: entry)
                _ = try run(entry: entry)
            } catch is PyError {
            } catch let r as Reraise {
                _ = r
            }
            nativeDepth -= 1
            if frames.count > entry { frames.removeSubrange(entry...) }
            frame.stack.removeAll()
        }
    }

    /// End of the program: drop the module's globals in order, closing suspended generators.
    func finalizeModule() {
        for slot in 0..<globals.values.count { globals.values[slot] = nil }
        try? runFinalizers()
    }
}

extension ResumeResult {
    var value: Value {
        switch self {
        case .yielded(let v), .returned(let v): return v
        }
    }
}
