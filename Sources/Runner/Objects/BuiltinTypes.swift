// The builtin classes, created once per process. Their namespaces are never modified after
// creation (CPython: "cannot set 'x' attribute of immutable type 'int'"), so they can be shared
// by concurrent runs. User classes are per run.

enum BuiltinTypes {
    static func make(_ name: String, base: PyType?, layout: PyType.Layout = .builtin,
                     module: String = "builtins", _ dict: [String: Value] = [:]) -> PyType {
        let t = PyType(name: name, module: module, bases: base.map { [$0] } ?? [], dict: dict, layout: layout, isBuiltin: true)
        t.mro = [t] + (base?.mro ?? [])
        makeImmortal(t)
        for v in dict.values { makeImmortal(v) }
        return t
    }

    static let object: PyType = make("object", base: nil, layout: .object, ObjectMethods.table())
    static let type: PyType = make("type", base: object, TypeMethods.table())
    static let none = make("NoneType", base: object)
    static let int: PyType = make("int", base: object, IntMethods.table())
    static let bool = make("bool", base: int)
    static let float: PyType = make("float", base: object, FloatMethods.table())
    static let str: PyType = make("str", base: object, StrMethods.table())
    static let bytes: PyType = make("bytes", base: object, BytesMethods.table())
    static let list: PyType = make("list", base: object, ListMethods.table())
    static let tuple: PyType = make("tuple", base: object, TupleMethods.table())
    static let dict: PyType = make("dict", base: object, DictMethods.table())
    static let set: PyType = make("set", base: object, SetMethods.table(frozen: false))
    static let frozenset: PyType = make("frozenset", base: object, SetMethods.table(frozen: true))
    static let range = make("range", base: object, RangeMethods.table())
    static let slice = make("slice", base: object)
    static let function = make("function", base: object)
    static let builtinFunction = make("builtin_function_or_method", base: object)
    static let methodDescriptor = make("method_descriptor", base: object)
    static let method = make("method", base: object)
    static let code = make("code", base: object)
    static let cell = make("cell", base: object)
    static let module = make("module", base: object)
    static let property = make("property", base: object, PropertyMethods.table())
    static let staticmethod = make("staticmethod", base: object)
    static let classmethod = make("classmethod", base: object)
    static let superType = make("super", base: object)
    static let generator: PyType = make("generator", base: object, GeneratorMethods.table(kind: .generator))
    static let coroutine: PyType = make("coroutine", base: object, GeneratorMethods.table(kind: .coroutine))
    static let asyncGenerator: PyType = make("async_generator", base: object, AsyncGeneratorMethods.table())
    static let iterator = make("iterator", base: object, IteratorMethods.table())
    static let listIterator = make("list_iterator", base: object, IteratorMethods.table())
    static let tupleIterator = make("tuple_iterator", base: object, IteratorMethods.table())
    static let strIterator = make("str_ascii_iterator", base: object, IteratorMethods.table())
    static let rangeIterator = make("range_iterator", base: object, IteratorMethods.table())
    static let setIterator = make("set_iterator", base: object, IteratorMethods.table())
    static let dictKeyIterator = make("dict_keyiterator", base: object, IteratorMethods.table())
    static let dictValueIterator = make("dict_valueiterator", base: object, IteratorMethods.table())
    static let dictItemIterator = make("dict_itemiterator", base: object, IteratorMethods.table())
    static let mapIterator = make("map", base: object, IteratorMethods.table())
    static let filterIterator = make("filter", base: object, IteratorMethods.table())
    static let zipIterator = make("zip", base: object, IteratorMethods.table())
    static let enumerateIterator = make("enumerate", base: object, IteratorMethods.table())
    static let reversedIterator = make("reversed", base: object, IteratorMethods.table())
    static let ellipsisType = make("ellipsis", base: object)
    static let notImplementedType = make("NotImplementedType", base: object)
    static let nullType = make("NULL", base: object)

    static let ellipsis = PySingleton(name: "Ellipsis", type: ellipsisType)
    static let notImplemented = PySingleton(name: "NotImplemented", type: notImplementedType)
    /// The NULL marker below a plain call's arguments (never visible to programs).
    static let null = PySingleton(name: "NULL", type: nullType)

    // MARK: exceptions (CPython's `Objects/exceptions.c` hierarchy)

    static func exc(_ name: String, _ base: PyType, module: String = "builtins") -> PyType {
        make(name, base: base, layout: .exception, module: module)
    }
    static let baseException: PyType = make("BaseException", base: object, layout: .exception, ExceptionMethods.table())
    static let exception = exc("Exception", baseException)
    static let systemExit = exc("SystemExit", baseException)
    static let keyboardInterrupt = exc("KeyboardInterrupt", baseException)
    static let generatorExit = exc("GeneratorExit", baseException)
    static let baseExceptionGroup = make("BaseExceptionGroup", base: baseException, layout: .exception, ExceptionGroupMethods.table())
    static let exceptionGroup: PyType = {
        let t = PyType(name: "ExceptionGroup", bases: [baseExceptionGroup, exception], layout: .exception, isBuiltin: true)
        t.mro = [t, baseExceptionGroup, exception, baseException, object]
        return t
    }()
    static let arithmeticError = exc("ArithmeticError", exception)
    static let zeroDivisionError = exc("ZeroDivisionError", arithmeticError)
    static let overflowError = exc("OverflowError", arithmeticError)
    static let assertionError = exc("AssertionError", exception)
    static let attributeError = exc("AttributeError", exception)
    static let lookupError = exc("LookupError", exception)
    static let indexError = exc("IndexError", lookupError)
    static let keyError = exc("KeyError", lookupError)
    static let nameError = exc("NameError", exception)
    static let unboundLocalError = exc("UnboundLocalError", nameError)
    static let runtimeError = exc("RuntimeError", exception)
    static let recursionError = exc("RecursionError", runtimeError)
    static let notImplementedError = exc("NotImplementedError", runtimeError)
    static let stopIteration = exc("StopIteration", exception)
    static let stopAsyncIteration = exc("StopAsyncIteration", exception)
    static let typeError = exc("TypeError", exception)
    static let valueError = exc("ValueError", exception)
    static let unicodeError = exc("UnicodeError", valueError)
    static let unicodeDecodeError = exc("UnicodeDecodeError", unicodeError)
    static let unicodeEncodeError = exc("UnicodeEncodeError", unicodeError)
    static let importError = exc("ImportError", exception)
    static let moduleNotFoundError = exc("ModuleNotFoundError", importError)
    static let osError = exc("OSError", exception)
    static let timeoutError = exc("TimeoutError", osError)
    static let connectionError = exc("ConnectionError", osError)
    static let fileNotFoundError = exc("FileNotFoundError", osError)
    static let permissionError = exc("PermissionError", osError)
    static let memoryError = exc("MemoryError", exception)
    static let eofError = exc("EOFError", exception)
    static let syntaxError = exc("SyntaxError", exception)
    static let warning = exc("Warning", exception)
    static let userWarning = exc("UserWarning", warning)
    static let deprecationWarning = exc("DeprecationWarning", warning)
    static let runtimeWarning = exc("RuntimeWarning", warning)

    static let allExceptions: [PyType] = [
        baseException, exception, systemExit, keyboardInterrupt, generatorExit, baseExceptionGroup,
        exceptionGroup, arithmeticError, zeroDivisionError, overflowError, assertionError, attributeError,
        lookupError, indexError, keyError, nameError, unboundLocalError, runtimeError, recursionError,
        notImplementedError, stopIteration, stopAsyncIteration, typeError, valueError, unicodeError,
        unicodeDecodeError, unicodeEncodeError, importError, moduleNotFoundError, osError, timeoutError,
        connectionError, fileNotFoundError, permissionError, memoryError, eofError, syntaxError, warning,
        userWarning, deprecationWarning, runtimeWarning,
    ]
}

@_silgen_name("_swift_stdlib_immortalize")
private func swiftStdlibImmortalize(_ object: UnsafeMutableRawPointer)

/// Marks a process-lifetime object (a builtin type, its methods, a builtin function) immortal,
/// as CPython 3.12 does for its static objects (PEP 683): the runtime then skips the atomic
/// reference-count update on every retain and release of it, which every run's loads of `len`,
/// `str` or `list.append` (and every `Value.type`) otherwise pay, from all runs' threads at once.
/// Such objects are never freed anyway; the Swift runtime's immortal bit is what it uses for
/// its own static objects.
func makeImmortal(_ object: PyObject) {
    swiftStdlibImmortalize(Unmanaged.passUnretained(object).toOpaque())
}

func makeImmortal(_ value: Value) {
    if case .object(let o) = value { makeImmortal(o) }
}

