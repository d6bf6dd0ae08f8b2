/// A JSON-RPC 2.0 error object (spec §5.1) plus LSP's own codes.
struct ProtocolError: Error, Sendable, Equatable {
    var code: Int
    var message: String
    var data: JSONValue?

    init(_ code: Int, _ message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    // JSON-RPC 2.0 §5.1
    static let parseErrorCode = -32700
    static let invalidRequestCode = -32600
    static let methodNotFoundCode = -32601
    static let invalidParamsCode = -32602
    static let internalErrorCode = -32603
    // LSP ErrorCodes
    static let serverNotInitializedCode = -32002
    static let requestCancelledCode = -32800

    static func parseError(_ detail: String) -> ProtocolError { .init(parseErrorCode, "Parse error: \(detail)") }
    static func invalidRequest(_ detail: String) -> ProtocolError { .init(invalidRequestCode, "Invalid Request: \(detail)") }
    static func methodNotFound(_ method: String) -> ProtocolError { .init(methodNotFoundCode, "Method not found: \(method)") }
    static func invalidParams(_ detail: String) -> ProtocolError { .init(invalidParamsCode, "Invalid params: \(detail)") }
    static func internalError(_ detail: String) -> ProtocolError { .init(internalErrorCode, detail) }
    static let serverNotInitialized = ProtocolError(serverNotInitializedCode, "Server not initialized: send 'initialize' first")
    static let requestCancelled = ProtocolError(requestCancelledCode, "Request cancelled")

    var json: JSONValue {
        var object: JSONObject = ["code": .int(code), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }
}

/// A request id: a string, a number (kept as its exact literal), or null (spec §4).
enum RequestID: Sendable, Hashable {
    case string(String)
    case number(String)
    case null

    var json: JSONValue {
        switch self {
        case .string(let s): return .string(s)
        case .number(let text): return .number(JSONNumber(validatedText: text))
        case .null: return .null
        }
    }
}

/// Builds response objects (spec §5).
enum Response {
    static func success(_ id: RequestID, _ result: JSONValue) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": id.json, "result": result])
    }

    static func failure(_ id: RequestID, _ error: ProtocolError) -> JSONValue {
        .object(["jsonrpc": .string("2.0"), "id": id.json, "error": error.json])
    }
}
