// Attribute access: CPython's `PyObject_GenericGetAttr` order (data descriptors on the type,
// then the instance dict, then other class attributes, then `__getattr__`), method binding,
// `super()`, and the sandbox's refusals of introspection attributes.

extension VM {
    /// Attribute names that would let a program reach the interpreter's internals.
    static let refusedAttributes: Set<String> = [
        "__subclasses__", "__globals__", "__code__", "__builtins__", "__closure__", "gi_frame", "cr_frame",
        "ag_frame", "tb_frame", "tb_next", "f_globals", "f_locals", "f_back", "f_builtins", "__traceback__.tb_frame",
        "__reduce__", "__reduce_ex__", "__loader__", "__spec__",
    ]

    func checkSandbox(_ obj: Value, _ name: String) throws {
        if VM.refusedAttributes.contains(name) { throw VMStop.sandbox("attribute '\(name)'") }
        if name == "__dict__", case .object(let o) = obj, o is PyModule || o is PyFunction {
            throw VMStop.sandbox("attribute '__dict__' of \(obj.typeName) objects")
        }
    }

    /// Binds a class attribute found on `cls` to `instance` (functions become bound methods).
    func bindDescriptor(_ attr: Value, instance: Value, cls: PyType) throws -> Value {
        guard case .object(let o) = attr else { return attr }
        switch o {
        case is PyFunction: return .object(PyBoundMethod(function: attr, selfValue: instance))
        case let b as PyBuiltinFunction where b.boundSelf == nil && b.ownerName != nil: return .object(b.bind(instance))
        case let p as PyProperty:
            if p.fget.isNone { throw error(BuiltinTypes.attributeError, "property object has no getter") }
            return try call(p.fget, [instance])
        case let c as PyClassMethod: return .object(PyBoundMethod(function: c.function, selfValue: .object(cls)))
        case let s as PyStaticMethod: return s.function
        default:
            if let get = o.pyType.lookup("__get__"), !o.pyType.isBuiltin {
                return try call(get, [attr, instance, .object(cls)])
            }
            return attr
        }
    }

    func getAttr(_ obj: Value, _ name: String) throws -> Value {
        // The first byte decides for most names (String.hasPrefix costs ~80 instructions each).
        let first = name.utf8.first ?? 0
        if (first == UInt8(ascii: "_") || first == UInt8(ascii: "f") || first == UInt8(ascii: "g") || first == UInt8(ascii: "t") || first == UInt8(ascii: "c")),
           name.hasPrefix("_") || name.hasPrefix("f_") || name.hasPrefix("gi_") || name.hasPrefix("tb_") || name.hasPrefix("cr_") {
            try checkSandbox(obj, name)
        }
        if let v = try findAttr(obj, name) { return v }
        if case .object(let o) = obj, let inst = o as? PyInstance, inst.cls.hasGetattr, let ga = inst.cls.lookup("__getattr__") {
            return try call(ga, [obj, .str(name)])
        }
        throw attributeError(obj, name)
    }

    func attributeError(_ obj: Value, _ name: String) -> PyError {
        if case .object(let o) = obj {
            if let t = o as? PyType { return error(BuiltinTypes.attributeError, "type object '\(t.name)' has no attribute '\(name)'") }
            if let m = o as? PyModule { return error(BuiltinTypes.attributeError, "module '\(m.name)' has no attribute '\(name)'") }
        }
        return error(BuiltinTypes.attributeError, "'\(obj.typeName)' object has no attribute '\(name)'")
    }

    /// The attribute or nil (no `__getattr__` fallback).
    func findAttr(_ obj: Value, _ name: String) throws -> Value? {
        guard case .object(let o) = obj else {
            return try builtinAttr(obj, name)
        }
        switch o {
        case let inst as PyInstance:
            let cls = inst.cls
            let classAttr = cls.lookup(name)
            if let ca = classAttr, case .object(let cao) = ca, cao is PyProperty { return try bindDescriptor(ca, instance: obj, cls: cls) }
            if let v = inst.attrs[name] { return v }
            if let ca = classAttr { return try bindDescriptor(ca, instance: obj, cls: cls) }
            if name == "__class__" { return .object(cls) }
            if name == "__dict__" {
                let d = PyDict()
                for k in inst.attrOrder { if let v = inst.attrs[k] { d.set(strKey(k), v) } }
                return .object(d)
            }
            if let e = inst as? PyExceptionObject { return try exceptionAttr(e, name) }
            return nil
        case let t as PyType:
            if let (v, _) = t.lookupWithOwner(name) {
                if case .object(let vo) = v {
                    if let c = vo as? PyClassMethod { return .object(PyBoundMethod(function: c.function, selfValue: obj)) }
                    if let s = vo as? PyStaticMethod { return s.function }
                }
                return v
            }
            switch name {
            case "__name__": return .str(t.name)
            case "__qualname__": return .str(t.qualname)
            case "__module__": return .str(t.module)
            case "__mro__": return .object(PyTuple(t.mro.map { .object($0) }))
            case "__bases__": return .object(PyTuple(t.bases.map { .object($0) }))
            case "__base__": return t.bases.first.map { .object($0) } ?? Value.none
            case "__class__": return .object(BuiltinTypes.type)
            case "__doc__": return Value.none
            case "__dict__":
                let d = PyDict()
                for k in t.definitionOrder { if let v = t.dict[k] { d.set(strKey(k), v) } }
                return .object(d)
            default: return nil
            }
        case let m as PyModule:
            if let v = m.dict[name] { return v }
            if name == "__name__" { return .str(m.name) }
            return nil
        case let f as PyFunction:
            switch name {
            case "__name__": return .str(f.name)
            case "__qualname__": return .str(f.qualname)
            case "__module__": return f.attrs["__module__"] ?? .str("__main__")
            case "__doc__": return f.attrs["__doc__"] ?? docstring(f.code)
            case "__defaults__": return f.defaults.isEmpty ? Value.none : .object(PyTuple(f.defaults))
            case "__kwdefaults__":
                if f.kwDefaults.isEmpty { return Value.none }
                let d = PyDict()
                for (k, v) in f.kwDefaults { d.set(strKey(k), v) }
                return .object(d)
            case "__class__": return .object(BuiltinTypes.function)
            case "__annotations__": return f.attrs["__annotations__"] ?? .object(PyDict())
            default:
                if let v = f.attrs[name] { return v }
                if let v = BuiltinTypes.function.lookup(name) { return try bindDescriptor(v, instance: obj, cls: BuiltinTypes.function) }
                return nil
            }
        case let m as PyBoundMethod:
            switch name {
            case "__self__": return m.selfValue
            case "__func__": return m.function
            case "__class__": return .object(BuiltinTypes.method)
            default: return try findAttr(m.function, name)
            }
        case let s as PySuper:
            guard let idx = s.objectType.mro.firstIndex(where: { $0 === s.startAfter }) else { return nil }
            for t in s.objectType.mro[(idx + 1)...] {
                if let v = t.dict[name] {
                    if case .object(let vo) = v, let c = vo as? PyClassMethod {
                        let clsValue: Value = (s.object.asObject is PyType) ? s.object : .object(s.objectType)
                        return .object(PyBoundMethod(function: c.function, selfValue: clsValue))
                    }
                    if s.object.asObject is PyType, s.object.asObject === s.objectType {
                        if case .object(let vo) = v, let st = vo as? PyStaticMethod { return st.function }
                        return v
                    }
                    return try bindDescriptor(v, instance: s.object, cls: s.objectType)
                }
            }
            return nil
        case let g as PyGenerator:
            switch name {
            case "__name__": return .str(g.name)
            case "__qualname__": return .str(g.qualname)
            case "gi_running", "cr_running", "ag_running": return .bool(g.state == .running)
            case "gi_suspended", "cr_suspended": return .bool(g.state == .suspended)
            default: break
            }
        case let b as PyBuiltinFunction:
            switch name {
            case "__name__", "__qualname__": return .str(b.name)
            case "__self__": return b.boundSelf ?? Value.none
            case "__doc__": return Value.none
            default: break
            }
        case let s as PySlice:
            switch name {
            case "start": return s.start
            case "stop": return s.stop
            case "step": return s.step
            default: break
            }
        case let r as PyRange:
            switch name {
            case "start": return .int(r.start)
            case "stop": return .int(r.stop)
            case "step": return .int(r.step)
            default: break
            }
        case let p as PyProperty:
            switch name {
            case "fget": return p.fget
            case "fset": return p.fset
            case "__doc__": return p.doc
            default: break
            }
        case let sm as PyStaticMethod:
            if name == "__func__" { return sm.function }
        case let cm as PyClassMethod:
            if name == "__func__" { return cm.function }
        case let ga as GenericAlias:
            if name == "__origin__" { return .object(ga.origin) }
            if name == "__args__" { return ga.args.asObject is PyTuple ? ga.args : .object(PyTuple([ga.args])) }
        default:
            break
        }
        if name == "__class__" { return .object(o.pyType) }
        if let v = o.pyType.lookup(name) { return try bindDescriptor(v, instance: obj, cls: o.pyType) }
        if name == "__doc__" { return Value.none }
        return try builtinAttr(obj, name)
    }

    private func docstring(_ code: CodeObject) -> Value {
        if code.flags.contains(.hasDocstring), let first = code.constants.first { return first }
        return Value.none
    }

    private func builtinAttr(_ obj: Value, _ name: String) throws -> Value? {
        switch (obj, name) {
        case (.int, "real"), (.bool, "real"), (.int, "numerator"): return try positive(obj)
        case (.int, "imag"), (.bool, "imag"): return .int(0)
        case (.int, "denominator"), (.bool, "denominator"): return .int(1)
        case (.float(let d), "real"): return .float(d)
        case (.float, "imag"): return .float(0)
        case (.object(let o), "real"), (.object(let o), "numerator"): return o is PyBigInt ? obj : nil
        case (.object(let o), "denominator"): return o is PyBigInt ? .int(1) : nil
        case (_, "__class__"): return .object(obj.type)
        default: break
        }
        if case .object = obj { return nil }
        if let v = obj.type.lookup(name) { return try bindDescriptor(v, instance: obj, cls: obj.type) }
        return nil
    }

    private func exceptionAttr(_ e: PyExceptionObject, _ name: String) throws -> Value? {
        switch name {
        case "args": return .object(PyTuple(e.args))
        case "__cause__": return e.cause.map { .object($0) } ?? Value.none
        case "__context__": return e.context.map { .object($0) } ?? Value.none
        case "__suppress_context__": return .bool(e.suppressContext)
        case "__traceback__": return e.traceback.isEmpty ? Value.none : .object(PyTraceback(e.traceback))
        case "__notes__": return nil
        case "exceptions" where e.cls.isSubtype(of: BuiltinTypes.baseExceptionGroup):
            return .object(PyTuple(e.group.map { .object($0) }))
        case "message" where e.cls.isSubtype(of: BuiltinTypes.baseExceptionGroup):
            return .str(e.groupMessage)
        case "value" where e.cls.isSubtype(of: BuiltinTypes.stopIteration):
            return e.args.first ?? Value.none
        case "code" where e.cls.isSubtype(of: BuiltinTypes.systemExit):
            return e.args.first ?? Value.none
        case "name" where e.cls.isSubtype(of: BuiltinTypes.importError), "name" where e.cls.isSubtype(of: BuiltinTypes.nameError):
            return Value.none
        default: return nil
        }
    }

    /// [callable, self] for a method call without allocating a bound method.
    func loadMethod(_ obj: Value, _ name: String) throws -> (Value, Value?) {
        if case .object(let o) = obj {
            if let inst = o as? PyInstance {
                if inst.attrs[name] == nil, let v = inst.cls.lookup(name), case .object(let vo) = v, vo is PyFunction {
                    return (v, obj)
                }
            } else if !(o is PyType) && !(o is PyModule) && !(o is PySuper),
                      let v = o.pyType.lookup(name), case .object(let vo) = v, let b = vo as? PyBuiltinFunction, b.ownerName != nil {
                return (v, obj)
            }
        } else if let v = obj.type.lookup(name), case .object(let vo) = v, let b = vo as? PyBuiltinFunction, b.ownerName != nil {
            return (v, obj)
        }
        return (try getAttr(obj, name), nil)
    }

    func setAttr(_ obj: Value, _ name: String, _ value: Value) throws {
        try checkSandbox(obj, name)
        guard case .object(let o) = obj else { throw attributeError(obj, name) }
        switch o {
        case let inst as PyInstance:
            let cls = inst.cls
            if cls.hasSetattr, let f = cls.lookup("__setattr__") {
                _ = try call(f, [obj, .str(name), value])
                return
            }
            if let ca = cls.lookup(name), case .object(let cao) = ca, let p = cao as? PyProperty {
                if p.fset.isNone {
                    throw error(BuiltinTypes.attributeError, "property '\(propertyName(p))' of '\(cls.name)' object has no setter")
                }
                _ = try call(p.fset, [obj, value])
                return
            }
            if let e = inst as? PyExceptionObject {
                switch name {
                case "__cause__": e.cause = value.asObject as? PyExceptionObject; e.suppressContext = true; return
                case "__context__": e.context = value.asObject as? PyExceptionObject; return
                case "args": e.args = try iterate(value); return
                default: break
                }
            }
            inst.setAttr(name, value)
        case let t as PyType:
            if t.isBuiltin { throw error(BuiltinTypes.typeError, "cannot set '\(name)' attribute of immutable type '\(t.name)'") }
            if t.dict.updateValue(value, forKey: name) == nil { t.definitionOrder.append(name) }
            if name.hasPrefix("__") { t.refreshSpecialFlags() }
        case let f as PyFunction:
            switch name {
            case "__name__": if let s = value.asObject as? PyStr { f.name = s.value }
            case "__qualname__": if let s = value.asObject as? PyStr { f.qualname = s.value }
            case "__defaults__": f.defaults = value.isNone ? [] : try iterate(value)
            default: f.attrs[name] = value
            }
        case let m as PyModule where m.name == "__main__":
            m.dict[name] = value
        default:
            throw attributeError(obj, name)
        }
    }

    func propertyName(_ p: PyProperty) -> String {
        if case .object(let o) = p.fget, let f = o as? PyFunction { return f.name }
        return "?"
    }

    func delAttr(_ obj: Value, _ name: String) throws {
        try checkSandbox(obj, name)
        guard case .object(let o) = obj else { throw attributeError(obj, name) }
        if let inst = o as? PyInstance {
            if let f = inst.cls.lookup("__delattr__"), inst.cls.lookupUser("__delattr__") {
                _ = try call(f, [obj, .str(name)])
                return
            }
            if let ca = inst.cls.lookup(name), case .object(let cao) = ca, let p = cao as? PyProperty {
                if p.fdel.isNone { throw error(BuiltinTypes.attributeError, "property '\(propertyName(p))' of '\(inst.cls.name)' object has no deleter") }
                _ = try call(p.fdel, [obj])
                return
            }
            if inst.delAttr(name) { return }
        }
        if let t = o as? PyType, !t.isBuiltin, t.dict.removeValue(forKey: name) != nil {
            t.definitionOrder.removeAll { $0 == name }
            return
        }
        throw attributeError(obj, name)
    }
}

/// What `exc.__traceback__` gives a program: only the (line, function) pairs, no frames.
final class PyTraceback: PyObject {
    let entries: [TracebackEntry]
    init(_ entries: [TracebackEntry]) {
        self.entries = entries
        super.init()
    }
}
