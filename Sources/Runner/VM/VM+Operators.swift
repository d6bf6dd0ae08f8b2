// Arithmetic, comparison and truth, with CPython's numeric semantics (`Objects/longobject.c`,
// `Objects/floatobject.c`: floor division, modulo with the divisor's sign, float divmod) and
// its dispatch order for user classes (`__add__`, then the right operand's `__radd__`).
import Analyzer

/// An int as either fast or big.
enum IntValue {
    case small(Int)
    case big(BigInt)

    var big: BigInt {
        switch self {
        case .small(let i): return BigInt(i)
        case .big(let b): return b
        }
    }
}

extension VM {
    /// Largest int the runner builds (2^20 bits, about 315,000 digits); beyond it the run stops
    /// with the memory limit. Schoolbook multiplication is quadratic and runs without step
    /// checks, so this also bounds the time one arithmetic instruction can take (about a second).
    static let maxIntBits = 1 << 20

    func makeInt(_ b: BigInt) throws -> Value {
        if let i = b.asInt { return .int(i) }
        if b.bitLength > VM.maxIntBits { throw VMStop.limit(.memory) }
        let o = PyBigInt(b)
        if b.limbs.count > 64 { try charge(o, b.limbs.count * 4) }
        return .object(o)
    }

    func intValue(_ v: Value) -> IntValue? {
        switch v {
        case .int(let i): return .small(i)
        case .bool(let b): return .small(b ? 1 : 0)
        case .object(let o): if let b = o as? PyBigInt { return .big(b.value) }
        default: break
        }
        return nil
    }

    /// int or float (not bool-excluded: bool is an int) as a double.
    func floatValue(_ v: Value) -> Double? {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o): if let b = o as? PyBigInt { return b.value.toDouble }
        default: break
        }
        return nil
    }

    // MARK: truth

    func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .object(let o):
            switch o {
            case let s as PyStr: return !s.value.isEmpty
            case let l as PyList: return !l.items.isEmpty
            case let t as PyTuple: return !t.items.isEmpty
            case let d as PyDict: return d.count != 0
            case let s as PySet: return s.count != 0
            case is PyBigInt: return true
            case let r as PyRange: return r.count != 0
            case let b as PyBytes: return !b.bytes.isEmpty
            case let i as PyInstance:
                if let b = i.cls.lookup("__bool__"), i.cls.lookupUser("__bool__") {
                    let r = try call(b, [v])
                    guard case .bool(let result) = r else {
                        throw error(BuiltinTypes.typeError, "__bool__ should return bool, returned \(r.typeName)")
                    }
                    return result
                }
                if let l = i.cls.lookup("__len__"), i.cls.lookupUser("__len__") {
                    return try lengthResult(call(l, [v])) != 0
                }
                return true
            default:
                if let native = o.pyType.lookup("__len__"), !(o is PyType) { return try lengthResult(call(native, [v])) != 0 }
                return true
            }
        }
    }

    // MARK: binary operators

    func binaryOp(_ a: Value, _ b: Value, _ op: BinaryOperator) throws -> Value {
        if let x = intValue(a), let y = intValue(b) { return try intOp(x, y, op) }
        if case .float = a, let x = floatValue(a), let y = floatValue(b), !(b.asObject is PyInstance) { return try floatOp(x, y, op) }
        if case .float = b, let x = floatValue(a), let y = floatValue(b) { return try floatOp(x, y, op) }
        if case .object(let ao) = a {
            switch ao {
            case let s as PyStr:
                switch op {
                case .add:
                    if case .object(let bo) = b, let t = bo as? PyStr {
                        try checkAllocation(s.value.utf8.count + t.value.utf8.count)
                        return .str(s.value + t.value)
                    }
                    if !(b.asObject is PyInstance) {
                        throw error(BuiltinTypes.typeError, "can only concatenate str (not \"\(b.typeName)\") to str")
                    }
                case .mult:
                    if let n = intValue(b) { return try repeatStr(s, n) }
                    if !(b.asObject is PyInstance) { throw error(BuiltinTypes.typeError, "can't multiply sequence by non-int of type '\(b.typeName)'") }
                case .mod:
                    return .str(try percentFormat(s.value, b))
                default: break
                }
            case let l as PyList:
                switch op {
                case .add:
                    if case .object(let bo) = b, let m = bo as? PyList {
                        try checkAllocation((l.items.count + m.items.count) * 16)
                        return .object(PyList(l.items + m.items))  // charged by PyList.init
                    }
                    if !(b.asObject is PyInstance) {
                        throw error(BuiltinTypes.typeError, "can only concatenate list (not \"\(b.typeName)\") to list")
                    }
                case .mult:
                    if let n = intValue(b) { return .object(PyList(try repeatItems(l.items, n))) }
                    if !(b.asObject is PyInstance) { throw error(BuiltinTypes.typeError, "can't multiply sequence by non-int of type '\(b.typeName)'") }
                default: break
                }
            case let t as PyTuple:
                switch op {
                case .add:
                    if case .object(let bo) = b, let u = bo as? PyTuple { return .object(PyTuple(t.items + u.items)) }
                    if !(b.asObject is PyInstance) {
                        throw error(BuiltinTypes.typeError, "can only concatenate tuple (not \"\(b.typeName)\") to tuple")
                    }
                case .mult:
                    if let n = intValue(b) { return .object(PyTuple(try repeatItems(t.items, n))) }
                default: break
                }
            case let d as PyDict where op == .bitOr:
                if case .object(let bo) = b, let e = bo as? PyDict {
                    let result = PyDict()
                    for entry in d.liveEntries { result.set(entry.key, entry.value) }
                    for entry in e.liveEntries { result.set(entry.key, entry.value) }
                    return .object(result)
                }
            case let s as PySet:
                if case .object(let bo) = b, let t = bo as? PySet, let r = setOperation(s, t, op) { return .object(r) }
            default: break
            }
        }
        if case .object(let bo) = b, let n = intValue(a), op == .mult {
            if let s = bo as? PyStr { return try repeatStr(s, n) }
            if let l = bo as? PyList { return .object(PyList(try repeatItems(l.items, n))) }
            if let t = bo as? PyTuple { return .object(PyTuple(try repeatItems(t.items, n))) }
        }
        if let result = try dunderBinary(a, b, op) { return result }
        let symbol = op == .pow ? "** or pow()" : op.symbol
        throw error(BuiltinTypes.typeError, "unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    static let dunderNames: [BinaryOperator: (String, String, String)] = [
        .add: ("__add__", "__radd__", "__iadd__"), .sub: ("__sub__", "__rsub__", "__isub__"),
        .mult: ("__mul__", "__rmul__", "__imul__"), .matMult: ("__matmul__", "__rmatmul__", "__imatmul__"),
        .div: ("__truediv__", "__rtruediv__", "__itruediv__"), .mod: ("__mod__", "__rmod__", "__imod__"),
        .pow: ("__pow__", "__rpow__", "__ipow__"), .lShift: ("__lshift__", "__rlshift__", "__ilshift__"),
        .rShift: ("__rshift__", "__rrshift__", "__irshift__"), .bitOr: ("__or__", "__ror__", "__ior__"),
        .bitXor: ("__xor__", "__rxor__", "__ixor__"), .bitAnd: ("__and__", "__rand__", "__iand__"),
        .floorDiv: ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ]

    private func dunderBinary(_ a: Value, _ b: Value, _ op: BinaryOperator) throws -> Value? {
        guard let (name, rname, _) = VM.dunderNames[op] else { return nil }
        let at = a.type, bt = b.type
        let bIsSubclass = bt !== at && bt.isSubtype(of: at) && bt.lookupUser(rname)
        if bIsSubclass, let r = bt.lookup(rname) {
            let v = try call(r, [b, a])
            if !isNotImplemented(v) { return v }
        }
        if at.lookupUser(name), let f = at.lookup(name) {
            let v = try call(f, [a, b])
            if !isNotImplemented(v) { return v }
        }
        if !bIsSubclass, bt !== at || !at.isBuiltin, bt.lookupUser(rname), let r = bt.lookup(rname) {
            let v = try call(r, [b, a])
            if !isNotImplemented(v) { return v }
        }
        return nil
    }

    func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v { return o === BuiltinTypes.notImplemented }
        return false
    }

    func inplaceOp(_ a: Value, _ b: Value, _ op: BinaryOperator) throws -> Value {
        if case .object(let ao) = a {
            if let l = ao as? PyList {
                if op == .add {
                    l.items.append(contentsOf: try iterate(b))
                    return a
                }
                if op == .mult, let n = intValue(b) {
                    l.items = try repeatItems(l.items, n)
                    return a
                }
            }
            if let d = ao as? PyDict, op == .bitOr {
                try mergeMapping(into: d, b, forCall: false, frame: nil)
                return a
            }
            if ao is PyInstance, let (_, _, iname) = VM.dunderNames[op], ao.pyType.lookupUser(iname), let f = ao.pyType.lookup(iname) {
                let v = try call(f, [a, b])
                if !isNotImplemented(v) { return v }
            }
        }
        do {
            return try binaryOp(a, b, op)
        } catch let e as PyError where e.exception.cls === BuiltinTypes.typeError {
            if let msg = e.exception.args.first?.asObject as? PyStr, msg.value.hasPrefix("unsupported operand type(s) for ") {
                let symbol = op == .pow ? "**=" : op.symbol + "="
                throw error(BuiltinTypes.typeError, "unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
            }
            throw e
        }
    }

    func repeatStr(_ s: PyStr, _ n: IntValue) throws -> Value {
        guard case .small(let count) = n else { throw VMStop.limit(.memory) }
        if count <= 0 || s.value.isEmpty { return .str("") }
        let (total, o) = s.value.utf8.count.multipliedReportingOverflow(by: count)
        if o { throw VMStop.limit(.memory) }
        try checkAllocation(total)
        // Copies the UTF-8 bytes in doubling blocks: String(repeating:count:) appends one
        // copy at a time through the general append path (27x slower for "y" * 1000).
        let unit = Array(s.value.utf8)
        let repeated = String(unsafeUninitializedCapacity: total) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            unit.withUnsafeBufferPointer { u in
                if let src = u.baseAddress { base.initialize(from: src, count: unit.count) }
            }
            var filled = unit.count
            while filled < total {
                let chunk = Swift.min(filled, total - filled)
                (base + filled).initialize(from: base, count: chunk)
                filled += chunk
            }
            return total
        }
        return .object(PyStr(repeated))  // charged by PyStr.init
    }

    func repeatItems(_ items: [Value], _ n: IntValue) throws -> [Value] {
        guard case .small(let count) = n else { throw VMStop.limit(.memory) }
        if count <= 0 || items.isEmpty { return [] }
        let (total, o) = items.count.multipliedReportingOverflow(by: count)
        if o || total > (1 << 40) { throw VMStop.limit(.memory) }
        try checkAllocation(total * 16)
        var out: [Value] = []
        out.reserveCapacity(total)
        for _ in 0..<count { out.append(contentsOf: items) }
        return out
    }

    func intOp(_ x: IntValue, _ y: IntValue, _ op: BinaryOperator) throws -> Value {
        if case .small(let a) = x, case .small(let b) = y {
            switch op {
            case .add:
                let (r, o) = a.addingReportingOverflow(b)
                if !o { return .int(r) }
            case .sub:
                let (r, o) = a.subtractingReportingOverflow(b)
                if !o { return .int(r) }
            case .mult:
                let (r, o) = a.multipliedReportingOverflow(by: b)
                if !o { return .int(r) }
            case .div:
                if b == 0 { throw error(BuiltinTypes.zeroDivisionError, "division by zero") }
                return .float(trueDivide(BigInt(a), BigInt(b)))
            case .floorDiv:
                if b == 0 { throw error(BuiltinTypes.zeroDivisionError, "integer division or modulo by zero") }
                if !(a == Int.min && b == -1) {
                    var q = a / b
                    if (a % b != 0) && ((a < 0) != (b < 0)) { q -= 1 }
                    return .int(q)
                }
            case .mod:
                if b == 0 { throw error(BuiltinTypes.zeroDivisionError, "integer modulo by zero") }
                if b == -1 { return .int(0) }
                var r = a % b
                if r != 0 && ((r < 0) != (b < 0)) { r += b }
                return .int(r)
            case .bitAnd: return .int(a & b)
            case .bitOr: return .int(a | b)
            case .bitXor: return .int(a ^ b)
            case .lShift:
                if b < 0 { throw error(BuiltinTypes.valueError, "negative shift count") }
                if b < 63 && a == (a << b) >> b { return .int(a << b) }
            case .rShift:
                if b < 0 { throw error(BuiltinTypes.valueError, "negative shift count") }
                return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
            case .pow:
                if b < 0 {
                    if a == 0 { throw error(BuiltinTypes.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                    return .float(Foundation.pow(Double(a), Double(b)))
                }
            default: break
            }
        }
        let a = x.big, b = y.big
        switch op {
        case .add: return try makeInt(a + b)
        case .sub: return try makeInt(a - b)
        case .mult:
            if a.bitLength + b.bitLength > VM.maxIntBits { throw VMStop.limit(.memory) }
            return try makeInt(a * b)
        case .div:
            if b.isZero { throw error(BuiltinTypes.zeroDivisionError, "division by zero") }
            let d = trueDivide(a, b)
            if d.isInfinite { throw error(BuiltinTypes.overflowError, "integer division result too large for a float") }
            return .float(d)
        case .floorDiv:
            if b.isZero { throw error(BuiltinTypes.zeroDivisionError, "integer division or modulo by zero") }
            return try makeInt(BigInt.divMod(a, b).0)
        case .mod:
            if b.isZero { throw error(BuiltinTypes.zeroDivisionError, "integer modulo by zero") }
            return try makeInt(BigInt.divMod(a, b).1)
        case .pow:
            if b.negative {
                if a.isZero { throw error(BuiltinTypes.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(a.toDouble, b.toDouble))
            }
            guard let e = b.asInt else { throw VMStop.limit(.memory) }
            if a.isZero || a == BigInt(1) { return try makeInt(e == 0 ? BigInt(1) : a) }
            if a == BigInt(-1) { return .int(e % 2 == 0 ? 1 : -1) }
            let (bits, o) = a.bitLength.multipliedReportingOverflow(by: e)
            if o || bits > VM.maxIntBits { throw VMStop.limit(.memory) }
            return try makeInt(BigInt.pow(a, e))
        case .lShift:
            guard let s = b.asInt, s >= 0 else {
                if b.negative { throw error(BuiltinTypes.valueError, "negative shift count") }
                throw VMStop.limit(.memory)
            }
            if a.isZero { return .int(0) }
            if s > VM.maxIntBits { throw VMStop.limit(.memory) }
            return try makeInt(a << s)
        case .rShift:
            if b.negative { throw error(BuiltinTypes.valueError, "negative shift count") }
            guard let s = b.asInt else { return .int(a.negative ? -1 : 0) }
            return try makeInt(a >> s)
        case .bitAnd: return try makeInt(BigInt.bitwise(a, b, &))
        case .bitOr: return try makeInt(BigInt.bitwise(a, b, |))
        case .bitXor: return try makeInt(BigInt.bitwise(a, b, ^))
        case .matMult:
            throw error(BuiltinTypes.typeError, "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    /// int / int correctly enough rounded for ints that fit a double's range.
    func trueDivide(_ a: BigInt, _ b: BigInt) -> Double {
        if let x = a.asInt, let y = b.asInt, x.magnitude < (1 << 53), y.magnitude < (1 << 53) {
            return Double(x) / Double(y)
        }
        // Scale so the quotient keeps 64 significant bits, then divide.
        let shift = max(0, 64 - (a.bitLength - b.bitLength))
        let (q, _) = BigInt.divMod((a.negative ? -a : a) << shift, b.negative ? -b : b)
        let magnitude = q.toDouble * Foundation.pow(2.0, Double(-shift))
        return (a.negative != b.negative) ? -magnitude : magnitude
    }

    func floatOp(_ a: Double, _ b: Double, _ op: BinaryOperator) throws -> Value {
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mult: return .float(a * b)
        case .div:
            if b == 0 { throw error(BuiltinTypes.zeroDivisionError, "float division by zero") }
            return .float(a / b)
        case .floorDiv:
            if b == 0 { throw error(BuiltinTypes.zeroDivisionError, "float floor division by zero") }
            return .float(floatDivmod(a, b).0)
        case .mod:
            if b == 0 { throw error(BuiltinTypes.zeroDivisionError, "float modulo") }
            return .float(floatDivmod(a, b).1)
        case .pow:
            if a == 0 && b < 0 { throw error(BuiltinTypes.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            let r = Foundation.pow(a, b)
            if r.isInfinite && a.isFinite && b.isFinite { throw error(BuiltinTypes.overflowError, "(34, 'Numerical result out of range')") }
            return .float(r)
        default:
            throw error(BuiltinTypes.typeError, "unsupported operand type(s) for \(op.symbol): 'float' and 'float'")
        }
    }

    /// CPython's `float_divmod`.
    func floatDivmod(_ vx: Double, _ wx: Double) -> (Double, Double) {
        var mod = fmod(vx, wx)
        var div = (vx - mod) / wx
        if mod != 0 {
            if (wx < 0) != (mod < 0) {
                mod += wx
                div -= 1.0
            }
        } else {
            mod = copysign(0.0, wx)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = floor(div)
            if div - floordiv > 0.5 { floordiv += 1.0 }
        } else {
            floordiv = copysign(0.0, vx / wx)
        }
        return (floordiv, mod)
    }

    func setOperation(_ a: PySet, _ b: PySet, _ op: BinaryOperator) -> PySet? {
        let r = PySet(frozen: a.frozen)
        switch op {
        case .bitOr:
            for k in a.keys { r.insert(k) }
            for k in b.keys { r.insert(k) }
        case .bitAnd:
            for k in a.keys where b.contains(k) { r.insert(k) }
        case .sub:
            for k in a.keys where !b.contains(k) { r.insert(k) }
        case .bitXor:
            for k in a.keys where !b.contains(k) { r.insert(k) }
            for k in b.keys where !a.contains(k) { r.insert(k) }
        default: return nil
        }
        return r
    }

    // MARK: unary

    func negate(_ v: Value) throws -> Value {
        switch v {
        case .int(let i): return i == Int.min ? try makeInt(-BigInt(i)) : .int(-i)
        case .bool(let b): return .int(b ? -1 : 0)
        case .float(let d): return .float(-d)
        case .object(let o):
            if let b = o as? PyBigInt { return try makeInt(-b.value) }
            if let f = o.pyType.lookup("__neg__"), o.pyType.lookupUser("__neg__") { return try call(f, [v]) }
        default: break
        }
        throw error(BuiltinTypes.typeError, "bad operand type for unary -: '\(v.typeName)'")
    }

    func positive(_ v: Value) throws -> Value {
        switch v {
        case .int, .float: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .object(let o):
            if o is PyBigInt { return v }
            if let f = o.pyType.lookup("__pos__"), o.pyType.lookupUser("__pos__") { return try call(f, [v]) }
        default: break
        }
        throw error(BuiltinTypes.typeError, "bad operand type for unary +: '\(v.typeName)'")
    }

    func invert(_ v: Value) throws -> Value {
        switch v {
        case .int(let i): return .int(~i)
        case .bool(let b): return .int(b ? -2 : -1)
        case .object(let o):
            if let b = o as? PyBigInt { return try makeInt(-b.value - BigInt(1)) }
            if let f = o.pyType.lookup("__invert__"), o.pyType.lookupUser("__invert__") { return try call(f, [v]) }
        default: break
        }
        throw error(BuiltinTypes.typeError, "bad operand type for unary ~: '\(v.typeName)'")
    }

    // MARK: comparison

    func compare(_ a: Value, _ b: Value, _ op: CompareOperator) throws -> Value {
        switch op {
        case .is: return .bool(a.isIdentical(b))
        case .isNot: return .bool(!a.isIdentical(b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .eq:
            if let r = try userRichCompare(a, b, "__eq__", "__eq__") { return r }
            return .bool(try equals(a, b))
        case .notEq:
            if let r = try userRichCompare(a, b, "__ne__", "__ne__") { return r }
            if a.type.lookupUser("__eq__") || b.type.lookupUser("__eq__") {
                if let r = try userRichCompare(a, b, "__eq__", "__eq__") { return .bool(!(try truthy(r))) }
            }
            return .bool(!(try equals(a, b)))
        case .lt, .ltE, .gt, .gtE:
            return try orderCompare(a, b, op)
        }
    }

    private func userRichCompare(_ a: Value, _ b: Value, _ name: String, _ reflected: String) throws -> Value? {
        let at = a.type, bt = b.type
        if !at.isBuiltin || !bt.isBuiltin {
            if bt !== at, bt.isSubtype(of: at), bt.lookupUser(reflected), let f = bt.lookup(reflected) {
                let r = try call(f, [b, a])
                if !isNotImplemented(r) { return r }
            }
            if at.lookupUser(name), let f = at.lookup(name) {
                let r = try call(f, [a, b])
                if !isNotImplemented(r) { return r }
            }
            if bt.lookupUser(reflected), let f = bt.lookup(reflected) {
                let r = try call(f, [b, a])
                if !isNotImplemented(r) { return r }
            }
        }
        return nil
    }

    /// `a == b` as a Swift Bool (containers compare element-wise, user `__eq__` honoured).
    func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.object(let x), .object(let y)):
            if x === y { return true }
            if let s = x as? PyStr, let t = y as? PyStr { return s.value.utf8.elementsEqual(t.value.utf8) }
            if let s = x as? PyList, let t = y as? PyList { return try sequenceEquals(s.items, t.items) }
            if let s = x as? PyTuple, let t = y as? PyTuple { return try sequenceEquals(s.items, t.items) }
            if let s = x as? PyDict, let t = y as? PyDict {
                guard s.count == t.count else { return false }
                for e in s.liveEntries {
                    guard let other = t.get(e.key), try equals(e.value, other) else { return false }
                }
                return true
            }
            if x is PyInstance || y is PyInstance {
                if let r = try userRichCompare(a, b, "__eq__", "__eq__") { return try truthy(r) }
                return false
            }
            if let r1 = x as? PyRange, let r2 = y as? PyRange {
                return r1.count == r2.count && (r1.count == 0 || (r1.start == r2.start && (r1.count == 1 || r1.step == r2.step)))
            }
            return DictKey.keyEquals(a, b)
        default:
            if case .object(let o) = a, o is PyInstance, let r = try userRichCompare(a, b, "__eq__", "__eq__") { return try truthy(r) }
            if case .object(let o) = b, o is PyInstance, let r = try userRichCompare(a, b, "__eq__", "__eq__") { return try truthy(r) }
            return DictKey.keyEquals(a, b)
        }
    }

    private func sequenceEquals(_ a: [Value], _ b: [Value]) throws -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count {
            if a[i].isIdentical(b[i]) { continue }
            if !(try equals(a[i], b[i])) { return false }
        }
        return true
    }

    static let orderNames: [CompareOperator: (String, String)] = [
        .lt: ("__lt__", "__gt__"), .ltE: ("__le__", "__ge__"), .gt: ("__gt__", "__lt__"), .gtE: ("__ge__", "__le__"),
    ]

    func orderCompare(_ a: Value, _ b: Value, _ op: CompareOperator) throws -> Value {
        if let c = try builtinOrder(a, b) {
            switch op {
            case .lt: return .bool(c < 0)
            case .ltE: return .bool(c <= 0)
            case .gt: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        }
        if let x = floatValue(a), let y = floatValue(b), (a.asObject == nil || a.asObject is PyBigInt), (b.asObject == nil || b.asObject is PyBigInt) {
            switch op {  // NaN compares false everywhere
            case .lt: return .bool(x < y)
            case .ltE: return .bool(x <= y)
            case .gt: return .bool(x > y)
            default: return .bool(x >= y)
            }
        }
        if case .object(let ao) = a, let s = ao as? PySet, case .object(let bo) = b, let t = bo as? PySet {
            let sub = s.keys.allSatisfy { t.contains($0) }
            let sup = t.keys.allSatisfy { s.contains($0) }
            switch op {
            case .lt: return .bool(sub && s.count < t.count)
            case .ltE: return .bool(sub)
            case .gt: return .bool(sup && s.count > t.count)
            default: return .bool(sup)
            }
        }
        if let (name, reflected) = VM.orderNames[op], let r = try userRichCompare(a, b, name, reflected) { return r }
        throw error(BuiltinTypes.typeError, "'\(op.symbol)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    /// -1/0/1 for pairs of builtin values with a total order, nil otherwise.
    func builtinOrder(_ a: Value, _ b: Value) throws -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.float(let x), .float(let y)) where !x.isNaN && !y.isNaN: return x < y ? -1 : (x == y ? 0 : 1)
        case (.object(let x), .object(let y)):
            if let s = x as? PyStr, let t = y as? PyStr {
                // Code point order (Swift's String < uses canonical equivalence).
                if s.value.utf8.elementsEqual(t.value.utf8) { return 0 }
                return s.value.unicodeScalars.lexicographicallyPrecedes(t.value.unicodeScalars) { $0.value < $1.value } ? -1 : 1
            }
            if let s = x as? PyList, let t = y as? PyList { return try sequenceOrder(s.items, t.items) }
            if let s = x as? PyTuple, let t = y as? PyTuple { return try sequenceOrder(s.items, t.items) }
            if let s = x as? PyBigInt, let t = y as? PyBigInt { return BigInt.compare(s.value, t.value) }
            if let s = x as? PyBytes, let t = y as? PyBytes {
                if s.bytes == t.bytes { return 0 }
                return s.bytes.lexicographicallyPrecedes(t.bytes) ? -1 : 1
            }
        default: break
        }
        if let x = intValue(a), let y = intValue(b) { return BigInt.compare(x.big, y.big) }
        return nil
    }

    private func sequenceOrder(_ a: [Value], _ b: [Value]) throws -> Int? {
        for i in 0..<min(a.count, b.count) {
            if a[i].isIdentical(b[i]) { continue }
            if try equals(a[i], b[i]) { continue }
            if try truthy(orderCompare(a[i], b[i], .lt)) { return -1 }
            return 1
        }
        return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    }

    /// `item in container`.
    func contains(_ container: Value, _ item: Value) throws -> Bool {
        if case .object(let o) = container {
            switch o {
            case let s as PyStr:
                guard case .object(let io) = item, let sub = io as? PyStr else {
                    throw error(BuiltinTypes.typeError, "'in <string>' requires string as left operand, not \(item.typeName)")
                }
                return sub.value.isEmpty || s.value.contains(sub.value)
            case let l as PyList:
                for x in l.items { if try x.isIdentical(item) || equals(x, item) { return true } }
                return false
            case let t as PyTuple:
                for x in t.items { if try x.isIdentical(item) || equals(x, item) { return true } }
                return false
            case let d as PyDict: return d.get(try hashKey(item)) != nil
            case let s as PySet: return s.contains(try hashKey(item))
            case let r as PyRange:
                guard case .int(let i) = item else { break }
                if r.step > 0 { return i >= r.start && i < r.stop && (i - r.start) % r.step == 0 }
                return i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
            default:
                if let f = o.pyType.lookup("__contains__"), !(o is PyType) { return try truthy(call(f, [container, item])) }
            }
        }
        let t = container.type
        if t.lookup("__iter__") == nil && t.lookup("__getitem__") == nil {
            throw error(BuiltinTypes.typeError, "argument of type '\(container.typeName)' is not iterable")
        }
        let it = try getIter(container)
        while let x = try nextValue(it) {
            if try x.isIdentical(item) || equals(x, item) { return true }
        }
        return false
    }
}
