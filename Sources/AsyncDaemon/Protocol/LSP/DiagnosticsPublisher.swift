import Analyzer
import Dispatch
import Synchronization

/// Server-sent `textDocument/publishDiagnostics` (LSP 3.17 §PublishDiagnostics), debounced.
///
/// Every change schedules an analysis `debounceMilliseconds` later (15 ms unless configured)
/// and bumps the document's ticket; when the delay is over, only the newest ticket analyses, so
/// a burst of keystrokes costs one analysis. Analyses run one at a time on a serial queue, on a
/// snapshot; the result is sent only while the document is still at the analysed version
/// (`DocumentStore.ifCurrent`), so diagnostics are never published for a stale version.
///
/// params sent: `{"uri", "version", "diagnostics": [Diagnostic]}`.
final class DiagnosticsPublisher: Sendable {
    private let tickets = Mutex<[String: Int]>([:])
    private let queue = DispatchQueue(label: "asyncd.diagnostics")
    private let pending = DispatchGroup()

    func schedule(_ uri: String, server: LanguageServer) {
        let ticket = tickets.withLock { all -> Int in
            let next = (all[uri] ?? 0) &+ 1
            all[uri] = next
            return next
        }
        let delay = server.configuration.debounceMilliseconds
        pending.enter()
        queue.asyncAfter(deadline: .now() + .milliseconds(delay)) { [self] in
            defer { pending.leave() }
            guard tickets.withLock({ $0[uri] }) == ticket else { return }  // a newer change came
            publish(uri, server: server)
        }
    }

    /// `didClose`: forget pending work and clear the client's list for the document.
    func clear(_ uri: String, server: LanguageServer) {
        tickets.withLock { $0[uri] = ($0[uri] ?? 0) &+ 1 }
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            guard server.documents.snapshot(uri) == nil else { return }  // reopened meanwhile
            server.notify("textDocument/publishDiagnostics", .object(["uri": .string(uri), "diagnostics": .array([])]))
        }
    }

    private func publish(_ uri: String, server: LanguageServer) {
        guard let snapshot = server.documents.snapshot(uri) else { return }
        let diagnostics: [Diagnostic]
        do {
            diagnostics = try server.diagnostics(for: snapshot)
        } catch {
            server.log.report("analysis of \(uri) failed: \(error.message)")
            return
        }
        let lines = snapshot.lines
        let encoding = server.encoding
        let params: JSONValue = .object([
            "uri": .string(uri),
            "version": .int(snapshot.version),
            "diagnostics": .array(diagnostics.map { ResultEncoding.diagnostic($0, lines: lines, encoding: encoding, uri: uri) }),
        ])
        server.documents.ifCurrent(uri, version: snapshot.version) {
            server.notify("textDocument/publishDiagnostics", params)
        }
    }

    /// Blocks until every scheduled analysis has run (end of input).
    func wait() { pending.wait() }
}
