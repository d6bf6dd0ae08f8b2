#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where the daemon reads bytes from: stdin in production, memory in tests.
protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; returns 0 at end of input.
    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
}

/// Where framed replies go: stdout in production, memory in tests. Called under the writer's lock.
protocol ByteSink: AnyObject, Sendable {
    func write(_ bytes: [UInt8])
}

/// A file descriptor read with `read(2)`, retrying on `EINTR`.
final class FileDescriptorSource: ByteSource {
    let descriptor: Int32
    init(descriptor: Int32) { self.descriptor = descriptor }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            return 0
        }
    }
}

/// A file descriptor written with `write(2)`, handling short writes and `EINTR`. After a write
/// error (the client closed the pipe: `EPIPE`, with SIGPIPE ignored) further output is dropped.
final class FileDescriptorSink: ByteSink {
    let descriptor: Int32
    private let broken = Atomic<Bool>(false)
    init(descriptor: Int32) { self.descriptor = descriptor }

    func write(_ bytes: [UInt8]) {
        if broken.load(ordering: .relaxed) { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    broken.store(true, ordering: .relaxed)
                    return
                }
            }
        }
    }
}

/// Bytes given up front, handed out in chunks of `chunkSize` (tests vary it to split frames).
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0
    private let chunkSize: Int

    init(_ bytes: [UInt8], chunkSize: Int = 65536) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = min(buffer.count, chunkSize, bytes.count - position)
        guard n > 0 else { return 0 }
        for i in 0..<n { buffer[i] = bytes[position + i] }
        position += n
        return n
    }
}

/// Collects everything written, for tests.
final class MemorySink: ByteSink {
    private let storage = Mutex<[UInt8]>([])
    init() {}
    func write(_ bytes: [UInt8]) { storage.withLock { $0.append(contentsOf: bytes) } }
    var bytes: [UInt8] { storage.withLock { $0 } }
}

/// One line per problem on stderr, prefixed `asyncd: `; collected instead in tests.
final class ProblemLog: Sendable {
    private let collected = Mutex<[String]>([])
    private let capture: Bool

    /// `capture: true` keeps the lines in memory instead of writing them to stderr.
    init(capture: Bool = false) { self.capture = capture }

    func report(_ line: String) {
        if capture {
            collected.withLock { $0.append(line) }
            return
        }
        let bytes = Array("asyncd: \(line)\n".utf8)
        bytes.withUnsafeBytes { raw in _ = Glibc.write(2, raw.baseAddress, raw.count) }
    }

    var lines: [String] { collected.withLock { $0 } }
}

/// Sends framed messages; one lock makes every message reach the sink whole (writes never interleave).
final class MessageWriter: Sendable {
    let sink: any ByteSink
    private let framing: Mutex<Framing>
    private let lock = Mutex<Void>(())

    init(sink: any ByteSink, framing: Framing = .ndjson) {
        self.sink = sink
        self.framing = Mutex(framing)
    }

    /// Set once, by the framing detector, before the first reply.
    func setFraming(_ framing: Framing) { self.framing.withLock { $0 = framing } }

    func send(_ value: JSONValue) {
        sendEncoded(JSONWriter.encode(value))
    }

    /// A message already encoded as compact JSON (the diagnostics publisher reuses parts).
    func sendEncoded(_ body: [UInt8]) {
        let framed = framing.withLock { $0 }.frame(body)
        lock.withLock { _ in sink.write(framed) }
    }
}
