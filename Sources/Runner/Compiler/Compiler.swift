// AST → bytecode (clox's `compiler.c`, CPython's `Python/compile.c`). One `CodeUnit` per function,
// class body, lambda or comprehension, each with its scope from `SymbolTable`, so every name
// compiles to LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME once and for all.
import Analyzer

/// A control-flow block that `break`, `continue` and `return` must unwind (CPython's fblockinfo).
final class FBlock {
    enum Kind {
        case forLoop(isAsync: Bool)
        case whileLoop
        case tryExcept
        case tryFinally(body: [Stmt])
        /// Inside the exceptional copy of a finally body: [prev, exc] on the stack, cleanup handler set.
        case finallyEnd
        /// Inside an except clause: [prev] on the stack, cleanup handler set.
        case handler(name: String?)
        case with(isAsync: Bool)
    }
    let kind: Kind
    var continueTarget = 0
    var breakJumps: [Int] = []
    init(_ kind: Kind) { self.kind = kind }

    var isLoop: Bool {
        switch kind {
        case .forLoop, .whileLoop: return true
        default: return false
        }
    }
}

final class CodeUnit {
    let code: CodeObject
    let scope: Scope
    var line: Int
    var fblocks: [FBlock] = []
    var slotOf: [String: Int] = [:]
    var cellIndex: [String: Int] = [:]
    var nameIndex: [String: Int] = [:]
    var intConstants: [Int: Int] = [:]
    /// Keyed by UTF-8 bytes: Swift's String equality is canonical equivalence, Python's is by code point.
    var strConstants: [[UInt8]: Int] = [:]
    var tempCount = 0

    init(code: CodeObject, scope: Scope) {
        self.code = code
        self.scope = scope
        self.line = code.firstLine
        for (i, n) in scope.locals.enumerated() { slotOf[n] = i }
        code.varnames = scope.locals
        code.cellvars = scope.cellvars
        code.freevars = scope.freevars
        for (i, n) in (scope.cellvars + scope.freevars).enumerated() where cellIndex[n] == nil { cellIndex[n] = i }
        code.cellFromArg = scope.cellvars.map { scope.params.firstIndex(of: $0) ?? -1 }
    }
}

final class Compiler {
    let globals: Globals
    let table: SymbolTable
    var unit: CodeUnit
    var units: [CodeUnit] = []
    /// Nesting depth of expressions/statements, to turn pathological nesting into an error.
    var depth = 0
    let maxDepth = 400

    init(module: Module, globals: Globals) throws {
        self.globals = globals
        self.table = try SymbolTable(module)
        let code = CodeObject(name: "<module>", qualname: "<module>", firstLine: 1)
        code.flags = [.module]
        self.unit = CodeUnit(code: code, scope: table.module)
    }

    /// Compiles the whole module.
    static func compile(_ module: Module, globals: Globals) throws -> CodeObject {
        let c = try Compiler(module: module, globals: globals)
        try c.compileBody(module.body)
        c.emit(.loadConst, c.constant(.none))
        c.emit(.returnValue)
        return c.unit.code
    }

    // MARK: emission

    @discardableResult
    func emit(_ op: OpCode, _ arg: Int = 0) -> Int {
        unit.code.code.append(Instruction(op, Int32(truncatingIfNeeded: arg)))
        unit.code.lines.append(Int32(truncatingIfNeeded: unit.line))
        return unit.code.code.count - 1
    }

    var here: Int { unit.code.code.count }

    func patch(_ index: Int, to target: Int? = nil) {
        unit.code.code[index].arg = Int32(target ?? here)
    }

    func constant(_ v: Value) -> Int {
        switch v {
        case .int(let i):
            if let k = unit.intConstants[i] { return k }
            unit.code.constants.append(v)
            unit.intConstants[i] = unit.code.constants.count - 1
            return unit.code.constants.count - 1
        case .object(let o):
            if let s = o as? PyStr {
                let key = Array(s.value.utf8)
                if let k = unit.strConstants[key] { return k }
                unit.code.constants.append(v)
                unit.strConstants[key] = unit.code.constants.count - 1
                return unit.code.constants.count - 1
            }
        default: break
        }
        unit.code.constants.append(v)
        return unit.code.constants.count - 1
    }

    func loadConst(_ v: Value) { emit(.loadConst, constant(v)) }

    func name(_ s: String) -> Int {
        if let i = unit.nameIndex[s] { return i }
        unit.code.names.append(s)
        unit.nameIndex[s] = unit.code.names.count - 1
        return unit.code.names.count - 1
    }

    /// A hidden local slot (return values kept across `finally` bodies).
    func tempSlot() -> Int {
        let n = "$tmp\(unit.tempCount)"
        unit.tempCount += 1
        unit.code.varnames.append(n)
        let slot = unit.code.varnames.count - 1
        unit.slotOf[n] = slot
        return slot
    }

    func enterNesting(_ line: Int) throws {
        depth += 1
        if depth > maxDepth {
            throw CompileError(type: "RecursionError", message: "maximum recursion depth exceeded during compilation", line: line)
        }
    }

    // MARK: names

    /// Private name mangling (CPython's `_Py_Mangle`): inside a class, `__spam` (not ending in
    /// two underscores) becomes `_Class__spam` for attributes and class-body names.
    func mangle(_ id: String) -> String {
        guard id.hasPrefix("__"), !id.hasSuffix("__"), !id.contains(".") else { return id }
        for u in ([unit] + units.reversed()) where u.scope.kind == .classBody {
            let stripped = u.code.name.drop { $0 == "_" }
            return stripped.isEmpty ? id : "_\(stripped)\(id)"
        }
        return id
    }

    enum NameAccess {
        case fast(Int), deref(Int), global(Int), name(Int)
    }

    func access(_ id: String) -> NameAccess {
        let scope = unit.scope
        switch scope.kind {
        case .module:
            return .global(globals.slot(for: id))
        case .classBody:
            if scope.globals.contains(id) { return .global(globals.slot(for: id)) }
            if scope.localSet.contains(id) && !scope.nonlocals.contains(id) { return .name(name(mangle(id))) }
            if let c = unit.cellIndex[id], scope.freevars.contains(id) { return .deref(c) }
            return .name(name(mangle(id)))
        case .function, .comprehension:
            if scope.globals.contains(id) { return .global(globals.slot(for: id)) }
            if let c = unit.cellIndex[id] { return .deref(c) }
            if let s = unit.slotOf[id] { return .fast(s) }
            return .global(globals.slot(for: id))
        }
    }

    func loadName(_ id: String) {
        switch access(id) {
        case .fast(let s): emit(.loadFast, s)
        case .deref(let c): emit(.loadDeref, c)
        case .global(let g): emit(.loadGlobal, g)
        case .name(let n): emit(.loadName, n)
        }
    }

    func storeName(_ id: String) {
        switch access(id) {
        case .fast(let s): emit(.storeFast, s)
        case .deref(let c): emit(.storeDeref, c)
        case .global(let g): emit(.storeGlobal, g)
        case .name(let n): emit(.storeName, n)
        }
    }

    func deleteName(_ id: String) {
        switch access(id) {
        case .fast(let s): emit(.deleteFast, s)
        case .deref(let c): emit(.deleteDeref, c)
        case .global(let g): emit(.deleteGlobal, g)
        case .name(let n): emit(.deleteName, n)
        }
    }

    // MARK: nested code units

    func qualname(for name: String) -> String {
        var parts: [String] = []
        // Build from the enclosing units: functions add "<locals>".
        for u in units.dropFirst() + [unit] where u.scope.kind != .module {
            parts.append(u.code.name)
            if u.scope.kind == .function || u.scope.kind == .comprehension { parts.append("<locals>") }
        }
        parts.append(name)
        return parts.joined(separator: ".")
    }

    func pushUnit(scope: Scope, name: String, line: Int) -> CodeUnit {
        let code = CodeObject(name: name, qualname: qualname(for: name), firstLine: line)
        let u = CodeUnit(code: code, scope: scope)
        u.line = line
        units.append(unit)
        unit = u
        return u
    }

    func popUnit() -> CodeObject {
        let code = unit.code
        unit = units.removeLast()
        return code
    }

    /// Emits the closure tuple for `code` (cells of this unit named by its free variables) and
    /// MAKE_FUNCTION with `flags`.
    func makeFunction(_ code: CodeObject, flags: Int) {
        var f = flags
        if !code.freevars.isEmpty {
            for n in code.freevars {
                emit(.loadClosure, unit.cellIndex[n] ?? 0)
            }
            emit(.buildTuple, code.freevars.count)
            f |= 4
        }
        loadConst(.object(code))
        emit(.makeFunction, f)
    }

    func scope(for range: SourceRange, tag: UInt8) throws -> Scope {
        guard let s = table.scopes[SymbolTable.key(range, tag)] else {
            throw CompileError(type: "SystemError", message: "no symbol table for scope", line: range.start.line)
        }
        return s
    }

    /// Emits defaults and keyword defaults; returns MAKE_FUNCTION flags.
    func compileDefaults(_ args: Arguments) throws -> Int {
        var flags = 0
        if !args.defaults.isEmpty {
            for d in args.defaults { try compileExpr(d) }
            emit(.buildTuple, args.defaults.count)
            flags |= 1
        }
        let kw = zip(args.kwonlyargs, args.kwDefaults).compactMap { a, d in d.map { (a.arg, $0) } }
        if !kw.isEmpty {
            for (n, d) in kw {
                loadConst(.str(n))
                try compileExpr(d)
            }
            emit(.buildMap, kw.count)
            flags |= 2
        }
        return flags
    }

    func setSignature(_ code: CodeObject, _ args: Arguments) {
        code.posOnlyCount = args.posonlyargs.count
        code.argCount = args.posonlyargs.count + args.args.count
        code.kwOnlyCount = args.kwonlyargs.count
        code.hasVarargs = args.vararg != nil
        code.hasVarkw = args.kwarg != nil
    }

    func functionFlags(_ scope: Scope, isAsync: Bool) -> CodeObject.Flags {
        if isAsync { return scope.isGenerator ? .asyncGenerator : .coroutine }
        return scope.isGenerator ? .generator : []
    }

    func compileFunction(_ f: FunctionDef, _ stmt: Stmt) throws {
        for d in f.decoratorList {
            try compileExpr(d)
            emit(.pushNull)
        }
        let flags = try compileDefaults(f.args)
        let scope = try self.scope(for: stmt.range, tag: 1)
        let line = f.decoratorList.isEmpty ? stmt.range.start.line : f.nameRange.start.line
        let u = pushUnit(scope: scope, name: f.name, line: line)
        setSignature(u.code, f.args)
        u.code.flags.formUnion(functionFlags(scope, isAsync: f.isAsync))
        var body = f.body
        if let first = body.first, case .expr(let e) = first.kind, case .constant(.str(let doc), _) = e.kind {
            u.code.constants.append(.str(doc.string))
            u.code.flags.insert(.hasDocstring)
            body.removeFirst()
        }
        do {
            try compileBody(body)
            loadConst(.none)
            emit(.returnValue)
        } catch {
            _ = popUnit()
            throw error
        }
        let code = popUnit()
        unit.line = stmt.range.start.line
        makeFunction(code, flags: flags)
        for _ in f.decoratorList { emit(.call, 1) }
        storeName(f.name)
    }

    func compileLambda(_ args: Arguments, _ body: Expr, _ e: Expr) throws {
        let flags = try compileDefaults(args)
        let scope = try self.scope(for: e.range, tag: 3)
        let u = pushUnit(scope: scope, name: "<lambda>", line: e.range.start.line)
        setSignature(u.code, args)
        u.code.flags.formUnion(functionFlags(scope, isAsync: false))
        u.code.constants.append(.none)  // lambdas have no docstring (co_consts[0] is None)
        do {
            try compileExpr(body)
            if scope.isGenerator { emit(.pop); loadConst(.none) }
            emit(.returnValue)
        } catch {
            _ = popUnit()
            throw error
        }
        let code = popUnit()
        makeFunction(code, flags: flags)
    }

    func compileClass(_ c: ClassDef, _ stmt: Stmt) throws {
        for d in c.decoratorList {
            try compileExpr(d)
            emit(.pushNull)
        }
        emit(.loadBuildClass)
        emit(.pushNull)
        let scope = try self.scope(for: stmt.range, tag: 2)
        let u = pushUnit(scope: scope, name: c.name, line: stmt.range.start.line)
        u.code.flags.insert(.classBody)
        do {
            loadConst(.str("__main__"))
            emit(.storeName, name("__module__"))
            loadConst(.str(u.code.qualname))
            emit(.storeName, name("__qualname__"))
            var body = c.body
            if let first = body.first, case .expr(let e) = first.kind, case .constant(.str(let doc), _) = e.kind {
                loadConst(.str(doc.string))
                emit(.storeName, name("__doc__"))
                body.removeFirst()
            }
            try compileBody(body)
            loadConst(.none)
            emit(.returnValue)
        } catch {
            _ = popUnit()
            throw error
        }
        let code = popUnit()
        unit.line = stmt.range.start.line
        makeFunction(code, flags: 0)
        loadConst(.str(c.name))
        for b in c.bases { try compileExpr(b) }
        let kws = c.keywords.filter { $0.arg != nil }
        if kws.isEmpty {
            emit(.call, 2 + c.bases.count)
        } else {
            for k in kws { try compileExpr(k.value) }
            loadConst(.object(PyTuple(kws.map { .str($0.arg ?? "") })))
            emit(.callKw, 2 + c.bases.count + kws.count)
        }
        for _ in c.decoratorList { emit(.call, 1) }
        storeName(c.name)
    }
}
