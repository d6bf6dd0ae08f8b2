import Analyzer
import Dispatch
import Synchronization

/// What the server knows about the workspace folders: each Python module's `ModuleSummary`
/// (its top-level coroutine and plain functions), so that a coroutine function imported from a
/// sibling module is known as one, and the `[tool.asyncd]` selection of the nearest
/// `pyproject.toml` per folder.
///
/// After `initialized`, `indexInBackground` reads the folders' `.py` files on a background
/// queue, reporting work-done progress (`window/workDoneProgress/create`, then `$/progress`
/// `begin`/`report`/`end`, LSP 3.17 §WorkDoneProgress) when the client supports it, and
/// publishes diagnostics for the files that are not open. `workspace/didChangeWatchedFiles`
/// re-reads changed modules and forgets cached `pyproject.toml` settings.
final class WorkspaceIndex: Sendable {
    /// At most this many files are indexed per workspace (bounded memory and time).
    static let maxFiles = 5_000

    private struct State {
        var roots: [String] = []
        var summaries: [String: ModuleSummary] = [:]
        var pyproject: [String: RuleSelection?] = [:]
    }
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "asyncd.index")
    private let pending = DispatchGroup()

    /// Folder paths from `workspaceFolders`, else `rootUri`, else `rootPath`.
    static func roots(fromInitializeParams params: JSONValue?) -> [String] {
        if let folders = params?["workspaceFolders"]?.arrayValue {
            let paths = folders.compactMap { $0["uri"]?.stringValue.flatMap(AnalyzeMethod.filePath(fromURI:)) }
            if !paths.isEmpty { return paths }
        }
        if let uri = params?["rootUri"]?.stringValue, let path = AnalyzeMethod.filePath(fromURI: uri) { return [path] }
        if let path = params?["rootPath"]?.stringValue, path.hasPrefix("/") { return [path] }
        return []
    }

    func setRoots(_ roots: [String]) { state.withLock { $0.roots = roots } }
    var roots: [String] { state.withLock { $0.roots } }

    var summaries: [String: ModuleSummary] { state.withLock { $0.summaries } }

    /// Records a module's summary; true when it differs from what was known.
    @discardableResult
    func update(path: String, summary: ModuleSummary?) -> Bool {
        state.withLock { s in
            let old = s.summaries[path]
            s.summaries[path] = summary
            return old != summary
        }
    }

    /// The `[tool.asyncd]` selection of the `pyproject.toml` nearest to `path`, cached per folder.
    func pyprojectSelection(near path: String) -> RuleSelection? {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        if let cached = state.withLock({ $0.pyproject[folder] }) { return cached }
        let found = PyprojectConfig.nearest(to: folder.isEmpty ? "/" : folder)?.selection
        state.withLock { $0.pyproject[folder] = .some(found) }
        return found
    }

    func forgetPyproject() { state.withLock { $0.pyproject = [:] } }

    // MARK: - Background work

    /// Indexes every root and publishes diagnostics for the files not open in the editor.
    func indexInBackground(server: LanguageServer) {
        let roots = self.roots
        guard !roots.isEmpty else { return }
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            let token: JSONValue = .string("asyncd-index")
            let progress = server.clientSupportsProgress
            if progress {
                server.requestFromServer("window/workDoneProgress/create", .object(["token": token]))
                server.notify("$/progress", .object(["token": token, "value": .object([
                    "kind": .string("begin"), "title": .string("asyncd: indexing"), "percentage": .int(0),
                    "cancellable": .bool(false)])]))
            }
            var files: [String] = []
            for root in roots where files.count < Self.maxFiles {
                files += FileAccess.pythonFiles(under: root).prefix(Self.maxFiles - files.count)
            }
            // Pass 1: summaries (cheap line scans), so pass 2 resolves every sibling import.
            var sources: [String: String] = [:]
            for path in files {
                guard let text = try? FileAccess.readText(path) else { continue }
                sources[path] = text
                update(path: path, summary: ModuleSummary.scan(text))
            }
            // Pass 2: analyse the files that are not open (open ones are the editor's).
            let open = Set(server.documents.openURIs.compactMap(AnalyzeMethod.filePath(fromURI:)))
            var done = 0
            var lastPercent = 0
            for path in files {
                done += 1
                guard let text = sources[path], !open.contains(path) else { continue }
                let snapshot = DocumentSnapshot(uri: Self.uri(forPath: path), version: 0, bytes: Array(text.utf8))
                if let diagnostics = try? server.analyzeUnopened(snapshot, path: path) {
                    server.notify("textDocument/publishDiagnostics", .object([
                        "uri": .string(snapshot.uri),
                        "diagnostics": .array(diagnostics.map {
                            ResultEncoding.diagnostic($0, lines: snapshot.lines, encoding: server.encoding, uri: snapshot.uri)
                        }),
                    ]))
                }
                let percent = done * 100 / max(1, files.count)
                if progress, percent >= lastPercent + 10 {
                    lastPercent = percent
                    server.notify("$/progress", .object(["token": token, "value": .object([
                        "kind": .string("report"), "message": .string("\(done)/\(files.count) files"),
                        "percentage": .int(percent)])]))
                }
            }
            if progress {
                server.notify("$/progress", .object(["token": token, "value": .object([
                    "kind": .string("end"), "message": .string("indexed \(files.count) Python files")])]))
            }
            // Open documents may import the modules just indexed.
            server.invalidate()
        }
    }

    /// `workspace/didChangeWatchedFiles`: `{"changes": [{"uri", "type": 1 created | 2 changed | 3 deleted}]}`.
    func filesChanged(_ params: JSONValue?, server: LanguageServer) {
        guard let changes = params?["changes"]?.arrayValue else { return }
        var touched = false
        for change in changes {
            guard let uri = change["uri"]?.stringValue, let path = AnalyzeMethod.filePath(fromURI: uri) else { continue }
            if path.hasSuffix("pyproject.toml") {
                forgetPyproject()
                touched = true
            } else if path.hasSuffix(".py") {
                let deleted = change["type"]?.numberValue?.intValue == 3
                if deleted {
                    touched = update(path: path, summary: nil) || touched
                } else if server.documents.snapshot(uri) == nil, let text = try? FileAccess.readText(path) {
                    touched = update(path: path, summary: ModuleSummary.scan(text)) || touched
                }
            }
        }
        if touched { server.invalidate() }
    }

    /// `file://` URI of an absolute path (percent-encoding what URIs do not allow).
    static func uri(forPath path: String) -> String {
        var out = "file://"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }

    func wait() { pending.wait() }
}
