// Expressions: calls (method calls without bound-method allocation, as CPython's LOAD_METHOD),
// chained comparisons, comprehensions as hidden functions, f-strings, yield/await loops.
import Analyzer

extension Compiler {
    func constantValue(_ c: ConstantValue) -> Value {
        switch c {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .ellipsis: return .object(BuiltinTypes.ellipsis)
        case .int(let i): return .int(i)
        case .bigInt(let digits):
            if let b = BigInt(text: Substring(digits), radix: 10) { return b.asInt.map { .int($0) } ?? .object(PyBigInt(b)) }
            return .int(0)
        case .float(let d): return .float(d)
        case .imaginary(let d): return .float(d)  // complex numbers are not modelled; see compileExpr
        case .str(let s): return .str(s.string)
        case .bytes(let b): return .object(PyBytes(b))
        }
    }

    func compileExpr(_ e: Expr) throws {
        try enterNesting(e.range.start.line)
        defer { depth -= 1 }
        let savedLine = unit.line
        unit.line = e.range.start.line
        defer { unit.line = savedLine }
        switch e.kind {
        case .constant(let c, _):
            if case .imaginary = c {
                throw CompileError(type: "SyntaxError", message: "complex numbers are not supported by asyncd", line: e.range.start.line)
            }
            loadConst(constantValue(c))
        case .name(let id, _):
            loadName(id)
        case .attribute(let value, let attr, _):
            try compileExpr(value)
            unit.line = e.range.start.line
            emit(.loadAttr, name(mangle(attr)))
        case .subscript(let value, let slice, _):
            try compileExpr(value)
            try compileExpr(slice)
            emit(.binarySubscr)
        case .slice(let lower, let upper, let step):
            if let lower { try compileExpr(lower) } else { loadConst(.none) }
            if let upper { try compileExpr(upper) } else { loadConst(.none) }
            if let step {
                try compileExpr(step)
                emit(.buildSlice, 3)
            } else {
                emit(.buildSlice, 2)
            }
        case .call(let function, let args, let keywords):
            try compileCall(function, args, keywords, e)
        case .binOp(let left, let op, let right):
            try compileExpr(left)
            try compileExpr(right)
            emit(.binaryOp, binaryOperators.firstIndex(of: op) ?? 0)
        case .unaryOp(let op, let operand):
            if op == .uSub, case .constant(let c, _) = operand.kind {
                switch c {
                case .int(let i) where i != Int.min: loadConst(.int(-i)); return
                case .float(let d): loadConst(.float(-d)); return
                default: break
                }
            }
            try compileExpr(operand)
            switch op {
            case .not: emit(.unaryNot)
            case .uSub: emit(.unaryNegative)
            case .uAdd: emit(.unaryPositive)
            case .invert: emit(.unaryInvert)
            }
        case .boolOp(let op, let values):
            var jumps: [Int] = []
            for (i, v) in values.enumerated() {
                try compileExpr(v)
                if i < values.count - 1 { jumps.append(emit(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop)) }
            }
            for j in jumps { patch(j) }
        case .compare(let left, let ops, let comparators):
            try compileExpr(left)
            if ops.count == 1 {
                try compileExpr(comparators[0])
                unit.line = e.range.start.line
                emit(.compareOp, compareOperators.firstIndex(of: ops[0]) ?? 0)
                return
            }
            var cleanups: [Int] = []
            for i in 0..<(ops.count - 1) {
                try compileExpr(comparators[i])
                emit(.swap, 2)
                emit(.copy, 2)
                emit(.compareOp, compareOperators.firstIndex(of: ops[i]) ?? 0)
                cleanups.append(emit(.jumpIfFalseOrPop))
            }
            try compileExpr(comparators[ops.count - 1])
            emit(.compareOp, compareOperators.firstIndex(of: ops[ops.count - 1]) ?? 0)
            let end = emit(.jump)
            for c in cleanups { patch(c) }
            emit(.swap, 2)
            emit(.pop)
            patch(end)
        case .ifExp(let test, let body, let orelse):
            try compileExpr(test)
            let elseJump = emit(.popJumpIfFalse)
            try compileExpr(body)
            let end = emit(.jump)
            patch(elseJump)
            try compileExpr(orelse)
            patch(end)
        case .namedExpr(let target, let value):
            try compileExpr(value)
            emit(.copy, 1)
            try compileStore(target)
        case .lambda(let args, let body):
            try compileLambda(args, body, e)
        case .tuple(let elts, _):
            if hasStarred(elts) {
                try compileStarredSequence(elts)
                emit(.listToTuple)
            } else if !elts.isEmpty, elts.allSatisfy({ if case .constant = $0.kind { return true }; return false }) {
                loadConst(.object(PyTuple(elts.map { if case .constant(let c, _) = $0.kind { return constantValue(c) }; return .none })))
            } else {
                for x in elts { try compileExpr(x) }
                emit(.buildTuple, elts.count)
            }
        case .list(let elts, _):
            if hasStarred(elts) {
                try compileStarredSequence(elts)
            } else {
                for x in elts { try compileExpr(x) }
                emit(.buildList, elts.count)
            }
        case .set(let elts):
            if hasStarred(elts) {
                emit(.buildSet, 0)
                for x in elts {
                    if case .starred(let v, _) = x.kind {
                        try compileExpr(v)
                        emit(.setUpdate, 1)
                    } else {
                        try compileExpr(x)
                        emit(.setAdd, 1)
                    }
                }
            } else {
                for x in elts { try compileExpr(x) }
                emit(.buildSet, elts.count)
            }
        case .dict(let keys, let values):
            if keys.contains(where: { $0 == nil }) {
                emit(.buildMap, 0)
                for (k, v) in zip(keys, values) {
                    if let k {
                        try compileExpr(k)
                        try compileExpr(v)
                        emit(.mapAdd, 1)
                    } else {
                        try compileExpr(v)
                        emit(.dictUpdate, 1)
                    }
                }
            } else {
                for (k, v) in zip(keys, values) {
                    if let k { try compileExpr(k) }
                    try compileExpr(v)
                }
                emit(.buildMap, keys.count)
            }
        case .listComp(let elt, let gens):
            try compileComprehension(e, gens, kind: .list, elt: elt, value: nil)
        case .setComp(let elt, let gens):
            try compileComprehension(e, gens, kind: .set, elt: elt, value: nil)
        case .dictComp(let key, let value, let gens):
            try compileComprehension(e, gens, kind: .dict, elt: key, value: value)
        case .generatorExp(let elt, let gens):
            try compileComprehension(e, gens, kind: .generator, elt: elt, value: nil)
        case .await(let value):
            if !unit.code.flags.contains(.coroutine) && !unit.code.flags.contains(.asyncGenerator) && unit.scope.kind != .comprehension {
                throw CompileError(type: "SyntaxError", message: "'await' outside async function", line: e.range.start.line)
            }
            try compileExpr(value)
            unit.line = e.range.start.line
            emit(.getAwaitable, 0)
            emitAwaitLoop()
        case .yield(let value):
            guard unit.scope.isFunctionLike else {
                throw CompileError(type: "SyntaxError", message: "'yield' outside function", line: e.range.start.line)
            }
            if let value { try compileExpr(value) } else { loadConst(.none) }
            unit.line = e.range.start.line
            emit(.yieldValue, unit.code.flags.contains(.asyncGenerator) ? 2 : 0)
        case .yieldFrom(let value):
            guard unit.scope.isFunctionLike else {
                throw CompileError(type: "SyntaxError", message: "'yield' outside function", line: e.range.start.line)
            }
            if unit.code.flags.contains(.coroutine) || unit.code.flags.contains(.asyncGenerator) {
                throw CompileError(type: "SyntaxError", message: "'yield from' inside async function", line: e.range.start.line)
            }
            try compileExpr(value)
            emit(.getYieldFromIter)
            emitAwaitLoop()
        case .joinedStr(let values):
            try compileJoinedStr(values)
        case .formattedValue:
            try compileJoinedStr([e])
        case .starred:
            throw CompileError(type: "SyntaxError", message: "can't use starred expression here", line: e.range.start.line)
        case .invalid:
            throw CompileError(type: "SyntaxError", message: "invalid syntax", line: e.range.start.line)
        }
    }

    /// [receiver] -> [result]: the SEND / YIELD_VALUE loop of `await` and `yield from`.
    func emitAwaitLoop() {
        loadConst(.none)
        let send = emit(.send)
        emit(.yieldValue, 1)
        emit(.jump, send)
        patch(send)
    }

    private func hasStarred(_ elts: [Expr]) -> Bool {
        elts.contains { if case .starred = $0.kind { return true }; return false }
    }

    /// Builds a list from elements some of which are `*iterable`.
    private func compileStarredSequence(_ elts: [Expr]) throws {
        emit(.buildList, 0)
        for x in elts {
            if case .starred(let v, _) = x.kind {
                try compileExpr(v)
                emit(.listExtend, 1)
            } else {
                try compileExpr(x)
                emit(.listAppend, 1)
            }
        }
    }

    private func compileJoinedStr(_ values: [Expr]) throws {
        var count = 0
        for v in values {
            switch v.kind {
            case .constant(.str(let s), _):
                loadConst(.str(s.string))
            case .formattedValue(let value, let conversion, let spec):
                try compileExpr(value)
                var flags = 0
                switch conversion {
                case 115: flags = 1  // 's'
                case 114: flags = 2  // 'r'
                case 97: flags = 3   // 'a'
                default: flags = 0
                }
                if let spec {
                    if case .joinedStr(let parts) = spec.kind { try compileJoinedStr(parts) } else { try compileExpr(spec) }
                    flags |= 4
                }
                emit(.formatValue, flags)
            default:
                try compileExpr(v)
            }
            count += 1
        }
        if count != 1 { emit(.buildString, count) }
        if count == 0 { return }
    }

    // MARK: calls

    private func compileCall(_ function: Expr, _ args: [Expr], _ keywords: [Keyword], _ e: Expr) throws {
        let simple = !hasStarred(args) && !keywords.contains { $0.arg == nil }
        // Zero-argument super(): super(__class__, <first argument>).
        if case .name("super", _) = function.kind, args.isEmpty, keywords.isEmpty,
           let classCell = unit.cellIndex["__class__"], unit.scope.kind == .function, let first = unit.scope.params.first {
            loadName("super")
            emit(.pushNull)
            emit(.loadDeref, classCell)
            loadName(first)
            unit.line = e.range.start.line
            emit(.call, 2)
            return
        }
        if simple, case .attribute(let obj, let attr, _) = function.kind {
            try compileExpr(obj)
            unit.line = function.range.end.line
            emit(.loadMethod, name(mangle(attr)))
        } else {
            try compileExpr(function)
            emit(.pushNull)
        }
        if simple {
            for a in args { try compileExpr(a) }
            for k in keywords { try compileExpr(k.value) }
            unit.line = e.range.start.line
            if keywords.isEmpty {
                emit(.call, args.count)
            } else {
                loadConst(.object(PyTuple(keywords.map { .str($0.arg ?? "") })))
                emit(.callKw, args.count + keywords.count)
            }
            return
        }
        // General form: f(*args, **kwargs)
        emit(.buildList, 0)
        for a in args {
            if case .starred(let v, _) = a.kind {
                try compileExpr(v)
                emit(.listExtend, 1)
            } else {
                try compileExpr(a)
                emit(.listAppend, 1)
            }
        }
        emit(.listToTuple)
        if keywords.isEmpty {
            unit.line = e.range.start.line
            emit(.callEx, 0)
            return
        }
        emit(.buildMap, 0)
        for k in keywords {
            if let n = k.arg {
                loadConst(.str(n))
                try compileExpr(k.value)
                emit(.mapAdd, 1)
            } else {
                try compileExpr(k.value)
                emit(.dictMerge, 1)
            }
        }
        unit.line = e.range.start.line
        emit(.callEx, 1)
    }

    // MARK: comprehensions

    enum ComprehensionKind { case list, set, dict, generator }

    private func compileComprehension(_ e: Expr, _ gens: [Comprehension], kind: ComprehensionKind, elt: Expr, value: Expr?) throws {
        let scope = try self.scope(for: e.range, tag: 4)
        let names: [ComprehensionKind: String] = [.list: "<listcomp>", .set: "<setcomp>", .dict: "<dictcomp>", .generator: "<genexpr>"]
        let isAsync = gens.contains { $0.isAsync } || (scope.hasAwait)
        let u = pushUnit(scope: scope, name: names[kind] ?? "<genexpr>", line: e.range.start.line)
        u.code.argCount = 1
        if kind == .generator {
            u.code.flags.insert(isAsync ? .asyncGenerator : .generator)
        } else {
            u.code.flags.insert(.inlinedComprehension)
            if isAsync { u.code.flags.insert(.coroutine) }
        }
        do {
            switch kind {
            case .list: emit(.buildList, 0)
            case .set: emit(.buildSet, 0)
            case .dict: emit(.buildMap, 0)
            case .generator: break
            }
            try compileGenerators(gens, index: 0, kind: kind, elt: elt, value: value, depth: kind == .generator ? 0 : 1)
            if kind == .generator { loadConst(.none) }
            emit(.returnValue)
        } catch {
            _ = popUnit()
            throw error
        }
        let code = popUnit()
        makeFunction(code, flags: 0)
        emit(.pushNull)
        try compileExpr(gens[0].iter)
        emit(gens[0].isAsync ? .getAIter : .getIter)
        emit(.call, 1)
        if isAsync && kind != .generator {
            emit(.getAwaitable, 0)
            emitAwaitLoop()
        }
    }

    private func compileGenerators(_ gens: [Comprehension], index: Int, kind: ComprehensionKind, elt: Expr, value: Expr?, depth: Int) throws {
        let g = gens[index]
        if index == 0 {
            emit(.loadFast, 0)
        } else {
            try compileExpr(g.iter)
            emit(g.isAsync ? .getAIter : .getIter)
        }
        let start = here
        var exitJump = 0
        var asyncHandler = 0
        if g.isAsync {
            asyncHandler = emit(.setupFinally)
            emit(.getANext)
            emitAwaitLoop()
            emit(.popBlock)
        } else {
            exitJump = emit(.forIter)
        }
        try compileStore(g.target)
        var ifJumps: [Int] = []
        for cond in g.ifs {
            try compileExpr(cond)
            ifJumps.append(emit(.popJumpIfFalse))
        }
        if index + 1 < gens.count {
            try compileGenerators(gens, index: index + 1, kind: kind, elt: elt, value: value, depth: depth + 1)
        } else {
            switch kind {
            case .list:
                try compileExpr(elt)
                emit(.listAppend, depth + 1)
            case .set:
                try compileExpr(elt)
                emit(.setAdd, depth + 1)
            case .dict:
                try compileExpr(elt)
                if let value { try compileExpr(value) }
                emit(.mapAdd, depth + 1)
            case .generator:
                try compileExpr(elt)
                emit(.yieldValue, unit.code.flags.contains(.asyncGenerator) ? 2 : 0)
                emit(.pop)
            }
        }
        for j in ifJumps { patch(j, to: start) }
        emit(.jump, start)
        if g.isAsync {
            patch(asyncHandler)
            emit(.endAsyncFor)
        } else {
            patch(exitJump)
        }
    }
}
