import Analyzer

/// `textDocument/codeAction` (LSP 3.17 §Code Action Request): each fix of a diagnostic in the
/// requested range as a `quickfix` `CodeAction` carrying its `WorkspaceEdit`, and a
/// `source.fixAll.asyncd` action applying every safe fix of the document at once.
///
/// - params: `{"textDocument": {"uri"}, "range", "context": {"diagnostics", "only"?: [CodeActionKind]}}`
/// - result: `[CodeAction]`, each `{"title", "kind", "diagnostics"?, "isPreferred"?, "edit": {"changes": {uri: [TextEdit]}}}`;
///   `only` filters by kind (a kind matches itself and its sub-kinds: `source` matches `source.fixAll.asyncd`).
/// - errors: -32602 bad params or a document that is not open.
///
/// Example: `{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///t.py"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}`
enum CodeActionRequest {
    static let name = "textDocument/codeAction"
    static let fixAllKind = "source.fixAll.asyncd"

    struct Params: Sendable {
        var snapshot: DocumentSnapshot
        /// Configuration and module summaries as of the request.
        var inputs: LanguageServer.AnalysisInputs
        var range: (start: LSPPosition, end: LSPPosition)
        var only: [String]?
    }

    static func decode(_ params: JSONValue?, server: LanguageServer) throws(ProtocolError) -> Params {
        let documents = server.documents
        let uri = try TextDocumentSync.decodeURI(params)
        let p = try ParamsDecoder(params)
        guard let rangeObject = try p.optionalObject("range") else { throw .invalidParams("missing 'range'") }
        let range = try TextDocumentSync.decodeRange(rangeObject)
        guard let snapshot = documents.snapshot(uri) else { throw .invalidParams("document not open: \(uri)") }
        let only = params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        return Params(snapshot: snapshot, inputs: server.currentInputs(), range: range, only: only)
    }

    static func wanted(_ kind: String, only: [String]?) -> Bool {
        guard let only else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    static func codeAction(_ params: Params, server: LanguageServer) throws(ProtocolError) -> JSONValue {
        let diagnostics = try server.diagnostics(for: params.snapshot, inputs: params.inputs)
        let uri = params.snapshot.uri
        let lines = params.snapshot.lines
        let encoding = server.encoding
        var actions: [JSONValue] = []
        func before(_ a: LSPPosition, _ b: LSPPosition) -> Bool { (a.line, a.character) <= (b.line, b.character) }
        if wanted("quickfix", only: params.only) {
            for diagnostic in diagnostics {
                guard let fix = diagnostic.fix else { continue }
                let start = lines.position(of: diagnostic.range.start, in: encoding)
                let end = lines.position(of: diagnostic.range.end, in: encoding)
                // Overlapping or touching the requested range (a cursor is an empty range).
                guard before(start, params.range.end), before(params.range.start, end) else { continue }
                actions.append(.object([
                    "title": .string(fix.title),
                    "kind": .string("quickfix"),
                    "diagnostics": .array([ResultEncoding.diagnostic(diagnostic, lines: lines, encoding: encoding, uri: uri)]),
                    "isPreferred": .bool(fix.isSafe),
                    "edit": ResultEncoding.workspaceEdit(fix.edits, lines: lines, encoding: encoding, uri: uri),
                ]))
            }
        }
        if wanted(fixAllKind, only: params.only), diagnostics.contains(where: { $0.fix?.isSafe == true }) {
            let text = params.snapshot.text
            let fixed = Linter.applyFixes(source: text, diagnostics: diagnostics)
            if fixed != text {
                let end = lines.position(utf8Offset: lines.bytes.count, in: encoding)
                actions.append(.object([
                    "title": .string("Fix all safe asyncd problems"),
                    "kind": .string(fixAllKind),
                    "edit": .object(["changes": .object(JSONObject([(key: uri, value: .array([.object([
                        "range": .object(["start": LSPPosition(line: 0, character: 0).json, "end": end.json]),
                        "newText": .string(fixed),
                    ])]))]))]),
                ]))
            }
        }
        return .array(actions)
    }
}
