/// `# noqa` comments, as flake8 and ruff read them: a bare `# noqa` on a line suppresses every
/// diagnostic starting on that line; `# noqa: AIO201, AIO202` only those codes (a code prefix
/// such as `AIO2` covers its family). Syntax errors (`E999`) are never suppressed.
///
/// Comments are found with a small scanner that skips string literals (including triple-quoted
/// and prefixed ones), so a `#` inside a string is not a comment.
public struct NoqaDirectives: Sendable {
    public enum Directive: Hashable, Sendable {
        case all
        case codes([String])
    }

    /// Directives by 1-based line.
    public private(set) var byLine: [Int: Directive] = [:]

    public init(source: SourceText) {
        for (line, comment) in Self.comments(in: source.bytes) {
            if let directive = Self.parse(comment) { byLine[line] = directive }
        }
    }

    /// From the comment byte ranges the lexer found (`ParseResult.comments`).
    public init(source: SourceText, commentRanges: [Range<Int>]) {
        for range in commentRanges where Self.mentionsNoqa(source.bytes, range) {
            let text = source.slice(range.lowerBound, range.upperBound)
            if let directive = Self.parse(text) { byLine[source.location(at: range.lowerBound).line] = directive }
        }
    }

    /// A byte-level test for `noqa` in any case, so that ordinary comments cost no string work.
    static func mentionsNoqa(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound)
        let upper = min(bytes.count, range.upperBound)
        guard upper - lower >= 4 else { return false }
        var index = lower
        while index + 4 <= upper {
            if bytes[index] | 0x20 == UInt8(ascii: "n"), bytes[index + 1] | 0x20 == UInt8(ascii: "o"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "q"), bytes[index + 3] | 0x20 == UInt8(ascii: "a") {
                return true
            }
            index += 1
        }
        return false
    }

    public func suppresses(_ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.code != "E999", let directive = byLine[diagnostic.range.start.line] else { return false }
        switch directive {
        case .all: return true
        case .codes(let codes): return codes.contains { diagnostic.code.hasPrefix($0) }
        }
    }

    /// Parses the text of one comment (starting at `#`).
    static func parse(_ comment: String) -> Directive? {
        let chars = Array(comment)
        var index = 0
        while index < chars.count {
            guard chars[index] == "#" else { index += 1; continue }
            var cursor = index + 1
            while cursor < chars.count, chars[cursor] == " " || chars[cursor] == "\t" { cursor += 1 }
            guard cursor + 4 <= chars.count, String(chars[cursor..<cursor + 4]).lowercased() == "noqa" else {
                index += 1
                continue
            }
            cursor += 4
            while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
            guard cursor < chars.count, chars[cursor] == ":" else { return .all }
            let rest = String(chars[(cursor + 1)...])
            var codes: [String] = []
            for piece in rest.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
                let code = piece.uppercased()
                guard let first = code.first, first.isLetter, code.allSatisfy({ $0.isLetter || $0.isNumber }) else { break }
                codes.append(code)
            }
            return codes.isEmpty ? .all : .codes(codes)
        }
        return nil
    }

    /// Every comment of the source with its 1-based line.
    static func comments(in bytes: [UInt8]) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var index = 0
        var line = 1
        let count = bytes.count
        func byte(_ i: Int) -> UInt8 { i < count ? bytes[i] : 0 }
        while index < count {
            let current = bytes[index]
            switch current {
            case UInt8(ascii: "\n"):
                line += 1
                index += 1
            case UInt8(ascii: "\r"):
                if byte(index + 1) != UInt8(ascii: "\n") { line += 1 }
                index += 1
            case UInt8(ascii: "#"):
                var end = index
                while end < count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
                result.append((line, String(decoding: bytes[index..<end], as: UTF8.self)))
                index = end
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let quote = current
                let triple = byte(index + 1) == quote && byte(index + 2) == quote
                index += triple ? 3 : 1
                while index < count {
                    let c = bytes[index]
                    if c == UInt8(ascii: "\\") {
                        if byte(index + 1) == UInt8(ascii: "\n") { line += 1 }
                        index += 2
                        continue
                    }
                    if c == UInt8(ascii: "\n") {
                        line += 1
                        if !triple { index += 1; break }  // unterminated single-quoted string
                    }
                    if c == quote {
                        if !triple { index += 1; break }
                        if byte(index + 1) == quote && byte(index + 2) == quote { index += 3; break }
                    }
                    index += 1
                }
            default:
                index += 1
            }
        }
        return result
    }
}
