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
        var cache: [String: CachedAnalysis] = [:]
        var nextOutgoingID = 1
        /// Documents changed by the messages of the current input read, analysed by `flushChanges`.
        var changedURIs: [String] = []
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
        if let options = params?["initializationOptions"] { configuration.update(from: options["asyncd"] ?? options, log: log) }
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
        publisher.forget(params.uri)
        noteText(uri: params.uri, text: params.text)
        noteChanged(params.uri)
    }

    func didChange(_ params: TextDocumentSync.ChangeParams) {
        guard let (before, edits) = documents.change(uri: params.uri, version: params.version, changes: params.changes, encoding: encoding) else {
            log.report("didChange for a document that is not open: \(params.uri)")
            return
        }
        carryOverAnalysis(uri: params.uri, before: before, edits: edits, version: params.version)
        noteChanged(params.uri)
    }

    /// When every edit only changed the inside of comments or the digits of number literals in
    /// a way that cannot change the diagnostics (see `CommentEdits` and `LiteralEdits`), the
    /// analysis of the previous version, with positions moved, is the new version's: it goes
    /// into the cache, and the publish after this change costs no analysis.
    private func carryOverAnalysis(uri: String, before: DocumentSnapshot, edits: [ByteEdit], version: Int) {
        state.withLock { s in
            guard let cached = s.cache[uri], cached.version == before.version, cached.generation == s.generation,
                  cached.configuration == s.configuration, let comments = cached.comments, let literals = cached.literals,
                  let moved = LiteralEdits.carryOver(diagnostics: cached.diagnostics, comments: comments, literals: literals,
                                                     text: before.bytes, edits: edits)
            else { return }
            s.cache[uri] = CachedAnalysis(version: version, generation: cached.generation, configuration: cached.configuration,
                                          diagnostics: moved.diagnostics, comments: moved.comments, literals: moved.literals,
                                          encodingBase: cached.encodingBase ?? cached.version)
        }
    }

    private func noteChanged(_ uri: String) {
        state.withLock { s in
            if !s.changedURIs.contains(uri) { s.changedURIs.append(uri) }
        }
    }

    /// Called by the read loop when it has handled every message of one read from the input,
    /// before it waits for more: each document changed by those messages gets one analysis
    /// (after the configured debounce), so a burst of changes that arrives together — a paste,
    /// a multi-cursor edit, a client flushing its queue — costs one analysis without any timer.
    /// Without a debounce the reader analyses right here: handing the work to another thread
    /// cost more than the analysis of a small edit, and keystrokes typed meanwhile queue up in
    /// the input, to be read (and analysed) together next.
    /// Documents up to this size (some 15,000 lines of typical code, tens of milliseconds of
    /// analysis) are
    /// analysed on the reader thread.
    static let readerAnalysisLimit = 512 * 1024

    func flushChanges() {
        let (changed, debounce) = state.withLock { s -> ([String], Int) in
            defer { s.changedURIs.removeAll(keepingCapacity: true) }
            return (s.changedURIs, s.configuration.debounceMilliseconds)
        }
        for uri in changed {
            // A very large document goes to the queue even so: its analysis would keep the
            // reader from answering hovers and cancellations for too long.
            if debounce == 0, (documents.snapshot(uri)?.bytes.count ?? 0) <= Self.readerAnalysisLimit {
                publisher.publishNow(uri, server: self)
            } else {
                publisher.schedule(uri, server: self)
            }
        }
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

    /// Bumped whenever something outside a document that its analysis reads changes.
    var inputsGeneration: Int { state.withLock { $0.generation } }

    func currentInputs() -> AnalysisInputs {
        let (configuration, generation) = state.withLock { ($0.configuration, $0.generation) }
        return AnalysisInputs(configuration: configuration, modules: index.summaries, generation: generation)
    }

    /// The diagnostics of `snapshot`, from the cache when this version was already analysed with
    /// the same inputs; `inputs` default to the current ones (the diagnostics publisher).
    func diagnostics(for snapshot: DocumentSnapshot, inputs requested: AnalysisInputs? = nil) throws(ProtocolError) -> [Diagnostic] {
        try analysis(for: snapshot, inputs: requested).diagnostics
    }

    /// The diagnostics of `snapshot`, the generation of inputs they were computed with and, when
    /// they were carried over comment-only edits, the version whose LSP encoding of them is byte
    /// for byte theirs too (`CachedAnalysis.encodingBase`).
    /// `retained` holds what the analysis built, for the caller to free when it suits it.
    func analysis(for snapshot: DocumentSnapshot, inputs requested: AnalysisInputs? = nil) throws(ProtocolError)
        -> (diagnostics: [Diagnostic], generation: Int, encodingBase: Int?, retained: RetainedAnalysis?)
    {
        var inputs = requested ?? currentInputs()
        let configuration = inputs.configuration
        let cached = state.withLock { $0.cache[snapshot.uri] }
        if let cached, cached.version == snapshot.version, cached.generation == inputs.generation, cached.configuration == configuration {
            return (cached.diagnostics, cached.generation, cached.encodingBase, nil)
        }
        let text = snapshot.text
        let path = AnalyzeMethod.filePath(fromURI: snapshot.uri)
        if let path, path.hasSuffix(".py"), index.update(path: path, summary: ModuleSummary.scan(text)) {
            // Its own summary changed: the analyses of its open siblings may change too.
            let bumped = state.withLock { s -> Int in
                s.generation &+= 1
                return s.generation
            }
            // A module's own summary does not change its own analysis: when nothing else moved
            // meanwhile, this analysis stands for the new generation (no second analysis).
            if requested == nil, bumped == inputs.generation &+ 1 { inputs.generation = bumped }
            for uri in documents.openURIs where uri != snapshot.uri { publisher.schedule(uri, server: self) }
        }
        let modules = requested?.modules ?? index.summaries
        let result = try analyze(text: text, path: path, configuration: configuration, modules: modules)
        state.withLock { s in
            s.cache[snapshot.uri] = CachedAnalysis(version: snapshot.version, generation: inputs.generation, configuration: configuration,
                                                   diagnostics: result.diagnostics, comments: result.comments, literals: result.literals)
        }
        return (result.diagnostics, inputs.generation, nil, result.retained)
    }

    /// A file of the workspace that is not open (background indexing): no cache.
    func analyzeUnopened(_ snapshot: DocumentSnapshot, path: String) throws(ProtocolError) -> [Diagnostic] {
        try analyze(text: snapshot.text, path: path, configuration: configuration, modules: index.summaries).diagnostics
    }

    /// The rules that run for `path`: `[tool.asyncd]` of the nearest `pyproject.toml`, refined
    /// by the client's configuration.
    private func analyze(text: String, path: String?, configuration: LSPConfiguration, modules: [String: ModuleSummary]) throws(ProtocolError) -> FileAnalysis {
        var selection = configuration.selection
        if let path, let project = index.pyprojectSelection(near: path) {
            selection = project.overridden(by: configuration.selection)
        }
        do {
            return try Linter.analyze(source: text, path: path, knownModules: path == nil ? [:] : modules, selection: selection)
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
        flushChanges()
        index.wait()
        publisher.wait()
    }
}

/// One document's last analysis: for which version and inputs, its diagnostics, and (for
/// carrying it over comment-only edits) its comments.
struct CachedAnalysis: Sendable {
    var version: Int
    var generation: Int
    var configuration: LSPConfiguration
    var diagnostics: [Diagnostic]
    var comments: CommentMap?
    /// For carrying it over edits of number literals: the literals that may change.
    var literals: LiteralMap?
    /// For an analysis carried over comment-only (or literal) edits: the version it was first made for. Its
    /// diagnostics sit on the same lines and columns, and the text before each position is the
    /// same, so their LSP encoding (in any position encoding) is that version's, byte for byte.
    var encodingBase: Int? = nil
}

/// What the client may configure (`initializationOptions`, `workspace/didChangeConfiguration`
/// `settings.asyncd`): `{"select"?: [code|prefix], "ignore"?: [code|prefix],
/// "debounceMilliseconds"?: int}`. `[tool.asyncd]` in the nearest `pyproject.toml` is the base
/// the client's selection refines (a non-empty `select` replaces, `ignore` adds up).
struct LSPConfiguration: Sendable, Equatable {
    var selection = RuleSelection()
    var debounceMilliseconds = 0

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
