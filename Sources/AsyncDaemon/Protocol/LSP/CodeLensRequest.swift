/// `textDocument/codeLens` (LSP 3.17 §Code Lens): a "Run with trace" lens over every
/// `asyncio.run(` call of the document, whose command is `asyncd.runWithTrace` (see
/// `ExecuteCommandRequest`) with the document's URI as its one argument.
///
/// - params: `{"textDocument": {"uri"}}`
/// - result: `[{"range", "command": {"title": "▶ Run with trace", "command": "asyncd.runWithTrace", "arguments": [uri]}}]`
/// - errors: -32602 bad params or a document that is not open.
///
/// Example: `{"jsonrpc":"2.0","id":6,"method":"textDocument/codeLens","params":{"textDocument":{"uri":"file:///t.py"}}}`
enum CodeLensRequest {
    static let name = "textDocument/codeLens"

    static func codeLens(_ params: JSONValue?, documents: DocumentStore, encoding: PositionEncoding) throws(ProtocolError) -> JSONValue {
        let uri = try TextDocumentSync.decodeURI(params)
        guard let snapshot = documents.snapshot(uri) else { throw .invalidParams("document not open: \(uri)") }
        let lines = snapshot.lines
        let needle = Array("asyncio.run(".utf8)
        var lenses: [JSONValue] = []
        let bytes = lines.bytes
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle),
               i == 0 || !isIdentifierByte(bytes[i - 1]) {
                let start = lines.position(utf8Offset: i, in: encoding)
                let end = lines.position(utf8Offset: i + needle.count - 1, in: encoding)
                lenses.append(.object([
                    "range": .object(["start": start.json, "end": end.json]),
                    "command": .object([
                        "title": .string("▶ Run with trace"),
                        "command": .string(ExecuteCommandRequest.runWithTrace),
                        "arguments": .array([.string(uri)]),
                    ]),
                ]))
                i += needle.count
            } else {
                i += 1
            }
        }
        return .array(lenses)
    }

    private static func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E || b >= 0x80
    }
}
