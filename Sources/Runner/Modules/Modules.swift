// `import`: the sandbox allowlist and the native modules. Modules that reach the host (os, sys,
// subprocess, socket, ...) end the run with outcome `sandbox`; anything else unknown raises
// ModuleNotFoundError exactly as CPython would for a missing package.
import Analyzer

extension VM {
    static let sandboxRefused: Set<String> = [
        "os", "sys", "subprocess", "socket", "ctypes", "importlib", "pathlib", "shutil", "io", "builtins",
        "multiprocessing", "threading", "signal", "pty", "fcntl", "resource", "gc", "inspect", "posix", "nt",
        "tempfile", "glob", "pickle", "marshal", "code", "codeop", "runpy", "urllib", "http", "ssl", "select",
        "selectors", "mmap", "platform", "sysconfig", "site", "_thread", "concurrent",
    ]

    func importModule(_ fullName: String) throws -> Value {
        if fullName == "$relative" {
            throw error(BuiltinTypes.importError, "attempted relative import with no known parent package")
        }
        let top = String(fullName.split(separator: ".").first ?? "")
        if VM.sandboxRefused.contains(top) { throw VMStop.sandbox("import of module '\(top)'") }
        if let m = modules[fullName] { return .object(m) }
        if fullName == "_asyncd" && runningLibraryCode {
            let m = PyModule(name: fullName, dict: LibraryModules.asyncdHelpers(self))
            modules[fullName] = m
            return .object(m)
        }
        if let source = LibraryModules.sources[fullName] {
            return .object(try loadLibraryModule(fullName, source: source))
        }
        guard let maker = NativeModules.makers[fullName] else {
            if NativeModules.makers[top] != nil {
                throw error(BuiltinTypes.moduleNotFoundError, "No module named '\(fullName)'; '\(top)' is not a package")
            }
            let e = error(BuiltinTypes.moduleNotFoundError, "No module named '\(fullName)'")
            e.exception.setAttr("name", .str(fullName))
            throw e
        }
        let m = PyModule(name: fullName, dict: try maker(self))
        m.dict["__name__"] = .str(fullName)
        modules[fullName] = m
        return .object(m)
    }
}

enum NativeModules {
    typealias Maker = @Sendable (VM) throws -> [String: Value]
    static let makers: [String: Maker] = [
        "math": { _ in MathModule.make() },
        "time": { vm in TimeModule.make(vm) },
        "random": { vm in RandomModule.make(vm) },
        "typing": { _ in TypingModule.make() },
        "string": { _ in StringModule.make() },
        "functools": { _ in FunctoolsModule.make() },
    ]
}

enum MathModule {
    static func make() -> [String: Value] {
        var d: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
            "inf": .float(.infinity), "nan": .float(.nan),
        ]
        func f1(_ name: String, _ fn: @escaping @Sendable (Double) -> Double, domain: (@Sendable (Double) -> Bool)? = nil) {
            d[name] = native(name) { vm, a, _ in
                try vm.expectArgs(a, name, min: 1, max: 1)
                let x = try vm.toFloatStrict(a[0])
                if let domain, !domain(x) { throw vm.error(BuiltinTypes.valueError, "math domain error") }
                let r = fn(x)
                if r.isInfinite && x.isFinite { throw vm.error(BuiltinTypes.overflowError, "math range error") }
                return .float(r)
            }
        }
        f1("sqrt", { $0.squareRoot() }, domain: { $0 >= 0 || $0.isNaN })
        f1("exp", { Foundation.exp($0) })
        f1("sin", { Foundation.sin($0) })
        f1("cos", { Foundation.cos($0) })
        f1("tan", { Foundation.tan($0) })
        f1("asin", { Foundation.asin($0) }, domain: { abs($0) <= 1 })
        f1("acos", { Foundation.acos($0) }, domain: { abs($0) <= 1 })
        f1("atan", { Foundation.atan($0) })
        f1("log10", { Foundation.log10($0) }, domain: { $0 > 0 })
        f1("log2", { Foundation.log2($0) }, domain: { $0 > 0 })
        f1("fabs", { abs($0) })
        f1("degrees", { $0 * 180 / Double.pi })
        f1("radians", { $0 * Double.pi / 180 })
        d["log"] = native("log") { vm, a, _ in
            try vm.expectArgs(a, "log", min: 1, max: 2)
            let x = try vm.toFloatStrict(a[0])
            guard x > 0 else { throw vm.error(BuiltinTypes.valueError, "math domain error") }
            if a.count == 2 {
                let b = try vm.toFloatStrict(a[1])
                return .float(Foundation.log(x) / Foundation.log(b))
            }
            return .float(Foundation.log(x))
        }
        func intResult(_ name: String, _ fn: @escaping @Sendable (Double) -> Double) {
            d[name] = native(name) { vm, a, _ in
                try vm.expectArgs(a, name, min: 1, max: 1)
                if vm.intValue(a[0]) != nil { return try vm.positive(a[0]) }
                let x = try vm.toFloatStrict(a[0])
                return try vm.toInt(.float(fn(x)))
            }
        }
        intResult("floor", { Foundation.floor($0) })
        intResult("ceil", { Foundation.ceil($0) })
        intResult("trunc", { $0.rounded(.towardZero) })
        d["pow"] = native("pow") { vm, a, _ in
            try vm.expectArgs(a, "pow", min: 2, max: 2)
            return .float(Foundation.pow(try vm.toFloatStrict(a[0]), try vm.toFloatStrict(a[1])))
        }
        d["atan2"] = native("atan2") { vm, a, _ in .float(Foundation.atan2(try vm.toFloatStrict(a[0]), try vm.toFloatStrict(a[1]))) }
        d["hypot"] = native("hypot") { vm, a, _ in .float(Foundation.sqrt(try a.reduce(0.0) { let x = try vm.toFloatStrict($1); return $0 + x * x })) }
        d["isnan"] = native("isnan") { vm, a, _ in .bool(try vm.toFloatStrict(a[0]).isNaN) }
        d["isinf"] = native("isinf") { vm, a, _ in .bool(try vm.toFloatStrict(a[0]).isInfinite) }
        d["isfinite"] = native("isfinite") { vm, a, _ in .bool(try vm.toFloatStrict(a[0]).isFinite) }
        d["isclose"] = native("isclose") { vm, a, kw in
            let x = try vm.toFloatStrict(a[0]), y = try vm.toFloatStrict(a[1])
            let rel = try vm.kwarg(kw, "rel_tol").map { try vm.toFloatStrict($0) } ?? 1e-9
            let absTol = try vm.kwarg(kw, "abs_tol").map { try vm.toFloatStrict($0) } ?? 0
            if x == y { return .bool(true) }
            let diff = abs(x - y)
            return .bool(diff <= abs(rel * y) || diff <= abs(rel * x) || diff <= absTol)
        }
        d["gcd"] = native("gcd") { vm, a, _ in
            var g = BigInt(0)
            for v in a {
                guard var x = vm.intValue(v)?.big else { throw vm.error(BuiltinTypes.typeError, "'\(v.typeName)' object cannot be interpreted as an integer") }
                if x.negative { x = -x }
                var y = g
                var xx = x
                while !xx.isZero { (y, xx) = (xx, BigInt.divMod(y, xx).1) }
                g = y
            }
            return try vm.makeInt(g)
        }
        d["factorial"] = native("factorial") { vm, a, _ in
            guard let n = vm.intValue(a[0]), case .small(let i) = n else { throw vm.error(BuiltinTypes.typeError, "'\(a[0].typeName)' object cannot be interpreted as an integer") }
            if i < 0 { throw vm.error(BuiltinTypes.valueError, "factorial() not defined for negative values") }
            if i > 20000 { throw VMStop.limit(.memory) }
            var r = BigInt(1)
            if i > 1 { for k in 2...i { r = r * BigInt(k) } }
            return try vm.makeInt(r)
        }
        d["comb"] = native("comb") { vm, a, _ in
            let n = try vm.intArg(a[0]), k = try vm.intArg(a[1])
            if n < 0 || k < 0 { throw vm.error(BuiltinTypes.valueError, "n must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = BigInt(1)
            let kk = min(k, n - k)
            if kk > 0 { for i in 0..<kk { r = BigInt.divMod(r * BigInt(n - i), BigInt(i + 1)).0 } }
            return try vm.makeInt(r)
        }
        d["prod"] = native("prod") { vm, a, kw in
            var acc: Value = vm.kwarg(kw, "start") ?? .int(1)
            for x in try vm.iterate(a[0]) { acc = try vm.binaryOp(acc, x, .mult) }
            return acc
        }
        d["fsum"] = native("fsum") { vm, a, _ in
            var partials: [Double] = []
            for v in try vm.iterate(a[0]) {
                var x = try vm.toFloatStrict(v)
                var i = 0
                for var y in partials {
                    if abs(x) < abs(y) { swap(&x, &y) }
                    let hi = x + y
                    let lo = y - (hi - x)
                    if lo != 0 { partials[i] = lo; i += 1 }
                    x = hi
                }
                partials.removeSubrange(i...)
                partials.append(x)
            }
            return .float(partials.reduce(0, +))
        }
        d["copysign"] = native("copysign") { vm, a, _ in .float(Foundation.copysign(try vm.toFloatStrict(a[0]), try vm.toFloatStrict(a[1]))) }
        d["fmod"] = native("fmod") { vm, a, _ in .float(Foundation.fmod(try vm.toFloatStrict(a[0]), try vm.toFloatStrict(a[1]))) }
        return d
    }
}

extension VM {
    func toFloatStrict(_ v: Value) throws -> Double {
        if let d = floatValue(v) { return d }
        if case .object(let o) = v, o is PyInstance { return try toFloat(v) }
        throw error(BuiltinTypes.typeError, "must be real number, not \(v.typeName)")
    }
}

enum TimeModule {
    static func make(_ vm: VM) -> [String: Value] {
        let now: NativeFunction = { vm, _, _ in .float(vm.virtualTime) }
        return [
            "time": native("time", now), "monotonic": native("monotonic", now), "perf_counter": native("perf_counter", now),
            "process_time": native("process_time", now),
            "time_ns": native("time_ns") { vm, _, _ in .int(Int((vm.virtualTime * 1e9).rounded())) },
            "monotonic_ns": native("monotonic_ns") { vm, _, _ in .int(Int((vm.virtualTime * 1e9).rounded())) },
            "perf_counter_ns": native("perf_counter_ns") { vm, _, _ in .int(Int((vm.virtualTime * 1e9).rounded())) },
            "sleep": native("sleep") { vm, a, _ in
                try vm.expectArgs(a, "sleep", min: 1, max: 1)
                guard let s = vm.floatValue(a[0]) else { throw vm.error(BuiltinTypes.typeError, "'\(a[0].typeName)' object cannot be interpreted as an integer") }
                if s < 0 { throw vm.error(BuiltinTypes.valueError, "sleep length must be non-negative") }
                if let hook = vm.sleepHook { try hook(s) } else {
                    if vm.virtualTime + s > vm.virtualSecondsLimit { throw VMStop.limit(.virtualSeconds) }
                    vm.advanceClock(to: vm.virtualTime + s, detail: "time.sleep(\(FloatRepr.repr(s))) blocks the loop")
                }
                return .none
            },
        ]
    }
}

enum TypingModule {
    static func make() -> [String: Value] {
        var d: [String: Value] = [:]
        let anyType = BuiltinTypes.make("Any", base: BuiltinTypes.object, module: "typing")
        for name in ["Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Callable", "Awaitable",
                     "Coroutine", "AsyncIterator", "AsyncGenerator", "Iterator", "Generator", "Iterable", "Sequence",
                     "Mapping", "MutableMapping", "Type", "TypeVar", "Generic", "Protocol", "ClassVar", "Final", "Literal",
                     "NoReturn", "Self", "Annotated", "AsyncIterable", "Deque", "DefaultDict", "NamedTuple", "TypedDict", "Never"] {
            d[name] = .object(anyType)
        }
        d["TYPE_CHECKING"] = .bool(false)
        d["cast"] = native("cast") { _, a, _ in a.count == 2 ? a[1] : .none }
        d["TypeVar"] = native("TypeVar") { _, a, _ in a.first ?? .none }
        d["overload"] = native("overload") { _, a, _ in a.first ?? .none }
        d["final"] = native("final") { _, a, _ in a.first ?? .none }
        d["runtime_checkable"] = native("runtime_checkable") { _, a, _ in a.first ?? .none }
        return d
    }
}

enum StringModule {
    static func make() -> [String: Value] {
        [
            "ascii_letters": .str("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            "ascii_lowercase": .str("abcdefghijklmnopqrstuvwxyz"),
            "ascii_uppercase": .str("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            "digits": .str("0123456789"),
            "hexdigits": .str("0123456789abcdefABCDEF"),
            "octdigits": .str("01234567"),
            "punctuation": .str("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
            "whitespace": .str(" \t\n\r\u{0B}\u{0C}"),
            "printable": .str("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\u{0B}\u{0C}"),
            "capwords": native("capwords") { vm, a, _ in
                let s = try vm.stringValue(a[0])
                return .str(s.split(separator: " ", omittingEmptySubsequences: true).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " "))
            },
        ]
    }
}

enum FunctoolsModule {
    static func make() -> [String: Value] {
        [
            "reduce": native("reduce") { vm, a, _ in
                try vm.expectArgs(a, "reduce", min: 2, max: 3)
                let it = try vm.getIter(a[1])
                var acc: Value
                if a.count == 3 { acc = a[2] } else {
                    guard let first = try vm.nextValue(it) else { throw vm.error(BuiltinTypes.typeError, "reduce() of empty iterable with no initial value") }
                    acc = first
                }
                while let x = try vm.nextValue(it) { acc = try vm.call(a[0], [acc, x]) }
                return acc
            },
            "partial": native("partial") { vm, a, kw in
                guard let fn = a.first else { throw vm.error(BuiltinTypes.typeError, "type 'partial' takes at least one argument") }
                let bound = Array(a.dropFirst())
                let boundKw = kw
                return native("partial") { vm, more, moreKw in
                    var merged = boundKw
                    for (k, v) in moreKw {
                        if let i = merged.firstIndex(where: { $0.0 == k }) { merged[i] = (k, v) } else { merged.append((k, v)) }
                    }
                    return try vm.call(fn, bound + more, merged)
                }
            },
            "wraps": native("wraps") { vm, a, _ in
                guard let wrapped = a.first else { throw vm.error(BuiltinTypes.typeError, "wraps() missing 1 required positional argument: 'wrapped'") }
                return native("wraps_decorator") { vm, b, _ in
                    guard let wrapper = b.first else { return .none }
                    if case .object(let o) = wrapper, let f = o as? PyFunction {
                        if case .object(let wo) = wrapped, let w = wo as? PyFunction {
                            f.name = w.name
                            f.qualname = w.qualname
                            if let doc = try vm.findAttr(wrapped, "__doc__") { f.attrs["__doc__"] = doc }
                        }
                        f.attrs["__wrapped__"] = wrapped
                    }
                    return wrapper
                }
            },
            "lru_cache": native("lru_cache") { vm, a, _ in
                if let f = a.first, case .object(let o) = f, o is PyFunction { return try FunctoolsModule.cached(vm, f) }
                return native("lru_cache_decorator") { vm, b, _ in try FunctoolsModule.cached(vm, b[0]) }
            },
            "cache": native("cache") { vm, a, _ in try FunctoolsModule.cached(vm, a[0]) },
        ]
    }

    static func cached(_ vm: VM, _ fn: Value) throws -> Value {
        let cache = PyDict()
        return native("cached") { vm, a, kw in
            let key = try vm.hashKey(.object(PyTuple(a + kw.flatMap { [Value.str($0.0), $0.1] })))
            if let v = cache.get(key) { return v }
            let v = try vm.call(fn, a, kw)
            cache.set(key, v)
            return v
        }
    }
}
