/// Splits a byte stream into NDJSON lines: one JSON text per `\n`-terminated line.
///
/// A `\r` before the `\n` is dropped (CRLF line ends), lines holding only whitespace are
/// skipped, and a last line without a newline is still delivered at end of input. A line longer
/// than `maxMessage` is reported once and discarded up to its newline without being buffered.
struct NDJSONFrameReader: FrameReader {
    private var line: [UInt8] = []
    private var discarding = false
    private var discardedBytes = 0
    let limits: FrameLimits

    init(limits: FrameLimits = .standard) { self.limits = limits }

    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, emit: (FrameEvent) -> Void) {
        var start = 0
        let count = bytes.count
        while start < count {
            // Find the next newline quickly, then copy the run before it in one go.
            var end = start
            while end < count, bytes[end] != 0x0A { end += 1 }
            let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if discarding {
                discardedBytes &+= run.count
            } else if line.count + run.count > limits.maxMessage {
                discarding = true
                discardedBytes = line.count + run.count
                line.removeAll(keepingCapacity: false)
            } else {
                line.append(contentsOf: run)
            }
            if end < count {
                endLine(emit: emit)
                start = end + 1
            } else {
                start = end
            }
        }
    }

    mutating func finish(emit: (FrameEvent) -> Void) {
        if discarding || !line.isEmpty { endLine(emit: emit) }
    }

    private mutating func endLine(emit: (FrameEvent) -> Void) {
        if discarding {
            emit(.problem("skipped a line of more than \(limits.maxMessage) bytes"))
            discarding = false
            discardedBytes = 0
            return
        }
        if line.last == 0x0D { line.removeLast() }
        let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        if !blank { emit(.message(line)) }
        // Keep the buffer for the next line, unless a huge line made it huge.
        line.removeAll(keepingCapacity: line.count <= 1 << 20)
    }
}
