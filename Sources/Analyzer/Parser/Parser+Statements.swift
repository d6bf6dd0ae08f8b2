/// Statements: `Grammar/python.gram`, sections "STATEMENTS", "SIMPLE STATEMENTS" and
/// "COMPOUND STATEMENTS".
extension Parser {
    /// `statement`: a compound statement, or `simple_stmts` (several joined by `;`).
    mutating func parseStatement(into body: inout [Stmt]) throws(ParseError) {
        switch kind {
        case .kwDef, .kwClass, .kwIf, .kwWhile, .kwFor, .kwTry, .kwWith, .at:
            body.append(try parseCompound())
            return
        case .kwAsync where peekKind() == .kwDef || peekKind() == .kwFor || peekKind() == .kwWith:
            body.append(try parseCompound())
            return
        case .name where isSoftKeyword("match"):
            if let m = try parseMatchStatement() { body.append(m); return }
        case .indent:
            throw unexpectedIndent()
        case .error:
            throw lexError()
        default:
            break
        }
        // simple_stmts
        while true {
            body.append(try parseSimpleStatement())
            if accept(.semi) {
                if kind == .newline { break }
                continue
            }
            break
        }
        if !accept(.newline) {
            if kind == .endMarker { return }
            throw syntaxError()
        }
    }

    // MARK: - Simple statements

    mutating func parseSimpleStatement() throws(ParseError) -> Stmt {
        let start = here
        let t = tok
        switch t.kind {
        case .kwPass: advance(); return Stmt(.pass, tokenRange(t))
        case .kwBreak: advance(); return Stmt(.break, tokenRange(t))
        case .kwContinue: advance(); return Stmt(.continue, tokenRange(t))
        case .kwReturn:
            advance()
            let value = startsExpression(kind) ? try parseStarExpressions() : nil
            return Stmt(.return(value: value), range(from: start))
        case .kwRaise:
            advance()
            var exc: Expr? = nil, cause: Expr? = nil
            if startsExpression(kind) {
                exc = try parseExpression()
                if accept(.kwFrom) { cause = try parseExpression() }
            }
            return Stmt(.raise(exc: exc, cause: cause), range(from: start))
        case .kwGlobal, .kwNonlocal:
            advance()
            var names: [String] = []
            repeat {
                guard kind == .name else { throw syntaxError() }
                names.append(nameText(tok))
                advance()
            } while accept(.comma)
            return Stmt(t.kind == .kwGlobal ? .global(names: names) : .nonlocal(names: names), range(from: start))
        case .kwDel:
            advance()
            var targets: [Expr] = []
            repeat {
                if kind == .semi || kind == .newline || kind == .endMarker { break }
                let e = try parseBitOr()
                targets.append(try setContext(e, .del))
            } while accept(.comma)
            if targets.isEmpty { throw syntaxError() }
            return Stmt(.delete(targets: targets), range(from: start))
        case .kwAssert:
            advance()
            let test = try parseExpression()
            let msg = accept(.comma) ? try parseExpression() : nil
            return Stmt(.assert(test: test, msg: msg), range(from: start))
        case .kwImport:
            return try parseImport()
        case .kwFrom:
            return try parseFromImport()
        case .name where isSoftKeyword("type") && peekKind() == .name && (peekKind(2) == .equal || peekKind(2) == .lsqb):
            advance()
            let nameTok = tok
            advance()
            let name = Expr(.name(id: nameText(nameTok), ctx: .store), tokenRange(nameTok))
            let typeParams = kind == .lsqb ? try parseTypeParams() : []
            try expect(.equal, "=")
            let value = try parseExpression()
            return Stmt(.typeAlias(name: name, typeParams: typeParams, value: value), range(from: start))
        case .error:
            throw lexError()
        case .indent:
            throw unexpectedIndent()
        default:
            return try parseExpressionStatement()
        }
    }

    /// `assignment | star_expressions`: parse the left side once, then decide by the next token.
    mutating func parseExpressionStatement() throws(ParseError) -> Stmt {
        let start = here
        if kind == .name && peekKind() == .equal { return try parseNameAssignment() }
        let startsWithParen = kind == .lpar
        let first: Expr = kind == .kwYield ? try parseYieldExpression() : try parseStarExpressions()
        switch kind {
        case .equal:
            var items = Parser.list(first)
            while accept(.equal) {
                items.append(kind == .kwYield ? try parseYieldExpression() : try parseStarExpressions())
            }
            let value = items.removeLast()
            var targets: [Expr] = []
            targets.reserveCapacity(items.count)
            for (i, target) in items.enumerated() {
                if case .yield = target.kind { throw self.error("assignment to yield expression not possible", target.range) }
                if case .yieldFrom = target.kind { throw self.error("assignment to yield expression not possible", target.range) }
                do throws(ParseError) {
                    targets.append(try setContext(target, .store))
                } catch {
                    if case .tuple = target.kind { throw error }
                    if case .list = target.kind { throw error }
                    if i == 0 && items.count == 1 && error.range == target.range {
                        throw self.error(error.message + " here. Maybe you meant '==' instead of '='?", error.range)
                    }
                    throw error
                }
            }
            return Stmt(.assign(targets: targets, value: value, typeComment: nil), range(from: start))
        case .colon:
            switch first.kind {
            case .name, .attribute, .subscript: break
            case .tuple: throw error("only single target (not tuple) can be annotated", first.range)
            case .list: throw error("only single target (not list) can be annotated", first.range)
            default: throw error("illegal target for annotation", first.range)
            }
            advance()
            let annotation = try parseExpression()
            var value: Expr? = nil
            if accept(.equal) {
                value = kind == .kwYield ? try parseYieldExpression() : try parseStarExpressions()
            }
            let target = try setContext(first, .store)
            var simple = false
            if case .name = first.kind, !startsWithParen { simple = true }
            return Stmt(.annAssign(target: target, annotation: annotation, value: value, simple: simple), range(from: start))
        default:
            if let op = augmentedOperator(kind) {
                switch first.kind {
                case .name, .attribute, .subscript: break
                default:
                    throw error("'\(describe(first))' is an illegal expression for augmented assignment", first.range)
                }
                advance()
                let value = kind == .kwYield ? try parseYieldExpression() : try parseStarExpressions()
                return Stmt(.augAssign(target: try setContext(first, .store), op: op, value: value), range(from: start))
            }
            if case .name(let id, _) = first.kind, id == "print" || id == "exec", startsOperand(kind) {
                throw error("Missing parentheses in call to '\(id)'. Did you mean \(id)(...)?", SourceRange(start: start, end: endLoc(tok)))
            }
            return Stmt(.expr(value: first), range(from: start))
        }
    }

    /// `NAME = value` (the commonest statement), with the target made in `Store` context at
    /// once rather than as a `Load` name converted by `setContext`, and no list of the items
    /// between the `=`s unless there are more than two; otherwise as `parseExpressionStatement`.
    private mutating func parseNameAssignment() throws(ParseError) -> Stmt {
        let start = here
        let nameToken = tok
        let target = Expr(.name(id: nameText(nameToken), ctx: .store), tokenRange(nameToken))
        advance()
        advance()
        let value = kind == .kwYield ? try parseYieldExpression() : try parseStarExpressions()
        guard kind == .equal else {
            return Stmt(.assign(targets: [target], value: value, typeComment: nil), range(from: start))
        }
        // `a = b = c`: the targets after the first are checked as `parseExpressionStatement` checks them.
        var items = Parser.list(value)
        while accept(.equal) {
            items.append(kind == .kwYield ? try parseYieldExpression() : try parseStarExpressions())
        }
        let last = items.removeLast()
        var targets = [target]
        targets.reserveCapacity(items.count + 1)
        for item in items {
            if case .yield = item.kind { throw self.error("assignment to yield expression not possible", item.range) }
            if case .yieldFrom = item.kind { throw self.error("assignment to yield expression not possible", item.range) }
            targets.append(try setContext(item, .store))
        }
        return Stmt(.assign(targets: targets, value: last, typeComment: nil), range(from: start))
    }

    func augmentedOperator(_ k: TokenKind) -> BinaryOperator? {
        switch k {
        case .plusEqual: return .add
        case .minEqual: return .sub
        case .starEqual: return .mult
        case .atEqual: return .matMult
        case .slashEqual: return .div
        case .percentEqual: return .mod
        case .amperEqual: return .bitAnd
        case .vbarEqual: return .bitOr
        case .circumflexEqual: return .bitXor
        case .leftShiftEqual: return .lShift
        case .rightShiftEqual: return .rShift
        case .doubleStarEqual: return .pow
        case .doubleSlashEqual: return .floorDiv
        default: return nil
        }
    }

    /// `dotted_name`: NAME ('.' NAME)*.
    mutating func parseDottedName() throws(ParseError) -> String {
        guard kind == .name else { throw syntaxError() }
        var name = nameText(tok)
        advance()
        while kind == .dot && peekKind() == .name {
            advance()
            name += "." + nameText(tok)
            advance()
        }
        return name
    }

    /// `import_name`: 'import' dotted_as_names.
    mutating func parseImport() throws(ParseError) -> Stmt {
        let start = here
        if blockDepth > 0 { nestedImportOffsets.append(tok.start) }
        advance()
        var names: [Alias] = []
        repeat {
            let aliasStart = here
            let name = try parseDottedName()
            var asname: String? = nil
            if accept(.kwAs) {
                guard kind == .name else { throw syntaxError() }
                asname = nameText(tok)
                advance()
            }
            names.append(Alias(name: name, asname: asname, range: range(from: aliasStart)))
        } while accept(.comma)
        return Stmt(.import(names: names), range(from: start))
    }

    /// `import_from`: 'from' ('.' | '...')* dotted_name 'import' targets | 'from' ('.' | '...')+ 'import' targets.
    mutating func parseFromImport() throws(ParseError) -> Stmt {
        let start = here
        if blockDepth > 0 { nestedImportOffsets.append(tok.start) }
        advance()
        var level = 0
        while true {
            if accept(.dot) { level += 1 } else if accept(.ellipsis) { level += 3 } else { break }
        }
        var module: String? = nil
        if kind == .name { module = try parseDottedName() }
        else if level == 0 { throw syntaxError() }
        try expect(.kwImport, "import")
        var names: [Alias] = []
        if kind == .star {
            names.append(Alias(name: "*", asname: nil, range: tokenRange(tok)))
            advance()
        } else {
            let parenthesized = accept(.lpar)
            repeat {
                if parenthesized && kind == .rpar { break }
                guard kind == .name else {
                    if !parenthesized && !names.isEmpty {
                        throw error("trailing comma not allowed without surrounding parentheses", tokenRange(toks[p - 1]))
                    }
                    throw syntaxError()
                }
                let aliasStart = here
                let name = nameText(tok)
                advance()
                var asname: String? = nil
                if accept(.kwAs) {
                    guard kind == .name else { throw syntaxError() }
                    asname = nameText(tok)
                    advance()
                }
                names.append(Alias(name: name, asname: asname, range: range(from: aliasStart)))
            } while accept(.comma)
            if parenthesized { try expectClosing(.rpar, ")", suggestComma: false) }
            if names.isEmpty { throw syntaxError() }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), range(from: start))
    }

    // MARK: - Blocks

    /// `block`: NEWLINE INDENT statements DEDENT | simple_stmts.
    /// `what` names the owner for CPython's "expected an indented block after ..." message.
    mutating func parseBlock(_ what: String, line: Int) throws(ParseError) -> [Stmt] {
        blockDepth += 1
        defer { blockDepth -= 1 }
        if !accept(.colon) {
            if kind == .newline { throw error("expected ':'", tokenRange(tok)) }
            throw syntaxError()
        }
        var body: [Stmt] = []
        if accept(.newline) {
            guard kind == .indent else {
                if kind == .error { throw lexError() }
                throw error("expected an indented block after \(what) on line \(line)", tokenRange(tok))
            }
            advance()
            blockLines.append(tok.line)
            defer { blockLines.removeLast() }
            // Room for a few statements at once: bodies grow one statement at a time.
            body.reserveCapacity(3)
            while kind != .dedent && kind != .endMarker {
                let before = p
                parseStatementRecovering(into: &body)
                if p == before { advance() }
            }
            _ = accept(.dedent)
        } else {
            if kind == .endMarker || kind == .error {
                if kind == .error { throw lexError() }
                throw syntaxError()
            }
            // simple_stmts on the same line.
            while true {
                body.append(try parseSimpleStatement())
                if accept(.semi) { if kind == .newline { break }; continue }
                break
            }
            if !accept(.newline) && kind != .endMarker { throw syntaxError() }
        }
        return body
    }

    // MARK: - Compound statements

    mutating func parseCompound() throws(ParseError) -> Stmt {
        switch kind {
        case .at: return try parseDecorated()
        case .kwDef: return try parseFunctionDef(decorators: [], start: here)
        case .kwClass: return try parseClassDef(decorators: [])
        case .kwIf: return try parseIf()
        case .kwWhile: return try parseWhile()
        case .kwFor: return try parseFor(isAsync: false, start: here)
        case .kwTry: return try parseTry()
        case .kwWith: return try parseWith(isAsync: false, start: here)
        case .kwAsync:
            let start = here
            advance()
            switch kind {
            case .kwDef: return try parseFunctionDef(decorators: [], start: start, isAsync: true)
            case .kwFor: return try parseFor(isAsync: true, start: start)
            case .kwWith: return try parseWith(isAsync: true, start: start)
            default: throw syntaxError()
            }
        default:
            throw syntaxError()
        }
    }

    /// `decorators` then a function or class definition.
    mutating func parseDecorated() throws(ParseError) -> Stmt {
        var decorators: [Expr] = []
        while accept(.at) {
            decorators.append(try parseNamedExpression())
            if !accept(.newline) { throw syntaxError() }
        }
        switch kind {
        case .kwDef: return try parseFunctionDef(decorators: decorators, start: here)
        case .kwAsync where peekKind() == .kwDef:
            let start = here
            advance()
            return try parseFunctionDef(decorators: decorators, start: start, isAsync: true)
        case .kwClass: return try parseClassDef(decorators: decorators)
        default: throw syntaxError()
        }
    }

    /// `function_def_raw`: 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block.
    mutating func parseFunctionDef(decorators: [Expr], start: SourceLocation, isAsync: Bool = false) throws(ParseError) -> Stmt {
        let defLine = here.line
        advance() // def
        guard kind == .name else { throw syntaxError() }
        let nameTok = tok
        advance()
        let typeParams = kind == .lsqb ? try parseTypeParams() : []
        try expect(.lpar, "(")
        let args = try parseParameters(closing: .rpar, allowAnnotations: true)
        try expectClosing(.rpar, ")", suggestComma: false)
        var returns: Expr? = nil
        if accept(.rarrow) { returns = try parseExpression() }
        let body = try parseBlock("function definition", line: defLine)
        let def = FunctionDef(isAsync: isAsync, name: nameText(nameTok), args: args, body: body,
                              decoratorList: decorators, returns: returns, typeParams: typeParams,
                              nameRange: tokenRange(nameTok))
        return Stmt(.functionDef(def), range(from: start))
    }

    /// `class_def_raw`: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block.
    mutating func parseClassDef(decorators: [Expr]) throws(ParseError) -> Stmt {
        let start = here
        advance()
        guard kind == .name else { throw syntaxError() }
        let nameTok = tok
        advance()
        let typeParams = kind == .lsqb ? try parseTypeParams() : []
        var bases: [Expr] = [], keywords: [Keyword] = []
        if kind == .lpar {
            let dummy = Expr(.invalid, SourceRange(at: start))
            let call = try parseCall(dummy, start: start)
            if case .call(_, let a, let k) = call.kind {
                bases = a
                keywords = k
                for b in a { if case .generatorExp = b.kind { throw error("invalid syntax", b.range) } }
            }
        }
        let body = try parseBlock("class definition", line: start.line)
        let def = ClassDef(name: nameText(nameTok), bases: bases, keywords: keywords, body: body,
                           decoratorList: decorators, typeParams: typeParams, nameRange: tokenRange(nameTok))
        return Stmt(.classDef(def), range(from: start))
    }

    /// `if_stmt`: 'if' named_expression ':' block (elif_stmt | [else_block]).
    mutating func parseIf() throws(ParseError) -> Stmt {
        let start = here
        let keyword = kind == .kwIf ? "'if' statement" : "'elif' statement"
        advance()
        let test = try parseNamedExpression()
        let body = try parseBlock(keyword, line: start.line)
        var orelse: [Stmt] = []
        if kind == .kwElif {
            try enter()
            defer { leave() }
            orelse = [try parseIf()]
        } else if kind == .kwElse {
            let line = here.line
            advance()
            orelse = try parseBlock("'else' statement", line: line)
        }
        return Stmt(.if(test: test, body: body, orelse: orelse), range(from: start))
    }

    /// `while_stmt`: 'while' named_expression ':' block [else_block].
    mutating func parseWhile() throws(ParseError) -> Stmt {
        let start = here
        advance()
        let test = try parseNamedExpression()
        let body = try parseBlock("'while' statement", line: start.line)
        var orelse: [Stmt] = []
        if kind == .kwElse {
            let line = here.line
            advance()
            orelse = try parseBlock("'else' statement", line: line)
        }
        return Stmt(.while(test: test, body: body, orelse: orelse), range(from: start))
    }

    /// `for_stmt`: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block].
    mutating func parseFor(isAsync: Bool, start: SourceLocation) throws(ParseError) -> Stmt {
        let line = here.line
        advance()
        let target = try parseTargetList(.store)
        guard accept(.kwIn) else { throw syntaxError() }
        let iter = try parseStarExpressions()
        let body = try parseBlock("'for' statement", line: line)
        var orelse: [Stmt] = []
        if kind == .kwElse {
            let l = here.line
            advance()
            orelse = try parseBlock("'else' statement", line: l)
        }
        return Stmt(.for(isAsync: isAsync, target: target, iter: iter, body: body, orelse: orelse, typeComment: nil),
                    range(from: start))
    }

    /// `with_stmt`: ['async'] 'with' ( '(' with_item, ... ')' | with_item, ... ) ':' block.
    mutating func parseWith(isAsync: Bool, start: SourceLocation) throws(ParseError) -> Stmt {
        let line = here.line
        advance()
        var items: [WithItem]? = nil
        if kind == .lpar {
            items = attempt { (parser: inout Parser) throws(ParseError) -> [WithItem] in
                parser.advance()
                var result: [WithItem] = []
                repeat {
                    if parser.kind == .rpar && !result.isEmpty { break }
                    result.append(try parser.parseWithItem())
                } while parser.accept(.comma)
                try parser.expect(.rpar, ")")
                guard parser.kind == .colon else { throw parser.syntaxError() }
                return result
            }
        }
        if items == nil {
            var result: [WithItem] = []
            repeat { result.append(try parseWithItem()) } while accept(.comma)
            items = result
        }
        let body = try parseBlock("'with' statement", line: line)
        return Stmt(.with(isAsync: isAsync, items: items ?? [], body: body, typeComment: nil), range(from: start))
    }

    /// `with_item`: expression 'as' star_target &(',' | ')' | ':') | expression.
    mutating func parseWithItem() throws(ParseError) -> WithItem {
        let e = try parseExpression()
        if accept(.kwAs) {
            // One star_target: `as a, b` means two items, not a tuple target.
            let target = try setContext(try parseBitOr(), .store)
            return WithItem(contextExpr: e, optionalVars: target)
        }
        return WithItem(contextExpr: e, optionalVars: nil)
    }

    /// `try_stmt`: 'try' ':' block (finally_block | except_block+ [else_block] [finally_block]
    /// | except_star_block+ [else_block] [finally_block]).
    mutating func parseTry() throws(ParseError) -> Stmt {
        let start = here
        advance()
        let body = try parseBlock("'try' statement", line: start.line)
        var handlers: [ExceptHandler] = []
        var isStar: Bool? = nil
        while kind == .kwExcept {
            let hStart = here
            advance()
            let star = accept(.star)
            if let s = isStar, s != star {
                throw error("cannot have both 'except' and 'except*' on the same 'try'", SourceRange(start: hStart, end: prevEnd))
            }
            isStar = star
            var type: Expr? = nil
            var name: String? = nil
            if kind != .colon {
                let first = try parseExpression()
                if kind == .comma {
                    throw error("multiple exception types must be parenthesized", first.range)
                }
                type = first
                if accept(.kwAs) {
                    guard kind == .name else { throw syntaxError() }
                    name = nameText(tok)
                    advance()
                }
            } else if star {
                throw error("expected one or more exception types", tokenRange(tok))
            }
            let hBody = try parseBlock(star ? "'except*' statement" : "'except' statement", line: hStart.line)
            handlers.append(ExceptHandler(type: type, name: name, body: hBody, range: range(from: hStart)))
        }
        var orelse: [Stmt] = [], finalbody: [Stmt] = []
        if kind == .kwElse && !handlers.isEmpty {
            let line = here.line
            advance()
            orelse = try parseBlock("'else' statement", line: line)
        }
        if kind == .kwFinally {
            let line = here.line
            advance()
            finalbody = try parseBlock("'finally' statement", line: line)
        }
        if handlers.isEmpty && finalbody.isEmpty {
            // CPython points at the token after the block; at the end of input, at the last NEWLINE.
            var i = p
            while i > 0 && (toks[i].kind == .dedent || toks[i].kind == .endMarker) && Int(toks[i].start) >= src.count { i -= 1 }
            throw error("expected 'except' or 'finally' block", tokenRange(toks[i]))
        }
        return Stmt(.try(isStar: isStar ?? false, body: body, handlers: handlers, orelse: orelse, finalbody: finalbody),
                    range(from: start))
    }

    /// `type_params`: '[' type_param (',' type_param)* [','] ']'.
    mutating func parseTypeParams() throws(ParseError) -> [TypeParam] {
        advance()
        var params: [TypeParam] = []
        repeat {
            if kind == .rsqb && !params.isEmpty { break }
            let start = here
            if accept(.star) {
                guard kind == .name else { throw syntaxError() }
                let name = nameText(tok); advance()
                params.append(TypeParam(name: name, kind: .typeVarTuple, range: range(from: start)))
            } else if accept(.doubleStar) {
                guard kind == .name else { throw syntaxError() }
                let name = nameText(tok); advance()
                params.append(TypeParam(name: name, kind: .paramSpec, range: range(from: start)))
            } else {
                guard kind == .name else { throw syntaxError() }
                let name = nameText(tok); advance()
                var bound: Expr? = nil
                if accept(.colon) { bound = try parseExpression() }
                params.append(TypeParam(name: name, kind: .typeVar(bound: bound), range: range(from: start)))
            }
        } while accept(.comma)
        try expectClosing(.rsqb, "]")
        return params
    }
}
