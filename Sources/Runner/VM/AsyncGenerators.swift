// Async generators (PEP 525): `agen.__anext__()` and `agen.asend(v)` return an awaitable that
// drives the generator one step (CPython's `async_gen_asend` in `Objects/genobject.c`): a value
// yielded by `yield` (YIELD_VALUE with operand 2) ends the await with that value, a value yielded
// by an inner `await` passes through to the event loop, and the generator's end is
// StopAsyncIteration.

/// The awaitable of one `__anext__`/`asend`/`athrow` step.
final class AsyncGenStep: PyIterator {
    let generator: PyGenerator
    var sendValue: Value
    var throwValue: PyExceptionObject?
    var finished = false
    /// aclose(): GeneratorExit or StopAsyncIteration from the generator mean success.
    let isClose: Bool

    override var pyType: PyType { AsyncGenStepType.type }

    init(_ generator: PyGenerator, send: Value, throwing: PyExceptionObject? = nil, isClose: Bool = false) {
        self.generator = generator
        self.sendValue = send
        self.throwValue = throwing
        self.isClose = isClose
        super.init()
    }

    /// Advances the generator; a yielded value of the generator itself ends this await.
    func step(_ vm: VM, send: Value, throwing: PyExceptionObject?) throws -> Value {
        if finished { throw vm.error(BuiltinTypes.runtimeError, "cannot reuse already awaited __anext__()/asend()") }
        let g = generator
        // asyncio's firstiter hook (Asyncio/NativeAsyncGens.swift).
        if g.state == .created { vm.asyncState.runtime?.asyncGenFirstIter(g) }
        if g.state == .finished {
            finished = true
            if isClose { throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: [])) }
            throw PyError(exception: vm.makeException(BuiltinTypes.stopAsyncIteration, args: []))
        }
        let result: ResumeResult
        do {
            if let t = throwing {
                result = try vm.resume(g, throwing: t)
            } else {
                result = try vm.resume(g, send: send)
            }
        } catch let e as PyError {
            finished = true
            if isClose, e.exception.cls.isSubtype(of: BuiltinTypes.generatorExit) || e.exception.cls.isSubtype(of: BuiltinTypes.stopAsyncIteration) {
                throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: []))
            }
            throw e
        }
        switch result {
        case .yielded(let v):
            if g.lastYieldWasValue {
                finished = true
                if isClose { throw vm.error(BuiltinTypes.runtimeError, "async generator ignored GeneratorExit") }
                throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: [v]))
            }
            return v
        case .returned:
            finished = true
            if isClose { throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: [])) }
            throw PyError(exception: vm.makeException(BuiltinTypes.stopAsyncIteration, args: []))
        }
    }

    override func next(_ vm: VM) throws -> Value? {
        let t = throwValue
        throwValue = nil
        let v = sendValue
        sendValue = .none
        return try step(vm, send: v, throwing: t)
    }
}

enum AsyncGenStepType {
    static let type = BuiltinTypes.make("async_generator_asend", base: BuiltinTypes.object, methodTable("async_generator_asend", [
        ("__await__", { _, a, _ in a[0] }),
        ("__iter__", { _, a, _ in a[0] }),
        ("__next__", { vm, a, _ in
            guard let s = a[0].asObject as? AsyncGenStep else { return .none }
            guard let v = try s.next(vm) else { throw PyError(exception: vm.makeException(BuiltinTypes.stopIteration, args: [])) }
            return v
        }),
        ("send", { vm, a, _ in
            guard let s = a[0].asObject as? AsyncGenStep else { return .none }
            let t = s.throwValue
            s.throwValue = nil
            let first = s.sendValue
            s.sendValue = .none
            return try s.step(vm, send: first.isNone ? (a.count > 1 ? a[1] : .none) : first, throwing: t)
        }),
        ("throw", { vm, a, _ in
            guard let s = a[0].asObject as? AsyncGenStep, a.count > 1 else { return .none }
            return try s.step(vm, send: .none, throwing: try vm.exceptionInstance(a[1], forRaise: true))
        }),
        ("close", { _, a, _ in
            (a[0].asObject as? AsyncGenStep)?.finished = true
            return .none
        }),
    ]))
}

enum AsyncGeneratorMethods {
    static func table() -> [String: Value] {
        methodTable("async_generator", [
            ("__aiter__", { _, a, _ in a[0] }),
            ("__anext__", { _, a, _ in
                guard let g = a[0].asObject as? PyGenerator else { return .none }
                return .object(AsyncGenStep(g, send: .none))
            }),
            ("asend", { _, a, _ in
                guard let g = a[0].asObject as? PyGenerator else { return .none }
                return .object(AsyncGenStep(g, send: a.count > 1 ? a[1] : .none))
            }),
            ("athrow", { vm, a, _ in
                guard let g = a[0].asObject as? PyGenerator, a.count > 1 else { return .none }
                return .object(AsyncGenStep(g, send: .none, throwing: try vm.exceptionInstance(a[1], forRaise: true)))
            }),
            ("aclose", { vm, a, _ in
                guard let g = a[0].asObject as? PyGenerator else { return .none }
                if g.state == .created { g.state = .finished }
                return .object(AsyncGenStep(g, send: .none, throwing: vm.makeException(BuiltinTypes.generatorExit, args: []), isClose: true))
            }),
        ])
    }
}
