// Async generators and the loop (PEP 525 hooks, base_events.py 3.12): an async generator first
// iterated while a loop runs is remembered by that loop (`_asyncgen_firstiter_hook`); one dropped
// while suspended is closed on the loop, as `_asyncgen_finalizer_hook` does with
// `call_soon_threadsafe(create_task, agen.aclose())`; `shutdown_asyncgens` (asyncio.run's
// clean-up) closes the ones still alive. Swift cannot resurrect a generator in its deinit, so
// the finalizer makes a new generator object around the same suspended frame.

extension AsyncioRuntime {
    func asyncGenFirstIter(_ g: PyGenerator) {
        guard let loop = runningLoop else { return }
        loop.asyncgens.append((id: ObjectIdentifier(g), gen: WeakGenerator(g)))
    }

    func asyncGenDropped(_ g: PyGenerator, _ vm: VM) {
        let id = ObjectIdentifier(g)
        guard let loop = loops.first(where: { l in l.asyncgens.contains { $0.id == id } }) else { return }
        loop.asyncgens.removeAll { $0.id == id }
        if loop.closed { return }
        let revived = PyGenerator(kind: .asyncGenerator, frame: g.frame, name: g.name, qualname: g.qualname)
        revived.state = g.state
        revived.delegating = g.delegating
        revived.lastYieldWasValue = g.lastYieldWasValue
        revived.wasStarted = true
        revived.createdLine = g.createdLine
        revived.vm = vm
        g.frame.generator = revived
        let close = AsyncGenStep(revived, send: .none, throwing: vm.makeException(BuiltinTypes.generatorExit, args: []), isClose: true)
        loop.callSoon(self, .createTask(.object(close)))
    }

    /// The live async generators of `loop`, oldest first, forgotten by the loop.
    func takeAsyncGens(_ loop: NativeLoop) -> [PyGenerator] {
        let gens = loop.asyncgens.compactMap { $0.gen.gen }
        loop.asyncgens = []
        return gens
    }
}
