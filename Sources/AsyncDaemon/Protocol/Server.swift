#if canImport(Glibc)
import Glibc
#endif
import Runner
import Synchronization

/// The JSON-RPC server: lifecycle and the one dispatch switch. Framing lives in `Transport/`,
/// JSON in `JSON/`, each method in `Methods/`.
///
/// Reading, dispatching and writing are separate (as in sourcekit-lsp): the reader thread
/// classifies each message and answers lifecycle requests and the microsecond-cheap
/// `async/lookup` itself, in order; `async/analyze`, `async/run` (and the test aid
/// `$/asyncd/sleep`) run concurrently, each on a thread of `WorkerPool`, so a long `async/run`
/// never holds back a lookup; replies may therefore come out of order, and `MessageWriter`
/// keeps each one whole.
/// `$/cancelRequest` is handled on the reader thread, ahead of any queued work: it sets the
/// request's `CancellationFlag` and answers -32800 at once; the handler's late result is dropped.
final class Server: Sendable {
    enum Lifecycle: Sendable { case uninitialized, running, shutDown }

    /// What the reader loop should do after a message.
    enum Control: Equatable { case proceed, exit(Int32) }

    private struct InFlight {
        var id: RequestID
        var flag: CancellationFlag
        var target: ReplyTarget
    }

    private struct State {
        var lifecycle = Lifecycle.uninitialized
        var encoding = PositionEncoding.utf16
        var inFlight: [Int: InFlight] = [:]
        var nextSerial = 0
    }

    let writer: MessageWriter
    let log: ProblemLog
    private let state = Mutex(State())
    private let workers = WorkerPool()
    /// Back-pressure: the reader pauses while this many jobs wait for a thread.
    private let maxQueuedJobs = 10_000

    let services: Services
    /// Documents, diagnostics, workspace index: the language-server features (`LSP/`).
    let lsp: LanguageServer

    init(writer: MessageWriter, log: ProblemLog, services: Services = .live) {
        self.writer = writer
        self.log = log
        self.services = services
        self.lsp = LanguageServer(writer: writer, log: log)
    }

    var lifecycle: Lifecycle { state.withLock { $0.lifecycle } }

    // MARK: - Receiving

    /// Handles one message body (a JSON text) from the frame reader.
    func receive(_ body: [UInt8]) -> Control {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            writer.send(Response.failure(.null, .parseError(error.description)))
            return .proceed
        }
        guard case .array(let elements) = value else {
            return handle(value, target: .direct(writer))
        }
        // A batch (JSON-RPC 2.0 §6): answered as one array once every request in it is answered.
        guard !elements.isEmpty else {
            writer.send(Response.failure(.null, .invalidRequest("empty batch")))
            return .proceed
        }
        let batch = BatchCollector(writer: writer)
        var control = Control.proceed
        for element in elements {
            control = handle(element, target: .batch(batch))
            if case .exit = control { break }
        }
        batch.seal()
        return control
    }

    private func handle(_ value: JSONValue, target: ReplyTarget) -> Control {
        switch IncomingMessage.classify(value) {
        case .response:
            return .proceed
        case .invalid(let id, let error):
            reply(target, Response.failure(id, error))
            return .proceed
        case .notification(let method, let params):
            return notification(method, params)
        case .request(let id, let method, let params):
            request(id, method, params, target: target)
            return .proceed
        }
    }

    // MARK: - Dispatch

    private func notification(_ method: String, _ params: JSONValue?) -> Control {
        switch method {
        case "exit":
            return .exit(lifecycle == .shutDown ? 0 : 1)
        case "$/cancelRequest":
            cancel(params)
        case _ where lifecycle != .running:
            break  // before `initialize` or after `shutdown`: dropped
        case "initialized":
            lsp.index.indexInBackground(server: lsp)
        case TextDocumentSync.didOpen:
            withDecoded(method) { () throws(ProtocolError) in lsp.didOpen(try TextDocumentSync.decodeOpen(params)) }
        case TextDocumentSync.didChange:
            withDecoded(method) { () throws(ProtocolError) in lsp.didChange(try TextDocumentSync.decodeChange(params)) }
        case TextDocumentSync.didClose:
            withDecoded(method) { () throws(ProtocolError) in lsp.didClose(uri: try TextDocumentSync.decodeURI(params)) }
        case "workspace/didChangeConfiguration":
            lsp.changeConfiguration(params)
        case "workspace/didChangeWatchedFiles":
            lsp.index.filesChanged(params, server: lsp)
        default:
            // `initialized`, and anything else: notifications are never answered, and those
            // before `initialize` or after `shutdown` are dropped (LSP 3.17 lifecycle).
            break
        }
        return .proceed
    }

    /// Notifications are never answered: bad params are logged and the notification dropped.
    private func withDecoded(_ method: String, _ body: () throws(ProtocolError) -> Void) {
        do throws(ProtocolError) {
            try body()
        } catch {
            log.report("\(method): \(error.message); notification dropped")
        }
    }

    /// The one switch over method names.
    private func request(_ id: RequestID, _ method: String, _ params: JSONValue?, target: ReplyTarget) {
        let current = state.withLock { ($0.lifecycle, $0.encoding) }
        if current.0 == .shutDown {
            reply(target, Response.failure(id, .invalidRequest("the server is shut down; only 'exit' is accepted")))
            return
        }
        if current.0 == .uninitialized && MethodRegistry.isLSPMethod(method) && method != "shutdown" {
            reply(target, Response.failure(id, .serverNotInitialized))
            return
        }
        switch method {
        case InitializeMethod.name:
            initialize(id, params, target: target)
        case "shutdown":
            if current.0 == .uninitialized {
                reply(target, Response.failure(id, .serverNotInitialized))
            } else {
                state.withLock { $0.lifecycle = .shutDown }
                reply(target, Response.success(id, .null))
            }
        case AnalyzeMethod.name:
            run(id, target: target) { (context) throws(ProtocolError) in
                try AnalyzeMethod.analyze(try AnalyzeMethod.decode(params), context: context)
            }
        case LookupMethod.name:
            // Answered right here: a search of 15 in-memory entries (query capped at 1,000
            // characters) takes microseconds, less than handing it to another thread would.
            do {
                reply(target, Response.success(id, LookupMethod.lookup(try LookupMethod.decode(params))))
            } catch {
                reply(target, Response.failure(id, error))
            }
        case RunMethod.name:
            run(id, target: target) { (context) throws(ProtocolError) in
                try RunMethod.run(try RunMethod.decode(params), context: context)
            }
        case SleepMethod.name:
            run(id, target: target) { (context) throws(ProtocolError) in
                try SleepMethod.sleep(milliseconds: try SleepMethod.decode(params), context: context)
            }
        case DocumentDiagnosticRequest.name:
            decodeThenRun(id, target: target, decode: { () throws(ProtocolError) in
                try DocumentDiagnosticRequest.decode(params, server: lsp)
            }) { [lsp] (decoded, _) throws(ProtocolError) in
                try DocumentDiagnosticRequest.documentDiagnostic(decoded, server: lsp)
            }
        case CodeActionRequest.name:
            decodeThenRun(id, target: target, decode: { () throws(ProtocolError) in
                try CodeActionRequest.decode(params, server: lsp)
            }) { [lsp] (decoded, _) throws(ProtocolError) in
                try CodeActionRequest.codeAction(decoded, server: lsp)
            }
        case HoverRequest.name:
            answerNow(id, target: target) { () throws(ProtocolError) in
                try HoverRequest.hover(params, documents: lsp.documents, encoding: current.1)
            }
        case CodeLensRequest.name:
            answerNow(id, target: target) { () throws(ProtocolError) in
                try CodeLensRequest.codeLens(params, documents: lsp.documents, encoding: current.1)
            }
        case ExecuteCommandRequest.name:
            decodeThenRun(id, target: target, decode: { () throws(ProtocolError) in
                try ExecuteCommandRequest.decode(params, documents: lsp.documents)
            }) { [lsp] (decoded, context) throws(ProtocolError) in
                try ExecuteCommandRequest.execute(uri: decoded.uri, source: decoded.source, context: context, server: lsp)
            }
        case DocumentTextRequest.name:
            answerNow(id, target: target) { () throws(ProtocolError) in
                try DocumentTextRequest.documentText(params, documents: lsp.documents)
            }
        case "exit", "initialized", "$/cancelRequest":
            reply(target, Response.failure(id, .invalidRequest("'\(method)' is a notification: send it without an id")))
        default:
            reply(target, Response.failure(id, .methodNotFound(method)))
        }
    }

    /// Cheap requests on open documents (hover, code lens, the document text) are answered on
    /// the reader thread, in order with the document changes before them.
    private func answerNow(_ id: RequestID, target: ReplyTarget, _ body: () throws(ProtocolError) -> JSONValue) {
        do throws(ProtocolError) {
            reply(target, Response.success(id, try body()))
        } catch {
            reply(target, Response.failure(id, error))
        }
    }

    /// Requests that analyse or run: the params (with the document snapshot as of this request)
    /// are decoded on the reader thread, the work runs on the pool.
    private func decodeThenRun<Decoded: Sendable>(
        _ id: RequestID, target: ReplyTarget, decode: () throws(ProtocolError) -> Decoded,
        _ work: @escaping @Sendable (Decoded, RequestContext) throws(ProtocolError) -> JSONValue
    ) {
        let decoded: Decoded
        do throws(ProtocolError) {
            decoded = try decode()
        } catch {
            reply(target, Response.failure(id, error))
            return
        }
        run(id, target: target) { (context) throws(ProtocolError) in try work(decoded, context) }
    }

    private func initialize(_ id: RequestID, _ params: JSONValue?, target: ReplyTarget) {
        guard lifecycle == .uninitialized else {
            reply(target, Response.failure(id, .invalidRequest("'initialize' may only be sent once")))
            return
        }
        do {
            let encoding = try InitializeMethod.decode(params)
            lsp.configure(encoding: encoding, params: params)
            state.withLock {
                $0.encoding = encoding
                $0.lifecycle = .running
            }
            reply(target, Response.success(id, InitializeMethod.result(encoding: encoding)))
        } catch {
            reply(target, Response.failure(id, error))
        }
    }

    /// Runs a handler concurrently, registered for cancellation under its id.
    private func run(_ id: RequestID, target: ReplyTarget,
                     _ work: @escaping @Sendable (RequestContext) throws(ProtocolError) -> JSONValue) {
        let flag = CancellationFlag()
        let (serial, encoding) = state.withLock { s -> (Int, PositionEncoding) in
            let serial = s.nextSerial
            s.nextSerial &+= 1
            s.inFlight[serial] = InFlight(id: id, flag: flag, target: target)
            return (serial, s.encoding)
        }
        target.expectReply()
        while workers.queuedCount >= maxQueuedJobs { usleep(1000) }
        workers.submit {
            let response: JSONValue
            do throws(ProtocolError) {
                response = Response.success(id, try work(RequestContext(positionEncoding: encoding, cancellation: flag, services: self.services)))
            } catch {
                response = Response.failure(id, error)
            }
            // Only the first of (result, cancellation) is delivered.
            if let entry = self.state.withLock({ $0.inFlight.removeValue(forKey: serial) }) {
                entry.target.deliver(response)
            }
        }
    }

    /// `$/cancelRequest` `{"id": …}`: answer the request with -32800 now and tell its handler to
    /// stop. Unknown or finished ids are ignored, as LSP asks.
    private func cancel(_ params: JSONValue?) {
        let id: RequestID
        switch params?["id"] {
        case .string(let s)?: id = .string(s)
        case .number(let n)?: id = .number(n.text)
        default: return
        }
        let cancelled = state.withLock { s -> [InFlight] in
            let serials = s.inFlight.filter { $0.value.id == id }.map(\.key)
            return serials.compactMap { s.inFlight.removeValue(forKey: $0) }
        }
        for entry in cancelled {
            entry.flag.cancel()
            entry.target.deliver(Response.failure(entry.id, .requestCancelled))
        }
    }

    /// Replies produced on the reader thread.
    private func reply(_ target: ReplyTarget, _ response: JSONValue) {
        target.expectReply()
        target.deliver(response)
    }

    /// End of input: wait until everything already received is answered (contract: exit 0).
    func drain() {
        workers.wait()
        lsp.drain()
    }

    // MARK: - The read loop

    /// Reads `source` to its end (or to `exit`), detecting the framing from the first bytes.
    /// Returns the process exit status.
    func serve(_ source: any ByteSource, limits: FrameLimits = .standard) -> Int32 {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var reader: (any FrameReader)? = nil
        var prefix: [UInt8] = []
        var events: [FrameEvent] = []

        func process() -> Control {
            defer { events.removeAll(keepingCapacity: true) }
            for event in events {
                switch event {
                case .problem(let line): log.report(line)
                case .message(let body):
                    if case .exit(let code) = receive(body) { return .exit(code) }
                }
            }
            return .proceed
        }

        while true {
            let n = buffer.withUnsafeMutableBufferPointer { source.read(into: $0) }
            if n == 0 { break }
            if reader == nil {
                prefix.append(contentsOf: buffer[0..<n])
                guard let framing = prefix.withUnsafeBufferPointer({ FramingDetector.detect($0) }) else {
                    if prefix.count > 1 << 20 { prefix.removeAll() }  // whitespace only: keep memory bounded
                    continue
                }
                writer.setFraming(framing)
                reader = framing == .lsp ? LSPFrameReader(limits: limits) : NDJSONFrameReader(limits: limits)
                prefix.withUnsafeBufferPointer { chunk in reader!.consume(chunk, emit: { events.append($0) }) }
                prefix = []
            } else {
                buffer.withUnsafeBufferPointer { all in
                    reader!.consume(UnsafeBufferPointer(rebasing: all[0..<n]), emit: { events.append($0) })
                }
            }
            if case .exit(let code) = process() { return code }
        }
        reader?.finish(emit: { events.append($0) })
        if case .exit(let code) = process() { return code }
        drain()
        return 0
    }
}

/// Where a reply goes: straight to the writer, or into the batch it belongs to.
enum ReplyTarget: Sendable {
    case direct(MessageWriter)
    case batch(BatchCollector)

    func expectReply() {
        if case .batch(let batch) = self { batch.expect() }
    }

    func deliver(_ response: JSONValue) {
        switch self {
        case .direct(let writer): writer.send(response)
        case .batch(let batch): batch.add(response)
        }
    }
}

/// Gathers the replies of one batch and writes them as one array when the last one arrives
/// (nothing at all when the batch held only notifications).
final class BatchCollector: Sendable {
    private struct State {
        var expected = 0
        var responses: [JSONValue] = []
        var sealed = false
    }
    private let state = Mutex(State())
    private let writer: MessageWriter

    init(writer: MessageWriter) { self.writer = writer }

    func expect() { state.withLock { $0.expected += 1 } }

    func add(_ response: JSONValue) {
        let ready = state.withLock { s -> [JSONValue]? in
            s.responses.append(response)
            return s.sealed && s.responses.count == s.expected ? s.responses : nil
        }
        if let ready { writer.send(.array(ready)) }
    }

    /// Called after the last element was dispatched.
    func seal() {
        let ready = state.withLock { s -> [JSONValue]? in
            s.sealed = true
            return s.responses.count == s.expected && s.expected > 0 ? s.responses : nil
        }
        if let ready { writer.send(.array(ready)) }
    }
}
