/// The compile-time checks CPython 3.12 makes on `await`, `async for`, `async with`, async
/// comprehensions, `yield from` and `return value`, as their own pass over the AST (the shape of
/// ruff's `semantic_errors.rs`). They are the source of rules AIO101 to AIO104.
///
/// CPython accepts all of these in `ast.parse` and rejects them only in `compile()`: the checks
/// live in `Python/compile.c` (`compiler_visit_expr1` for `Await_kind` and `YieldFrom_kind`,
/// `compiler_async_for`, `compiler_async_with`, `compiler_comprehension`, `compiler_return`)
/// and use the scope kinds of `Python/symtable.c`. This pass mirrors that model:
///
/// - An expression runs in a *frame*: the module, a class body, a `def`/`async def`, a `lambda`
///   or a comprehension. Decorators, defaults, annotations, class bases and a comprehension's
///   first iterable run in the enclosing frame.
/// - `await` is allowed in an `async def` and in a comprehension (which it makes asynchronous).
///   In the module or a class body the message is "'await' outside function"; in a `def` or a
///   `lambda` it is "'await' outside async function".
/// - A list, set or dict comprehension is asynchronous when it has an `async for` clause, an
///   `await` in its own frame, or an asynchronous list/set/dict comprehension nested in its own
///   frame. It must then sit directly in an `async def` or in another comprehension (which it
///   makes asynchronous in turn). A generator expression may be asynchronous anywhere.
/// - `async for` and `async with` need an `async def` frame, even at module level.
/// - `yield from` is refused in an `async def`; `return value` (even `return None`) in an
///   `async def` whose own frame also `yield`s, wherever the `return` is.
/// - Annotations inside a function body are never compiled; at module and class level they
///   are. Under `from __future__ import annotations` none is compiled, but the symbol table
///   refuses an `await` directly in any annotation ("await expression cannot be used within an
///   annotation"; comprehensions and lambdas inside it are scopes of their own and are not checked).
///
/// Unlike `compile()`, which stops at the first error, every violation is reported.
public struct ScopeViolation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case awaitOutsideFunction
        case awaitOutsideAsyncFunction
        /// Under `from __future__ import annotations`, CPython's symbol table refuses `await` in
        /// any annotation (`symtable_raise_if_annotation_block`), even where it is never compiled.
        case awaitInAnnotation
        case asyncForOutsideAsync
        case asyncWithOutsideAsync
        case asyncComprehensionOutsideAsync
        case yieldFromInAsync
        case returnValueInAsyncGenerator

        /// CPython 3.12's `SyntaxError` message, word for word.
        public var cpythonMessage: String {
            switch self {
            case .awaitOutsideFunction: return "'await' outside function"
            case .awaitOutsideAsyncFunction: return "'await' outside async function"
            case .awaitInAnnotation: return "await expression cannot be used within an annotation"
            case .asyncForOutsideAsync: return "'async for' outside async function"
            case .asyncWithOutsideAsync: return "'async with' outside async function"
            case .asyncComprehensionOutsideAsync: return "asynchronous comprehension outside of an asynchronous function"
            case .yieldFromInAsync: return "'yield from' inside async function"
            case .returnValueInAsyncGenerator: return "'return' with value in async generator"
            }
        }
    }

    public var kind: Kind
    /// The node CPython points at: the `await`/`yield from` expression, the comprehension, or
    /// the `async for`/`async with`/`return` statement.
    public var range: SourceRange
    /// The innermost plain `def` enclosing the violation, when making it `async def` would fix it.
    public var enclosingPlainDef: FunctionDef?
    public var enclosingPlainDefRange: SourceRange?
}

public struct ScopeChecker {
    private enum FrameKind: Equatable {
        case module
        case classBody
        case function(isAsync: Bool)
        case lambda
        case comprehension(isGenerator: Bool)
    }

    private final class Frame {
        let kind: FrameKind
        let def: FunctionDef?
        let defRange: SourceRange?
        var isAsyncComprehension = false
        var hasYield = false
        var returnsWithValue: [SourceRange] = []

        init(_ kind: FrameKind, def: FunctionDef? = nil, defRange: SourceRange? = nil) {
            self.kind = kind
            self.def = def
            self.defRange = defRange
        }
    }

    private var violations: [ScopeViolation] = []
    private var futureAnnotations = false
    /// The plain `def`s enclosing the current point, innermost last (for the fix).
    private var plainDefs: [(FunctionDef, SourceRange)] = []

    /// All violations of `module`, sorted by position.
    public static func check(_ module: Module) -> [ScopeViolation] {
        var checker = ScopeChecker()
        checker.futureAnnotations = hasFutureAnnotations(module.body)
        let frame = Frame(.module)
        checker.visit(module.body, frame, depth: 0)
        return checker.violations.sorted { ($0.range.start.offset, $0.range.end.offset) < ($1.range.start.offset, $1.range.end.offset) }
    }

    /// `from __future__ import annotations` among the leading imports.
    static func hasFutureAnnotations(_ body: [Stmt]) -> Bool {
        for stmt in body {
            switch stmt.kind {
            case .importFrom(let module, let names, _) where module == "__future__":
                if names.contains(where: { $0.name == "annotations" }) { return true }
            case .expr(let value):
                if case .constant(.str, _) = value.kind { continue }
                return false
            default:
                return false
            }
        }
        return false
    }

    private mutating func report(_ kind: ScopeViolation.Kind, _ range: SourceRange) {
        let def = plainDefs.last
        violations.append(ScopeViolation(kind: kind, range: range, enclosingPlainDef: def?.0, enclosingPlainDefRange: def?.1))
    }

    private mutating func visit(_ body: [Stmt], _ frame: Frame, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        for stmt in body { visit(stmt, frame, depth: depth + 1) }
    }

    private mutating func visit(_ stmt: Stmt, _ frame: Frame, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        switch stmt.kind {
        case .functionDef(let def):
            for decorator in def.decoratorList { visit(decorator, frame, depth: depth + 1) }
            ASTChildren.forEachExpression(of: def.args, includeAnnotations: false) { value in visit(value, frame, depth: depth + 1) }
            if def.typeParams.isEmpty {
                let args = def.args
                func annotate(_ annotation: Expr?) {
                    guard let annotation else { return }
                    if futureAnnotations {
                        visitFutureAnnotation(annotation, depth: depth + 1)
                    } else {
                        visit(annotation, frame, depth: depth + 1)
                    }
                }
                for arg in args.posonlyargs { annotate(arg.annotation) }
                for arg in args.args { annotate(arg.annotation) }
                annotate(args.vararg?.annotation)
                for arg in args.kwonlyargs { annotate(arg.annotation) }
                annotate(args.kwarg?.annotation)
                annotate(def.returns)
            }
            let inner = Frame(.function(isAsync: def.isAsync), def: def, defRange: stmt.range)
            if !def.isAsync { plainDefs.append((def, stmt.range)) }
            let savedDefs = plainDefs
            if def.isAsync { plainDefs = [] }
            visit(def.body, inner, depth: depth + 1)
            plainDefs = savedDefs
            if !def.isAsync { plainDefs.removeLast() }
            if def.isAsync && inner.hasYield {
                for range in inner.returnsWithValue { report(.returnValueInAsyncGenerator, range) }
            }
        case .classDef(let cls):
            for decorator in cls.decoratorList { visit(decorator, frame, depth: depth + 1) }
            if cls.typeParams.isEmpty {
                for base in cls.bases { visit(base, frame, depth: depth + 1) }
                for keyword in cls.keywords { visit(keyword.value, frame, depth: depth + 1) }
            }
            let savedDefs = plainDefs
            plainDefs = []
            visit(cls.body, Frame(.classBody), depth: depth + 1)
            plainDefs = savedDefs
        case .annAssign(let target, let annotation, let value, _):
            if let value { visit(value, frame, depth: depth + 1) }
            visit(target, frame, depth: depth + 1)
            if futureAnnotations {
                visitFutureAnnotation(annotation, depth: depth + 1)
            } else if frame.kind == .module || frame.kind == .classBody {
                visit(annotation, frame, depth: depth + 1)
            }
        case .typeAlias:
            // The value is evaluated lazily in a type-parameter scope with its own messages.
            break
        case .for(let isAsync, _, _, _, _, _):
            if isAsync && frame.kind != .function(isAsync: true) { report(.asyncForOutsideAsync, stmt.range) }
            visitDefault(stmt, frame, depth: depth)
        case .with(let isAsync, _, _, _):
            if isAsync && frame.kind != .function(isAsync: true) { report(.asyncWithOutsideAsync, stmt.range) }
            visitDefault(stmt, frame, depth: depth)
        case .return(let value):
            if value != nil, frame.kind == .function(isAsync: true) { frame.returnsWithValue.append(stmt.range) }
            visitDefault(stmt, frame, depth: depth)
        default:
            visitDefault(stmt, frame, depth: depth)
        }
    }

    private mutating func visitDefault(_ stmt: Stmt, _ frame: Frame, depth: Int) {
        ASTChildren.forEachExpression(of: stmt) { expr in visit(expr, frame, depth: depth + 1) }
        ASTChildren.forEachBlock(of: stmt) { block in visit(block, frame, depth: depth + 1) }
    }

    private mutating func visit(_ expr: Expr, _ frame: Frame, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        switch expr.kind {
        case .await(let value):
            switch frame.kind {
            case .module, .classBody: report(.awaitOutsideFunction, expr.range)
            case .function(isAsync: false), .lambda: report(.awaitOutsideAsyncFunction, expr.range)
            case .function(isAsync: true): break
            case .comprehension: frame.isAsyncComprehension = true
            }
            visit(value, frame, depth: depth + 1)
        case .yieldFrom(let value):
            if frame.kind == .function(isAsync: true) { report(.yieldFromInAsync, expr.range) }
            frame.hasYield = true
            visit(value, frame, depth: depth + 1)
        case .yield(let value):
            frame.hasYield = true
            if let value { visit(value, frame, depth: depth + 1) }
        case .lambda(let args, let body):
            ASTChildren.forEachExpression(of: args, includeAnnotations: false) { value in visit(value, frame, depth: depth + 1) }
            let savedDefs = plainDefs
            plainDefs = []
            visit(body, Frame(.lambda), depth: depth + 1)
            plainDefs = savedDefs
        case .listComp(let elt, let generators), .setComp(let elt, let generators):
            visitComprehension(expr, elt, nil, generators, isGenerator: false, frame, depth: depth)
        case .generatorExp(let elt, let generators):
            visitComprehension(expr, elt, nil, generators, isGenerator: true, frame, depth: depth)
        case .dictComp(let key, let value, let generators):
            visitComprehension(expr, key, value, generators, isGenerator: false, frame, depth: depth)
        case .constant, .name:
            break
        default:
            ASTChildren.forEachChild(of: expr) { child in visit(child, frame, depth: depth + 1) }
        }
    }

    /// An annotation under `from __future__ import annotations`: never compiled, but an `await`
    /// directly in it (outside nested comprehensions and lambdas) is refused.
    private mutating func visitFutureAnnotation(_ expr: Expr, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        switch expr.kind {
        case .await(let value):
            report(.awaitInAnnotation, expr.range)
            visitFutureAnnotation(value, depth: depth + 1)
        case .lambda(let args, _):
            // Defaults run in the annotation's block; the body is a scope of its own.
            for value in ASTChildren.expressions(of: args, includeAnnotations: false) { visitFutureAnnotation(value, depth: depth + 1) }
        case .listComp(_, let generators), .setComp(_, let generators), .dictComp(_, _, let generators), .generatorExp(_, let generators):
            // Only the first iterable runs in the annotation's block.
            if let first = generators.first { visitFutureAnnotation(first.iter, depth: depth + 1) }
        default:
            ASTChildren.forEachChild(of: expr) { child in visitFutureAnnotation(child, depth: depth + 1) }
        }
    }

    private mutating func visitComprehension(_ expr: Expr, _ element: Expr, _ second: Expr?, _ generators: [Comprehension],
                                             isGenerator: Bool, _ frame: Frame, depth: Int) {
        guard let first = generators.first else { return }
        visit(first.iter, frame, depth: depth + 1)
        let inner = Frame(.comprehension(isGenerator: isGenerator))
        inner.isAsyncComprehension = generators.contains(where: \.isAsync)
        for (index, generator) in generators.enumerated() {
            visit(generator.target, inner, depth: depth + 1)
            if index > 0 { visit(generator.iter, inner, depth: depth + 1) }
            for condition in generator.ifs { visit(condition, inner, depth: depth + 1) }
        }
        visit(element, inner, depth: depth + 1)
        if let second { visit(second, inner, depth: depth + 1) }
        guard inner.isAsyncComprehension, !isGenerator else { return }
        switch frame.kind {
        case .function(isAsync: true): break
        case .comprehension: frame.isAsyncComprehension = true
        default: report(.asyncComprehensionOutsideAsync, expr.range)
        }
    }
}
