import Runner

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

/// `workspace/executeCommand` (LSP 3.17 §Execute a command) with the command
/// `asyncd.runWithTrace`: runs the open document (or, for a `file://` URI that is not open,
/// the file on disk) in the sandbox through `SnippetRunner.run`, on the worker pool and
/// cancellable with `$/cancelRequest`. The result is `async/run`'s result; its output and
/// timeline also go to the client as a `window/logMessage`.
///
/// - params: `{"command": "asyncd.runWithTrace", "arguments": [uri]}`
/// - result: the contract's run result (`outcome`, `stdout`, `trace`, …).
/// - errors: -32602 for another command, a missing argument, or an unreadable document; -32800 when cancelled.
///
/// Example: `{"jsonrpc":"2.0","id":7,"method":"workspace/executeCommand","params":{"command":"asyncd.runWithTrace","arguments":["file:///t.py"]}}`
enum ExecuteCommandRequest {
    static let name = "workspace/executeCommand"
    static let runWithTrace = "asyncd.runWithTrace"

    /// Decoded on the reader thread: the text to run is the document as of this request.
    static func decode(_ params: JSONValue?, documents: DocumentStore) throws(ProtocolError) -> (uri: String, source: String) {
        let p = try ParamsDecoder(params)
        let command = try p.string("command")
        guard command == runWithTrace else { throw .invalidParams("unknown command '\(command)' (known: \(runWithTrace))") }
        guard let uri = p.object["arguments"]?.arrayValue?.first?.stringValue else {
            throw .invalidParams("'arguments' must be [uri]")
        }
        if let snapshot = documents.snapshot(uri) { return (uri, snapshot.text) }
        guard let path = AnalyzeMethod.filePath(fromURI: uri), let text = try? FileAccess.readText(path) else {
            throw .invalidParams("document not open and not readable: \(uri)")
        }
        return (uri, text)
    }

    static func execute(uri: String, source: String, context: RequestContext, server: LanguageServer) throws(ProtocolError) -> JSONValue {
        let result: JSONValue
        do {
            result = ResultEncoding.runResult(try context.services.run(source, RunLimits(), context.cancellation))
        } catch {
            throw ProtocolError.from(error)
        }
        server.logMessage(logText(uri: uri, result: result))
        return result
    }

    /// The run as a terminal would show it: outcome, output, then one line per trace event.
    static func logText(uri: String, result: JSONValue) -> String {
        var text = "asyncd run \(uri): \(result["outcome"]?.stringValue ?? "?")\n"
        text += result["stdout"]?.stringValue ?? ""
        for event in result["trace"]?.arrayValue ?? [] {
            let time = event["time"]?.numberValue?.text ?? "0"
            let line = event["line"]?.numberValue.map { " line \($0.text)" } ?? ""
            let detail = event["detail"]?.stringValue.map { " \($0)" } ?? ""
            text += "[t=\(time)] \(event["task"]?.stringValue ?? "") \(event["kind"]?.stringValue ?? "")\(line)\(detail)\n"
        }
        return text
    }
}
