// Raising, matching and unwinding. Tracebacks are built as CPython builds them: every frame an
// exception passes through adds its current line at the front (PyTraceBack_Here), so the list
// ends up outermost first; a bare `raise` or the end of a `finally` keeps the traceback as is.

extension VM {
    func makeException(_ type: PyType, args: [Value]) -> PyExceptionObject {
        let e = PyExceptionObject(cls: type)
        e.args = args
        return e
    }

    /// A new exception of `type` with `message`, ready to throw.
    func error(_ type: PyType, _ message: String) -> PyError {
        PyError(exception: makeException(type, args: [.str(message)]))
    }

    /// CPython's UnboundLocalError for a read or `del` of local slot `index` before assignment.
    func unboundLocal(_ frame: Frame, _ index: Int) -> PyError {
        error(BuiltinTypes.unboundLocalError, "cannot access local variable '\(frame.code.varnames[index])' where it is not associated with a value")
    }

    func unboundCell(_ frame: Frame, _ index: Int) -> PyError {
        let code = frame.code
        if index < code.cellvars.count {
            return error(BuiltinTypes.unboundLocalError, "cannot access local variable '\(code.cellvars[index])' where it is not associated with a value")
        }
        let name = code.freevars[index - code.cellvars.count]
        return error(BuiltinTypes.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
    }

    /// The exception being handled by the innermost running frame that handles one.
    var currentHandledException: PyExceptionObject? {
        for f in frames.reversed() {
            if let h = f.handled { return h }
        }
        return nil
    }

    func asPythonException(_ error: Error) -> (PyExceptionObject, Bool) {
        switch error {
        case let e as PyError: return (e.exception, false)
        case let r as Reraise: return (r.exception, true)
        default:
            return (makeException(BuiltinTypes.runtimeError, args: [.str("internal error: \(error)")]), false)
        }
    }

    /// Delivers `exception` to the innermost handler, popping frames that have none. Throws it
    /// out (as PyError) when it passes the boundary frame of the current nested run.
    func unwind(_ exception: PyExceptionObject, isReraise: Bool, entry: Int) throws {
        var exception = exception
        if !isReraise, exception.context == nil, let handled = currentHandledException, handled !== exception {
            exception.context = handled
        }
        var addEntry = !isReraise
        while true {
            let frame = frames.top()
            if addEntry && !frame.isHiddenFromTraceback {
                exception.traceback.insert(TracebackEntry(line: frame.line, function: frame.code.name), at: 0)
            }
            addEntry = true
            if let handler = frame.handlers.popLast() {
                frame.stack.truncate(to: handler.stackDepth)
                frame.stack.append(.object(exception))
                frame.ip = handler.target
                return
            }
            frames.removeLast()
            if let gen = frame.generator {
                gen.state = .finished
                gen.frame.stack.removeAll()
                gen.frame.locals.removeAll()
                if exception.cls.isSubtype(of: BuiltinTypes.stopIteration)
                    || (gen.kind == .asyncGenerator && exception.cls.isSubtype(of: BuiltinTypes.stopAsyncIteration)) {
                    let what = gen.kind == .generator ? "generator" : gen.kind == .coroutine ? "coroutine" : "async generator"
                    let replacement = makeException(BuiltinTypes.runtimeError, args: [.str("\(what) raised \(exception.cls.name)")])
                    replacement.cause = exception
                    replacement.context = exception
                    replacement.suppressContext = true
                    replacement.traceback = frame.isHiddenFromTraceback ? [] : [TracebackEntry(line: frame.line, function: frame.code.name)]
                    exception = replacement
                }
            }
            if frame.boundary { throw PyError(exception: exception) }
            if frames.count <= entry { throw PyError(exception: exception) }
        }
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    func raiseStatement(frame: Frame, argc: Int) throws {
        if argc == 0 {
            guard let current = currentHandledException else {
                throw error(BuiltinTypes.runtimeError, "No active exception to reraise")
            }
            throw Reraise(exception: current)
        }
        var cause: Value?
        if argc == 2 { cause = frame.stack.removeLast() }
        let exc = try exceptionInstance(frame.stack.removeLast(), forRaise: true)
        if let cause {
            if cause.isNone {
                exc.cause = nil
            } else {
                let c = try exceptionInstance(cause, forRaise: false, causeContext: true)
                exc.cause = c
            }
            exc.suppressContext = true
        }
        throw PyError(exception: exc)
    }

    /// Turns a raised value into an exception instance (a class is instantiated with no args).
    func exceptionInstance(_ v: Value, forRaise: Bool, causeContext: Bool = false) throws -> PyExceptionObject {
        if case .object(let o) = v {
            if let e = o as? PyExceptionObject { return e }
            if let t = o as? PyType, t.isSubtype(of: BuiltinTypes.baseException) {
                let made = try call(v, [])
                if let e = made.asObject as? PyExceptionObject { return e }
                throw error(BuiltinTypes.typeError, "calling \(t.name) should have returned an instance of BaseException, not \(made.typeName)")
            }
        }
        if causeContext { throw error(BuiltinTypes.typeError, "exception causes must derive from BaseException") }
        throw error(BuiltinTypes.typeError, "exceptions must derive from BaseException")
    }

    /// `except T:` matching, with CPython's check that T is an exception class or a tuple of them.
    func exceptionMatches(_ exc: Value, _ type: Value) throws -> Bool {
        let excType = exc.type
        if case .object(let o) = type {
            if let t = o as? PyType {
                guard t.isSubtype(of: BuiltinTypes.baseException) else {
                    throw error(BuiltinTypes.typeError, "catching classes that do not inherit from BaseException is not allowed")
                }
                return excType.isSubtype(of: t)
            }
            if let tuple = o as? PyTuple {
                var result = false
                for item in tuple.items where try exceptionMatches(exc, item) { result = true }
                return result
            }
        }
        throw error(BuiltinTypes.typeError, "catching classes that do not inherit from BaseException is not allowed")
    }

    /// `except* T`: splits an exception group into (rest, match); a bare exception is wrapped first.
    func splitExceptionGroup(_ eg: Value, _ type: Value) throws -> (Value, Value) {
        guard let exc = eg.asObject as? PyExceptionObject else { return (.none, .none) }
        if !exc.cls.isSubtype(of: BuiltinTypes.baseExceptionGroup) {
            if try exceptionMatches(eg, type) {
                let wrapped = makeExceptionGroup(message: "", exceptions: [exc], base: exc)
                return (.none, .object(wrapped))
            }
            return (eg, .none)
        }
        var matched: [PyExceptionObject] = []
        var rest: [PyExceptionObject] = []
        for sub in exc.group {
            if try exceptionMatches(.object(sub), type) { matched.append(sub) } else { rest.append(sub) }
        }
        let matchValue: Value = matched.isEmpty ? .none : (rest.isEmpty ? eg : .object(derive(exc, matched)))
        let restValue: Value = rest.isEmpty ? .none : (matched.isEmpty ? eg : .object(derive(exc, rest)))
        return (restValue, matchValue)
    }

    func makeExceptionGroup(message: String, exceptions: [PyExceptionObject], base: PyExceptionObject? = nil) -> PyExceptionObject {
        let allExceptions = exceptions.allSatisfy { $0.cls.isSubtype(of: BuiltinTypes.exception) }
        let g = PyExceptionObject(cls: allExceptions ? BuiltinTypes.exceptionGroup : BuiltinTypes.baseExceptionGroup)
        g.groupMessage = message
        g.group = exceptions
        g.args = [.str(message), .object(PyList(exceptions.map { .object($0) }))]
        if let base { g.traceback = base.traceback }
        return g
    }

    private func derive(_ group: PyExceptionObject, _ subs: [PyExceptionObject]) -> PyExceptionObject {
        let g = PyExceptionObject(cls: group.cls)
        g.groupMessage = group.groupMessage
        g.group = subs
        g.args = [.str(group.groupMessage), .object(PyList(subs.map { .object($0) }))]
        g.traceback = group.traceback
        g.cause = group.cause
        g.context = group.context
        return g
    }

    /// `str(exc)`, as CPython's `BaseException.__str__` and its overrides compute it.
    func exceptionMessage(_ e: PyExceptionObject) throws -> String {
        if e.cls.lookupUser("__str__") { return try str(.object(e)) }
        return try builtinExceptionStr(e)
    }

    func builtinExceptionStr(_ e: PyExceptionObject) throws -> String {
        if e.cls.isSubtype(of: BuiltinTypes.baseExceptionGroup) {
            let n = e.group.count
            return "\(e.groupMessage) (\(n) sub-exception\(n == 1 ? "" : "s"))"
        }
        if e.cls.isSubtype(of: BuiltinTypes.keyError), e.args.count == 1 {
            return try repr(e.args[0])
        }
        switch e.args.count {
        case 0: return ""
        case 1: return try str(e.args[0])
        default: return try repr(.object(PyTuple(e.args)))
        }
    }
}
