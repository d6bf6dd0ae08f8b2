import Analyzer
import Synchronization

/// The language-server state behind `Server`'s dispatch switch: open documents, configuration,
/// the workspace index, the diagnostics publisher and a per-version diagnostics cache that
/// push diagnostics, pull diagnostics and code actions share (one analysis per version).
final class LanguageServer: Sendable {
    let documents = DocumentStore()
    let writer: MessageWriter
    let log: ProblemLog
    let index: WorkspaceIndex
    let publisher = DiagnosticsPublisher()

    private struct State {
        var encoding = PositionEncoding.utf16
        var configuration = LSPConfiguration()
        /// Bumped whenever something other than the text changes what a document's analysis gives
        /// (configuration, a sibling module): cached results of older generations are recomputed.
        var generation = 0
        var cache: [String: (version: Int, generation: Int, configuration: LSPConfiguration, diagnostics: [Diagnostic])] = [:]
        var nextOutgoingID = 1
        var clientSupportsProgress = false
    }
    private let state = Mutex(State())

    init(writer: MessageWriter, log: ProblemLog) {
        self.writer = writer
        self.log = log
        self.index = WorkspaceIndex()
    }

    var encoding: PositionEncoding { state.withLock { $0.encoding } }
    var configuration: LSPConfiguration { state.withLock { $0.configuration } }

    /// Called by `initialize`: the negotiated encoding and what `initializationOptions`,
    /// `workspaceFolders`/`rootUri` and the client's capabilities say.
    func configure(encoding: PositionEncoding, params: JSONValue?) {
        var configuration = LSPConfiguration()
        if let options = params?["initializationOptions"] { configuration.update(from: options, log: log) }
        let progress = params?["capabilities"]?["window"]?["workDoneProgress"]?.boolValue ?? false
        state.withLock {
            $0.encoding = encoding
            $0.configuration = configuration
            $0.clientSupportsProgress = progress
        }
        index.setRoots(WorkspaceIndex.roots(fromInitializeParams: params))
    }

    var clientSupportsProgress: Bool { state.withLock { $0.clientSupportsProgress } }

    /// `workspace/didChangeConfiguration`: `settings` (or `settings.asyncd`) replaces the options.
    func changeConfiguration(_ params: JSONValue?) {
        guard let settings = params?["settings"] else { return }
        var configuration = state.withLock { $0.configuration }
        configuration.update(from: settings["asyncd"] ?? settings, log: log)
        state.withLock {
            $0.configuration = configuration
            $0.generation &+= 1
        }
        republishOpenDocuments()
    }

    /// Something outside the document changed (configuration, a sibling module, pyproject.toml).
    func invalidate() {
        state.withLock { $0.generation &+= 1 }
        republishOpenDocuments()
    }

    func republishOpenDocuments() {
        for uri in documents.openURIs { publisher.schedule(uri, server: self) }
    }

    // MARK: - Document sync

    func didOpen(_ params: TextDocumentSync.OpenParams) {
        documents.open(uri: params.uri, version: params.version, text: params.text)
        noteText(uri: params.uri, text: params.text)
        publisher.schedule(params.uri, server: self)
    }

    func didChange(_ params: TextDocumentSync.ChangeParams) {
        guard documents.change(uri: params.uri, version: params.version, changes: params.changes, encoding: encoding) else {
            log.report("didChange for a document that is not open: \(params.uri)")
            return
        }
        publisher.schedule(params.uri, server: self)
    }

    func didClose(uri: String) {
        documents.close(uri: uri)
        state.withLock { _ = $0.cache.removeValue(forKey: uri) }
        publisher.clear(uri, server: self)
    }

    /// Keeps the workspace index's summary of an open module current (its coroutine functions
    /// matter to its siblings).
    private func noteText(uri: String, text: String) {
        guard let path = AnalyzeMethod.filePath(fromURI: uri), path.hasSuffix(".py") else { return }
        if index.update(path: path, summary: ModuleSummary.scan(text)) {
            state.withLock { $0.generation &+= 1 }
        }
    }

    // MARK: - Analysis

    /// What an analysis depends on besides the text, captured when a request arrives, so that a
    /// later `didChangeConfiguration` or `didChangeWatchedFiles` does not change an earlier
    /// request's answer.
    struct AnalysisInputs: Sendable {
        var configuration: LSPConfiguration
        var modules: [String: ModuleSummary]
        var generation: Int
    }

    func currentInputs() -> AnalysisInputs {
        let (configuration, generation) = state.withLock { ($0.configuration, $0.generation) }
        return AnalysisInputs(configuration: configuration, modules: index.summaries, generation: generation)
    }

    /// The diagnostics of `snapshot`, from the cache when this version was already analysed with
    /// the same inputs; `inputs` default to the current ones (the diagnostics publisher).
    func diagnostics(for snapshot: DocumentSnapshot, inputs requested: AnalysisInputs? = nil) throws(ProtocolError) -> [Diagnostic] {
        let inputs = requested ?? currentInputs()
        let configuration = inputs.configuration
        let cached = state.withLock { $0.cache[snapshot.uri] }
        if let cached, cached.version == snapshot.version, cached.generation == inputs.generation, cached.configuration == configuration {
            return cached.diagnostics
        }
        let text = snapshot.text
        let path = AnalyzeMethod.filePath(fromURI: snapshot.uri)
        if let path, path.hasSuffix(".py"), index.update(path: path, summary: ModuleSummary.scan(text)) {
            // Its own summary changed: the analyses of its open siblings may change too.
            state.withLock { $0.generation &+= 1 }
            for uri in documents.openURIs where uri != snapshot.uri { publisher.schedule(uri, server: self) }
        }
        let modules = requested?.modules ?? index.summaries
        let result = try analyze(text: text, path: path, configuration: configuration, modules: modules)
        state.withLock { s in
            s.cache[snapshot.uri] = (snapshot.version, inputs.generation, configuration, result)
        }
        return result
    }

    /// A file of the workspace that is not open (background indexing): no cache.
    func analyzeUnopened(_ snapshot: DocumentSnapshot, path: String) throws(ProtocolError) -> [Diagnostic] {
        try analyze(text: snapshot.text, path: path, configuration: configuration, modules: index.summaries)
    }

    /// The rules that run for `path`: `[tool.asyncd]` of the nearest `pyproject.toml`, refined
    /// by the client's configuration.
    private func analyze(text: String, path: String?, configuration: LSPConfiguration, modules: [String: ModuleSummary]) throws(ProtocolError) -> [Diagnostic] {
        var selection = configuration.selection
        if let path, let project = index.pyprojectSelection(near: path) {
            selection = project.overridden(by: configuration.selection)
        }
        do {
            if let path {
                return try Workspace.check(Workspace.File(path: path, source: text), knownModules: modules, selection: selection)
            }
            return try Linter.check(source: text, path: nil, selection: selection)
        } catch {
            throw ProtocolError.from(error)
        }
    }

    // MARK: - Messages to the client

    func notify(_ method: String, _ params: JSONValue) {
        writer.send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    /// A request to the client; its reply is read and ignored (`IncomingMessage.response`).
    func requestFromServer(_ method: String, _ params: JSONValue) {
        let id = state.withLock { s -> Int in
            defer { s.nextOutgoingID &+= 1 }
            return s.nextOutgoingID
        }
        writer.send(.object(["jsonrpc": .string("2.0"), "id": .string("asyncd-\(id)"), "method": .string(method), "params": params]))
    }

    func logMessage(_ message: String, type: Int = 3) {
        notify("window/logMessage", .object(["type": .int(type), "message": .string(message)]))
    }

    /// Waits for pending diagnostics and background indexing (end of input).
    func drain() {
        index.wait()
        publisher.wait()
    }
}

/// What the client may configure (`initializationOptions`, `workspace/didChangeConfiguration`
/// `settings.asyncd`): `{"select"?: [code|prefix], "ignore"?: [code|prefix],
/// "debounceMilliseconds"?: int}`. `[tool.asyncd]` in the nearest `pyproject.toml` is the base
/// the client's selection refines (a non-empty `select` replaces, `ignore` adds up).
struct LSPConfiguration: Sendable, Equatable {
    var selection = RuleSelection()
    var debounceMilliseconds = 15

    mutating func update(from options: JSONValue, log: ProblemLog) {
        func codes(_ key: String) -> [String]? {
            switch options[key] {
            case .array(let items)?: return items.compactMap(\.stringValue).map { $0.uppercased() }
            case .string(let text)?: return text.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }
            default: return nil
            }
        }
        if let select = codes("select") { selection.select = select }
        if let ignore = codes("ignore") { selection.ignore = ignore }
        if let ms = options["debounceMilliseconds"]?.numberValue?.intValue {
            debounceMilliseconds = max(0, min(ms, 5_000))
        }
    }
}
