// Statements. The exception-handling shapes follow CPython 3.12's `compiler_try_except`,
// `compiler_try_finally` and `compiler_with`, with a handler stack instead of an exception table.
import Analyzer

extension Compiler {
    func compileBody(_ body: [Stmt]) throws {
        for s in body { try compileStmt(s) }
    }

    func compileStmt(_ s: Stmt) throws {
        try enterNesting(s.range.start.line)
        defer { depth -= 1 }
        unit.line = s.range.start.line
        switch s.kind {
        case .functionDef(let f):
            try compileFunction(f, s)
        case .classDef(let c):
            try compileClass(c, s)
        case .return(let value):
            guard unit.scope.isFunctionLike else {
                throw CompileError(type: "SyntaxError", message: "'return' outside function", line: s.range.start.line)
            }
            if let value { try compileExpr(value) } else { loadConst(.none) }
            if needsUnwind(upTo: nil) {
                let slot = tempSlot()
                emit(.storeFast, slot)
                try unwindBlocks(upTo: nil, forReturn: true)
                emit(.loadFast, slot)
            }
            emit(.returnValue)
        case .delete(let targets):
            for t in targets { try compileDelete(t) }
        case .assign(let targets, let value, _):
            try compileExpr(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { emit(.copy, 1) }
                try compileStore(t)
            }
        case .augAssign(let target, let op, let value):
            try compileAugAssign(target, op, value)
        case .annAssign(let target, let annotation, let value, let simple):
            if let value {
                try compileExpr(value)
                try compileStore(target)
            }
            if unit.scope.kind == .classBody, simple, case .name(let id, _) = target.kind {
                try compileExpr(annotation)
                emit(.storeAnnotation, name(id))
            } else if unit.scope.kind == .module {
                try compileExpr(annotation)
                emit(.pop)
            }
        case .for(let isAsync, let target, let iter, let body, let orelse, _):
            try compileFor(isAsync: isAsync, target: target, iter: iter, body: body, orelse: orelse)
        case .while(let test, let body, let orelse):
            let block = FBlock(.whileLoop)
            let start = here
            block.continueTarget = start
            try compileExpr(test)
            let exit = emit(.popJumpIfFalse)
            unit.fblocks.append(block)
            try compileBody(body)
            unit.fblocks.removeLast()
            emit(.jump, start)
            patch(exit)
            try compileBody(orelse)
            for j in block.breakJumps { patch(j) }
        case .if(let test, let body, let orelse):
            try compileExpr(test)
            let elseJump = emit(.popJumpIfFalse)
            try compileBody(body)
            if orelse.isEmpty {
                patch(elseJump)
            } else {
                let end = emit(.jump)
                patch(elseJump)
                try compileBody(orelse)
                patch(end)
            }
        case .with(let isAsync, let items, let body, _):
            try compileWith(items[...], body, isAsync: isAsync, line: s.range.start.line)
        case .match(let subject, let cases):
            try compileMatch(subject, cases)
        case .raise(let exc, let cause):
            var n = 0
            if let exc {
                try compileExpr(exc)
                n = 1
                if let cause {
                    try compileExpr(cause)
                    n = 2
                }
            }
            emit(.raiseVarargs, n)
        case .try(let isStar, let body, let handlers, let orelse, let finalbody):
            if finalbody.isEmpty {
                try compileTryExcept(body, handlers, orelse, isStar: isStar)
            } else {
                try compileTryFinally(finalbody) {
                    if handlers.isEmpty {
                        try self.compileBody(body)
                        try self.compileBody(orelse)
                    } else {
                        try self.compileTryExcept(body, handlers, orelse, isStar: isStar)
                    }
                }
            }
        case .assert(let test, let msg):
            try compileExpr(test)
            let ok = emit(.popJumpIfTrue)
            if let msg {
                try compileExpr(msg)
                emit(.raiseAssert, 1)
            } else {
                emit(.raiseAssert, 0)
            }
            patch(ok)
        case .import(let names):
            for a in names {
                emit(.importName, name(a.name))
                if let asname = a.asname {
                    if a.name.contains(".") {
                        // `import a.b as c` binds the submodule itself
                    }
                    storeName(asname)
                } else if let first = a.name.split(separator: ".").first, a.name.contains(".") {
                    emit(.pop)
                    emit(.importName, name(String(first)))
                    storeName(String(first))
                } else {
                    storeName(a.name)
                }
            }
        case .importFrom(let module, let names, let level):
            if level > 0 {
                loadConst(.str("attempted relative import with no known parent package"))
                emit(.importName, name("$relative"))
                return
            }
            emit(.importName, name(module ?? ""))
            if names.count == 1, names[0].name == "*" {
                guard unit.scope.kind == .module else {
                    throw CompileError(type: "SyntaxError", message: "import * only allowed at module level", line: s.range.start.line)
                }
                emit(.importStar)
                return
            }
            for a in names {
                emit(.importFrom, name(a.name))
                storeName(a.asname ?? a.name)
            }
            emit(.pop)
        case .global, .nonlocal, .pass:
            break
        case .expr(let value):
            try compileExpr(value)
            emit(.pop)
        case .break:
            guard let loop = unit.fblocks.last(where: { $0.isLoop }) else {
                throw CompileError(type: "SyntaxError", message: "'break' outside loop", line: s.range.start.line)
            }
            try unwindBlocks(upTo: loop, forReturn: false)
            if case .forLoop = loop.kind { emit(.pop) }
            loop.breakJumps.append(emit(.jump))
        case .continue:
            guard let loop = unit.fblocks.last(where: { $0.isLoop }) else {
                throw CompileError(type: "SyntaxError", message: "'continue' not properly in loop", line: s.range.start.line)
            }
            try unwindBlocks(upTo: loop, forReturn: false)
            emit(.jump, loop.continueTarget)
        case .typeAlias:
            throw CompileError(type: "SyntaxError", message: "type aliases are not supported by asyncd", line: s.range.start.line)
        case .invalid:
            throw CompileError(type: "SyntaxError", message: "invalid syntax", line: s.range.start.line)
        }
    }

    // MARK: unwinding for break / continue / return

    func needsUnwind(upTo target: FBlock?) -> Bool {
        for b in unit.fblocks.reversed() {
            if b === target { return false }
            if case .whileLoop = b.kind { continue }
            return true
        }
        return false
    }

    /// Emits the exits of every block above `target` (all blocks when nil), innermost first.
    func unwindBlocks(upTo target: FBlock?, forReturn: Bool) throws {
        var index = unit.fblocks.count - 1
        while index >= 0 {
            let b = unit.fblocks[index]
            if b === target { return }
            switch b.kind {
            case .whileLoop:
                break
            case .forLoop:
                if forReturn { emit(.pop) }
            case .tryExcept:
                emit(.popBlock)
            case .tryFinally(let body):
                emit(.popBlock)
                // The finally body runs with this block (and those inside it) gone.
                let saved = unit.fblocks
                unit.fblocks = Array(unit.fblocks[0..<index])
                try compileBody(body)
                unit.fblocks = saved
            case .finallyEnd:
                emit(.popBlock)
                emit(.pop)  // the exception
                emit(.popExcept)
            case .handler(let n):
                emit(.popBlock)
                emit(.popExcept)
                if let n { clearName(n) }
            case .with(let isAsync):
                emit(.popBlock)
                emitExitCall(isAsync: isAsync)
                emit(.pop)
            }
            index -= 1
        }
    }

    private func clearName(_ n: String) {
        loadConst(.none)
        storeName(n)
        deleteName(n)
    }

    /// [exit] -> [exit(None, None, None) result]
    private func emitExitCall(isAsync: Bool) {
        emit(.pushNull)
        loadConst(.none)
        loadConst(.none)
        loadConst(.none)
        emit(.call, 3)
        if isAsync {
            emit(.getAwaitable, 2)
            emitAwaitLoop()
        }
    }

    // MARK: loops

    private func compileFor(isAsync: Bool, target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt]) throws {
        let block = FBlock(.forLoop(isAsync: isAsync))
        try compileExpr(iter)
        if isAsync {
            emit(.getAIter)
            let start = here
            block.continueTarget = start
            let handler = emit(.setupFinally)
            emit(.getANext)
            emitAwaitLoop()
            emit(.popBlock)
            try compileStore(target)
            unit.fblocks.append(block)
            try compileBody(body)
            unit.fblocks.removeLast()
            emit(.jump, start)
            patch(handler)
            emit(.endAsyncFor)
        } else {
            emit(.getIter)
            let start = here
            block.continueTarget = start
            let forIter = emit(.forIter)
            try compileStore(target)
            unit.fblocks.append(block)
            try compileBody(body)
            unit.fblocks.removeLast()
            emit(.jump, start)
            patch(forIter)
        }
        try compileBody(orelse)
        for j in block.breakJumps { patch(j) }
    }

    // MARK: try

    func compileTryExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], isStar: Bool) throws {
        let setup = emit(.setupFinally)
        unit.fblocks.append(FBlock(.tryExcept))
        try compileBody(body)
        unit.fblocks.removeLast()
        emit(.popBlock)
        try compileBody(orelse)
        var endJumps = [emit(.jump)]
        patch(setup)
        // stack: [exc]
        emit(.pushExcInfo)  // [prev, exc]
        let cleanup = emit(.setupCleanup)
        if isStar {
            try compileStarHandlers(handlers, &endJumps)
        } else {
            for h in handlers {
                unit.line = h.range.start.line
                var nextJump: Int?
                if let t = h.type {
                    try compileExpr(t)
                    emit(.checkExcMatch)
                    nextJump = emit(.popJumpIfFalse)
                }
                if let n = h.name { storeName(n) } else { emit(.pop) }
                // stack: [prev]
                unit.fblocks.append(FBlock(.handler(name: h.name)))
                try compileBody(h.body)
                unit.fblocks.removeLast()
                emit(.popBlock)
                emit(.popExcept)
                if let n = h.name { clearName(n) }
                endJumps.append(emit(.jump))
                if let nextJump { patch(nextJump) }
            }
            emit(.reraise)  // no clause matched: [prev, exc] -> the cleanup handler
        }
        patch(cleanup)
        emit(.popExceptAndReraise)
        for j in endJumps { patch(j) }
    }

    /// `except*`: each clause takes the matching part of the group; what no clause takes is re-raised.
    private func compileStarHandlers(_ handlers: [ExceptHandler], _ endJumps: inout [Int]) throws {
        // stack: [prev, eg]
        for h in handlers {
            unit.line = h.range.start.line
            guard let t = h.type else { continue }
            try compileExpr(t)
            emit(.checkEgMatch)  // [prev, rest, match]
            emit(.copy, 1)
            let noMatch = emit(.popJumpIfNone)
            if let n = h.name { storeName(n) } else { emit(.pop) }
            // [prev, rest]: run the body with the match as the handled exception
            unit.fblocks.append(FBlock(.handler(name: nil)))
            try compileBody(h.body)
            unit.fblocks.removeLast()
            if let n = h.name { clearName(n) }
            let after = emit(.jump)
            patch(noMatch)
            emit(.pop)  // the None match
            patch(after)
            // [prev, rest]: nothing left -> done
            emit(.copy, 1)
            let stillSomething = emit(.popJumpIfNone)
            let cont = emit(.jump)
            patch(stillSomething)
            emit(.pop)
            emit(.popBlock)
            emit(.popExcept)
            endJumps.append(emit(.jump))
            patch(cont)
        }
        emit(.reraise)
    }

    func compileTryFinally(_ finalbody: [Stmt], _ body: () throws -> Void) throws {
        let setup = emit(.setupFinally)
        unit.fblocks.append(FBlock(.tryFinally(body: finalbody)))
        try body()
        unit.fblocks.removeLast()
        emit(.popBlock)
        try compileBody(finalbody)
        let end = emit(.jump)
        patch(setup)
        emit(.pushExcInfo)
        let cleanup = emit(.setupCleanup)
        unit.fblocks.append(FBlock(.finallyEnd))
        try compileBody(finalbody)
        unit.fblocks.removeLast()
        emit(.popBlock)
        emit(.popExceptAndReraise)
        patch(cleanup)
        emit(.popExceptAndReraise)
        patch(end)
    }

    // MARK: with

    func compileWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], isAsync: Bool, line: Int) throws {
        guard let item = items.first else {
            try compileBody(body)
            return
        }
        try compileExpr(item.contextExpr)
        unit.line = line
        emit(isAsync ? .beforeAsyncWith : .beforeWith)
        emit(.call, 0)
        if isAsync {
            emit(.getAwaitable, 1)
            emitAwaitLoop()
        }
        // The handler covers the body; the stack holds only __exit__ below it.
        if let target = item.optionalVars { try compileStore(target) } else { emit(.pop) }
        let setup = emit(.setupFinally)
        unit.fblocks.append(FBlock(.with(isAsync: isAsync)))
        try compileWith(items.dropFirst(), body, isAsync: isAsync, line: line)
        unit.fblocks.removeLast()
        emit(.popBlock)
        unit.line = line
        emitExitCall(isAsync: isAsync)
        emit(.pop)
        let end = emit(.jump)
        patch(setup)
        // [exit, exc]
        emit(.pushExcInfo)  // [exit, prev, exc]
        let cleanup = emit(.setupCleanup)
        emit(.copy, 3)
        emit(.pushNull)
        emit(.copy, 3)
        emit(.withExcArgs)
        emit(.call, 3)
        if isAsync {
            emit(.getAwaitable, 2)
            emitAwaitLoop()
        }
        let suppress = emit(.popJumpIfTrue)
        emit(.reraise)
        patch(suppress)
        emit(.popBlock)
        emit(.pop)
        emit(.popExcept)
        emit(.pop)
        let end2 = emit(.jump)
        patch(cleanup)
        emit(.popExceptAndReraise)
        patch(end)
        patch(end2)
    }

    // MARK: assignment targets

    func compileStore(_ target: Expr) throws {
        unit.line = target.range.start.line
        switch target.kind {
        case .name(let id, _):
            storeName(id)
        case .attribute(let value, let attr, _):
            try compileExpr(value)
            emit(.storeAttr, name(mangle(attr)))
        case .subscript(let value, let slice, _):
            try compileExpr(value)
            try compileExpr(slice)
            emit(.storeSubscr)
        case .tuple(let elts, _), .list(let elts, _):
            if let star = elts.firstIndex(where: { if case .starred = $0.kind { return true }; return false }) {
                let after = elts.count - star - 1
                emit(.unpackEx, star | (after << 8))
            } else {
                emit(.unpackSequence, elts.count)
            }
            for e in elts {
                if case .starred(let v, _) = e.kind { try compileStore(v) } else { try compileStore(e) }
            }
        case .starred:
            throw CompileError(type: "SyntaxError", message: "starred assignment target must be in a list or tuple", line: target.range.start.line)
        default:
            throw CompileError(type: "SyntaxError", message: "cannot assign to expression", line: target.range.start.line)
        }
    }

    func compileDelete(_ target: Expr) throws {
        unit.line = target.range.start.line
        switch target.kind {
        case .name(let id, _): deleteName(id)
        case .attribute(let value, let attr, _):
            try compileExpr(value)
            emit(.deleteAttr, name(mangle(attr)))
        case .subscript(let value, let slice, _):
            try compileExpr(value)
            try compileExpr(slice)
            emit(.deleteSubscr)
        case .tuple(let elts, _), .list(let elts, _):
            for e in elts { try compileDelete(e) }
        default:
            throw CompileError(type: "SyntaxError", message: "cannot delete expression", line: target.range.start.line)
        }
    }

    private func compileAugAssign(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws {
        let opIndex = binaryOperators.firstIndex(of: op) ?? 0
        switch target.kind {
        case .name(let id, _):
            loadName(id)
            try compileExpr(value)
            unit.line = target.range.start.line
            emit(.inplaceOp, opIndex)
            storeName(id)
        case .attribute(let obj, let attr, _):
            try compileExpr(obj)
            emit(.copy, 1)
            emit(.loadAttr, name(mangle(attr)))
            try compileExpr(value)
            unit.line = target.range.start.line
            emit(.inplaceOp, opIndex)
            emit(.swap, 2)
            emit(.storeAttr, name(mangle(attr)))
        case .subscript(let obj, let key, _):
            try compileExpr(obj)
            try compileExpr(key)
            emit(.copy, 2)
            emit(.copy, 2)
            emit(.binarySubscr)
            try compileExpr(value)
            unit.line = target.range.start.line
            emit(.inplaceOp, opIndex)
            emit(.swap, 3)
            emit(.swap, 2)
            emit(.storeSubscr)
        default:
            throw CompileError(type: "SyntaxError", message: "'\(target.kind)' is an illegal expression for augmented assignment", line: target.range.start.line)
        }
    }

    // MARK: match (a subset: literals, captures, wildcards, sequences, class patterns, or-patterns)

    private func compileMatch(_ subject: Expr, _ cases: [MatchCase]) throws {
        try compileExpr(subject)
        var endJumps: [Int] = []
        for c in cases {
            // stack: [subject]
            emit(.copy, 1)
            var failJumps: [Int] = []
            try compilePattern(c.pattern, &failJumps)
            if let g = c.guardExpr {
                try compileExpr(g)
                failJumps.append(emit(.popJumpIfFalse))
            }
            emit(.pop)  // the copy
            emit(.pop)  // the subject
            try compileBody(c.body)
            endJumps.append(emit(.jump))
            // failure: [subject, copy]
            for j in failJumps { patch(j) }
            emit(.pop)
        }
        emit(.pop)
        for j in endJumps { patch(j) }
    }

    /// Consumes the value on top; on failure jumps (with that value still on the stack is not
    /// guaranteed), so every pattern first copies what it needs. Keeps [subject, copy] shape:
    /// on success the copy is consumed and one placeholder remains.
    private func compilePattern(_ p: Pattern, _ failJumps: inout [Int]) throws {
        switch p.kind {
        case .matchAs(nil, nil):
            break
        case .matchAs(nil, let name?):
            emit(.copy, 1)
            storeName(name)
        case .matchValue(let v):
            emit(.copy, 1)
            try compileExpr(v)
            emit(.compareOp, 0)
            failJumps.append(emit(.popJumpIfFalse))
        case .matchSingleton(let c):
            emit(.copy, 1)
            loadConst(constantValue(c))
            emit(.compareOp, 6)
            failJumps.append(emit(.popJumpIfFalse))
        case .matchOr(let alternatives):
            var successJumps: [Int] = []
            for alt in alternatives {
                var altFails: [Int] = []
                try compilePattern(alt, &altFails)
                successJumps.append(emit(.jump))
                for j in altFails { patch(j) }
            }
            failJumps.append(emit(.jump))
            for j in successJumps { patch(j) }
        case .matchAs(let inner?, let name):
            try compilePattern(inner, &failJumps)
            if let name {
                emit(.copy, 1)
                storeName(name)
            }
        case .matchSequence(let patterns):
            emit(.matchSequence)
            failJumps.append(emit(.popJumpIfFalse))
            let star = patterns.firstIndex { if case .matchStar = $0.kind { return true }; return false }
            emit(.getLen)
            loadConst(.int(star == nil ? patterns.count : patterns.count - 1))
            emit(.compareOp, star == nil ? 0 : 5)
            failJumps.append(emit(.popJumpIfFalse))
            emit(.copy, 1)
            if let star {
                emit(.unpackEx, star | ((patterns.count - star - 1) << 8))
            } else {
                emit(.unpackSequence, patterns.count)
            }
            for (i, sub) in patterns.enumerated() {
                if case .matchStar(let n) = sub.kind {
                    if let n { storeName(n) } else { emit(.pop) }
                    continue
                }
                var subFails: [Int] = []
                try compilePattern(sub, &subFails)
                emit(.pop)
                if !subFails.isEmpty {
                    let ok = emit(.jump)
                    for j in subFails { patch(j) }
                    // pop the remaining unpacked items, then fail
                    for _ in 0..<(patterns.count - i) { emit(.pop) }
                    failJumps.append(emit(.jump))
                    patch(ok)
                }
            }
        case .matchClass(let cls, let positional, let kwdAttrs, let keywordPatterns):
            // Positional sub-patterns are resolved through __match_args__ at run time.
            let kwdPatterns = positional + keywordPatterns
            emit(.copy, 1)
            try compileExpr(cls)
            emit(.matchClassAttrs, constant(.object(PyTuple([.int(positional.count)] + kwdAttrs.map { .str($0) }))))
            emit(.copy, 1)
            let isNone = emit(.popJumpIfNone)
            let over = emit(.jump)
            patch(isNone)
            emit(.pop)
            failJumps.append(emit(.jump))
            patch(over)
            emit(.unpackSequence, kwdPatterns.count)
            for (i, sub) in kwdPatterns.enumerated() {
                var subFails: [Int] = []
                try compilePattern(sub, &subFails)
                emit(.pop)
                if !subFails.isEmpty {
                    let ok = emit(.jump)
                    for j in subFails { patch(j) }
                    for _ in 0..<(kwdPatterns.count - i) { emit(.pop) }
                    failJumps.append(emit(.jump))
                    patch(ok)
                }
            }
        case .matchMapping(let keys, let patterns, let rest):
            if rest != nil {
                throw CompileError(type: "SyntaxError", message: "**rest in mapping patterns is not supported by asyncd", line: p.range.start.line)
            }
            emit(.matchMapping)
            failJumps.append(emit(.popJumpIfFalse))
            var failPop: [Int] = []
            let sentinel = Value.object(BuiltinTypes.null)
            for (key, sub) in zip(keys, patterns) {
                emit(.copy, 1)
                emit(.loadMethod, name("get"))
                try compileExpr(key)
                loadConst(sentinel)
                emit(.call, 2)
                emit(.copy, 1)
                loadConst(sentinel)
                emit(.compareOp, compareOperators.firstIndex(of: .is) ?? 6)
                failPop.append(emit(.popJumpIfTrue))
                var subFails: [Int] = []
                try compilePattern(sub, &subFails)
                failPop.append(contentsOf: subFails)
                emit(.pop)
            }
            if !failPop.isEmpty {
                let ok = emit(.jump)
                for j in failPop { patch(j) }
                emit(.pop)
                failJumps.append(emit(.jump))
                patch(ok)
            }
        case .matchStar, .invalid:
            throw CompileError(type: "SyntaxError", message: "this match pattern is not supported by asyncd", line: p.range.start.line)
        }
    }
}
