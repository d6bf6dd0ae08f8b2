/// Expressions: `Grammar/python.gram`, sections "EXPRESSIONS" through "LAMBDA FUNCTIONS" and
/// "TARGETS" (the `star_targets` family becomes a conversion of a parsed expression to
/// `Store`/`Del` context, with CPython's "cannot assign to ..." messages).
extension Parser {
    /// Whether `k` can start an expression (used to decide optional parts like `return [x]`).
    func startsExpression(_ k: TokenKind) -> Bool {
        switch k {
        case .name, .number, .string, .fstringStart, .lpar, .lsqb, .lbrace, .minus, .plus, .tilde,
             .ellipsis, .kwNone, .kwTrue, .kwFalse, .kwNot, .kwLambda, .kwAwait, .star, .error:
            return true
        default:
            return false
        }
    }

    /// `star_expressions`: one star_expression, or a tuple of them (no parentheses).
    mutating func parseStarExpressions() throws(ParseError) -> Expr {
        let start = here
        let first = try parseStarExpression()
        guard kind == .comma else { return first }
        var elts = Parser.list(first)
        while accept(.comma) {
            if !startsExpression(kind) { break }
            elts.append(try parseStarExpression())
        }
        return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
    }

    /// `star_expression`: `'*' bitwise_or | expression`.
    mutating func parseStarExpression() throws(ParseError) -> Expr {
        if kind == .star {
            let start = here
            advance()
            let value = try parseBitOr()
            return Expr(.starred(value: value, ctx: .load), range(from: start))
        }
        return try parseExpression()
    }

    /// `star_named_expression`: `'*' bitwise_or | named_expression`.
    mutating func parseStarNamedExpression() throws(ParseError) -> Expr {
        if kind == .star {
            let start = here
            advance()
            let value = try parseBitOr()
            return Expr(.starred(value: value, ctx: .load), range(from: start))
        }
        return try parseNamedExpression()
    }

    /// `expressions`: expression (',' expression)* [','] — a tuple when there is a comma.
    mutating func parseExpressions() throws(ParseError) -> Expr {
        let start = here
        let first = try parseExpression()
        guard kind == .comma else { return first }
        var elts = Parser.list(first)
        while accept(.comma) {
            if !startsExpression(kind) || kind == .star { break }
            elts.append(try parseExpression())
        }
        return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
    }

    /// `named_expression`: `NAME ':=' expression | expression !':='`.
    mutating func parseNamedExpression() throws(ParseError) -> Expr {
        if kind == .name && peekKind() == .colonEqual {
            let nameTok = tok
            advance(); advance()
            let value = try parseExpression()
            let target = Expr(.name(id: nameText(nameTok), ctx: .store), tokenRange(nameTok))
            return Expr(.namedExpr(target: target, value: value), range(from: startLoc(nameTok)))
        }
        let e = try parseExpression()
        if kind == .colonEqual {
            throw error("cannot use assignment expressions with \(describe(e))", e.range)
        }
        return e
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    mutating func parseExpression() throws(ParseError) -> Expr {
        try enter()
        defer { leave() }
        // The commonest expression is a lone name or constant before a `,`, `)`, `=`, ...: no
        // level between here and `atom` can consume that next token (no operator, trailer,
        // `if`, `:=`), so go straight to the atom instead of through ten levels that would
        // each return it unchanged.
        if isSimpleAtom(kind) && endsLoneAtom(peekKind()) { return try parseAtom() }
        if kind == .kwLambda { return try parseLambda() }
        let start = here
        let body = try parseDisjunction()
        guard kind == .kwIf else { return body }
        advance()
        let test = try parseDisjunction()
        guard accept(.kwElse) else {
            // CPython's invalid_expression: not when a ':' follows (`x if y:` is plain invalid syntax).
            if kind == .colon { throw syntaxError() }
            throw error("expected 'else' after 'if' expression", range(from: start))
        }
        let orelse = try parseExpression()
        return Expr(.ifExp(test: test, body: body, orelse: orelse), range(from: start))
    }

    /// An atom of one token that `parseAtom` turns into a node on its own (strings are left
    /// out: adjacent ones concatenate).
    @inline(__always) func isSimpleAtom(_ k: TokenKind) -> Bool {
        switch k {
        case .name, .number, .kwNone, .kwTrue, .kwFalse, .ellipsis: return true
        default: return false
        }
    }

    /// Tokens that no expression level continues with, so an atom before one is the whole expression.
    @inline(__always) func endsLoneAtom(_ k: TokenKind) -> Bool {
        switch k {
        case .comma, .rpar, .rsqb, .rbrace, .colon, .equal, .newline, .semi: return true
        default: return false
        }
    }

    /// `disjunction`: conjunction ('or' conjunction)+.
    mutating func parseDisjunction() throws(ParseError) -> Expr {
        let start = here
        let first = try parseConjunction()
        guard kind == .kwOr else { return first }
        var values = Parser.list(first)
        while accept(.kwOr) { values.append(try parseConjunction()) }
        return Expr(.boolOp(op: .or, values: values), range(from: start))
    }

    /// `conjunction`: inversion ('and' inversion)+.
    mutating func parseConjunction() throws(ParseError) -> Expr {
        let start = here
        let first = try parseInversion()
        guard kind == .kwAnd else { return first }
        var values = Parser.list(first)
        while accept(.kwAnd) { values.append(try parseInversion()) }
        return Expr(.boolOp(op: .and, values: values), range(from: start))
    }

    /// `inversion`: 'not' inversion | comparison — iterative, so `not not ... x` cannot recurse deeply.
    mutating func parseInversion() throws(ParseError) -> Expr {
        var starts: [SourceLocation] = []
        while kind == .kwNot {
            starts.append(here)
            try enter()
            advance()
        }
        var e = try parseComparison()
        let end = prevEnd
        while let s = starts.popLast() {
            leave()
            e = Expr(.unaryOp(op: .not, operand: e), SourceRange(start: s, end: end))
        }
        return e
    }

    private func compareOperator() -> (CompareOperator, Int)? {
        switch kind {
        case .eqEqual: return (.eq, 1)
        case .notEqual:
            // `<>` is only valid with `from __future__ import barry_as_FLUFL`.
            if tok.end - tok.start == 2 && src[Int(tok.start)] == UInt8(ascii: "<") { return nil }
            return (.notEq, 1)
        case .less: return (.lt, 1)
        case .lessEqual: return (.ltE, 1)
        case .greater: return (.gt, 1)
        case .greaterEqual: return (.gtE, 1)
        case .kwIn: return (.in, 1)
        case .kwNot: return peekKind() == .kwIn ? (.notIn, 2) : nil
        case .kwIs: return peekKind() == .kwNot ? (.isNot, 2) : (.is, 1)
        default: return nil
        }
    }

    /// `comparison`: bitwise_or compare_op_bitwise_or_pair+.
    mutating func parseComparison() throws(ParseError) -> Expr {
        let start = here
        let left = try parseBitOr()
        guard compareOperator() != nil else { return left }
        var ops: [CompareOperator] = []
        var comparators: [Expr] = []
        while let (op, count) = compareOperator() {
            for _ in 0..<count { advance() }
            ops.append(op)
            comparators.append(try parseBitOr())
        }
        return Expr(.compare(left: left, ops: ops, comparators: comparators), range(from: start))
    }

    @inline(__always) private func binaryOperator() -> (BinaryOperator, Int)? {
        switch kind {
        case .vbar: return (.bitOr, 1)
        case .circumflex: return (.bitXor, 2)
        case .amper: return (.bitAnd, 3)
        case .leftShift: return (.lShift, 4)
        case .rightShift: return (.rShift, 4)
        case .plus: return (.add, 5)
        case .minus: return (.sub, 5)
        case .star: return (.mult, 6)
        case .slash: return (.div, 6)
        case .doubleSlash: return (.floorDiv, 6)
        case .percent: return (.mod, 6)
        case .at: return (.matMult, 6)
        default: return nil
        }
    }

    /// `bitwise_or` down to `term`: the left-associative binary operators, by precedence climbing.
    mutating func parseBitOr() throws(ParseError) -> Expr {
        try parseBinary(1)
    }

    private mutating func parseBinary(_ minPrec: Int) throws(ParseError) -> Expr {
        let start = here
        var left = try parseFactor()
        var added = 0
        defer { depth -= added }
        while let (op, prec) = binaryOperator(), prec >= minPrec {
            // Each operator of a left-associative chain nests the AST one level deeper.
            try enter()
            added += 1
            advance()
            let right = try parseBinary(prec + 1)
            left = Expr(.binOp(left: left, op: op, right: right), range(from: start))
        }
        return left
    }

    /// `factor`: ('+' | '-' | '~') factor | power — iterative over the prefix operators.
    mutating func parseFactor() throws(ParseError) -> Expr {
        var prefixes: [(UnaryOperator, SourceLocation)] = []
        while true {
            let op: UnaryOperator
            switch kind {
            case .plus: op = .uAdd
            case .minus: op = .uSub
            case .tilde: op = .invert
            default:
                var e = try parsePower()
                let end = prevEnd
                while let (op, s) = prefixes.popLast() {
                    leave()
                    e = Expr(.unaryOp(op: op, operand: e), SourceRange(start: s, end: end))
                }
                return e
            }
            prefixes.append((op, here))
            try enter()
            advance()
        }
    }

    /// `power`: await_primary '**' factor.
    mutating func parsePower() throws(ParseError) -> Expr {
        let start = here
        let base = try parseAwaitPrimary()
        guard kind == .doubleStar else { return base }
        advance()
        try enter()
        defer { leave() }
        let exponent = try parseFactor()
        return Expr(.binOp(left: base, op: .pow, right: exponent), range(from: start))
    }

    /// `await_primary`: AWAIT primary | primary.
    mutating func parseAwaitPrimary() throws(ParseError) -> Expr {
        if kind == .kwAwait {
            let start = here
            advance()
            let value = try parsePrimary()
            return Expr(.await(value: value), range(from: start))
        }
        return try parsePrimary()
    }

    /// `primary`: atom followed by any number of `.name`, `(args)`, `[slices]` and genexp calls.
    mutating func parsePrimary() throws(ParseError) -> Expr {
        let start = here
        var e = try parseAtom()
        var added = 0
        defer { depth -= added }
        while true {
            if kind == .dot || kind == .lpar || kind == .lsqb {
                // Each trailer nests the AST one level deeper (`a.b.c...`, `f()()()...`).
                try enter()
                added += 1
            }
            switch kind {
            case .dot:
                advance()
                guard kind == .name else { throw syntaxError() }
                let attr = nameText(tok)
                advance()
                e = Expr(.attribute(value: e, attr: attr, ctx: .load), range(from: start))
            case .lpar:
                e = try parseCall(e, start: start)
            case .lsqb:
                advance()
                try enter()
                let savedElement = elementStart
                elementStart = p
                let slice = try parseSlices()
                leave()
                try expectClosing(.rsqb, "]")
                elementStart = savedElement
                e = Expr(.subscript(value: e, slice: slice, ctx: .load), range(from: start))
            default:
                return e
            }
        }
    }

    /// `slices`: one slice, or a tuple of slices and starred expressions.
    mutating func parseSlices() throws(ParseError) -> Expr {
        let start = here
        let first = try parseSlice()
        guard kind == .comma else {
            if case .starred = first.kind { return Expr(.tuple(elts: [first], ctx: .load), range(from: start)) }
            return first
        }
        var elts = Parser.list(first)
        while accept(.comma) {
            if kind == .rsqb { break }
            elementStart = p
            elts.append(try parseSlice())
        }
        return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
    }

    /// `slice`: [expression] ':' [expression] [':' [expression]] | named_expression (| starred in a tuple).
    mutating func parseSlice() throws(ParseError) -> Expr {
        let start = here
        if kind == .star {
            advance()
            let value = try parseBitOr()
            return Expr(.starred(value: value, ctx: .load), range(from: start))
        }
        var lower: Expr? = nil
        if kind != .colon {
            let e = try parseNamedExpression()
            guard kind == .colon else { return e }
            if case .namedExpr = e.kind { throw syntaxError() }
            lower = e
        }
        advance() // ':'
        var upper: Expr? = nil, step: Expr? = nil
        if kind != .colon && kind != .comma && kind != .rsqb { upper = try parseExpression() }
        if accept(.colon) {
            if kind != .comma && kind != .rsqb { step = try parseExpression() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    /// `atom`: names, keywords constants, numbers, strings, displays and `...`.
    mutating func parseAtom() throws(ParseError) -> Expr {
        let t = tok
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(id: nameText(t), ctx: .load), tokenRange(t))
        case .kwTrue:
            advance(); return Expr(.constant(value: .bool(true), kind: nil), tokenRange(t))
        case .kwFalse:
            advance(); return Expr(.constant(value: .bool(false), kind: nil), tokenRange(t))
        case .kwNone:
            advance(); return Expr(.constant(value: .none, kind: nil), tokenRange(t))
        case .ellipsis:
            advance(); return Expr(.constant(value: .ellipsis, kind: nil), tokenRange(t))
        case .number:
            advance()
            return Expr(.constant(value: numberValue(t), kind: nil), tokenRange(t))
        case .string, .fstringStart:
            return try parseStrings()
        case .lpar:
            return try parseParenthesized()
        case .lsqb:
            return try parseListDisplay()
        case .lbrace:
            return try parseBraceDisplay()
        case .error:
            throw lexError()
        case .kwAsync where p + 1 < toks.count && toks[p + 1].kind != .error:
            // `async x`: CPython blames the token after `async`.
            throw ParseError(message: "invalid syntax", range: tokenRange(toks[p + 1]), isSpecific: false)
        default:
            throw syntaxError()
        }
    }

    /// `tuple | group | genexp` (and `(yield ...)`).
    private mutating func parseParenthesized() throws(ParseError) -> Expr {
        let start = here
        let savedElement = elementStart
        defer { elementStart = savedElement }
        advance()
        try enter()
        defer { leave() }
        if accept(.rpar) { return Expr(.tuple(elts: [], ctx: .load), range(from: start)) }
        if kind == .kwYield {
            let y = try parseYieldExpression()
            try expect(.rpar, ")")
            return y
        }
        elementStart = p
        let first = try parseStarNamedExpression()
        if atComprehensionClause {
            if case .starred = first.kind { throw error("iterable unpacking cannot be used in comprehension", first.range) }
            let generators = try parseComprehensionClauses()
            try expectClosing(.rpar, ")", suggestComma: false)
            return Expr(.generatorExp(elt: first, generators: generators), range(from: start))
        }
        if accept(.rpar) {
            if case .starred = first.kind { throw error("cannot use starred expression here", first.range) }
            return first
        }
        guard kind == .comma else { throw closingError(")") }
        var elts = Parser.list(first)
        while accept(.comma) {
            if kind == .rpar { break }
            elementStart = p
            elts.append(try parseStarNamedExpression())
        }
        try expectClosing(.rpar, ")")
        return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
    }

    /// The error for a bracketed display that does not continue with `,` or its closing
    /// bracket: CPython's "Perhaps you forgot a comma?" (`invalid_expression`) when two
    /// expressions touch, else "invalid syntax".
    func closingError(_ what: String, suggestComma: Bool = true) -> ParseError {
        if kind == .error { return lexError() }
        if suggestComma, let hint = commaHint(from: elementStart ?? (p - 1)) { return hint }
        return syntaxError()
    }

    /// CPython's `invalid_expression` "Perhaps you forgot a comma?" when the expression that
    /// started at token `aIndex` is followed by another one, inside brackets.
    func commaHint(from aIndex: Int) -> ParseError? {
        guard p > 0, endsExpression(toks[p - 1].kind), startsOperand(kind) else { return nil }
        let a = max(0, min(aIndex, p - 1))
        // `!(NAME STRING | SOFT_KEYWORD)` before `a`; pegen matches a soft keyword by
        // prefix (`strncmp` with the token's length), so `t`, `ma`, `c`... count as one.
        let aTok = toks[a]
        let nameThenString = aTok.kind == .name && a + 1 < toks.count
            && (toks[a + 1].kind == .string || toks[a + 1].kind == .fstringStart)
        if nameThenString || isSoftKeywordPrefix(aTok) { return nil }
        return error("invalid syntax. Perhaps you forgot a comma?", SourceRange(start: startLoc(aTok), end: endLoc(tok)))
    }

    /// Whether a NAME token is a prefix of a soft keyword (`_`, `case`, `match`, `type`), the
    /// way `_PyPegen_soft_keyword_token` compares.
    func isSoftKeywordPrefix(_ t: Token) -> Bool {
        guard t.kind == .name else { return false }
        let len = Int(t.end - t.start)
        guard len >= 1 && len <= 5 else { return false }
        for word in ["_", "case", "match", "type"] {
            let w = Array(word.utf8)
            if len <= w.count {
                var same = true
                for i in 0..<len where src[Int(t.start) + i] != w[i] { same = false; break }
                if same { return true }
            }
        }
        return false
    }

    func endsExpression(_ k: TokenKind) -> Bool {
        switch k {
        case .name, .number, .string, .fstringEnd, .rpar, .rsqb, .rbrace, .kwTrue, .kwFalse, .kwNone, .ellipsis: return true
        default: return false
        }
    }

    func startsOperand(_ k: TokenKind) -> Bool {
        switch k {
        case .name, .number, .string, .fstringStart, .lpar, .lsqb, .lbrace, .kwTrue, .kwFalse, .kwNone, .ellipsis, .tilde: return true
        default: return false
        }
    }

    mutating func expectClosing(_ k: TokenKind, _ what: String, suggestComma: Bool = true) throws(ParseError) {
        if !accept(k) { throw closingError(what, suggestComma: suggestComma) }
    }

    /// `list | listcomp`.
    private mutating func parseListDisplay() throws(ParseError) -> Expr {
        let start = here
        let savedElement = elementStart
        defer { elementStart = savedElement }
        advance()
        try enter()
        defer { leave() }
        if accept(.rsqb) { return Expr(.list(elts: [], ctx: .load), range(from: start)) }
        elementStart = p
        let first = try parseStarNamedExpression()
        if atComprehensionClause {
            if case .starred = first.kind { throw error("iterable unpacking cannot be used in comprehension", first.range) }
            let generators = try parseComprehensionClauses()
            try expectClosing(.rsqb, "]", suggestComma: false)
            return Expr(.listComp(elt: first, generators: generators), range(from: start))
        }
        var elts = Parser.list(first)
        while accept(.comma) {
            if kind == .rsqb { break }
            elementStart = p
            elts.append(try parseStarNamedExpression())
        }
        try expectClosing(.rsqb, "]")
        return Expr(.list(elts: elts, ctx: .load), range(from: start))
    }

    /// `dict | set | dictcomp | setcomp`.
    private mutating func parseBraceDisplay() throws(ParseError) -> Expr {
        let start = here
        let savedElement = elementStart
        defer { elementStart = savedElement }
        advance()
        try enter()
        defer { leave() }
        if accept(.rbrace) { return Expr(.dict(keys: [], values: []), range(from: start)) }
        var keys: [Expr?] = []
        var values: [Expr] = []
        if kind == .doubleStar {
            advance()
            keys.append(nil)
            values.append(try parseBitOr())
        } else {
            elementStart = p
            let first = try parseStarNamedExpression()
            if accept(.colon) {
                if case .starred = first.kind { throw error("cannot use a starred expression in a dictionary value", first.range) }
                let value = try parseExpression()
                if atComprehensionClause {
                    let generators = try parseComprehensionClauses()
                    try expectClosing(.rbrace, "}", suggestComma: false)
                    return Expr(.dictComp(key: first, value: value, generators: generators), range(from: start))
                }
                keys.append(first)
                values.append(value)
            } else {
                // A set display or set comprehension.
                if atComprehensionClause {
                    if case .starred = first.kind { throw error("iterable unpacking cannot be used in comprehension", first.range) }
                    let generators = try parseComprehensionClauses()
                    try expectClosing(.rbrace, "}", suggestComma: false)
                    return Expr(.setComp(elt: first, generators: generators), range(from: start))
                }
                var elts = Parser.list(first)
                while accept(.comma) {
                    if kind == .rbrace { break }
                    elementStart = p
                    elts.append(try parseStarNamedExpression())
                }
                try expectClosing(.rbrace, "}")
                return Expr(.set(elts: elts), range(from: start))
            }
        }
        while accept(.comma) {
            if kind == .rbrace { break }
            if accept(.doubleStar) {
                keys.append(nil)
                values.append(try parseBitOr())
            } else {
                elementStart = p
                let key = try parseExpression()
                guard accept(.colon) else {
                    // CPython's invalid_kvpair, unless the key touches the next expression (comma hint).
                    let e = closingError("}")
                    if e.message.hasPrefix("invalid syntax. Perhaps") || kind == .error { throw e }
                    throw error("':' expected after dictionary key", key.range)
                }
                keys.append(key)
                elementStart = p
                values.append(try parseExpression())
            }
        }
        try expectClosing(.rbrace, "}")
        return Expr(.dict(keys: keys, values: values), range(from: start))
    }

    /// `for_if_clauses`: one or more `[async] for star_targets in disjunction (if disjunction)*`.
    mutating func parseComprehensionClauses() throws(ParseError) -> [Comprehension] {
        var result: [Comprehension] = []
        while atComprehensionClause {
            let isAsync = accept(.kwAsync)
            advance() // for
            let target = try parseTargetList(.store)
            guard accept(.kwIn) else { throw syntaxError() }
            let iter = try parseDisjunction()
            var ifs: [Expr] = []
            while accept(.kwIf) { ifs.append(try parseDisjunction()) }
            result.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return result
    }

    /// `star_targets` / `del_targets`: targets separated by commas, each `'*'? bitwise_or`,
    /// converted to `ctx` (a tuple when there is a comma).
    mutating func parseTargetList(_ ctx: ExprContext) throws(ParseError) -> Expr {
        let start = here
        // Names (most targets) are made in `ctx` at once; only other targets go through `setContext`.
        var allNames = true
        func one() throws(ParseError) -> Expr {
            if kind == .name, endsTargetName(peekKind()) {
                let t = tok
                advance()
                return Expr(.name(id: nameText(t), ctx: ctx), tokenRange(t))
            }
            allNames = false
            if kind == .star {
                let s = here
                advance()
                let v = try parseBitOr()
                return Expr(.starred(value: v, ctx: .load), range(from: s))
            }
            return try parseBitOr()
        }
        let first = try one()
        var e = first
        if kind == .comma {
            var elts = Parser.list(first)
            while accept(.comma) {
                if !startsExpression(kind) { break }
                elts.append(try one())
            }
            if allNames { return Expr(.tuple(elts: elts, ctx: ctx), range(from: start)) }
            e = Expr(.tuple(elts: elts, ctx: .load), range(from: start))
        } else if allNames {
            return e
        }
        return try setContext(e, ctx)
    }

    /// Tokens after a NAME that end it as a target of `parseTargetList` (no trailer or operator follows).
    @inline(__always) private func endsTargetName(_ k: TokenKind) -> Bool {
        switch k {
        case .comma, .kwIn, .rpar, .rsqb, .colon, .equal, .newline, .semi: return true
        default: return false
        }
    }

    /// `lambdef`: 'lambda' [lambda_params] ':' expression.
    mutating func parseLambda() throws(ParseError) -> Expr {
        let start = here
        advance()
        let args = try parseParameters(closing: .colon, allowAnnotations: false)
        try expect(.colon, ":")
        let body = try parseExpression()
        return Expr(.lambda(args: args, body: body), range(from: start))
    }

    /// `yield_expr`: 'yield' 'from' expression | 'yield' [star_expressions].
    mutating func parseYieldExpression() throws(ParseError) -> Expr {
        let start = here
        advance()
        if accept(.kwFrom) {
            let value = try parseExpression()
            return Expr(.yieldFrom(value: value), range(from: start))
        }
        if startsExpression(kind) && kind != .error {
            let value = try parseStarExpressions()
            return Expr(.yield(value: value), range(from: start))
        }
        return Expr(.yield(value: nil), range(from: start))
    }

    /// `primary '(' [arguments] ')'` including a sole generator argument (`f(x for x in y)`).
    mutating func parseCall(_ function: Expr, start: SourceLocation) throws(ParseError) -> Expr {
        let open = here
        let savedElement = elementStart
        defer { elementStart = savedElement }
        advance()
        try enter()
        defer { leave() }
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeywordUnpacking = false
        var positionalAfterKeyword: String? = nil
        while kind != .rpar {
            let argStart = here
            elementStart = p
            if kind == .star {
                advance()
                elementStart = p
                let value = try parseExpression()
                if sawKeywordUnpacking {
                    throw error("iterable argument unpacking follows keyword argument unpacking", range(from: argStart))
                }
                Parser.append(Expr(.starred(value: value, ctx: .load), range(from: argStart)), to: &args)
            } else if kind == .doubleStar {
                advance()
                elementStart = p
                let value = try parseExpression()
                sawKeywordUnpacking = true
                keywords.append(Keyword(arg: nil, value: value, range: range(from: argStart)))
            } else if kind == .name && peekKind() == .equal {
                let name = nameText(tok)
                advance(); advance()
                elementStart = p
                let value = try parseExpression()
                keywords.append(Keyword(arg: name, value: value, range: range(from: argStart)))
            } else {
                let e = try parseNamedExpression()
                if atComprehensionClause {
                    let generators = try parseComprehensionClauses()
                    if args.isEmpty && keywords.isEmpty {
                        if kind == .rpar {
                            advance()
                            let gen = Expr(.generatorExp(elt: e, generators: generators), SourceRange(start: open, end: prevEnd))
                            return Expr(.call(function: function, args: [gen], keywords: []), range(from: start))
                        }
                        // CPython's invalid_arguments: a sole generator needs parentheses only
                        // when a comma follows; anything else is plain invalid syntax.
                        if kind != .comma { throw closingError(")", suggestComma: false) }
                    }
                    throw error("Generator expression must be parenthesized", SourceRange(start: e.range.start, end: prevEnd))
                }
                if kind == .equal {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", SourceRange(start: e.range.start, end: endLoc(tok)))
                }
                if !keywords.isEmpty && positionalAfterKeyword == nil {
                    // CPython reports this at the call's closing parenthesis (its last token read).
                    positionalAfterKeyword = sawKeywordUnpacking ? "positional argument follows keyword argument unpacking"
                                                                 : "positional argument follows keyword argument"
                }
                Parser.append(e, to: &args)
            }
            if !accept(.comma) { break }
        }
        try expectClosing(.rpar, ")")
        if let message = positionalAfterKeyword { throw error(message, tokenRange(toks[p - 1])) }
        return Expr(.call(function: function, args: args, keywords: keywords), range(from: start))
    }

    // MARK: - Targets

    /// Converts a parsed expression to an assignment (`.store`) or `del` (`.del`) target,
    /// with CPython's messages for what cannot be one (`invalid_assignment`, `invalid_del_stmt`).
    func setContext(_ e: Expr, _ ctx: ExprContext) throws(ParseError) -> Expr {
        switch e.kind {
        case .name(let id, let old): return old == ctx ? e : Expr(.name(id: id, ctx: ctx), e.range)
        case .attribute(let v, let a, _): return Expr(.attribute(value: v, attr: a, ctx: ctx), e.range)
        case .subscript(let v, let s, _): return Expr(.subscript(value: v, slice: s, ctx: ctx), e.range)
        case .starred(let v, _):
            if ctx == .del { throw error("cannot delete starred", e.range) }
            return Expr(.starred(value: try setContext(v, ctx), ctx: ctx), e.range)
        case .tuple(let elts, _):
            var out: [Expr] = []
            out.reserveCapacity(elts.count)
            for x in elts { out.append(try setContext(x, ctx)) }
            return Expr(.tuple(elts: out, ctx: ctx), e.range)
        case .list(let elts, _):
            var out: [Expr] = []
            out.reserveCapacity(elts.count)
            for x in elts { out.append(try setContext(x, ctx)) }
            return Expr(.list(elts: out, ctx: ctx), e.range)
        default:
            let verb = ctx == .del ? "delete" : "assign to"
            throw error("cannot \(verb) \(describe(e))", e.range)
        }
    }

    /// CPython's `_PyPegen_get_expr_name`: how an expression is named in error messages.
    func describe(_ e: Expr) -> String {
        switch e.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolOp, .binOp, .unaryOp: return "expression"
        case .generatorExp: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .await: return "await expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .joinedStr, .formattedValue: return "f-string expression"
        case .constant(let v, _):
            switch v {
            case .none: return "None"
            case .bool(let b): return b ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        case .invalid: return "expression"
        }
    }
}

extension Parser {
    /// A list of `first` and, most likely, more: room for four from the start, so that short
    /// lists (the commonest) are allocated once instead of growing 1 → 2 → 4.
    @inline(__always) static func list<T>(_ first: T) -> [T] {
        var result: [T] = []
        result.reserveCapacity(3)
        result.append(first)
        return result
    }

    /// Appends, making room for four on the first append (see `list`).
    @inline(__always) static func append<T>(_ element: T, to list: inout [T]) {
        if list.capacity == 0 { list.reserveCapacity(3) }
        list.append(element)
    }

    /// Whether the next tokens start a comprehension clause: `for`, or `async for`.
    var atComprehensionClause: Bool {
        kind == .kwFor || (kind == .kwAsync && peekKind() == .kwFor)
    }
}
