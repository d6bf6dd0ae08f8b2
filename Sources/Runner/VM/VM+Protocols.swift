// The object protocols the opcodes and builtins share: hashing, subscripting and slicing,
// `len`, iteration (`iter`/`next`, unpacking), the send protocol behind `yield from`/`await`,
// and awaitables (CPython's `Objects/abstract.c`, `Objects/genobject.c`).
import Analyzer

extension VM {
    // MARK: hashing

    func strKey(_ s: String) -> DictKey {
        DictKey(value: .str(s), hash: PyStr.hash(of: s))
    }

    func strKey(_ s: PyStr) -> DictKey {
        DictKey(value: .object(s), hash: s.hash)
    }

    func hashKey(_ v: __owned Value) throws -> DictKey {
        switch v {
        case .int(let i) where i >= -(1 << 61) + 2 && i < (1 << 61) - 1:
            return DictKey(value: v, hash: i == -1 ? -2 : i)
        case .object(let o) where o.tag == .str:
            return DictKey(value: v, str: unsafeDowncast(o, to: PyStr.self))
        default:
            return DictKey(value: v, hash: try pyHash(v), vm: needsVMEquality(v) ? self : nil)
        }
    }

    private func needsVMEquality(_ v: Value) -> Bool {
        if case .object(let o) = v, let i = o as? PyInstance, i.cls.hasEq { return true }
        return false
    }

    /// Python's `hash(v)` for ints (exact), a consistent hash for everything else.
    func pyHash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x5f3759df
        case .bool(let b): return b ? 1 : 0
        case .int(let i):
            if i >= -(1 << 61) + 2 && i < (1 << 61) - 1 { return i == -1 ? -2 : i }
            return BigInt(i).pythonHash
        case .float(let d):
            if d.isFinite && d.rounded() == d && d.magnitude < 9.2e18 { return try pyHash(.int(Int(d))) }
            if d.isFinite && d.rounded() == d { return BigInt(exactly: d).pythonHash }
            return d.isNaN ? 0 : d.hashValue
        case .object(let o):
            switch o {
            case let s as PyStr: return s.hash
            case let b as PyBigInt: return b.value.pythonHash
            case let t as PyTuple:
                var h = Hasher()
                for item in t.items { h.combine(try pyHash(item)) }
                return h.finalize()
            case let s as PySet:
                guard s.frozen else { throw error(BuiltinTypes.typeError, "unhashable type: 'set'") }
                var x = 0
                for k in s.keys { x ^= k.hash &* 0x1e3779b97f4a7c15 }
                return x
            case is PyList, is PyDict:
                throw error(BuiltinTypes.typeError, "unhashable type: '\(o.pyType.name)'")
            case let b as PyBytes: return b.bytes.hashValue
            case let i as PyInstance:
                if i.cls.hashDisabled { throw error(BuiltinTypes.typeError, "unhashable type: '\(i.cls.name)'") }
                if i.cls.hasHash, let f = i.cls.lookup("__hash__") {
                    let r = try call(f, [v])
                    guard let iv = intValue(r) else { throw error(BuiltinTypes.typeError, "__hash__ method should return an integer") }
                    switch iv {
                    case .small(let n): return n
                    case .big(let b): return b.pythonHash
                    }
                }
                return ObjectIdentifier(o).hashValue
            default:
                return ObjectIdentifier(o).hashValue
            }
        }
    }

    // MARK: subscripting

    /// An index as Int (ints, bools, and objects with `__index__`).
    func indexValue(_ v: Value) throws -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt { return b.value.negative ? Int.min : Int.max }
            if let i = o as? PyInstance, i.cls.lookupUser("__index__"), let f = i.cls.lookup("__index__") {
                return try indexValue(call(f, [v]))
            }
        default: break
        }
        return nil
    }

    func getItem(_ container: Value, _ key: Value) throws -> Value {
        guard case .object(let o) = container else {
            throw error(BuiltinTypes.typeError, "'\(container.typeName)' object is not subscriptable")
        }
        switch o {
        case let l as PyList:
            if let i = try indexValue(key) {
                let n = l.items.count
                let j = i < 0 ? i &+ n : i
                guard j >= 0 && j < n else { throw error(BuiltinTypes.indexError, "list index out of range") }
                return l.items[j]
            }
            if case .object(let so) = key, let s = so as? PySlice { return .object(PyList(try sliceItems(l.items, s))) }
            throw error(BuiltinTypes.typeError, "list indices must be integers or slices, not \(key.typeName)")
        case let t as PyTuple:
            if let i = try indexValue(key) {
                let n = t.items.count
                let j = i < 0 ? i &+ n : i
                guard j >= 0 && j < n else { throw error(BuiltinTypes.indexError, "tuple index out of range") }
                return t.items[j]
            }
            if case .object(let so) = key, let s = so as? PySlice { return .object(PyTuple(try sliceItems(t.items, s))) }
            throw error(BuiltinTypes.typeError, "tuple indices must be integers or slices, not \(key.typeName)")
        case let d as PyDict:
            if let v = d.get(try hashKey(key)) { return v }
            throw PyError(exception: makeException(BuiltinTypes.keyError, args: [key]))
        case let s as PyStr:
            if let i = try indexValue(key) {
                let scalars = s.scalars
                let j = i < 0 ? i &+ scalars.count : i
                guard j >= 0 && j < scalars.count else { throw error(BuiltinTypes.indexError, "string index out of range") }
                return .str(String(Character(scalars[j])))
            }
            if case .object(let so) = key, let sl = so as? PySlice {
                return .object(PyStr(scalars: try sliceItems(s.scalars, sl)))
            }
            throw error(BuiltinTypes.typeError, "string indices must be integers, not '\(key.typeName)'")
        case let r as PyRange:
            if let i = try indexValue(key) {
                let n = r.count
                let j = i < 0 ? i &+ n : i
                guard j >= 0 && j < n else { throw error(BuiltinTypes.indexError, "range object index out of range") }
                return .int(r.start &+ j &* r.step)
            }
            if case .object(let so) = key, let sl = so as? PySlice {
                let (start, _, step, count) = try sliceIndices(sl, length: r.count)
                let newStart = r.start &+ start &* r.step
                let newStep = r.step &* step
                return .object(PyRange(start: newStart, stop: newStart &+ count &* newStep, step: newStep))
            }
            throw error(BuiltinTypes.typeError, "range indices must be integers or slices, not \(key.typeName)")
        case let b as PyBytes:
            if let i = try indexValue(key) {
                let j = i < 0 ? i &+ b.bytes.count : i
                guard j >= 0 && j < b.bytes.count else { throw error(BuiltinTypes.indexError, "index out of range") }
                return .int(Int(b.bytes[j]))
            }
            if case .object(let so) = key, let sl = so as? PySlice { return .object(PyBytes(try sliceItems(b.bytes, sl))) }
            throw error(BuiltinTypes.typeError, "byte indices must be integers or slices, not \(key.typeName)")
        case let t as PyType:
            if let f = t.lookup("__class_getitem__") { return try call(f, [container, key]) }
            if t.isBuiltin { return .object(GenericAlias(origin: t, args: key)) }
        default:
            break
        }
        if let f = o.pyType.lookup("__getitem__"), !(o is PyType) { return try call(f, [container, key]) }
        if let i = o as? PyInstance, i.cls.isSubtype(of: BuiltinTypes.dict) == false, let missing = i.cls.lookup("__missing__") { _ = missing }
        throw error(BuiltinTypes.typeError, "'\(container.typeName)' object is not subscriptable")
    }

    func setItem(_ container: Value, _ key: Value, _ value: Value) throws {
        guard case .object(let o) = container else {
            throw error(BuiltinTypes.typeError, "'\(container.typeName)' object does not support item assignment")
        }
        switch o {
        case let l as PyList:
            if let i = try indexValue(key) {
                let n = l.items.count
                let j = i < 0 ? i &+ n : i
                guard j >= 0 && j < n else { throw error(BuiltinTypes.indexError, "list assignment index out of range") }
                l.items[j] = value
                return
            }
            if case .object(let so) = key, let s = so as? PySlice {
                let newItems = try iterate(value)
                let (start, stop, step, count) = try sliceIndices(s, length: l.items.count)
                if step == 1 {
                    l.items.replaceSubrange(start..<max(start, stop), with: newItems)
                } else {
                    guard newItems.count == count else {
                        throw error(BuiltinTypes.valueError, "attempt to assign sequence of size \(newItems.count) to extended slice of size \(count)")
                    }
                    for k in 0..<count { l.items[start + k * step] = newItems[k] }
                }
                return
            }
            throw error(BuiltinTypes.typeError, "list indices must be integers or slices, not \(key.typeName)")
        case let d as PyDict:
            d.set(try hashKey(key), value)
            if d.count & 1023 == 0, meter.isOverLimit { throw VMStop.limit(.memory) }
            return
        default:
            if let f = o.pyType.lookup("__setitem__"), !o.pyType.isBuiltin {
                _ = try call(f, [container, key, value])
                return
            }
        }
        throw error(BuiltinTypes.typeError, "'\(container.typeName)' object does not support item assignment")
    }

    func delItem(_ container: Value, _ key: Value) throws {
        guard case .object(let o) = container else {
            throw error(BuiltinTypes.typeError, "'\(container.typeName)' object does not support item deletion")
        }
        switch o {
        case let l as PyList:
            if let i = try indexValue(key) {
                let n = l.items.count
                let j = i < 0 ? i &+ n : i
                guard j >= 0 && j < n else { throw error(BuiltinTypes.indexError, "list assignment index out of range") }
                l.items.remove(at: j)
                return
            }
            if case .object(let so) = key, let s = so as? PySlice {
                let (start, _, step, count) = try sliceIndices(s, length: l.items.count)
                var remove = Set<Int>()
                for k in 0..<count { remove.insert(start + k * step) }
                l.items = l.items.enumerated().filter { !remove.contains($0.offset) }.map { $0.element }
                return
            }
        case let d as PyDict:
            if d.remove(try hashKey(key)) == nil { throw PyError(exception: makeException(BuiltinTypes.keyError, args: [key])) }
            return
        default:
            if let f = o.pyType.lookup("__delitem__"), !o.pyType.isBuiltin {
                _ = try call(f, [container, key])
                return
            }
        }
        throw error(BuiltinTypes.typeError, "'\(container.typeName)' object does not support item deletion")
    }

    /// CPython's `PySlice_GetIndicesEx`: (start, stop, step, slicelength).
    func sliceIndices(_ s: PySlice, length: Int) throws -> (Int, Int, Int, Int) {
        var step = 1
        if !s.step.isNone {
            guard let st = try indexValue(s.step) else {
                throw error(BuiltinTypes.typeError, "slice indices must be integers or None or have an __index__ method")
            }
            if st == 0 { throw error(BuiltinTypes.valueError, "slice step cannot be zero") }
            step = st
        }
        func bound(_ v: Value, _ defaultValue: Int) throws -> Int {
            if v.isNone { return defaultValue }
            guard var i = try indexValue(v) else {
                throw error(BuiltinTypes.typeError, "slice indices must be integers or None or have an __index__ method")
            }
            if i < 0 {
                i = i &+ length
                if i < 0 { i = step < 0 ? -1 : 0 }
            } else if i >= length {
                i = step < 0 ? length - 1 : length
            }
            return i
        }
        let start = try bound(s.start, step < 0 ? length - 1 : 0)
        let stop = try bound(s.stop, step < 0 ? -1 : length)
        var count = 0
        if step < 0 {
            if stop < start { count = (start - stop - 1) / (-step) + 1 }
        } else if start < stop {
            count = (stop - start - 1) / step + 1
        }
        return (start, stop, step, count)
    }

    func sliceItems<T>(_ items: [T], _ s: PySlice) throws -> [T] {
        let (start, _, step, count) = try sliceIndices(s, length: items.count)
        if step == 1 { return count > 0 ? Array(items[start..<(start + count)]) : [] }
        var out: [T] = []
        out.reserveCapacity(count)
        var i = start
        for _ in 0..<count {
            out.append(items[i])
            i += step
        }
        return out
    }

    // MARK: len

    func length(_ v: Value) throws -> Int {
        if case .object(let o) = v {
            switch o {
            case let s as PyStr: return s.count
            case let l as PyList: return l.items.count
            case let t as PyTuple: return t.items.count
            case let d as PyDict: return d.count
            case let s as PySet: return s.count
            case let r as PyRange: return r.count
            case let b as PyBytes: return b.bytes.count
            default:
                if let f = o.pyType.lookup("__len__"), !(o is PyType) { return try lengthResult(call(f, [v])) }
            }
        }
        throw error(BuiltinTypes.typeError, "object of type '\(v.typeName)' has no len()")
    }

    func lengthResult(_ r: Value) throws -> Int {
        guard let n = try indexValue(r) else {
            throw error(BuiltinTypes.typeError, "'\(r.typeName)' object cannot be interpreted as an integer")
        }
        if n < 0 { throw error(BuiltinTypes.valueError, "__len__() should return >= 0") }
        return n
    }

    // MARK: iteration

    func getIter(_ v: Value) throws -> Value {
        if case .object(let o) = v {
            switch o {
            case let l as PyList: return .object(ListIterator(l))
            case let t as PyTuple: return .object(ArrayIterator(t.items))
            case let s as PyStr: return .object(ArrayIterator(s.scalars.map { .str(String(Character($0))) }, type: BuiltinTypes.strIterator))
            case let d as PyDict: return .object(DictIterator(d, mode: .keys))
            case let s as PySet: return .object(SetIterator(s, items: orderedSetValues(s)))
            case let r as PyRange: return .object(RangeIterator(start: r.start, stop: r.stop, step: r.step))
            case is PyIterator: return v
            case let b as PyBytes: return .object(ArrayIterator(b.bytes.map { .int(Int($0)) }))
            case let g as PyGenerator:
                if g.kind == .generator { return v }
            default:
                let t = o.pyType
                if !(o is PyType), let f = t.lookup("__iter__") {
                    if case .none = f { break }
                    let it = try call(f, [v])
                    guard it.type.lookup("__next__") != nil else {
                        throw error(BuiltinTypes.typeError, "iter() returned non-iterator of type '\(it.typeName)'")
                    }
                    return it
                }
                if !(o is PyType), t.lookup("__getitem__") != nil { return .object(SequenceIterator(v)) }
            }
        }
        throw error(BuiltinTypes.typeError, "'\(v.typeName)' object is not iterable")
    }

    /// next(iterator), nil when exhausted.
    func nextValue(_ it: Value) throws -> Value? {
        if case .object(let o) = it {
            if let i = o as? PyIterator { return try i.next(self) }
            if let g = o as? PyGenerator {
                if g.state == .finished { return nil }
                switch try resume(g, send: .none) {
                case .yielded(let v): return v
                case .returned: return nil
                }
            }
        }
        return try nextViaProtocol(it)
    }

    func nextViaProtocol(_ it: Value) throws -> Value? {
        guard let f = it.type.lookup("__next__") else {
            throw error(BuiltinTypes.typeError, "'\(it.typeName)' object is not an iterator")
        }
        do {
            return try call(f, [it])
        } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.stopIteration) {
            return nil
        }
    }

    /// All items of an iterable (with memory accounting for long ones).
    func iterate(_ v: Value) throws -> [Value] {
        if case .object(let o) = v {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
        }
        let it = try getIter(v)
        var out: [Value] = []
        while let x = try nextValue(it) {
            out.append(x)
            if out.count & 4095 == 0 { try checkAllocation(out.count * 16) }
        }
        return out
    }

    enum UnpackContext { case assign, star }

    func iterateForUnpack(_ v: Value, context: UnpackContext) throws -> [Value] {
        do {
            return try iterate(v)
        } catch let e as PyError where e.exception.cls === BuiltinTypes.typeError && (try? getIterCheck(v)) == false {
            switch context {
            case .assign: throw error(BuiltinTypes.typeError, "cannot unpack non-iterable \(v.typeName) object")
            case .star: throw error(BuiltinTypes.typeError, "Value after * must be an iterable, not \(v.typeName)")
            }
        }
    }

    private func getIterCheck(_ v: Value) throws -> Bool {
        let t = v.type
        if case .object(let o) = v, o is PyList || o is PyTuple || o is PyStr || o is PyDict || o is PySet || o is PyRange || o is PyIterator || o is PyGenerator || o is PyBytes { return true }
        return t.lookup("__iter__") != nil || t.lookup("__getitem__") != nil
    }

    func unpack(_ v: Value, count: Int) throws -> [Value] {
        guard try getIterCheck(v) else {
            throw error(BuiltinTypes.typeError, "cannot unpack non-iterable \(v.typeName) object")
        }
        let it = try getIter(v)
        var out: [Value] = []
        while let x = try nextValue(it) {
            out.append(x)
            if out.count > count {
                throw error(BuiltinTypes.valueError, "too many values to unpack (expected \(count))")
            }
        }
        if out.count < count {
            throw error(BuiltinTypes.valueError, "not enough values to unpack (expected \(count), got \(out.count))")
        }
        return out
    }

    func mergeMapping(into dict: PyDict, _ mapping: Value, forCall: Bool, frame: Frame?) throws {
        if case .object(let o) = mapping, let src = o as? PyDict {
            for e in src.liveEntries {
                if forCall, dict.get(e.key) != nil, let k = e.key.value.asObject as? PyStr {
                    throw error(BuiltinTypes.typeError, "got multiple values for keyword argument '\(k.value)'")
                }
                dict.set(e.key, e.value)
            }
            return
        }
        guard mapping.type.lookup("keys") != nil else {
            throw error(BuiltinTypes.typeError, forCall ? "argument after ** must be a mapping, not \(mapping.typeName)" : "'\(mapping.typeName)' object is not a mapping")
        }
        for k in try iterate(callMethod(mapping, "keys", [])) {
            dict.set(try hashKey(k), try getItem(mapping, k))
        }
    }

    // MARK: send protocol and awaitables

    /// SEND for receivers that are not generator frames: native iterators and objects with `send`.
    func sendToIterator(_ receiver: Value, _ value: Value) throws -> ResumeResult {
        if case .object(let o) = receiver {
            if let g = o as? PyGenerator { return try resume(g, send: value) }
            // asyncio's native awaitables (Sources/Runner/Asyncio): no StopIteration per await.
            if let n = o as? NativeAwaitable { return try n.send(self, value) }
        }
        do {
            if value.isNone {
                if let v = try nextValueRaisingStop(receiver) { return .yielded(v) }
                return .returned(.none)
            }
            return .yielded(try callMethod(receiver, "send", [value]))
        } catch let e as PyError where e.exception.cls.isSubtype(of: BuiltinTypes.stopIteration) {
            return .returned(e.exception.args.first ?? .none)
        }
    }

    /// Like nextValue, but a StopIteration raised by `__next__` keeps its value.
    private func nextValueRaisingStop(_ it: Value) throws -> Value? {
        if case .object(let o) = it, let i = o as? PyIterator { return try i.next(self) }
        guard let f = it.type.lookup("__next__") else {
            throw error(BuiltinTypes.typeError, "'\(it.typeName)' object is not an iterator")
        }
        return try call(f, [it])
    }

    /// `await x`: x's awaitable iterator (CPython's `_PyCoro_GetAwaitableIter` and GET_AWAITABLE).
    func getAwaitable(_ v: Value, context: Int) throws -> Value {
        if case .object(let o) = v {
            if let g = o as? PyGenerator, g.kind == .coroutine {
                if g.state == .running || (g.state == .suspended && g.awaitedBy) {
                    throw error(BuiltinTypes.runtimeError, "coroutine is being awaited already")
                }
                g.awaitedBy = true
                g.wasStarted = true
                return v
            }
            if let c = o as? NativeCoroutine {
                if c.coroState == .finished && c.wasStarted { throw error(BuiltinTypes.runtimeError, "cannot reuse already awaited coroutine") }
                c.wasStarted = true
                return v
            }
            if let f = o.pyType.lookup("__await__"), !(o is PyType) {
                let it = try call(f, [v])
                if case .object(let io) = it, let ig = io as? PyGenerator, ig.kind == .coroutine {
                    throw error(BuiltinTypes.typeError, "__await__() returned a coroutine")
                }
                guard it.type.lookup("__next__") != nil || it.asObject is PyIterator || (it.asObject as? PyGenerator)?.kind == .generator else {
                    throw error(BuiltinTypes.typeError, "__await__() returned non-iterator of type '\(it.typeName)'")
                }
                return it
            }
        }
        switch context {
        case 1: throw error(BuiltinTypes.typeError, "'async with' received an object from __aenter__ that does not implement __await__: \(v.typeName)")
        case 2: throw error(BuiltinTypes.typeError, "'async with' received an object from __aexit__ that does not implement __await__: \(v.typeName)")
        case 3: throw error(BuiltinTypes.typeError, "'async for' received an invalid object from __anext__: \(v.typeName)")
        default: throw error(BuiltinTypes.typeError, "object \(v.typeName) can't be used in 'await' expression")
        }
    }

    /// `obj.name(*args)` from Swift.
    func callMethod(_ obj: Value, _ name: String, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        let (callable, selfValue) = try loadMethod(obj, name)
        if let s = selfValue { return try call(callable, [s] + args, kwargs) }
        return try call(callable, args, kwargs)
    }

    // MARK: match statements

    func isMatchSequence(_ v: Value) -> Bool {
        if case .object(let o) = v { return o is PyList || o is PyTuple || o is PyRange }
        return false
    }

    /// Class pattern: checks isinstance and fetches the keyword attributes; None on failure.
    func matchClass(_ subject: Value, _ cls: Value, names: Value, positional: Int) throws -> Value {
        guard case .object(let co) = cls, let t = co as? PyType else {
            throw error(BuiltinTypes.typeError, "called match pattern must be a class")
        }
        guard subject.type.isSubtype(of: t) else { return .none }
        guard case .object(let no) = names, let tuple = no as? PyTuple, case .int(let npos)? = tuple.items.first else {
            return .object(PyTuple([]))
        }
        var out: [Value] = []
        if npos > 0 {
            let selfMatching: [PyType] = [BuiltinTypes.bool, BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.str, BuiltinTypes.bytes,
                                          BuiltinTypes.dict, BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.set, BuiltinTypes.frozenset]
            if selfMatching.contains(where: { $0 === t }) {
                if npos > 1 { throw error(BuiltinTypes.typeError, "\(t.name)() accepts 1 positional sub-pattern (\(npos) given)") }
                out.append(subject)
            } else {
                let matchArgs = try t.lookup("__match_args__").map { try iterate($0) } ?? []
                if npos > matchArgs.count {
                    throw error(BuiltinTypes.typeError, "\(t.name)() accepts \(matchArgs.count) positional sub-pattern\(matchArgs.count == 1 ? "" : "s") (\(npos) given)")
                }
                for i in 0..<npos {
                    guard let v = try findAttr(subject, try stringValue(matchArgs[i])) else { return .none }
                    out.append(v)
                }
            }
        }
        for n in tuple.items.dropFirst() {
            guard let s = n.asObject as? PyStr else { continue }
            guard let v = try findAttr(subject, s.value) else { return .none }
            out.append(v)
        }
        return .object(PyTuple(out))
    }
}

/// `list[int]` and friends: subscripting a builtin class gives an alias that prints like CPython's.
final class GenericAlias: PyObject {
    let origin: PyType
    let args: Value
    init(origin: PyType, args: Value) {
        self.origin = origin
        self.args = args
        super.init()
    }
}
