/// Parameters of `def` and `lambda`: `Grammar/python.gram`, "FUNCTION DEFINITIONS" (`params`,
/// `parameters`, `slash_no_default`, `star_etc`, `kwds`) and "LAMBDA FUNCTIONS" (`lambda_params`).
extension Parser {
    /// Parses a parameter list up to (not including) `closing` (`)` for `def`, `:` for `lambda`).
    mutating func parseParameters(closing: TokenKind, allowAnnotations: Bool) throws(ParseError) -> Arguments {
        var args = Arguments()
        var positional: [Arg] = []
        var defaults: [Expr] = []
        var sawSlash = false, sawStar = false, sawDefault = false
        var bareStarRange: SourceRange? = nil

        func parseArg(starAnnotation: Bool) throws(ParseError) -> Arg {
            guard kind == .name else { throw syntaxError() }
            let t = tok
            advance()
            var annotation: Expr? = nil
            if allowAnnotations && accept(.colon) {
                annotation = starAnnotation && kind == .star ? try parseStarExpression() : try parseExpression()
            }
            if annotation != nil { lastExpressionStart = annotation?.range.start }
            return Arg(arg: nameText(t), annotation: annotation, range: range(from: startLoc(t)))
        }

        var lastExpressionStart: SourceLocation? = nil
        while kind != closing {
            lastExpressionStart = nil
            if kind == .slash {
                let r = tokenRange(tok)
                if sawSlash { throw error("/ may appear only once", r) }
                if sawStar { throw error("/ must be ahead of *", r) }
                if positional.isEmpty { throw error("at least one argument must precede /", r) }
                advance()
                sawSlash = true
                args.posonlyargs = positional
                positional = []
            } else if kind == .star {
                let r = tokenRange(tok)
                if sawStar { throw error("* argument may appear only once", r) }
                advance()
                sawStar = true
                if kind == .comma || kind == closing {
                    bareStarRange = r
                } else {
                    args.vararg = try parseArg(starAnnotation: true)
                }
            } else if kind == .doubleStar {
                advance()
                args.kwarg = try parseArg(starAnnotation: false)
                if kind == .equal { throw error("var-keyword argument cannot have default value", tokenRange(tok)) }
                _ = accept(.comma)
                if kind != closing {
                    throw error("arguments cannot follow var-keyword argument", tokenRange(tok))
                }
                break
            } else {
                let arg = try parseArg(starAnnotation: false)
                var value: Expr? = nil
                if accept(.equal) {
                    let v = try parseExpression()
                    lastExpressionStart = v.range.start
                    value = v
                }
                if sawStar {
                    args.kwonlyargs.append(arg)
                    args.kwDefaults.append(value)
                } else {
                    if let v = value {
                        defaults.append(v)
                        sawDefault = true
                    } else if sawDefault {
                        throw error("parameter without a default follows parameter with a default", arg.range)
                    }
                    positional.append(arg)
                }
            }
            if !accept(.comma) { break }
        }
        if kind != closing, let start = lastExpressionStart, endsExpression(toks[p - 1].kind), startsOperand(kind) {
            // A default or annotation touching the next parameter: CPython's comma hint.
            throw error("invalid syntax. Perhaps you forgot a comma?", SourceRange(start: start, end: endLoc(tok)))
        }
        if let r = bareStarRange, args.kwonlyargs.isEmpty {
            throw error("named arguments must follow bare *", r)
        }
        args.args = positional
        args.defaults = defaults
        return args
    }
}
