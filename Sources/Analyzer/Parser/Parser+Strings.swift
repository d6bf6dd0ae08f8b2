/// String literals: implicit concatenation, escapes, bytes, and PEP 701 f-strings, building
/// the nodes CPython 3.12 builds (`Parser/action_helpers.c`: `_PyPegen_concatenate_strings`,
/// `_PyPegen_formatted_value`; `Parser/string_parser.c`: `decode_unicode_with_escapes`).
extension Parser {
    /// One piece of a JoinedStr being assembled.
    private enum Piece {
        case text([UInt32], SourceRange)
        case field(Expr)
    }

    /// `strings`: one or more adjacent STRING / f-string literals.
    mutating func parseStrings() throws(ParseError) -> Expr {
        let start = here
        let firstTok = tok
        var pieces: [Piece] = []
        var sawF = false, sawBytes = false, sawNonBytes = false
        var bytesValue: [UInt8] = []
        var strValue: [UInt32] = []
        // The plain strings before the first f-string are not kept as pieces (most literals have
        // no f-string, and the pieces array was an allocation each): they are one text piece
        // from the first non-empty one to the last, which is what `mergePieces` makes of them.
        var plainRange: SourceRange? = nil
        while kind == .string || kind == .fstringStart {
            let t = tok
            if t.kind == .string {
                advance()
                let isBytes = t.flags.contains(.bytes)
                if isBytes { sawBytes = true } else { sawNonBytes = true }
                if sawBytes && sawNonBytes { throw error("cannot mix bytes and nonbytes literals", range(from: start)) }
                let (bodyStart, bodyEnd) = stringBody(t)
                if isBytes {
                    try decodeBytes(bodyStart, bodyEnd, raw: t.flags.contains(.raw), into: &bytesValue, token: t)
                } else {
                    var text: [UInt32] = []
                    try decodeStr(bodyStart, bodyEnd, raw: t.flags.contains(.raw), into: &text, token: t)
                    if sawF {
                        pieces.append(.text(text, tokenRange(t)))
                    } else if let range = plainRange {
                        plainRange = SourceRange(start: range.start, end: endLoc(t))
                    } else if !text.isEmpty {
                        plainRange = tokenRange(t)
                    }
                    if strValue.isEmpty { strValue = text } else { strValue.append(contentsOf: text) }
                }
            } else {
                if !sawF, let range = plainRange { pieces.append(.text(strValue, range)) }
                sawF = true
                sawNonBytes = true
                if sawBytes { throw error("cannot mix bytes and nonbytes literals", range(from: start)) }
                try parseFString(into: &pieces)
            }
        }
        let r = range(from: start)
        if sawBytes { return Expr(.constant(value: .bytes(bytesValue), kind: nil), r) }
        if !sawF {
            // Only a lowercase `u` prefix on the first piece sets `kind` (`Parser/action_helpers.c`).
            let kind: String? = src[Int(firstTok.start)] == UInt8(ascii: "u") ? "u" : nil
            return Expr(.constant(value: .str(PyStringLiteral(codePoints: strValue)), kind: kind), r)
        }
        return Expr(.joinedStr(values: mergePieces(pieces)), r)
    }

    /// Adjacent text pieces become one Constant spanning them; empty ones disappear.
    private func mergePieces(_ pieces: [Piece]) -> [Expr] {
        var values: [Expr] = []
        var pendingText: [UInt32] = []
        var pendingRange: SourceRange? = nil
        func flush() {
            if let r = pendingRange, !pendingText.isEmpty {
                values.append(Expr(.constant(value: .str(PyStringLiteral(codePoints: pendingText)), kind: nil), r))
            }
            pendingText = []
            pendingRange = nil
        }
        for piece in pieces {
            switch piece {
            case .text(let t, let r):
                if t.isEmpty && pendingRange == nil { continue }
                pendingText.append(contentsOf: t)
                pendingRange = pendingRange.map { SourceRange(start: $0.start, end: r.end) } ?? r
            case .field(let e):
                flush()
                values.append(e)
            }
        }
        flush()
        return values
    }

    /// The byte range between the quotes of a STRING token.
    private func stringBody(_ t: Token) -> (Int, Int) {
        var s = Int(t.start)
        while s < Int(t.end) && src[s] != 34 && src[s] != 39 { s += 1 }
        let q = t.flags.contains(.triple) ? 3 : 1
        return (min(s + q, Int(t.end)), max(s + q, Int(t.end) - q))
    }

    /// FSTRING_START (FSTRING_MIDDLE | replacement field)* FSTRING_END.
    private mutating func parseFString(into pieces: inout [Piece]) throws(ParseError) {
        let startTok = tok
        advance()
        let raw = startTok.flags.contains(.raw)
        while true {
            switch kind {
            case .fstringMiddle:
                let t = tok
                advance()
                var text: [UInt32] = []
                try decodeStr(Int(t.start), Int(t.end), raw: raw, into: &text, token: t, fstring: true)
                pieces.append(.text(text, tokenRange(t)))
            case .lbrace:
                try parseReplacementField(into: &pieces, raw: raw)
            case .fstringEnd:
                advance()
                return
            case .error:
                throw lexError()
            default:
                throw error("f-string: expecting '}'", tokenRange(tok))
            }
        }
    }

    /// `fstring_replacement_field`: '{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' spec*] '}'.
    private mutating func parseReplacementField(into pieces: inout [Piece], raw: Bool) throws(ParseError) {
        let open = tok
        advance()
        try enter()
        defer { leave() }
        if kind == .rbrace { throw error("f-string: valid expression required before '}'", tokenRange(tok)) }
        let savedElement = elementStart
        elementStart = p
        defer { elementStart = savedElement }
        if kind == .error { throw lexError() }
        let value: Expr
        if kind == .kwYield {
            value = try parseYieldExpression()
        } else {
            if kind == .kwLambda {
                throw error("f-string: lambda expressions are not allowed without parentheses", tokenRange(tok))
            }
            value = try parseStarExpressions()
        }
        var conversion = -1
        var debug = false
        if kind == .equal {
            debug = true
            advance()
            // The expression text with its `=` and surrounding spaces (CPython keeps it verbatim).
            let textStart = Int(open.end), textEnd = Int(tok.start)
            var text: [UInt32] = []
            var from = textStart
            for c in comments where c.lowerBound >= textStart && c.upperBound <= textEnd {
                decodeUTF8(from, c.lowerBound, into: &text)
                from = c.upperBound
            }
            decodeUTF8(from, textEnd, into: &text)
            let r = SourceRange(start: endLoc(open), end: startLoc(tok))
            pieces.append(.text(text, r))
        }
        if kind == .exclamation {
            advance()
            guard kind == .name else {
                throw error("f-string: missing conversion character", tokenRange(tok))
            }
            let name = nameText(tok)
            switch name {
            case "s": conversion = 115
            case "r": conversion = 114
            case "a": conversion = 97
            default:
                throw error("f-string: invalid conversion character '\(name)': expected 's', 'r', or 'a'", tokenRange(tok))
            }
            advance()
        }
        var formatSpec: Expr? = nil
        if kind == .colon {
            let colon = tok
            advance()
            var specValues: [Expr] = []
            while kind != .rbrace {
                switch kind {
                case .fstringMiddle:
                    let t = tok
                    advance()
                    var text: [UInt32] = []
                    try decodeStr(Int(t.start), Int(t.end), raw: raw, into: &text, token: t, fstring: true)
                    specValues.append(Expr(.constant(value: .str(PyStringLiteral(codePoints: text)), kind: nil), tokenRange(t)))
                case .lbrace:
                    var inner: [Piece] = []
                    try parseReplacementField(into: &inner, raw: raw)
                    for piece in inner {
                        switch piece {
                        case .field(let e): specValues.append(e)
                        case .text(let t, let r):
                            specValues.append(Expr(.constant(value: .str(PyStringLiteral(codePoints: t)), kind: nil), r))
                        }
                    }
                case .error:
                    throw lexError()
                default:
                    throw error("f-string: expecting '}'", tokenRange(tok))
                }
            }
            let end = specValues.last?.range.end ?? endLoc(colon)
            formatSpec = Expr(.joinedStr(values: specValues), SourceRange(start: startLoc(colon), end: max(end, endLoc(colon))))
        }
        guard kind == .rbrace else {
            if kind == .error { throw lexError() }
            if startsOperand(kind) { throw closingError("}") }
            throw error("f-string: expecting '}'", tokenRange(tok))
        }
        advance()
        if debug && conversion == -1 && formatSpec == nil { conversion = 114 }
        let r = SourceRange(start: startLoc(open), end: prevEnd)
        pieces.append(.field(Expr(.formattedValue(value: value, conversion: conversion, formatSpec: formatSpec), r)))
    }

    // MARK: - Decoding

    /// Appends the scalars of UTF-8 bytes `[s, e)`, with CRLF and CR read as LF.
    func decodeUTF8(_ s: Int, _ e: Int, into out: inout [UInt32]) {
        var i = s
        while i < e {
            let (scalar, len) = decodeScalar(i, e)
            if scalar == 13 {
                out.append(10)
                i += (i + 1 < e && src[i + 1] == 10) ? 2 : 1
                continue
            }
            out.append(scalar)
            i += len
        }
    }

    /// Decodes one UTF-8 sequence (the source is valid UTF-8; anything odd becomes U+FFFD).
    @inline(__always) func decodeScalar(_ i: Int, _ e: Int) -> (UInt32, Int) {
        let b0 = UInt32(src[i])
        if b0 < 0x80 { return (b0, 1) }
        func cont(_ k: Int) -> UInt32? {
            guard i + k < e, src[i + k] & 0xC0 == 0x80 else { return nil }
            return UInt32(src[i + k] & 0x3F)
        }
        if b0 & 0xE0 == 0xC0, let c1 = cont(1) { return (((b0 & 0x1F) << 6) | c1, 2) }
        if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) { return (((b0 & 0x0F) << 12) | (c1 << 6) | c2, 3) }
        if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            return (((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, 4)
        }
        return (0xFFFD, 1)
    }

    @inline(__always) private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 97...102: return UInt32(c - 87)
        case 65...70: return UInt32(c - 55)
        default: return nil
        }
    }

    /// Decodes a str literal body (or an f-string middle, where `{{`/`}}` stand for one brace).
    func decodeStr(_ s: Int, _ e: Int, raw: Bool, into out: inout [UInt32], token: Token, fstring: Bool = false) throws(ParseError) {
        // Every input byte gives at most one scalar (escapes and CRLF give one for several), so
        // the scalars are written straight into storage of that size: no per-scalar append.
        var failure: ParseError? = nil
        let decoded = [UInt32](unsafeUninitializedCapacity: max(0, e - s)) { buffer, count in
            failure = decodeStrBody(s, e, raw: raw, fstring: fstring, token: token, into: buffer, count: &count)
        }
        if let failure { throw failure }
        if out.isEmpty { out = decoded } else { out.append(contentsOf: decoded) }
    }

    private func decodeStrBody(_ s: Int, _ e: Int, raw: Bool, fstring: Bool, token: Token,
                               into buffer: UnsafeMutableBufferPointer<UInt32>, count: inout Int) -> ParseError? {
        src.withUnsafeBufferPointer { bytes -> ParseError? in
            var n = 0
            defer { count = n }
            @inline(__always) func put(_ v: UInt32) {
                if n < buffer.count { buffer[n] = v; n += 1 }
            }
            var i = max(0, s)
            let e = min(e, bytes.count)
            while i < e {
                let c = bytes[i]
                // The common case first: a plain ASCII character stands for itself.
                if c < 0x80 && c != 92 && c != 13 && c != 123 && c != 125 {
                    put(UInt32(c))
                    i += 1
                    continue
                }
                if fstring && (c == 123 || c == 125) && i + 1 < e && bytes[i + 1] == c {
                    put(UInt32(c))
                    i += 2
                    continue
                }
                if c == 13 {
                    put(10)
                    i += (i + 1 < e && bytes[i + 1] == 10) ? 2 : 1
                    continue
                }
                if c != 92 || raw {
                    if c < 0x80 { put(UInt32(c)); i += 1 } else {
                        let (scalar, len) = decodeScalar(i, e)
                        put(scalar)
                        i += len
                    }
                    continue
                }
                // Backslash escape.
                guard i + 1 < e else { put(92); i += 1; continue }
                let d = bytes[i + 1]
                i += 2
                switch d {
                case 10: continue
                case 13: if i < e && bytes[i] == 10 { i += 1 }; continue
                case 92: put(92)
                case 39: put(39)
                case 34: put(34)
                case 97: put(7)
                case 98: put(8)
                case 102: put(12)
                case 110: put(10)
                case 114: put(13)
                case 116: put(9)
                case 118: put(11)
                case 48...55:
                    var v = UInt32(d - 48)
                    var k = 0
                    while k < 2 && i < e && bytes[i] >= 48 && bytes[i] <= 55 { v = v * 8 + UInt32(bytes[i] - 48); i += 1; k += 1 }
                    put(v)
                case 120, 117, 85:
                    let count = d == 120 ? 2 : d == 117 ? 4 : 8
                    var v: UInt32 = 0
                    for k in 0..<count {
                        guard i + k < e, let h = hexValue(bytes[i + k]) else {
                            let kindName = d == 120 ? "\\xXX" : d == 117 ? "\\uXXXX" : "\\UXXXXXXXX"
                            return error("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2 - s)-\(i - 1 + k - s): truncated \(kindName) escape", tokenRange(token))
                        }
                        v = (v << 4) | h
                    }
                    i += count
                    if v > 0x10FFFF {
                        return error("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - count - 2 - s)-\(i - 1 - s): illegal Unicode character", tokenRange(token))
                    }
                    put(v)
                case 78:
                    // \N{NAME}
                    guard i < e, bytes[i] == 123, let close = (i..<e).first(where: { bytes[$0] == 125 }) else {
                        return error("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2 - s)-\(i - 1 - s): malformed \\N character escape", tokenRange(token))
                    }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close]), as: UTF8.self)
                    guard let scalar = UnicodeNames.lookup(name) else {
                        return error("(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2 - s)-\(close - s): unknown Unicode character name", tokenRange(token))
                    }
                    put(scalar)
                    i = close + 1
                default:
                    // Invalid escape: kept as written (a DeprecationWarning in CPython).
                    put(92)
                    i -= 1
                }
            }
            return nil
        }
    }

    /// Decodes a bytes literal body.
    func decodeBytes(_ s: Int, _ e: Int, raw: Bool, into out: inout [UInt8], token: Token) throws(ParseError) {
        var i = s
        while i < e {
            let c = src[i]
            if c >= 0x80 { throw error("bytes can only contain ASCII literal characters", tokenRange(token)) }
            if c == 13 {
                out.append(10)
                i += (i + 1 < e && src[i + 1] == 10) ? 2 : 1
                continue
            }
            if c != 92 || raw { out.append(c); i += 1; continue }
            guard i + 1 < e else { out.append(92); i += 1; continue }
            let d = src[i + 1]
            i += 2
            switch d {
            case 10: continue
            case 13: if i < e && src[i] == 10 { i += 1 }; continue
            case 92: out.append(92)
            case 39: out.append(39)
            case 34: out.append(34)
            case 97: out.append(7)
            case 98: out.append(8)
            case 102: out.append(12)
            case 110: out.append(10)
            case 114: out.append(13)
            case 116: out.append(9)
            case 118: out.append(11)
            case 48...55:
                var v = UInt32(d - 48)
                var k = 0
                while k < 2 && i < e && src[i] >= 48 && src[i] <= 55 { v = v * 8 + UInt32(src[i] - 48); i += 1; k += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            case 120:
                guard i + 1 < e, let h1 = hexValue(src[i]), let h2 = hexValue(src[i + 1]) else {
                    throw error("(value error) invalid \\x escape at position \(i - 2 - s)", tokenRange(token))
                }
                out.append(UInt8(h1 << 4 | h2))
                i += 2
            default:
                out.append(92)
                i -= 1
            }
        }
    }

    // MARK: - Numbers

    /// The value of a NUMBER token (`Parser/pegen.c`, `parsenumber`).
    func numberValue(_ t: Token) -> ConstantValue {
        // Most literals are short decimal integers (`0`, `1`, `42`): read them in place, without
        // the copy below. Up to 18 digits always fit in an `Int`; a leading `0` reads the same
        // in base 10 (`00` is 0), as below.
        let length = Int(t.end - t.start)
        if length > 0 && length <= 18, Int(t.start) >= 0, Int(t.end) <= src.count {
            var value = 0
            var allDigits = true
            for i in Int(t.start)..<Int(t.end) {
                let c = src[i]
                guard c >= 48 && c <= 57 else { allDigits = false; break }
                value = value * 10 + Int(c - 48)
            }
            if allDigits { return .int(value) }
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(Int(t.end - t.start))
        for i in Int(t.start)..<Int(t.end) where src[i] != 95 { digits.append(src[i]) }
        guard let last = digits.last else { return .int(0) }
        if last | 0x20 == UInt8(ascii: "j") {
            digits.removeLast()
            return .imaginary(Double(String(decoding: digits, as: UTF8.self)) ?? 0)
        }
        if digits.count > 1 && digits[0] == 48 {
            let x = digits[1] | 0x20
            let radix = x == UInt8(ascii: "x") ? 16 : x == UInt8(ascii: "o") ? 8 : x == UInt8(ascii: "b") ? 2 : 0
            if radix != 0 { return integerValue(Array(digits[2...]), radix: radix) }
        }
        let isFloat = digits.contains { $0 == 46 || $0 | 0x20 == 101 }
        if isFloat { return .float(Double(String(decoding: digits, as: UTF8.self)) ?? 0) }
        return integerValue(digits, radix: 10)
    }

    /// An integer from digits in `radix`: an `Int` when it fits, else its decimal digits.
    func integerValue(_ digits: [UInt8], radix: Int) -> ConstantValue {
        var v = 0
        var overflow = false
        for c in digits {
            let d = Int(hexValue(c) ?? 0)
            let (m, o1) = v.multipliedReportingOverflow(by: radix)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { overflow = true; break }
            v = a
        }
        if !overflow { return .int(v) }
        // Arbitrary precision: base-1e9 limbs, little endian.
        var limbs: [UInt64] = [0]
        for c in digits {
            var carry = UInt64(hexValue(c) ?? 0)
            for k in 0..<limbs.count {
                let x = limbs[k] * UInt64(radix) + carry
                limbs[k] = x % 1_000_000_000
                carry = x / 1_000_000_000
            }
            while carry > 0 { limbs.append(carry % 1_000_000_000); carry /= 1_000_000_000 }
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let s = String(limb)
            text += String(repeating: "0", count: 9 - s.count) + s
        }
        return .bigInt(decimal: text)
    }
}
