#if canImport(Glibc)
import Glibc
#endif

/// `$/asyncd/sleep`: a test aid, not a feature. It waits `milliseconds` of wall time (checking
/// for cancellation every 5 ms) and answers `{"slept": milliseconds}`, or -32800 when cancelled.
/// The conformance tests use it as the "slow request" that must not hold back a fast one, and
/// to exercise `$/cancelRequest`, independently of the runner. The `$/` prefix marks it as
/// implementation-specific (LSP 3.17, "$ Notifications and Requests").
///
/// - params: `{"milliseconds": int (0…60000)}`.
enum SleepMethod {
    static let name = "$/asyncd/sleep"

    static func decode(_ params: JSONValue?) throws(ProtocolError) -> Int {
        let p = try ParamsDecoder(params, allowed: ["milliseconds"])
        guard let ms = try p.optionalInt("milliseconds", in: 0...60_000) else { throw .invalidParams("missing 'milliseconds'") }
        return ms
    }

    static func sleep(milliseconds: Int, context: RequestContext) throws(ProtocolError) -> JSONValue {
        var left = milliseconds
        while left > 0 {
            if context.cancellation.isCancelled { throw .requestCancelled }
            let slice = min(left, 5)
            usleep(useconds_t(slice * 1000))
            left -= slice
        }
        if context.cancellation.isCancelled { throw .requestCancelled }
        return .object(["slept": .int(milliseconds)])
    }
}
