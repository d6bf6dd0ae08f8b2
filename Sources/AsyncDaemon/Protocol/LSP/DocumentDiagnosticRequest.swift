import Analyzer

/// `textDocument/diagnostic` (LSP 3.17 §Pull Diagnostics): the same diagnostics that
/// `publishDiagnostics` pushes, for the document's current version.
///
/// - params: `{"textDocument": {"uri"}, "identifier"?, "previousResultId"?}`
/// - result: `{"kind": "full", "resultId": "<version>", "items": [Diagnostic]}`; when
///   `previousResultId` names the current version (and nothing else changed) `{"kind": "unchanged", "resultId"}`.
/// - errors: -32602 bad params or a document that is not open; -32002 before `initialize`.
///
/// Example: `{"jsonrpc":"2.0","id":2,"method":"textDocument/diagnostic","params":{"textDocument":{"uri":"file:///t.py"}}}`
enum DocumentDiagnosticRequest {
    static let name = "textDocument/diagnostic"

    struct Params: Sendable {
        var snapshot: DocumentSnapshot
        /// Configuration and module summaries as of the request.
        var inputs: LanguageServer.AnalysisInputs
        var previousResultId: String?
    }

    /// Decoded on the reader thread, so the snapshot is the text as of this request.
    static func decode(_ params: JSONValue?, server: LanguageServer) throws(ProtocolError) -> Params {
        let documents = server.documents
        let uri = try TextDocumentSync.decodeURI(params)
        guard let snapshot = documents.snapshot(uri) else { throw .invalidParams("document not open: \(uri)") }
        return Params(snapshot: snapshot, inputs: server.currentInputs(), previousResultId: params?["previousResultId"]?.stringValue)
    }

    static func documentDiagnostic(_ params: Params, server: LanguageServer) throws(ProtocolError) -> JSONValue {
        let diagnostics = try server.diagnostics(for: params.snapshot, inputs: params.inputs)
        let lines = params.snapshot.lines
        let encoding = server.encoding
        return .object([
            "kind": .string("full"),
            "resultId": .string(String(params.snapshot.version)),
            "items": .array(diagnostics.map {
                ResultEncoding.diagnostic($0, lines: lines, encoding: encoding, uri: params.snapshot.uri)
            }),
        ])
    }
}

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
