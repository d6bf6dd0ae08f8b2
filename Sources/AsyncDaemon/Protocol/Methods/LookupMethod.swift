/// `async/lookup`: search the quick reference (the seed's Quick Reference, Rules of async/await
/// and Common Mistakes tables).
///
/// - params: `{"query": string, "limit"?: int (1…100, default 10)}`.
/// - result: `{"entries": [{"id", "table", "pattern", "code", "wrong"?, "consequence"?, "note"?, "score"}]}`,
///   best first; an empty or nonsense query gives `{"entries": []}`, not an error.
/// - errors: -32602 bad params.
///
/// Example: `{"jsonrpc":"2.0","id":1,"method":"async/lookup","params":{"query":"gather"}}`
enum LookupMethod {
    static let name = "async/lookup"
    static let defaultLimit = 10

    struct Params: Sendable, Equatable {
        var query: String
        var limit: Int
    }

    static func decode(_ params: JSONValue?) throws(ProtocolError) -> Params {
        let p = try ParamsDecoder(params, allowed: ["query", "limit"])
        return Params(query: try p.string("query"), limit: try p.optionalInt("limit", in: 1...100) ?? defaultLimit)
    }

    static func lookup(_ params: Params) -> JSONValue {
        let hits = QuickReferenceSearch.shared.search(params.query, limit: params.limit)
        return .object(["entries": .array(hits.map(ResultEncoding.lookupEntry))])
    }
}
