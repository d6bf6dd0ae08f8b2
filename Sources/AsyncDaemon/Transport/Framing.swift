/// The two framings of the contract: the LSP base protocol (`Content-Length` headers) and NDJSON.
enum Framing: String, Sendable {
    case lsp
    case ndjson

    /// Wraps one encoded JSON message for the wire.
    func frame(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .lsp:
            var out = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
            out.append(contentsOf: body)
            return out
        case .ndjson:
            var out = body
            out.append(0x0A)
            return out
        }
    }
}

/// What a frame reader hands on: a message body, or a problem worth one line on stderr
/// (a broken header, an oversized message) after which the reader has already resynchronised.
enum FrameEvent: Equatable, Sendable {
    case message([UInt8])
    case problem(String)
}

/// Limits shared by both readers (LSP base protocol has none; these keep memory bounded).
struct FrameLimits: Sendable {
    /// Longest header line, excluding its line end.
    var maxHeaderLine = 8 * 1024
    /// Largest message body (LSP) or line (NDJSON).
    var maxMessage = 64 * 1024 * 1024

    static let standard = FrameLimits()
}

/// Picks the framing from the first bytes the client sends: after optional whitespace, `{` or
/// `[` means NDJSON and anything else the LSP base protocol (contract, "Framing on stdio").
struct FramingDetector {
    /// `nil` while only whitespace has been seen.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Framing? {
        for byte in bytes {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .ndjson
            default: return .lsp
            }
        }
        return nil
    }
}

/// A frame reader of either kind, fed bytes in chunks of any size.
protocol FrameReader {
    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, emit: (FrameEvent) -> Void)
    /// End of input: emit a last unterminated NDJSON line, or report a truncated LSP frame.
    mutating func finish(emit: (FrameEvent) -> Void)
}
