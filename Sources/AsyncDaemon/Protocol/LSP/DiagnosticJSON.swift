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
        out.append(contentsOf: #"{"range":"#.utf8)
        writeRange(diagnostic.range, lines: lines, encoding: encoding, into: &out)
        out.append(contentsOf: #","severity":"#.utf8)
        writeInt(diagnostic.severity.rawValue, into: &out)
        out.append(contentsOf: #","code":"#.utf8)
        JSONWriter.writeString(diagnostic.code, into: &out)
        out.append(contentsOf: #","source":"asyncd","message":"#.utf8)
        JSONWriter.writeString(diagnostic.message, into: &out)
        out.append(contentsOf: #","data":{"rule":"#.utf8)
        JSONWriter.writeString(diagnostic.name, into: &out)
        if let reference = diagnostic.reference {
            out.append(contentsOf: #","reference":"#.utf8)
            JSONWriter.writeString(reference, into: &out)
        }
        if let fix = diagnostic.fix {
            out.append(contentsOf: #","fix":{"changes":{"#.utf8)
            JSONWriter.writeString(uri ?? ResultEncoding.untitledURI, into: &out)
            out.append(contentsOf: ":[".utf8)
            for (index, edit) in fix.edits.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: #"{"range":"#.utf8)
                writeRange(edit.range, lines: lines, encoding: encoding, into: &out)
                out.append(contentsOf: #","newText":"#.utf8)
                JSONWriter.writeString(edit.newText, into: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(contentsOf: #"]}},"fixTitle":"#.utf8)
            JSONWriter.writeString(fix.title, into: &out)
            out.append(contentsOf: (fix.isSafe ? #","fixSafe":true"# : #","fixSafe":false"#).utf8)
        }
        out.append(contentsOf: "}}".utf8)
    }

    static func writeRange(_ range: SourceRange, lines: LineTable, encoding: PositionEncoding, into out: inout [UInt8]) {
        let start = lines.position(of: range.start, in: encoding), end = lines.position(of: range.end, in: encoding)
        out.append(contentsOf: #"{"start":{"line":"#.utf8)
        writeInt(start.line, into: &out)
        out.append(contentsOf: #","character":"#.utf8)
        writeInt(start.character, into: &out)
        out.append(contentsOf: #"},"end":{"line":"#.utf8)
        writeInt(end.line, into: &out)
        out.append(contentsOf: #","character":"#.utf8)
        writeInt(end.character, into: &out)
        out.append(contentsOf: "}}".utf8)
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
}
