import Analyzer
import Dispatch
import Synchronization

/// Server-sent `textDocument/publishDiagnostics` (LSP 3.17 §PublishDiagnostics), debounced.
///
/// The read loop hands over the documents changed by each read from the input
/// (`LanguageServer.flushChanges`), so changes that arrive together cost one analysis. Without a
/// configured debounce the reader analyses and publishes them itself (`publishNow`); with one,
/// each hand-over bumps the document's ticket and schedules an analysis `debounceMilliseconds`
/// later on a serial queue, and only the newest ticket analyses, so a burst of keystrokes within
/// the debounce costs one analysis too (re-publishing after a configuration change or indexing
/// also goes through the queue). Analyses work on a snapshot; the result is sent only while the
/// document is still at the analysed version (`DocumentStore.ifCurrent`), so diagnostics are
/// never published for a stale version, and not again when they equal what was last sent for it.
///
/// params sent: `{"uri", "version", "diagnostics": [Diagnostic]}`.
final class DiagnosticsPublisher: Sendable {
    private let tickets = Mutex<[String: Int]>([:])
    private let queue = DispatchQueue(label: "asyncd.diagnostics")
    private let pending = DispatchGroup()
    /// Bumped by every scheduled analysis; the idle trim runs only when it has not moved.
    private let activity = Mutex((count: 0, trimScheduled: false))
    /// What was last sent for each document: a re-analysis of the same version that finds the
    /// same diagnostics (after background indexing or a configuration change that does not
    /// matter to it) sends nothing, rather than a duplicate that could reach the client after
    /// it has already sent its next change.
    private let lastSent = Mutex<[String: (version: Int, diagnostics: [Diagnostic])]>([:])
    /// The encoded `diagnostics` array of the last publish of each document, with the version
    /// and the generation of inputs of the analysis it encodes (an analysis carried over comment
    /// edits from that one reuses it).
    /// Frees what analyses built once their diagnostics are out (a thread with a large stack:
    /// releasing a deeply nested syntax tree recurses).
    private let releaser = WorkerPool(maxThreads: 1, stackBytes: 64 << 20, idleSeconds: 5)
    private let lastEncoded = Mutex<[String: (baseVersion: Int, generation: Int, encoding: PositionEncoding, array: [UInt8])]>([:])

    func schedule(_ uri: String, server: LanguageServer) {
        let ticket = tickets.withLock { all -> Int in
            let next = (all[uri] ?? 0) &+ 1
            all[uri] = next
            return next
        }
        let delay = server.configuration.debounceMilliseconds
        pending.enter()
        let job: @Sendable () -> Void = { [self] in
            defer { pending.leave() }
            guard tickets.withLock({ $0[uri] }) == ticket else { return }  // a newer change came
            publish(uri, server: server)
            trimWhenIdle()
        }
        guard delay > 0 else { return queue.async(execute: job) }
        // A timer with (almost) no leeway: `asyncAfter` lets Dispatch fire late by a fraction of
        // the delay, which measured as several extra milliseconds per keystroke.
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(delay), leeway: .microseconds(200))
        timer.setEventHandler {
            timer.cancel()  // one-shot; cancelling releases this handler and with it the timer
            job()
        }
        timer.resume()
    }

    /// Analyses and publishes `uri` on the calling thread (the reader, when no debounce is
    /// configured); analyses of it still queued for older changes drop out.
    func publishNow(_ uri: String, server: LanguageServer) {
        tickets.withLock { $0[uri] = ($0[uri] ?? 0) &+ 1 }
        publish(uri, server: server)
        trimWhenIdle()
    }

    /// Half a second to a second after the last analysis, hands the heap's free pages back to the system
    /// (glibc keeps them otherwise), so an idle server's resident memory stays small.
    /// One timer at a time (a timer per keystroke cost the dispatch manager thread a few per
    /// cent of a core): when it fires after more activity, it waits another half second.
    private func trimWhenIdle() {
        let schedule = activity.withLock { state -> Bool in
            state.count &+= 1
            defer { state.trimScheduled = true }
            return !state.trimScheduled
        }
        if schedule { scheduleTrim() }
    }

    private func scheduleTrim() {
        let mark = activity.withLock { $0.count }
        queue.asyncAfter(deadline: .now() + .milliseconds(500)) { [self] in
            let idle = activity.withLock { state -> Bool in
                guard state.count == mark else { return false }
                state.trimScheduled = false
                return true
            }
            guard idle else { return scheduleTrim() }
            #if os(Linux)
            _ = glibcMallocTrim(0)
            #endif
        }
    }

    /// `didOpen`: whatever was sent before, the new document gets its diagnostics.
    func forget(_ uri: String) {
        _ = lastSent.withLock { $0.removeValue(forKey: uri) }
        _ = lastEncoded.withLock { $0.removeValue(forKey: uri) }
    }

    /// `didClose`: forget pending work and clear the client's list for the document.
    func clear(_ uri: String, server: LanguageServer) {
        tickets.withLock { $0[uri] = ($0[uri] ?? 0) &+ 1 }
        forget(uri)
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            guard server.documents.snapshot(uri) == nil else { return }  // reopened meanwhile
            server.notify("textDocument/publishDiagnostics", .object(["uri": .string(uri), "diagnostics": .array([])]))
        }
    }

    /// The inputs of an analysis (configuration, sibling modules) can change while it runs: a
    /// background index finishing, a sibling saved. Such an analysis is made again rather than
    /// sent, because the publish that the change scheduled may already be out and this older
    /// result would overtake it (the client would keep stale diagnostics). Bounded: the last
    /// attempt is sent as it is.
    private func publish(_ uri: String, server: LanguageServer) {
        for attempt in 1...3 {
            if publishOnce(uri, server: server, requireCurrentInputs: attempt < 3) { return }
        }
    }

    /// False when the analysis was not sent because its inputs changed meanwhile.
    private func publishOnce(_ uri: String, server: LanguageServer, requireCurrentInputs: Bool) -> Bool {
        guard let snapshot = server.documents.snapshot(uri) else { return true }
        var outcome: (diagnostics: [Diagnostic], generation: Int, encodingBase: Int?, retained: RetainedAnalysis?)
        do {
            outcome = try server.analysis(for: snapshot)
        } catch {
            server.log.report("analysis of \(uri) failed: \(error.message)")
            return true
        }
        // Freeing the tree and the semantic model costs about a tenth of an analysis, after the
        // publish. On a thread with a large stack (the reader, which analyses inline when there
        // is no debounce) it happens here: memory freed by the thread that allocated it is reused
        // by its next analysis at once, where frees from the releaser's thread went through
        // glibc's arena locks and slowed that analysis (name edits p50 3.63-4.25 -> 3.28-3.72 ms,
        // 4 interleaved pairs). Elsewhere (a small stack: releasing a deeply nested tree
        // recurses) it goes to the releaser's thread; the hand-off box holds the only reference,
        // so the last release cannot land on this thread.
        let handoff = outcome.retained.map(Handoff.init)
        outcome.retained = nil
        defer {
            if let handoff {
                if LargeStack.hasRoomInline { handoff.release() } else { releaser.submit { handoff.release() } }
            }
        }
        let (diagnostics, generation, encodingBase) = (outcome.diagnostics, outcome.generation, outcome.encodingBase)
        let unchanged = lastSent.withLock { sent in
            sent[uri].map { $0.version == snapshot.version && $0.diagnostics == diagnostics } ?? false
        }
        if unchanged { return true }
        let encoding = server.encoding
        let baseVersion = encodingBase ?? snapshot.version
        var array: [UInt8]
        if let encodingBase, let last = lastEncoded.withLock({ $0[uri] }), last.baseVersion == encodingBase,
           last.generation == generation, last.encoding == encoding {
            array = last.array
        } else {
            let lines = snapshot.lines
            array = []
            array.reserveCapacity(diagnostics.count * 400)
            DiagnosticJSON.writeArray(diagnostics, lines: lines, encoding: encoding, uri: uri, into: &array)
            lastEncoded.withLock { $0[uri] = (baseVersion, generation, encoding, array) }
        }
        // The notification as `notify` would write it, around the (possibly reused) array.
        var body: [UInt8] = []
        body.reserveCapacity(array.count + uri.utf8.count + 128)
        body.append(contentsOf: #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#.utf8)
        JSONWriter.writeString(uri, into: &body)
        body.append(contentsOf: #","version":"#.utf8)
        body.append(contentsOf: String(snapshot.version).utf8)
        body.append(contentsOf: #","diagnostics":"#.utf8)
        body.append(contentsOf: array)
        body.append(contentsOf: "}}".utf8)
        // Checked and sent under the document store's lock, so that a newer publish of the same
        // document (which needs that lock too) cannot go out between the check and the send.
        var stale = false
        server.documents.ifCurrent(uri, version: snapshot.version) {
            if requireCurrentInputs && server.inputsGeneration != generation {
                stale = true
                return
            }
            server.writer.sendEncoded(body)
            lastSent.withLock { $0[uri] = (snapshot.version, diagnostics) }
        }
        return !stale
    }

    /// Blocks until every scheduled analysis has run (end of input).
    func wait() {
        pending.wait()
        releaser.wait()
    }
}

/// Carries an analysis' leftovers to the releaser thread.
private final class Handoff: @unchecked Sendable {
    private var value: RetainedAnalysis?
    init(_ value: RetainedAnalysis) { self.value = value }
    func release() { value = nil }
}

#if os(Linux)
/// glibc's `malloc_trim(3)` (not exported by the Glibc module map).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
