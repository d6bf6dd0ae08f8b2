/// `BaseExceptionGroup.split`, `subgroup` and `derive` (PEP 654), as CPython 3.12's
/// `Objects/exceptions.c` defines them: the condition is an exception type, a tuple of them, or
/// a predicate; a group that matches as a whole is returned as it is, otherwise the split
/// recurses into nested groups and wraps each non-empty part with `derive`, copying the
/// original's `__traceback__`, `__cause__`, `__context__` and `__notes__`.
enum ExceptionGroupMethods {
    static func table() -> [String: Value] {
        methodTable("BaseExceptionGroup", [
            ("split", { vm, a, _ in
                let (group, condition) = try arguments(vm, a, "split")
                let (match, rest) = try split(vm, group, by: try Condition(vm, condition))
                return .object(PyTuple([match.map { .object($0) } ?? .none, rest.map { .object($0) } ?? .none]))
            }),
            ("subgroup", { vm, a, _ in
                let (group, condition) = try arguments(vm, a, "subgroup")
                return try split(vm, group, by: try Condition(vm, condition)).match.map { .object($0) } ?? .none
            }),
            ("derive", { vm, a, _ in
                let (group, excs) = try arguments(vm, a, "derive")
                guard let items = (excs.asObject as? PyList)?.items ?? (excs.asObject as? PyTuple)?.items else {
                    throw vm.error(BuiltinTypes.typeError, "second argument (exceptions) must be a sequence")
                }
                let exceptions = try items.map { item -> PyExceptionObject in
                    guard let e = item.asObject as? PyExceptionObject else {
                        throw vm.error(BuiltinTypes.valueError, "Item 0 of second argument (exceptions) is not an exception")
                    }
                    return e
                }
                guard !exceptions.isEmpty else { throw vm.error(BuiltinTypes.valueError, "second argument (exceptions) must be a non-empty sequence") }
                return .object(vm.makeExceptionGroup(message: group.groupMessage, exceptions: exceptions))
            }),
        ])
    }

    private static func arguments(_ vm: VM, _ a: [Value], _ name: String) throws -> (PyExceptionObject, Value) {
        guard a.count == 2, let group = a[0].asObject as? PyExceptionObject else {
            throw vm.error(BuiltinTypes.typeError, "BaseExceptionGroup.\(name)() takes exactly one argument (\(max(0, a.count - 1)) given)")
        }
        return (group, a[1])
    }

    /// What `split` matches with: CPython's `get_matcher_type`.
    private enum Condition {
        case types(Value)
        case predicate(Value)

        init(_ vm: VM, _ value: Value) throws {
            if case .object(let o) = value {
                if let t = o as? PyType, t.isSubtype(of: BuiltinTypes.baseException) {
                    self = .types(value)
                    return
                }
                if let tuple = o as? PyTuple,
                   tuple.items.allSatisfy({ ($0.asObject as? PyType)?.isSubtype(of: BuiltinTypes.baseException) ?? false }) {
                    self = .types(value)
                    return
                }
                if !(o is PyType), o is PyFunction || o is PyBuiltinFunction || o is PyBoundMethod || o.pyType.lookup("__call__") != nil {
                    self = .predicate(value)
                    return
                }
            }
            throw vm.error(BuiltinTypes.typeError, "expected a function, exception type or tuple of exception types")
        }

        func matches(_ vm: VM, _ exc: PyExceptionObject) throws -> Bool {
            switch self {
            case .types(let types): return try vm.exceptionMatches(.object(exc), types)
            case .predicate(let function): return try vm.truthy(try vm.call(function, [.object(exc)]))
            }
        }
    }

    private static func split(_ vm: VM, _ exc: PyExceptionObject, by condition: Condition, depth: Int = 0)
        throws -> (match: PyExceptionObject?, rest: PyExceptionObject?)
    {
        if try condition.matches(vm, exc) { return (exc, nil) }
        guard exc.cls.isSubtype(of: BuiltinTypes.baseExceptionGroup) else { return (nil, exc) }
        guard depth < 1_000 else { throw vm.error(BuiltinTypes.recursionError, "maximum recursion depth exceeded") }
        var matched: [PyExceptionObject] = []
        var rest: [PyExceptionObject] = []
        for sub in exc.group {
            let parts = try split(vm, sub, by: condition, depth: depth + 1)
            if let m = parts.match { matched.append(m) }
            if let r = parts.rest { rest.append(r) }
        }
        return (subset(vm, exc, matched), subset(vm, exc, rest))
    }

    /// `derive(excs)` with the original's metadata; nil for no exceptions.
    private static func subset(_ vm: VM, _ original: PyExceptionObject, _ excs: [PyExceptionObject]) -> PyExceptionObject? {
        guard !excs.isEmpty else { return nil }
        let group = vm.makeExceptionGroup(message: original.groupMessage, exceptions: excs)
        group.traceback = original.traceback
        group.cause = original.cause
        group.context = original.context
        if let notes = original.attrs["__notes__"] { group.setAttr("__notes__", notes) }
        return group
    }
}
