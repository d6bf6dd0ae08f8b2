/// `textDocument/didOpen`, `textDocument/didChange` and `textDocument/didClose` (LSP 3.17
/// §Text Document Synchronization): the notifications that keep `DocumentStore` equal to the
/// client's buffers. The server announces `textDocumentSync: {openClose: true, change: 2}`
/// (incremental); full-text changes (no `range`) are accepted as well.
///
/// - `didOpen` params: `{"textDocument": {"uri", "languageId", "version", "text"}}`
/// - `didChange` params: `{"textDocument": {"uri", "version"}, "contentChanges": [{"range"?, "text"}]}`,
///   ranges in the negotiated position encoding; out-of-range positions are clamped.
/// - `didClose` params: `{"textDocument": {"uri"}}`; the document's diagnostics are cleared.
///
/// Notifications are never answered: malformed params are logged to stderr and dropped.
///
/// Example: `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///t.py","languageId":"python","version":1,"text":"await f()\n"}}}`
enum TextDocumentSync {
    static let didOpen = "textDocument/didOpen"
    static let didChange = "textDocument/didChange"
    static let didClose = "textDocument/didClose"

    struct OpenParams: Sendable { var uri: String; var version: Int; var text: String }
    struct ChangeParams: Sendable { var uri: String; var version: Int; var changes: [ContentChange] }

    static func decodeOpen(_ params: JSONValue?) throws(ProtocolError) -> OpenParams {
        let p = try ParamsDecoder(params)
        guard let item = try p.optionalObject("textDocument") else { throw .invalidParams("missing 'textDocument'") }
        return OpenParams(uri: try item.string("uri"), version: try item.optionalInt("version", in: Int.min...Int.max) ?? 0,
                          text: try item.string("text"))
    }

    static func decodeChange(_ params: JSONValue?) throws(ProtocolError) -> ChangeParams {
        let p = try ParamsDecoder(params)
        guard let document = try p.optionalObject("textDocument") else { throw .invalidParams("missing 'textDocument'") }
        guard case .array(let list)? = p.object["contentChanges"] else { throw .invalidParams("'contentChanges' must be an array") }
        var changes: [ContentChange] = []
        for (index, element) in list.enumerated() {
            let change = try ParamsDecoder(element, path: "contentChanges[\(index)]")
            var range: (start: LSPPosition, end: LSPPosition)? = nil
            if let r = try change.optionalObject("range") { range = try decodeRange(r) }
            changes.append(ContentChange(range: range, text: try change.string("text")))
        }
        return ChangeParams(uri: try document.string("uri"),
                            version: try document.optionalInt("version", in: Int.min...Int.max) ?? 0, changes: changes)
    }

    static func decodeURI(_ params: JSONValue?) throws(ProtocolError) -> String {
        let p = try ParamsDecoder(params)
        guard let document = try p.optionalObject("textDocument") else { throw .invalidParams("missing 'textDocument'") }
        return try document.string("uri")
    }

    static func decodeRange(_ range: ParamsDecoder) throws(ProtocolError) -> (start: LSPPosition, end: LSPPosition) {
        guard let start = try range.optionalObject("start"), let end = try range.optionalObject("end") else {
            throw .invalidParams("a range needs 'start' and 'end'")
        }
        return (try decodePosition(start), try decodePosition(end))
    }

    static func decodePosition(_ position: ParamsDecoder) throws(ProtocolError) -> LSPPosition {
        // Positions are uinteger in LSP; anything an Int holds is accepted and clamped later.
        guard let line = try position.optionalInt("line", in: Int.min...Int.max),
              let character = try position.optionalInt("character", in: Int.min...Int.max) else {
            throw .invalidParams("a position needs 'line' and 'character'")
        }
        return LSPPosition(line: line, character: character)
    }
}
