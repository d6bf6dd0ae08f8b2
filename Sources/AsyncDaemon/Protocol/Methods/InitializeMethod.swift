/// `initialize` (LSP 3.17 §initialize): negotiates the position encoding and announces what the
/// server can do. Its params are read leniently (clients send many capabilities); only
/// `capabilities.general.positionEncodings` matters here.
///
/// - result: `{"capabilities": {"positionEncoding", "experimental": {"methods": [...]}},
///   "serverInfo": {"name": "asyncd", "version"}}`
/// - errors: -32602 when params is not an object; -32600 when sent twice.
enum InitializeMethod {
    static let name = "initialize"

    static func decode(_ params: JSONValue?) throws(ProtocolError) -> PositionEncoding {
        let p = try ParamsDecoder(params, required: false)
        let offered = p.object["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return PositionEncoding.negotiate(offered: offered)
    }

    static func result(encoding: PositionEncoding) -> JSONValue {
        .object([
            "capabilities": .object([
                "positionEncoding": .string(encoding.rawValue),
                "textDocumentSync": .object([
                    "openClose": .bool(true),
                    "change": .int(2),  // TextDocumentSyncKind.Incremental
                ]),
                "diagnosticProvider": .object([
                    "identifier": .string("asyncd"),
                    "interFileDependencies": .bool(true),
                    "workspaceDiagnostics": .bool(false),
                ]),
                "codeActionProvider": .object([
                    "codeActionKinds": .array([.string("quickfix"), .string(CodeActionRequest.fixAllKind)]),
                ]),
                "hoverProvider": .bool(true),
                "codeLensProvider": .object(["resolveProvider": .bool(false)]),
                "executeCommandProvider": .object(["commands": .array([.string(ExecuteCommandRequest.runWithTrace)])]),
                "workspace": .object([
                    "workspaceFolders": .object(["supported": .bool(true)]),
                ]),
                "experimental": .object([
                    "methods": .array(MethodRegistry.customMethods.map { .string($0) }),
                ]),
            ]),
            "serverInfo": .object(["name": .string("asyncd"), "version": .string(AsyncdVersion.string)]),
        ])
    }
}

enum AsyncdVersion {
    static let string = "0.1.0"
}
