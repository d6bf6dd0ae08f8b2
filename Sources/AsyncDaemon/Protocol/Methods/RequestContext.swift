import Analyzer
import Runner

/// What a handler may know about its request besides its params: the negotiated position
/// encoding and the cancellation flag `$/cancelRequest` sets. Handlers never see ids or bytes.
struct RequestContext: Sendable {
    var positionEncoding: PositionEncoding
    var cancellation: CancellationFlag
}

extension ProtocolError {
    /// Maps what the analyzer and runner throw to JSON-RPC errors: `NotImplementedYet` (a part
    /// whose issue has not landed) and anything unexpected are -32603, `RunCancelled` is -32800.
    static func from(_ error: any Error) -> ProtocolError {
        switch error {
        case let error as ProtocolError: return error
        case let error as NotImplementedYet: return .internalError(error.description)
        case is RunCancelled: return .requestCancelled
        default: return .internalError("internal error: \(error)")
        }
    }
}
