import Analyzer
import Runner

/// What a handler may know about its request besides its params: the negotiated position
/// encoding and the cancellation flag `$/cancelRequest` sets. Handlers never see ids or bytes.
struct RequestContext: Sendable {
    var positionEncoding: PositionEncoding
    var cancellation: CancellationFlag
    var services: Services
}

/// The analyzer and runner entry points the methods call. `live` is the real thing; tests
/// substitute fakes to check the wiring (a runner that loops until cancelled, diagnostics with
/// chosen ranges) independently of the other parts' progress.
struct Services: Sendable {
    var check: @Sendable (_ source: String, _ path: String?) throws -> [Diagnostic]
    var run: @Sendable (_ source: String, _ limits: RunLimits, _ cancellation: CancellationFlag) throws -> RunResult

    static let live = Services(
        check: { source, path in try Linter.check(source: source, path: path) },
        run: { source, limits, cancellation in try SnippetRunner.run(source: source, limits: limits, cancellation: cancellation) }
    )
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
