import Foundation
import Testing
@testable import Analyzer

/// "Never crash": trees as deep as the parser allows (it bounds depth at 1000) through every
/// rule, on a thread with a small (512 KiB) stack. The walkers stop descending at
/// `ASTChildren.maxDepth`, so their stack use is bounded whatever the input. The trees are
/// built directly (the parser's own limits are the parser's tests' business), and the same
/// shapes also go through the real parser on an ordinary thread.
@Suite struct LinterRobustnessTests {
    static let depth = 1000

    static func range() -> SourceRange { SourceRange(at: SourceLocation(line: 1, column: 0, offset: 0)) }
    static func name(_ id: String) -> Expr { Expr(.name(id: id, ctx: .load), range()) }
    static func call() -> Expr { Expr(.call(function: name("g"), args: [], keywords: []), range()) }

    /// Chains of each recursive expression shape, `depth` deep, ending in a call.
    static func deepExpressions() -> [Expr] {
        var shapes: [(Expr) -> Expr] = []
        shapes.append { Expr(.unaryOp(op: .not, operand: $0), range()) }
        shapes.append { Expr(.binOp(left: $0, op: .add, right: call()), range()) }
        shapes.append { Expr(.await(value: $0), range()) }
        shapes.append { Expr(.lambda(args: .empty, body: $0), range()) }
        shapes.append { Expr(.ifExp(test: name("c"), body: $0, orelse: call()), range()) }
        shapes.append { Expr(.list(elts: [$0], ctx: .load), range()) }
        shapes.append { Expr(.attribute(value: $0, attr: "a", ctx: .load), range()) }
        shapes.append { Expr(.call(function: $0, args: [call()], keywords: []), range()) }
        shapes.append { Expr(.listComp(elt: $0, generators: [Comprehension(target: Expr(.name(id: "v", ctx: .store), range()), iter: call(), ifs: [], isAsync: true)]), range()) }
        return shapes.map { shape in
            var expr = call()
            for _ in 0..<depth { expr = shape(expr) }
            return expr
        }
    }

    static func deepModules() -> [Module] {
        var modules = deepExpressions().map { expr -> Module in
            let body = [Stmt(.assign(targets: [Expr(.name(id: "x", ctx: .store), range())], value: expr, typeComment: nil), range())]
            let def = FunctionDef(isAsync: true, name: "f", args: .empty, body: body, decoratorList: [], returns: nil, nameRange: range())
            return Module(body: [Stmt(.functionDef(def), range())])
        }
        // Nested defs and ifs.
        var body = [Stmt(.expr(value: call()), range())]
        for level in 0..<depth {
            if level % 2 == 0 {
                body = [Stmt(.functionDef(FunctionDef(isAsync: level % 4 == 0, name: "f\(level)", args: .empty, body: body, decoratorList: [], returns: nil, nameRange: range())), range())]
            } else {
                body = [Stmt(.if(test: call(), body: body, orelse: []), range())]
            }
        }
        modules.append(Module(body: body))
        return modules
    }

    @Test func deepTreesOnASmallStack() {
        var all = Self.deepModules()
        if let only = Int(ProcessInfo.processInfo.environment["ASYNCD_SHAPE"] ?? ""), all.indices.contains(only) { all = [all[only]] }
        let modules = all
        let finished = ConcurrentResults<Int>(count: modules.count)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            for (index, module) in modules.enumerated() {
                let diagnostics = Linter.check(parsed: ParseResult(module: module, diagnostics: []), source: "async def f(): await g()\n",
                                               path: nil, selection: .all, importedModules: [:])
                _ = DiagnosticReport.text(.init(path: "deep.py", source: "async def f(): await g()\n", diagnostics: diagnostics))
                finished.set(index, diagnostics.count)
            }
            done.signal()
        }
        thread.stackSize = (Int(ProcessInfo.processInfo.environment["ASYNCD_STACK_KB"] ?? "") ?? 512) * 1024
        thread.start()
        done.wait()
        #expect(finished.values.allSatisfy { $0 != nil })
    }

    @Test func deepSourcesThroughTheParser() throws {
        let n = 3000
        let sources = [
            "async def f():\n    x = " + String(repeating: "not ", count: n) + "g()\n",
            "async def f():\n    x = " + String(repeating: "await ", count: n) + "g()\n",
            "x = " + Array(repeating: "g()", count: n).joined(separator: " if c else ") + "\n",
            "async def f():\n    return " + Array(repeating: "g()", count: n).joined(separator: " + ") + "\n",
            "async def f():\n    x = " + String(repeating: "(", count: 180) + "g()" + String(repeating: ")", count: 180) + "\n",
            (0..<90).map { String(repeating: "    ", count: $0) + "async def f\($0)():\n" }.joined() + String(repeating: "    ", count: 90) + "g()\n",
            "x = g" + String(repeating: "()", count: n) + "\n",
        ]
        for source in sources {
            _ = try Linter.check(source: source)
        }
    }
}
