import Runner

/// `async/run`: run a snippet in the sandbox on the virtual clock.
///
/// - params: `{"source": string, "limits"?: {"steps"?, "virtualSeconds"?, "wallMilliseconds"?,
///   "memoryBytes"?, "outputBytes"?}}` (unknown members are -32602).
/// - result: the contract's run result (`outcome`, `stdout`, `exception`?, `limit`?, `trace`,
///   `virtualTime`, `steps`, `warnings`).
/// - errors: -32602 bad params; -32800 when `$/cancelRequest` names it; -32603 while the runner
///   is not implemented yet.
///
/// Example: `{"jsonrpc":"2.0","id":1,"method":"async/run","params":{"source":"print(1)\n"}}`
enum RunMethod {
    static let name = "async/run"

    struct Params: Sendable, Equatable {
        var source: String
        var limits: RunLimits
    }

    static let limitMembers: Set<String> = ["steps", "virtualSeconds", "wallMilliseconds", "memoryBytes", "outputBytes"]

    static func decode(_ params: JSONValue?) throws(ProtocolError) -> Params {
        let p = try ParamsDecoder(params, allowed: ["source", "limits"])
        var limits = RunLimits()
        if let l = try p.optionalObject("limits", allowed: limitMembers) {
            limits.steps = try l.optionalInt("steps", in: 1...Int.max)
            limits.virtualSeconds = try l.optionalDouble("virtualSeconds", in: 0...1e12)
            limits.wallMilliseconds = try l.optionalInt("wallMilliseconds", in: 1...Int.max)
            limits.memoryBytes = try l.optionalInt("memoryBytes", in: 1...Int.max)
            limits.outputBytes = try l.optionalInt("outputBytes", in: 0...Int.max)
        }
        return Params(source: try p.string("source"), limits: limits)
    }

    static func run(_ params: Params, context: RequestContext) throws(ProtocolError) -> JSONValue {
        do {
            let result = try context.services.run(params.source, params.limits, context.cancellation)
            return ResultEncoding.runResult(result)
        } catch {
            throw ProtocolError.from(error)
        }
    }
}
