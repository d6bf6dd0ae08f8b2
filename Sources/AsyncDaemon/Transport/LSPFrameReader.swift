/// Splits a byte stream framed by the LSP base protocol
/// (https://microsoft.github.io/language-server-protocol/specification#baseProtocol):
/// header lines `Name: value\r\n`, an empty line, then exactly `Content-Length` bytes of body.
///
/// A two-state byte machine (headers, body) in the spirit of swift-tools-protocols'
/// `MessageSplitting.swift`, hardened against bad input:
/// - header lines may end in `\r\n` or a bare `\n`; other headers (`Content-Type`) are accepted;
/// - a header line over `maxHeaderLine` bytes is reported and dropped up to its newline;
/// - a header block without a valid `Content-Length` is reported and its body is not consumed;
///   the reader then looks for the next `Content-Length:` — also in the middle of a line, so that
///   the body left over by a wrong length (`…}Content-Length: 52`) does not swallow the next frame;
/// - a body over `maxMessage` bytes is reported and skipped without being buffered.
struct LSPFrameReader: FrameReader {
    private enum State {
        case headers
        case body(remaining: Int)
        case skipping(remaining: Int)
    }

    private var state = State.headers
    private var line: [UInt8] = []
    private var lineTooLong = false
    private var contentLength: Int?
    private var headerProblem: String?
    private var sawHeader = false
    private var body: [UInt8] = []
    let limits: FrameLimits

    init(limits: FrameLimits = .standard) { self.limits = limits }

    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, emit: (FrameEvent) -> Void) {
        var index = 0
        let count = bytes.count
        while index < count {
            switch state {
            case .headers:
                let byte = bytes[index]
                index += 1
                if byte == 0x0A {
                    endHeaderLine(emit: emit)
                } else if lineTooLong {
                    continue
                } else if line.count >= limits.maxHeaderLine + 1 {
                    // +1 leaves room for the `\r` of a maximal line.
                    lineTooLong = true
                    line.removeAll(keepingCapacity: false)
                } else {
                    line.append(byte)
                }
            case .body(let remaining):
                let take = min(remaining, count - index)
                body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + take)]))
                index += take
                if take == remaining {
                    emit(.message(body))
                    body = []
                    state = .headers
                } else {
                    state = .body(remaining: remaining - take)
                }
            case .skipping(let remaining):
                let take = min(remaining, count - index)
                index += take
                state = take == remaining ? .headers : .skipping(remaining: remaining - take)
            }
        }
    }

    mutating func finish(emit: (FrameEvent) -> Void) {
        switch state {
        case .headers:
            if sawHeader || !line.isEmpty || lineTooLong {
                emit(.problem("end of input inside a message header"))
            }
        case .body(let remaining):
            emit(.problem("end of input with \(remaining) bytes of the message body missing"))
        case .skipping:
            break
        }
        resetHeaders()
        state = .headers
    }

    private mutating func resetHeaders() {
        line.removeAll(keepingCapacity: true)
        lineTooLong = false
        contentLength = nil
        headerProblem = nil
        sawHeader = false
    }

    private mutating func endHeaderLine(emit: (FrameEvent) -> Void) {
        if lineTooLong {
            lineTooLong = false
            sawHeader = true
            headerProblem = headerProblem ?? "header line longer than \(limits.maxHeaderLine) bytes"
            line.removeAll(keepingCapacity: true)
            return
        }
        if line.last == 0x0D { line.removeLast() }
        if line.isEmpty {
            endHeaderBlock(emit: emit)
            return
        }
        sawHeader = true
        parseHeader(line, emit: emit)
        line.removeAll(keepingCapacity: true)
    }

    private mutating func endHeaderBlock(emit: (FrameEvent) -> Void) {
        guard sawHeader else { return }  // stray blank lines between messages
        defer { resetHeaders() }
        if let problem = headerProblem {
            emit(.problem(problem + "; message skipped"))
            return
        }
        guard let length = contentLength else {
            emit(.problem("message header without Content-Length; message skipped"))
            return
        }
        if length > limits.maxMessage {
            emit(.problem("message of \(length) bytes exceeds the \(limits.maxMessage)-byte limit; skipped"))
            state = .skipping(remaining: length)
        } else if length == 0 {
            emit(.message([]))
        } else {
            body.reserveCapacity(length)
            state = .body(remaining: length)
        }
    }

    private static let contentLengthName = Array("content-length".utf8)

    private mutating func parseHeader(_ line: [UInt8], emit: (FrameEvent) -> Void) {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            resyncOrFail(line, problem: "malformed header line", emit: emit)
            return
        }
        let name = line[..<colon]
        guard name.elementsEqual(Self.contentLengthName, by: { lower($0) == $1 }) else {
            // Another header (Content-Type …): accepted and ignored, unless it is garbage that
            // hides a `Content-Length:` further on (the tail of a mis-sized body).
            if name.contains(where: { $0 == 0x20 || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "\"") }) {
                resyncOrFail(line, problem: "malformed header line", emit: emit)
            }
            return
        }
        let value = line[(colon + 1)...].drop(while: { $0 == 0x20 || $0 == 0x09 })
        let trimmed = value.reversed().drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed()
        var number = 0
        var valid = !trimmed.isEmpty && trimmed.count <= 18
        for byte in trimmed where valid {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                valid = false
            }
        }
        if !valid {
            headerProblem = headerProblem ?? "invalid Content-Length '\(String(decoding: trimmed, as: UTF8.self).prefix(40))'"
        } else if let existing = contentLength, existing != number {
            headerProblem = headerProblem ?? "conflicting Content-Length headers"
        } else {
            contentLength = number
        }
    }

    /// Looks for `Content-Length:` inside a garbage line and restarts the header block there.
    private mutating func resyncOrFail(_ line: [UInt8], problem: String, emit: (FrameEvent) -> Void) {
        let name = Self.contentLengthName
        if line.count > name.count {
            for start in 1...(line.count - name.count) {
                var match = true
                for i in 0..<name.count where lower(line[start + i]) != name[i] {
                    match = false
                    break
                }
                if match {
                    // The garbage before it belonged to a broken frame: report it, start afresh.
                    emit(.problem("skipped \(start) bytes of data that were no message header"))
                    headerProblem = nil
                    contentLength = nil
                    parseHeader(Array(line[start...]), emit: emit)
                    return
                }
            }
        }
        headerProblem = headerProblem ?? problem
    }

    private func lower(_ byte: UInt8) -> UInt8 {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte + 32 : byte
    }
}
