/// Builds the text edits of the rules' fixes. Edits are byte ranges of the original text; the
/// fix applier (`FixApplier`) applies non-overlapping fixes from the end of the file backwards.
struct FixBuilder {
    let context: RuleContext
    var source: SourceText { context.source }

    func insert(_ text: String, at offset: Int) -> TextEdit {
        TextEdit(range: source.point(offset), newText: text)
    }

    func replace(_ range: SourceRange, with text: String) -> TextEdit {
        TextEdit(range: range, newText: text)
    }

    /// `import asyncio` at the top of the module (after the docstring and `__future__`
    /// imports) when the module does not import it yet; nil when it does.
    func asyncioImportIfNeeded() -> TextEdit? {
        if context.model.importsAsyncioModule { return nil }
        var insertionStmt: Stmt?
        var sawDocstring = false
        for stmt in context.model.module.body {
            if !sawDocstring, case .expr(let value) = stmt.kind, case .constant(.str, _) = value.kind {
                sawDocstring = true
                continue
            }
            sawDocstring = true
            if case .importFrom(let module, _, _) = stmt.kind, module == "__future__" { continue }
            insertionStmt = stmt
            break
        }
        if let stmt = insertionStmt {
            return insert("import asyncio\n", at: source.lineStart(at: stmt.range.start.offset))
        }
        // Only a docstring and future imports: append after the last statement's line.
        if let last = context.model.module.body.last {
            let end = last.range.end.offset
            let lineEnd = source.location(at: end).line
            let next = lineEnd < source.lineStarts.count ? source.lineStarts[lineEnd] : source.bytes.count
            let needsNewline = next == source.bytes.count && (source.bytes.last.map { $0 != UInt8(ascii: "\n") } ?? false)
            return insert((needsNewline ? "\n" : "") + "import asyncio\n", at: next)
        }
        return insert("import asyncio\n", at: 0)
    }

    /// The edits plus the `import asyncio` edit when needed.
    func withAsyncioImport(_ edits: [TextEdit]) -> [TextEdit] {
        if let importEdit = asyncioImportIfNeeded() { return [importEdit] + edits }
        return edits
    }

    /// `await` before an expression, parenthesised where `await` would otherwise bind wrongly.
    func awaitEdits(for expr: Expr, parenthesize: Bool) -> [TextEdit] {
        if parenthesize {
            return [insert("(await ", at: expr.range.start.offset), insert(")", at: expr.range.end.offset)]
        }
        return [insert("await ", at: expr.range.start.offset)]
    }

    /// Whether an expression in `context` needs parentheses once prefixed with `await`
    /// (`await` binds tighter than operators but looser than `.attr`, `[i]` and calls).
    static func needsParentheses(_ context: UseContext) -> Bool {
        switch context {
        case .callee, .attributeBase, .operand("indexed"): return true
        default: return false
        }
    }
}
