/// Every method the daemon answers, alphabetically. protocol.md and `asyncd --help` list the
/// same names; `MethodRegistryTests` fails when they drift apart.
enum MethodRegistry {
    /// Requests and notifications with their kind, in alphabetical order. Server-to-client
    /// messages (`textDocument/publishDiagnostics`, `window/logMessage`,
    /// `window/workDoneProgress/create`, `$/progress`) are listed too, as protocol.md documents them.
    static let methods: [(name: String, kind: Kind)] = [
        ("$/asyncd/documentText", .request),
        ("$/asyncd/sleep", .request),
        ("$/cancelRequest", .notification),
        ("$/progress", .serverNotification),
        ("async/analyze", .request),
        ("async/lookup", .request),
        ("async/run", .request),
        ("exit", .notification),
        ("initialize", .request),
        ("initialized", .notification),
        ("shutdown", .request),
        ("textDocument/codeAction", .request),
        ("textDocument/codeLens", .request),
        ("textDocument/diagnostic", .request),
        ("textDocument/didChange", .notification),
        ("textDocument/didClose", .notification),
        ("textDocument/didOpen", .notification),
        ("textDocument/hover", .request),
        ("textDocument/publishDiagnostics", .serverNotification),
        ("window/logMessage", .serverNotification),
        ("window/workDoneProgress/create", .serverRequest),
        ("workspace/didChangeConfiguration", .notification),
        ("workspace/didChangeWatchedFiles", .notification),
        ("workspace/executeCommand", .request),
    ]

    /// Client-to-server requests and notifications, and the messages the server sends.
    enum Kind: String {
        case request, notification
        case serverRequest = "server-to-client request"
        case serverNotification = "server-to-client notification"
    }

    /// The `async/*` methods: usable without `initialize`.
    static var customMethods: [String] { methods.map(\.name).filter { $0.hasPrefix("async/") } }

    /// Method name prefixes of the LSP specification: before `initialize` these get -32002
    /// (LSP "initialize": "the server should respond with code -32002"); unknown names outside
    /// LSP's namespace get -32601 at any time.
    static func isLSPMethod(_ name: String) -> Bool {
        let prefixes = ["textDocument/", "workspace/", "window/", "notebookDocument/", "callHierarchy/",
                        "typeHierarchy/", "completionItem/", "codeAction/", "codeLens/", "documentLink/",
                        "inlayHint/", "workspaceSymbol/", "client/", "telemetry/"]
        return name == "shutdown" || prefixes.contains { name.hasPrefix($0) }
    }
}
