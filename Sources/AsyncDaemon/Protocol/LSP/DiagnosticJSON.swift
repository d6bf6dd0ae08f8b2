import Analyzer

/// Writes the JSON of `ResultEncoding.diagnostic` straight into bytes, without building the
/// `JSONValue` tree first: building and freeing that tree for every diagnostic of every publish
/// cost more than writing the bytes. The output is byte for byte what
/// `JSONWriter.encode(ResultEncoding.diagnostic(...))` gives (`DiagnosticJSONTests`).
enum DiagnosticJSON {
    static func writeArray(_ diagnostics: [Diagnostic], lines: LineTable, encoding: PositionEncoding, uri: String?, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, diagnostic) in diagnostics.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            write(diagnostic, lines: lines, encoding: encoding, uri: uri, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func write(_ diagnostic: Diagnostic, lines: LineTable, encoding: PositionEncoding, uri: String?, into out: inout [UInt8]) {
        appendLiteral(#"{"range":"#, into: &out)
        writeRange(diagnostic.range, lines: lines, encoding: encoding, into: &out)
        appendLiteral(#","severity":"#, into: &out)
        writeInt(diagnostic.severity.rawValue, into: &out)
        appendLiteral(#","code":"#, into: &out)
        JSONWriter.writeString(diagnostic.code, into: &out)
        appendLiteral(#","source":"asyncd","message":"#, into: &out)
        JSONWriter.writeString(diagnostic.message, into: &out)
        appendLiteral(#","data":{"rule":"#, into: &out)
        JSONWriter.writeString(diagnostic.name, into: &out)
        if let reference = diagnostic.reference {
            appendLiteral(#","reference":"#, into: &out)
            JSONWriter.writeString(reference, into: &out)
        }
        if let fix = diagnostic.fix {
            appendLiteral(#","fix":{"changes":{"#, into: &out)
            JSONWriter.writeString(uri ?? ResultEncoding.untitledURI, into: &out)
            appendLiteral(":[", into: &out)
            for (index, edit) in fix.edits.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendLiteral(#"{"range":"#, into: &out)
                writeRange(edit.range, lines: lines, encoding: encoding, into: &out)
                appendLiteral(#","newText":"#, into: &out)
                JSONWriter.writeString(edit.newText, into: &out)
                out.append(UInt8(ascii: "}"))
            }
            appendLiteral(#"]}},"fixTitle":"#, into: &out)
            JSONWriter.writeString(fix.title, into: &out)
            if fix.isSafe { appendLiteral(#","fixSafe":true"#, into: &out) } else { appendLiteral(#","fixSafe":false"#, into: &out) }
        }
        appendLiteral("}}", into: &out)
    }

    static func writeRange(_ range: SourceRange, lines: LineTable, encoding: PositionEncoding, into out: inout [UInt8]) {
        let start = lines.position(of: range.start, in: encoding), end = lines.position(of: range.end, in: encoding)
        appendLiteral(#"{"start":{"line":"#, into: &out)
        writeInt(start.line, into: &out)
        appendLiteral(#","character":"#, into: &out)
        writeInt(start.character, into: &out)
        appendLiteral(#"},"end":{"line":"#, into: &out)
        writeInt(end.line, into: &out)
        appendLiteral(#","character":"#, into: &out)
        writeInt(end.character, into: &out)
        appendLiteral("}}", into: &out)
    }

    /// `String(value)`'s digits, without making the string.
    static func writeInt(_ value: Int, into out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        if value < 0 {
            out.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    /// A literal's bytes (a `StaticString` copies straight from its buffer; `"...".utf8` goes
    /// through the generic sequence append, about twice as slow for these short literals).
    @inline(__always)
    static func appendLiteral(_ literal: StaticString, into out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
