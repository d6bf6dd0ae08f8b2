/// The `match` statement and its patterns: `Grammar/python.gram`, "Match statement" and
/// "patterns" (PEP 634).
extension Parser {
    /// `match_stmt`: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT.
    /// Returns nil (and consumes nothing) when the line is not a match statement, since
    /// `match` is a soft keyword (`match = 1`, `match(x)`).
    mutating func parseMatchStatement() throws(ParseError) -> Stmt? {
        let start = here
        let subject: Expr? = attempt { (parser: inout Parser) throws(ParseError) -> Expr in
            parser.advance()
            let s = try parser.parseSubject()
            guard parser.kind == .colon, parser.peekKind() == .newline else { throw parser.syntaxError() }
            return s
        }
        guard let subject else { return nil }
        advance() // ':'
        advance() // NEWLINE
        guard accept(.indent) else {
            if kind == .error { throw lexError() }
            throw error("expected an indented block after 'match' statement on line \(start.line)", tokenRange(tok))
        }
        var cases: [MatchCase] = []
        while kind != .dedent && kind != .endMarker {
            guard isSoftKeyword("case") else { throw syntaxError() }
            let caseLine = here.line
            advance()
            let pattern = try parsePatterns()
            var guardExpr: Expr? = nil
            if accept(.kwIf) { guardExpr = try parseNamedExpression() }
            let body = try parseBlock("'case' statement", line: caseLine)
            cases.append(MatchCase(pattern: pattern, guardExpr: guardExpr, body: body))
        }
        _ = accept(.dedent)
        return Stmt(.match(subject: subject, cases: cases), range(from: start))
    }

    /// `subject_expr`: star_named_expression ',' star_named_expressions? | named_expression.
    private mutating func parseSubject() throws(ParseError) -> Expr {
        let start = here
        let first = try parseStarNamedExpression()
        guard kind == .comma else {
            if case .starred = first.kind { throw syntaxError() }
            return first
        }
        var elts = [first]
        while accept(.comma) {
            if kind == .colon { break }
            elts.append(try parseStarNamedExpression())
        }
        return Expr(.tuple(elts: elts, ctx: .load), range(from: start))
    }

    /// `patterns`: open_sequence_pattern | pattern.
    mutating func parsePatterns() throws(ParseError) -> Pattern {
        let start = here
        let first = try parseMaybeStarPattern()
        guard kind == .comma else {
            if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), first.range) }
            return first
        }
        var items = [first]
        while accept(.comma) {
            if kind == .colon || kind == .kwIf { break }
            items.append(try parseMaybeStarPattern())
        }
        return Pattern(.matchSequence(patterns: items), range(from: start))
    }

    /// `maybe_star_pattern`: star_pattern | pattern.
    private mutating func parseMaybeStarPattern() throws(ParseError) -> Pattern {
        if kind == .star {
            let start = here
            advance()
            guard kind == .name else { throw syntaxError() }
            let name = nameText(tok)
            advance()
            return Pattern(.matchStar(name: name == "_" ? nil : name), range(from: start))
        }
        return try parsePattern()
    }

    /// `pattern`: as_pattern | or_pattern.
    mutating func parsePattern() throws(ParseError) -> Pattern {
        try enter()
        defer { leave() }
        let start = here
        let or = try parseOrPattern()
        guard accept(.kwAs) else { return or }
        guard kind == .name else { throw error("invalid pattern target", tokenRange(tok)) }
        let name = nameText(tok)
        if name == "_" { throw error("cannot use '_' as a target", tokenRange(tok)) }
        advance()
        return Pattern(.matchAs(pattern: or, name: name), range(from: start))
    }

    /// `or_pattern`: '|'.closed_pattern+.
    private mutating func parseOrPattern() throws(ParseError) -> Pattern {
        let start = here
        let first = try parseClosedPattern()
        guard kind == .vbar else { return first }
        var alts = [first]
        while accept(.vbar) { alts.append(try parseClosedPattern()) }
        return Pattern(.matchOr(patterns: alts), range(from: start))
    }

    /// `closed_pattern`: literal | capture | wildcard | value | group | sequence | mapping | class.
    private mutating func parseClosedPattern() throws(ParseError) -> Pattern {
        let start = here
        switch kind {
        case .number, .minus:
            let value = try parseNumberPattern()
            return Pattern(.matchValue(value: value), value.range)
        case .string:
            let value = try parseStrings()
            return Pattern(.matchValue(value: value), value.range)
        case .fstringStart:
            throw error("patterns may only match literals and attribute lookups", tokenRange(tok))
        case .kwNone, .kwTrue, .kwFalse:
            let v: ConstantValue = kind == .kwNone ? .none : .bool(kind == .kwTrue)
            let r = tokenRange(tok)
            advance()
            return Pattern(.matchSingleton(value: v), r)
        case .name:
            let t = tok
            advance()
            var e = Expr(.name(id: nameText(t), ctx: .load), tokenRange(t))
            var dotted = false
            while kind == .dot {
                advance()
                guard kind == .name else { throw syntaxError() }
                let attr = nameText(tok)
                advance()
                e = Expr(.attribute(value: e, attr: attr, ctx: .load), range(from: start))
                dotted = true
            }
            if kind == .lpar { return try parseClassPattern(e, start: start) }
            if dotted { return Pattern(.matchValue(value: e), e.range) }
            if case .name(let id, _) = e.kind {
                return Pattern(.matchAs(pattern: nil, name: id == "_" ? nil : id), e.range)
            }
            throw syntaxError()
        case .lpar:
            advance()
            if accept(.rpar) { return Pattern(.matchSequence(patterns: []), range(from: start)) }
            let first = try parseMaybeStarPattern()
            if accept(.rpar) {
                if case .matchStar = first.kind { return Pattern(.matchSequence(patterns: [first]), range(from: start)) }
                return first
            }
            guard kind == .comma else { throw syntaxError() }
            var items = [first]
            while accept(.comma) {
                if kind == .rpar { break }
                items.append(try parseMaybeStarPattern())
            }
            try expectClosing(.rpar, ")", suggestComma: false)
            return Pattern(.matchSequence(patterns: items), range(from: start))
        case .lsqb:
            advance()
            var items: [Pattern] = []
            while kind != .rsqb {
                items.append(try parseMaybeStarPattern())
                if !accept(.comma) { break }
            }
            try expectClosing(.rsqb, "]", suggestComma: false)
            return Pattern(.matchSequence(patterns: items), range(from: start))
        case .lbrace:
            return try parseMappingPattern()
        case .error:
            throw lexError()
        default:
            throw syntaxError()
        }
    }

    /// `signed_number` and `complex_number` (`-1`, `1 + 2j`, `-1.5 - 3j`).
    private mutating func parseNumberPattern() throws(ParseError) -> Expr {
        let start = here
        func signed() throws(ParseError) -> Expr {
            let s = here
            if accept(.minus) {
                guard kind == .number else { throw syntaxError() }
                let t = tok
                advance()
                let c = Expr(.constant(value: numberValue(t), kind: nil), tokenRange(t))
                return Expr(.unaryOp(op: .uSub, operand: c), range(from: s))
            }
            guard kind == .number else { throw syntaxError() }
            let t = tok
            advance()
            return Expr(.constant(value: numberValue(t), kind: nil), tokenRange(t))
        }
        let left = try signed()
        if kind == .plus || kind == .minus {
            let op: BinaryOperator = kind == .plus ? .add : .sub
            advance()
            guard kind == .number else { throw syntaxError() }
            let t = tok
            advance()
            let right = Expr(.constant(value: numberValue(t), kind: nil), tokenRange(t))
            if case .imaginary = right.kind.constantValue {} else {
                throw error("imaginary number required in complex literal", right.range)
            }
            return Expr(.binOp(left: left, op: op, right: right), range(from: start))
        }
        return left
    }

    /// `mapping_pattern`: '{' [items] ['**' NAME] [','] '}'.
    private mutating func parseMappingPattern() throws(ParseError) -> Pattern {
        let start = here
        advance()
        var keys: [Expr] = [], patterns: [Pattern] = []
        var rest: String? = nil
        while kind != .rbrace {
            if accept(.doubleStar) {
                guard kind == .name else { throw syntaxError() }
                rest = nameText(tok)
                advance()
                _ = accept(.comma)
                break
            }
            let key: Expr
            switch kind {
            case .number, .minus: key = try parseNumberPattern()
            case .string: key = try parseStrings()
            case .kwNone, .kwTrue, .kwFalse:
                let v: ConstantValue = kind == .kwNone ? .none : .bool(kind == .kwTrue)
                key = Expr(.constant(value: v, kind: nil), tokenRange(tok))
                advance()
            case .name:
                let s = here
                var e = Expr(.name(id: nameText(tok), ctx: .load), tokenRange(tok))
                advance()
                guard kind == .dot else { throw syntaxError() }
                while accept(.dot) {
                    guard kind == .name else { throw syntaxError() }
                    let attr = nameText(tok)
                    advance()
                    e = Expr(.attribute(value: e, attr: attr, ctx: .load), range(from: s))
                }
                key = e
            default:
                throw syntaxError()
            }
            try expect(.colon, ":")
            keys.append(key)
            patterns.append(try parsePattern())
            if !accept(.comma) { break }
        }
        try expectClosing(.rbrace, "}", suggestComma: false)
        return Pattern(.matchMapping(keys: keys, patterns: patterns, rest: rest), range(from: start))
    }

    /// `class_pattern`: name_or_attr '(' [positional_patterns] [keyword_patterns] [','] ')'.
    private mutating func parseClassPattern(_ cls: Expr, start: SourceLocation) throws(ParseError) -> Pattern {
        advance() // (
        var patterns: [Pattern] = [], kwdAttrs: [String] = [], kwdPatterns: [Pattern] = []
        while kind != .rpar {
            if kind == .name && peekKind() == .equal {
                kwdAttrs.append(nameText(tok))
                advance(); advance()
                kwdPatterns.append(try parsePattern())
            } else {
                let pat = try parsePattern()
                if !kwdAttrs.isEmpty { throw error("positional patterns follow keyword patterns", pat.range) }
                patterns.append(pat)
            }
            if !accept(.comma) { break }
        }
        try expectClosing(.rpar, ")", suggestComma: false)
        return Pattern(.matchClass(cls: cls, patterns: patterns, kwdAttrs: kwdAttrs, kwdPatterns: kwdPatterns),
                       range(from: start))
    }
}

extension ExprKind {
    /// The value of a `.constant`, or nil.
    var constantValue: ConstantValue? {
        if case .constant(let v, _) = self { return v }
        return nil
    }
}
