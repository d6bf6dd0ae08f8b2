/// A Python scope (CPython's symbol table block, `Python/symtable.c`): the module, a class body,
/// a function, a lambda or a comprehension, with the names bound in it.
public final class Scope {
    public enum Kind: Hashable, Sendable {
        case module
        case classBody
        case function
        case lambda
        case comprehension
    }

    public let kind: Kind
    /// Unowned: scopes are owned top-down (the model holds the module scope, each scope its
    /// children), so a strong back reference would leak every tree.
    public unowned let parent: Scope?
    /// For `.function` scopes: the `def` or `async def`.
    public let functionDef: FunctionDef?
    /// For `.classBody` scopes: the class.
    public let classDef: ClassDef?
    /// The range of the node that opens the scope (the whole `def`, `class`, `lambda` or comprehension).
    public let range: SourceRange
    public internal(set) var bindings: [String: [Binding]] = [:]
    public internal(set) var globals: Set<String> = []
    public internal(set) var nonlocals: Set<String> = []
    public internal(set) var children: [Scope] = []
    /// `SemanticModel.containsYield` of this function scope, once computed.
    var containsYieldMemo: Bool?

    init(kind: Kind, parent: Scope?, functionDef: FunctionDef? = nil, classDef: ClassDef? = nil, range: SourceRange) {
        self.kind = kind
        self.parent = parent
        self.functionDef = functionDef
        self.classDef = classDef
        self.range = range
    }

    public var isAsyncFunction: Bool { kind == .function && (functionDef?.isAsync ?? false) }

    /// The scope whose code this scope's code runs as part of: comprehensions run inline in
    /// the enclosing function (`await` in a list comprehension in an `async def` is fine).
    public var executionScope: Scope {
        var scope = self
        while scope.kind == .comprehension, let parent = scope.parent { scope = parent }
        return scope
    }

    /// Whether code in this scope runs inside a coroutine (`async def`, comprehensions in it).
    public var isAsyncContext: Bool { executionScope.isAsyncFunction }

    /// The module scope.
    public var module: Scope {
        var scope = self
        while let parent = scope.parent { scope = parent }
        return scope
    }

    /// For a method's scope, the class scope it is defined in.
    public var enclosingClass: Scope? {
        guard kind == .function, let parent, parent.kind == .classBody else { return nil }
        return parent
    }

    func addBinding(_ name: String, _ binding: Binding) {
        bindings[name, default: []].append(binding)
    }
}

/// One binding of a name: what was bound and where (`offset` is the byte offset after which
/// the binding is visible, e.g. the end of an assignment statement). A class, so that lookups
/// hand out references instead of copying payloads.
public final class Binding {
    public indirect enum Kind {
        case function(FunctionDef)
        case classDef(ClassDef)
        /// `import a.b` binds `a` to module `a`; `import a.b as c` binds `c` to `a.b`.
        case importModule(String)
        /// `from m import n` (with `level` leading dots).
        case importFrom(module: String, name: String, level: Int)
        case assignment(Expr)
        case annotated(annotation: Expr, value: Expr?)
        case parameter(annotation: Expr?, index: Int)
        case withItem(Expr, isAsync: Bool)
        /// `a, b = value`: the `index`-th element of `value`.
        case unpacked(Expr, index: Int)
        /// Loop targets, `except ... as`, match captures, augmented assignments.
        case other
    }

    public let kind: Kind
    public let offset: Int
    /// The name's own range at the binding site.
    public let range: SourceRange
    /// The statement list holding the binding (its chain of parents runs out to the module's).
    /// A later binding kills this one only if its block is this one's or one enclosing it; one
    /// in a sibling branch (`else:`) does not.
    let block: Block

    init(kind: Kind, offset: Int, range: SourceRange, block: Block) {
        self.kind = kind
        self.offset = offset
        self.range = range
        self.block = block
    }

    /// The ids of the statement lists enclosing the binding, outermost first (unique in the module).
    public var blockPath: [Int] {
        var path: [Int] = []
        var current = block
        // The root (no parent) stands for the empty path.
        while let parent = current.parent {
            path.append(current.id)
            current = parent
        }
        return path.reversed()
    }

    /// Whether `later` (bound after this binding) replaces it on every path that continues
    /// past it: it sits in the same statement list or in one enclosing it.
    public func isKilled(by later: Binding) -> Bool {
        guard later.offset > offset, later.block.depth <= block.depth else { return false }
        var node = block
        while node.depth > later.block.depth, let parent = node.parent { node = parent }
        return node === later.block
    }

    /// One statement list of the module, shared by the bindings made in it (a binding used to
    /// copy the whole path of ids, and the walker's next push then copied it again).
    final class Block {
        let id: Int
        let parent: Block?
        let depth: Int

        init(id: Int, parent: Block?) {
            self.id = id
            self.parent = parent
            self.depth = (parent?.depth ?? -1) + 1
        }
    }
}
