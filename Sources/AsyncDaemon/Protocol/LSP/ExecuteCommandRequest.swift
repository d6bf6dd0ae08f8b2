import Runner

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
        let result: RunResult
        do {
            result = try context.services.run(source, RunLimits(), context.cancellation)
        } catch {
            throw ProtocolError.from(error)
        }
        server.logMessage(logText(uri: uri, result: result))
        return ResultEncoding.runResult(result)
    }

    /// The run as `asyncd run --timeline` prints it: outcome, output, exception, then the
    /// timeline as aligned columns (seq, virtual time, task, kind, line, detail).
    static func logText(uri: String, result: RunResult) -> String {
        var text = "asyncd run \(uri): \(result.outcome.rawValue) (virtual time \(RunCommand.formatTime(result.virtualTime)) s, \(result.steps) steps)\n"
        text += result.stdout
        if let exception = result.exception { text += "\(exception.type): \(exception.message)\n" }
        if let limit = result.limit { text += "limit reached: \(limit.rawValue)\n" }
        for warning in result.warnings { text += warning + "\n" }
        if !result.trace.isEmpty {
            text += RunCommand.timelineLines(result, color: false).joined(separator: "\n") + "\n"
        }
        return text
    }
}
