import Foundation
@testable import Analyzer

/// Runs CPython 3.12 (`PYENV_VERSION=3.12.1 python3`) for the analyzer tests: its `compile()`
/// verdicts, its AST (through `scripts/cpython_ast_json.py`), and the virtual-time oracle.
/// Tests that need it skip with a message when it is missing.
enum CPython {
    static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()

    static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures/Rules")

    /// Whether `PYENV_VERSION=3.12.1 python3` runs Python 3.12.
    static let isAvailable: Bool = {
        guard let output = try? run(["-c", "import sys; print(sys.version_info[:2] == (3, 12))"]) else { return false }
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "True"
    }()

    static let skipMessage = "skipped: CPython 3.12 not found (PYENV_VERSION=3.12.1 python3)"

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs python3 with PYENV_VERSION=3.12.1 and the given arguments.
    static func run(_ arguments: [String], stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYENV_VERSION"] = "3.12.1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }

    /// CPython's AST of `source`, converted to the shared AST; nil when CPython cannot parse it.
    static func parse(_ source: String) throws -> Module? {
        let output = try run([repositoryRoot.appendingPathComponent("scripts/cpython_ast_json.py").path, "-"], stdin: source)
        guard let data = output.stdout.data(using: .utf8),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any], json["error"] == nil else { return nil }
        return ASTDecoder(text: SourceText(source)).module(json)
    }

    /// `compile(source, "<fixed>", "exec")` in CPython: nil when accepted, else the message.
    static func compileError(_ source: String) throws -> String? {
        let script = "import sys\nsrc = sys.stdin.read()\ntry:\n    compile(src, '<fixed>', 'exec')\n    print('OK')\nexcept SyntaxError as e:\n    print('ERR', e.msg, e.lineno)\n"
        let output = try run(["-c", script], stdin: source)
        let line = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return line == "OK" ? nil : line
    }
}

/// Converts the JSON of `scripts/cpython_ast_json.py` into the shared AST.
struct ASTDecoder {
    let text: SourceText

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        let index = max(0, min(line - 1, text.lineStarts.count - 1))
        let offset = text.lineStarts[index] + column
        return SourceLocation(line: line, column: column, offset: offset)
    }

    func range(_ json: [String: Any]) -> SourceRange {
        guard let r = json["_r"] as? [Int], r.count == 4 else { return SourceRange(at: location(1, 0)) }
        return SourceRange(start: location(r[0], r[1]), end: location(r[2], r[3]))
    }

    func module(_ json: [String: Any]) -> Module {
        Module(body: stmts(json["body"]))
    }

    func stmts(_ value: Any?) -> [Stmt] { (value as? [[String: Any]] ?? []).map(stmt) }
    func exprs(_ value: Any?) -> [Expr] { (value as? [[String: Any]] ?? []).map(expr) }
    func optExpr(_ value: Any?) -> Expr? { (value as? [String: Any]).map(expr) }
    func string(_ value: Any?) -> String { value as? String ?? "" }

    /// The range of the name after `def`/`class`, found in the text.
    func nameRange(_ json: [String: Any], keyword: String, name: String) -> SourceRange {
        let start = range(json).start.offset
        let bytes = text.bytes
        let keywordBytes = Array(keyword.utf8)
        var index = start
        while index + keywordBytes.count <= bytes.count {
            if Array(bytes[index..<index + keywordBytes.count]) == keywordBytes {
                var cursor = index + keywordBytes.count
                while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == 9 || bytes[cursor] == 92 || bytes[cursor] == 10 { cursor += 1 }
                return text.range(cursor, cursor + name.utf8.count)
            }
            index += 1
        }
        return text.point(start)
    }

    func arguments(_ value: Any?) -> Arguments {
        guard let json = value as? [String: Any] else { return .empty }
        func args(_ v: Any?) -> [Arg] { (v as? [[String: Any]] ?? []).map(arg) }
        return Arguments(posonlyargs: args(json["posonlyargs"]), args: args(json["args"]),
                         vararg: (json["vararg"] as? [String: Any]).map(arg), kwonlyargs: args(json["kwonlyargs"]),
                         kwDefaults: (json["kw_defaults"] as? [Any] ?? []).map { ($0 as? [String: Any]).map(expr) },
                         kwarg: (json["kwarg"] as? [String: Any]).map(arg), defaults: exprs(json["defaults"]))
    }

    func arg(_ json: [String: Any]) -> Arg {
        Arg(arg: string(json["arg"]), annotation: optExpr(json["annotation"]), range: range(json))
    }

    func keywords(_ value: Any?) -> [Keyword] {
        (value as? [[String: Any]] ?? []).map { Keyword(arg: $0["arg"] as? String, value: expr($0["value"] as? [String: Any] ?? [:]), range: range($0)) }
    }

    func comprehensions(_ value: Any?) -> [Comprehension] {
        (value as? [[String: Any]] ?? []).map {
            Comprehension(target: expr($0["target"] as? [String: Any] ?? [:]), iter: expr($0["iter"] as? [String: Any] ?? [:]),
                          ifs: exprs($0["ifs"]), isAsync: ($0["is_async"] as? Int ?? 0) != 0)
        }
    }

    func ctx(_ value: Any?) -> ExprContext { ExprContext(rawValue: value as? String ?? "Load") ?? .load }

    func constant(_ value: Any?) -> ConstantValue {
        guard let json = value as? [String: Any] else { return .none }
        switch json["k"] as? String {
        case "bool": return .bool(json["v"] as? Bool ?? false)
        case "ellipsis": return .ellipsis
        case "int":
            let digits = json["v"] as? String ?? "0"
            return Int(digits).map { .int($0) } ?? .bigInt(decimal: digits)
        case "float": return .float(Double(json["v"] as? String ?? "0") ?? 0)
        case "complex": return .imaginary(Double(json["v"] as? String ?? "0") ?? 0)
        case "str": return .str(PyStringLiteral(codePoints: (json["v"] as? [Int] ?? []).map { UInt32(clamping: $0) }))
        case "bytes": return .bytes((json["v"] as? [Int] ?? []).map { UInt8(clamping: $0) })
        default: return .none
        }
    }

    func stmt(_ json: [String: Any]) -> Stmt {
        let r = range(json)
        let kind: StmtKind
        switch json["_t"] as? String ?? "" {
        case "FunctionDef", "AsyncFunctionDef":
            let name = string(json["name"])
            let isAsync = json["_t"] as? String == "AsyncFunctionDef"
            kind = .functionDef(FunctionDef(isAsync: isAsync, name: name, args: arguments(json["args"]), body: stmts(json["body"]),
                                            decoratorList: exprs(json["decorator_list"]), returns: optExpr(json["returns"]),
                                            nameRange: nameRange(json, keyword: "def", name: name)))
        case "ClassDef":
            let name = string(json["name"])
            kind = .classDef(ClassDef(name: name, bases: exprs(json["bases"]), keywords: keywords(json["keywords"]),
                                      body: stmts(json["body"]), decoratorList: exprs(json["decorator_list"]),
                                      nameRange: nameRange(json, keyword: "class", name: name)))
        case "Return": kind = .return(value: optExpr(json["value"]))
        case "Delete": kind = .delete(targets: exprs(json["targets"]))
        case "Assign": kind = .assign(targets: exprs(json["targets"]), value: expr(json["value"] as? [String: Any] ?? [:]), typeComment: nil)
        case "AugAssign":
            kind = .augAssign(target: expr(json["target"] as? [String: Any] ?? [:]), op: BinaryOperator(rawValue: string(json["op"])) ?? .add,
                              value: expr(json["value"] as? [String: Any] ?? [:]))
        case "AnnAssign":
            kind = .annAssign(target: expr(json["target"] as? [String: Any] ?? [:]), annotation: expr(json["annotation"] as? [String: Any] ?? [:]),
                              value: optExpr(json["value"]), simple: (json["simple"] as? Int ?? 0) != 0)
        case "For", "AsyncFor":
            kind = .for(isAsync: json["_t"] as? String == "AsyncFor", target: expr(json["target"] as? [String: Any] ?? [:]),
                        iter: expr(json["iter"] as? [String: Any] ?? [:]), body: stmts(json["body"]), orelse: stmts(json["orelse"]), typeComment: nil)
        case "While": kind = .while(test: expr(json["test"] as? [String: Any] ?? [:]), body: stmts(json["body"]), orelse: stmts(json["orelse"]))
        case "If": kind = .if(test: expr(json["test"] as? [String: Any] ?? [:]), body: stmts(json["body"]), orelse: stmts(json["orelse"]))
        case "With", "AsyncWith":
            let items = (json["items"] as? [[String: Any]] ?? []).map {
                WithItem(contextExpr: expr($0["context_expr"] as? [String: Any] ?? [:]), optionalVars: optExpr($0["optional_vars"]))
            }
            kind = .with(isAsync: json["_t"] as? String == "AsyncWith", items: items, body: stmts(json["body"]), typeComment: nil)
        case "Match":
            let cases = (json["cases"] as? [[String: Any]] ?? []).map {
                MatchCase(pattern: pattern($0["pattern"] as? [String: Any] ?? [:]), guardExpr: optExpr($0["guard"]), body: stmts($0["body"]))
            }
            kind = .match(subject: expr(json["subject"] as? [String: Any] ?? [:]), cases: cases)
        case "Raise": kind = .raise(exc: optExpr(json["exc"]), cause: optExpr(json["cause"]))
        case "Try", "TryStar":
            let handlers = (json["handlers"] as? [[String: Any]] ?? []).map {
                ExceptHandler(type: optExpr($0["type"]), name: $0["name"] as? String, body: stmts($0["body"]), range: range($0))
            }
            kind = .try(isStar: json["_t"] as? String == "TryStar", body: stmts(json["body"]), handlers: handlers,
                        orelse: stmts(json["orelse"]), finalbody: stmts(json["finalbody"]))
        case "Assert": kind = .assert(test: expr(json["test"] as? [String: Any] ?? [:]), msg: optExpr(json["msg"]))
        case "Import": kind = .import(names: aliases(json["names"]))
        case "ImportFrom": kind = .importFrom(module: json["module"] as? String, names: aliases(json["names"]), level: json["level"] as? Int ?? 0)
        case "Global": kind = .global(names: json["names"] as? [String] ?? [])
        case "Nonlocal": kind = .nonlocal(names: json["names"] as? [String] ?? [])
        case "Expr": kind = .expr(value: expr(json["value"] as? [String: Any] ?? [:]))
        case "Pass": kind = .pass
        case "Break": kind = .break
        case "Continue": kind = .continue
        case "TypeAlias":
            kind = .typeAlias(name: expr(json["name"] as? [String: Any] ?? [:]), typeParams: [], value: expr(json["value"] as? [String: Any] ?? [:]))
        default: kind = .invalid
        }
        return Stmt(kind, r)
    }

    func aliases(_ value: Any?) -> [Alias] {
        (value as? [[String: Any]] ?? []).map { Alias(name: string($0["name"]), asname: $0["asname"] as? String, range: range($0)) }
    }

    func pattern(_ json: [String: Any]) -> Pattern {
        let kind: PatternKind
        func pats(_ v: Any?) -> [Pattern] { (v as? [[String: Any]] ?? []).map(pattern) }
        switch json["_t"] as? String ?? "" {
        case "MatchValue": kind = .matchValue(value: expr(json["value"] as? [String: Any] ?? [:]))
        case "MatchSingleton": kind = .matchSingleton(value: .none)
        case "MatchSequence": kind = .matchSequence(patterns: pats(json["patterns"]))
        case "MatchMapping": kind = .matchMapping(keys: exprs(json["keys"]), patterns: pats(json["patterns"]), rest: json["rest"] as? String)
        case "MatchClass":
            kind = .matchClass(cls: expr(json["cls"] as? [String: Any] ?? [:]), patterns: pats(json["patterns"]),
                               kwdAttrs: json["kwd_attrs"] as? [String] ?? [], kwdPatterns: pats(json["kwd_patterns"]))
        case "MatchStar": kind = .matchStar(name: json["name"] as? String)
        case "MatchAs": kind = .matchAs(pattern: (json["pattern"] as? [String: Any]).map(pattern), name: json["name"] as? String)
        case "MatchOr": kind = .matchOr(patterns: pats(json["patterns"]))
        default: kind = .invalid
        }
        return Pattern(kind, range(json))
    }

    func expr(_ json: [String: Any]) -> Expr {
        let r = range(json)
        func e(_ key: String) -> Expr { expr(json[key] as? [String: Any] ?? [:]) }
        let kind: ExprKind
        switch json["_t"] as? String ?? "" {
        case "BoolOp": kind = .boolOp(op: BoolOperator(rawValue: string(json["op"])) ?? .and, values: exprs(json["values"]))
        case "NamedExpr": kind = .namedExpr(target: e("target"), value: e("value"))
        case "BinOp": kind = .binOp(left: e("left"), op: BinaryOperator(rawValue: string(json["op"])) ?? .add, right: e("right"))
        case "UnaryOp": kind = .unaryOp(op: UnaryOperator(rawValue: string(json["op"])) ?? .not, operand: e("operand"))
        case "Lambda": kind = .lambda(args: arguments(json["args"]), body: e("body"))
        case "IfExp": kind = .ifExp(test: e("test"), body: e("body"), orelse: e("orelse"))
        case "Dict": kind = .dict(keys: (json["keys"] as? [Any] ?? []).map { ($0 as? [String: Any]).map(expr) }, values: exprs(json["values"]))
        case "Set": kind = .set(elts: exprs(json["elts"]))
        case "ListComp": kind = .listComp(elt: e("elt"), generators: comprehensions(json["generators"]))
        case "SetComp": kind = .setComp(elt: e("elt"), generators: comprehensions(json["generators"]))
        case "DictComp": kind = .dictComp(key: e("key"), value: e("value"), generators: comprehensions(json["generators"]))
        case "GeneratorExp": kind = .generatorExp(elt: e("elt"), generators: comprehensions(json["generators"]))
        case "Await": kind = .await(value: e("value"))
        case "Yield": kind = .yield(value: optExpr(json["value"]))
        case "YieldFrom": kind = .yieldFrom(value: e("value"))
        case "Compare":
            kind = .compare(left: e("left"), ops: (json["ops"] as? [String] ?? []).compactMap { CompareOperator(rawValue: $0) },
                            comparators: exprs(json["comparators"]))
        case "Call": kind = .call(function: e("func"), args: exprs(json["args"]), keywords: keywords(json["keywords"]))
        case "FormattedValue": kind = .formattedValue(value: e("value"), conversion: json["conversion"] as? Int ?? -1, formatSpec: optExpr(json["format_spec"]))
        case "JoinedStr": kind = .joinedStr(values: exprs(json["values"]))
        case "Constant": kind = .constant(value: constant(json["value"]), kind: json["kind"] as? String)
        case "Attribute": kind = .attribute(value: e("value"), attr: string(json["attr"]), ctx: ctx(json["ctx"]))
        case "Subscript": kind = .subscript(value: e("value"), slice: e("slice"), ctx: ctx(json["ctx"]))
        case "Starred": kind = .starred(value: e("value"), ctx: ctx(json["ctx"]))
        case "Name": kind = .name(id: string(json["id"]), ctx: ctx(json["ctx"]))
        case "List": kind = .list(elts: exprs(json["elts"]), ctx: ctx(json["ctx"]))
        case "Tuple": kind = .tuple(elts: exprs(json["elts"]), ctx: ctx(json["ctx"]))
        case "Slice": kind = .slice(lower: optExpr(json["lower"]), upper: optExpr(json["upper"]), step: optExpr(json["step"]))
        default: kind = .invalid
        }
        return Expr(kind, r)
    }
}
