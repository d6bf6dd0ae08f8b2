/// Every method the daemon answers, alphabetically. protocol.md and `asyncd --help` list the
/// same names; `MethodRegistryTests` fails when they drift apart.
enum MethodRegistry {
    /// Requests and notifications with their kind, in alphabetical order.
    static let methods: [(name: String, kind: Kind)] = [
        ("$/asyncd/sleep", .request),
        ("$/cancelRequest", .notification),
        ("async/analyze", .request),
        ("async/lookup", .request),
        ("async/run", .request),
        ("exit", .notification),
        ("initialize", .request),
        ("initialized", .notification),
        ("shutdown", .request),
    ]

    enum Kind: String { case request, notification }

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
