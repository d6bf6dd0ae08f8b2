/// `$/asyncd/documentText`: a debugging and test aid. The server's copy of an open document,
/// exactly (CRLF kept), with its version: the document-sync replay test compares it with the
/// client's buffer after every edit.
///
/// - params: `{"uri": string}`
/// - result: `{"uri", "version", "text"}`
/// - errors: -32602 when the document is not open.
///
/// Example: `{"jsonrpc":"2.0","id":3,"method":"$/asyncd/documentText","params":{"uri":"file:///t.py"}}`
enum DocumentTextRequest {
    static let name = "$/asyncd/documentText"

    static func documentText(_ params: JSONValue?, documents: DocumentStore) throws(ProtocolError) -> JSONValue {
        let p = try ParamsDecoder(params, allowed: ["uri"])
        let uri = try p.string("uri")
        guard let snapshot = documents.snapshot(uri) else { throw .invalidParams("document not open: \(uri)") }
        return .object(["uri": .string(uri), "version": .int(snapshot.version), "text": .string(snapshot.text)])
    }
}
