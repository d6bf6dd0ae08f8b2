/// The number and string literals of an analysed text whose insides a language server may
/// change without a new analysis (`asyncd serve` carries the diagnostics over such edits,
/// moving positions).
///
/// Why that is sound: no rule reads the value of a number or a string — `Semantics/` and
/// `Rules/` match `.constant` only to tell `None`, `...`, strings and other values apart — so a
/// literal that stays one literal of the same kind changes the tree only in that constant's
/// value and in the offsets after it. The
/// diagnostics can then differ only where they quote source text holding the literal. A rule
/// quotes expressions of the scope it reports in (a call, a run of statements, the call whose
/// coroutine a name holds), so quotes of a literal in the body of a top-level `def` or `class`
/// stay inside that statement. A literal is listed only when it lies in such a body and no
/// diagnostic's range and no fix edit touches the whole statement (decorators included), and
/// only when the file has no syntax error; numbers inside f-strings are left out.
public struct LiteralMap: Sendable, Equatable {
    /// Byte ranges of the listed literals (a number token, or a string constant: one or more
    /// adjacent string tokens), in source order.
    public var ranges: [Range<Int>]
    /// For each range: whether it is a string (str or bytes) rather than a number.
    public var isString: [Bool]

    public init(ranges: [Range<Int>] = [], isString: [Bool]? = nil) {
        self.ranges = ranges
        self.isString = isString ?? Array(repeating: false, count: ranges.count)
    }

    init(module: Module, syntaxErrors: Bool, diagnostics: [Diagnostic]) {
        ranges = []
        isString = []
        guard !syntaxErrors else { return }
        let body = module.body
        guard !body.isEmpty else { return }
        // Each top-level statement's span, decorators included.
        var spans: [ClosedRange<Int>] = []
        spans.reserveCapacity(body.count)
        for stmt in body {
            var start = stmt.range.start.offset
            switch stmt.kind {
            case .functionDef(let def): for decorator in def.decoratorList { start = min(start, decorator.range.start.offset) }
            case .classDef(let cls): for decorator in cls.decoratorList { start = min(start, decorator.range.start.offset) }
            default: break
            }
            spans.append(start...max(start, stmt.range.end.offset))
        }
        var touched = [Bool](repeating: false, count: body.count)
        func mark(_ range: SourceRange) {
            let lower = range.start.offset, upper = max(range.start.offset, range.end.offset)
            // The first statement whose span ends at or after `lower`.
            var low = 0, high = spans.count
            while low < high {
                let mid = (low + high) / 2
                if spans[mid].upperBound < lower { low = mid + 1 } else { high = mid }
            }
            var index = low
            while index < spans.count, spans[index].lowerBound <= upper {
                touched[index] = true
                index += 1
            }
        }
        for diagnostic in diagnostics {
            mark(diagnostic.range)
            for edit in diagnostic.fix?.edits ?? [] { mark(edit.range) }
        }
        for (index, stmt) in body.enumerated() where !touched[index] {
            // Spans must be increasing for the search above; anything else means doubt.
            if index > 0, spans[index - 1].upperBound >= spans[index].lowerBound { continue }
            switch stmt.kind {
            case .functionDef(let def): collect(def.body, depth: 0)
            case .classDef(let cls): collect(cls.body, depth: 0)
            default: break
            }
        }
    }

    private mutating func collect(_ body: [Stmt], depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        for stmt in body {
            ASTChildren.forEachExpression(of: stmt) { expr in collect(expr, depth: depth + 1) }
            ASTChildren.forEachBlock(of: stmt) { block in collect(block, depth: depth + 1) }
            if let inner = ASTChildren.scopeBody(of: stmt) { collect(inner, depth: depth + 1) }
        }
    }

    private mutating func collect(_ expr: Expr, depth: Int) {
        guard depth < ASTChildren.maxDepth else { return }
        switch expr.kind {
        case .constant(let value, _):
            switch value {
            case .int, .bigInt, .float, .imaginary, .str, .bytes:
                let range = expr.range.start.offset..<expr.range.end.offset
                if !range.isEmpty, ranges.last.map({ $0.upperBound <= range.lowerBound }) ?? true {
                    ranges.append(range)
                    switch value {
                    case .str, .bytes: isString.append(true)
                    default: isString.append(false)
                    }
                }
            default:
                break
            }
        case .joinedStr, .name:
            return
        default:
            ASTChildren.forEachChild(of: expr) { child in collect(child, depth: depth + 1) }
        }
    }

    /// Whether `text` is exactly one number literal, as the tokenizer reads it alone.
    public static func isSingleNumber(_ text: [UInt8]) -> Bool {
        guard text.count <= 64, let constant = singleConstant(text) else { return false }
        switch constant.value {
        case .int, .bigInt, .float, .imaginary: return true
        default: return false
        }
    }

    /// What kind of string `text` is when it is exactly one string constant (one or more
    /// adjacent string tokens, no f-string), read alone: `"str"`, `"str u"` (with the `u`
    /// prefix) or `"bytes"`; nil otherwise.
    public static func stringKind(_ text: [UInt8]) -> String? {
        guard let constant = singleConstant(text) else { return nil }
        switch constant.value {
        case .str: return constant.kind == nil ? "str" : "str " + (constant.kind ?? "")
        case .bytes: return "bytes"
        default: return nil
        }
    }

    private static func singleConstant(_ text: [UInt8]) -> (value: ConstantValue, kind: String?)? {
        guard !text.isEmpty, text.count <= 1 << 16 else { return nil }
        let parsed = PythonFrontEnd.parse(bytes: text)
        guard parsed.diagnostics.isEmpty, parsed.comments.isEmpty, parsed.module.body.count == 1,
              case .expr(let value) = parsed.module.body[0].kind,
              case .constant(let constant, let kind) = value.kind,
              value.range.start.offset == 0, value.range.end.offset == text.count else { return nil }
        return (constant, kind)
    }
}
