/// One element received from the client, classified the way swift-tools-protocols'
/// `MessageCoding.swift` does: by which of `id`, `method` and `result`/`error` are present.
///
/// Decoding errors keep the id whenever it is readable, so a malformed request still gets its
/// -32600 under its own id; a well-formed notification is never answered (JSON-RPC 2.0 §4.1),
/// while a value that is not a request object at all gets -32600 with id null (spec §7 examples:
/// `{"jsonrpc": "2.0", "method": 1, "params": "bar"}` and `[1,2,3]`).
enum IncomingMessage: Sendable, Equatable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// A response from the client; the daemon sends no requests, so these are ignored.
    case response
    /// Not a valid request: answer `error` under `id`.
    case invalid(id: RequestID, error: ProtocolError)

    /// The members a request, notification or response object may have (spec §4, §5).
    private static let knownMembers: Set<String> = ["jsonrpc", "id", "method", "params", "result", "error"]

    static func classify(_ value: JSONValue) -> IncomingMessage {
        guard case .object(let object) = value else {
            return .invalid(id: .null, error: .invalidRequest("expected an object, got \(value.typeName)"))
        }
        // The id first, so that every later error can carry it.
        var id: RequestID? = nil
        if let rawID = object["id"] {
            switch rawID {
            case .string(let s): id = .string(s)
            case .number(let n): id = .number(n.text)
            case .null: id = .null
            default:
                return .invalid(id: .null, error: .invalidRequest("'id' must be a string, a number or null, got \(rawID.typeName)"))
            }
        }
        let replyID = id ?? .null
        guard object["jsonrpc"] == .string("2.0") else {
            return .invalid(id: replyID, error: .invalidRequest("'jsonrpc' must be exactly \"2.0\""))
        }
        let hasMethod = object["method"] != nil
        if !hasMethod, object["result"] != nil || object["error"] != nil, id != nil {
            return .response
        }
        guard case .string(let method)? = object["method"] else {
            let detail = hasMethod ? "'method' must be a string" : "missing 'method'"
            return .invalid(id: replyID, error: .invalidRequest(detail))
        }
        if let unknown = object.keys.first(where: { !knownMembers.contains($0) }) {
            return .invalid(id: replyID, error: .invalidRequest("unknown member '\(unknown)'"))
        }
        if object["result"] != nil || object["error"] != nil {
            return .invalid(id: replyID, error: .invalidRequest("a request cannot carry 'result' or 'error'"))
        }
        let params = object["params"]
        switch params {
        case nil, .object?, .array?: break
        default:
            // Structurally invalid (spec §4.2): -32600 even for a would-be notification.
            return .invalid(id: replyID, error: .invalidRequest("'params' must be an object or an array"))
        }
        if let id { return .request(id: id, method: method, params: params) }
        return .notification(method: method, params: params)
    }
}
