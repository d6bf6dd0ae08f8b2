// Modules written in Python (asyncio, heapq) and the native `_asyncd` helpers they use: the
// virtual clock and the deadlock stop. Library code is compiled by the runner's own compiler,
// run once per program on import, and hidden from tracebacks (the oracle lists main.py frames only).
import Analyzer

enum LibraryModules {
    static let sources: [String: String] = [
        "asyncio": AsyncioSource.asyncio,
        "heapq": AsyncioSource.heapq,
        "dataclasses": PythonLibrarySource.dataclasses,
        "collections": PythonLibrarySource.collections,
        "itertools": PythonLibrarySource.itertools,
        "contextlib": PythonLibrarySource.contextlib,
        "json": JsonSource.json,
    ]

    /// The native helpers of the Python-written library; importable only from library code.
    static func asyncdHelpers(_ vm: VM) -> [String: Value] {
        let runtime: AsyncioRuntime
        if let rt = vm.asyncState.runtime {
            runtime = rt
        } else {
            runtime = AsyncioRuntime.make()
            vm.asyncState.runtime = runtime
            vm.asyncState.warningSink.vm = vm
        }
        return AsyncTraceHelpers.make().merging(NativeAsyncioFunctions.make(runtime)) { a, _ in a }.merging([
            "time": native("time") { vm, _, _ in .float(vm.virtualTime) },
            "set_time": native("set_time") { vm, a, _ in
                guard let t = a.first.flatMap({ vm.floatValue($0) }) else { return .none }
                if t > vm.virtualSecondsLimit { throw VMStop.limit(.virtualSeconds) }
                if t > vm.virtualTime { vm.advanceClock(to: t, detail: "the loop waits for its next timer") }
                return .none
            },
            "resolution": native("resolution") { vm, _, _ in .float(max(1e-9, vm.virtualTime.ulp)) },
            "deadlock": native("deadlock") { _, a, _ in
                throw VMStop.deadlock((a.first?.asObject as? PyStr)?.value ?? "the event loop would wait forever: no task can run and no timer is pending")
            },
            "iscoroutinefunction": native("iscoroutinefunction") { _, a, _ in
                guard case .object(let o)? = a.first else { return .bool(false) }
                if let f = o as? PyFunction { return .bool(f.code.flags.contains(.coroutine)) }
                if let m = o as? PyBoundMethod, let f = m.function.asObject as? PyFunction { return .bool(f.code.flags.contains(.coroutine)) }
                return .bool(false)
            },
        ]) { a, _ in a }
    }
}

extension VM {
    /// Compiles and runs a Python-written library module with its own namespace.
    func loadLibraryModule(_ name: String, source: String) throws -> PyModule {
        let parsed = PythonFrontEnd.parse(bytes: Array(source.utf8))
        if let d = parsed.diagnostics.first {
            throw error(BuiltinTypes.runtimeError, "asyncd: library module \(name) does not parse: \(d.message)")
        }
        let moduleGlobals = Globals(builtins: Builtins.table)
        let code: CodeObject
        do {
            code = try Compiler.compile(parsed.module, globals: moduleGlobals)
        } catch let e as CompileError {
            throw error(BuiltinTypes.runtimeError, "asyncd: library module \(name) does not compile: \(e.message) (line \(e.line))")
        }
        markLibrary(code)
        let module = PyModule(name: name, dict: [:])
        modules[name] = module
        let frame = Frame(code: code, globals: moduleGlobals, locals: [Value?](repeating: nil, count: code.varnames.count), cells: [])
        frame.boundary = true
        try pushFrame(frame)
        _ = try runNested()
        for (slot, n) in moduleGlobals.names.enumerated() {
            if let v = moduleGlobals.values[slot] { module.dict[n] = v }
        }
        libraryGlobals.append(moduleGlobals)
        return module
    }

    private func markLibrary(_ code: CodeObject) {
        code.flags.insert(.library)
        for case .object(let o) in code.constants {
            if let nested = o as? CodeObject { markLibrary(nested) }
        }
    }

    /// True when the running Python code is library code (may import `_asyncd`).
    var runningLibraryCode: Bool { frames.last?.code.flags.contains(.library) ?? false }
}
