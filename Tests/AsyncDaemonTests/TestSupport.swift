import Foundation
import Testing
@testable import AsyncDaemon

/// Paths and helpers shared by the daemon's tests.
enum TestPaths {
    /// The package root, found from this file's path (Tests/AsyncDaemonTests/TestSupport.swift).
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> URL { root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative) }

    static func fixtureText(_ relative: String) throws -> String {
        try String(contentsOf: fixture(relative), encoding: .utf8)
    }

    /// The binary `scripts/test` builds before `swift test`: `.build/debug/asyncd`, or the path in
    /// `ASYNCD_BINARY`. Tests that need it skip (with a message) when it is missing: a test must
    /// not build it.
    static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["ASYNCD_BINARY"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        // Next to the test bundle first (same build configuration), then the usual debug path.
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("asyncd"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("asyncd"))
        candidates.append(root.appendingPathComponent(".build/debug/asyncd"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var binaryAvailable: Bool {
        if binary == nil {
            print("note: skipping end-to-end test: no asyncd binary (run ./scripts/test, which builds it first)")
            return false
        }
        return true
    }

    /// `/work/shared` or `../shared` relative to the package, when present.
    static let sharedDirectory: URL? = {
        let candidates = [root.deletingLastPathComponent().appendingPathComponent("shared"), URL(fileURLWithPath: "/work/shared")]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("seed-async-await.txt").path) }
    }()
}

/// A transcript of one in-process daemon run.
struct Transcript {
    var raw: [UInt8]
    var replies: [JSONValue]
    var exitCode: Int32
    var problems: [String]
}

enum InProcess {
    /// Feeds `input` to a fresh server, `chunkSize` bytes per read, and collects everything.
    static func serve(_ input: [UInt8], chunkSize: Int = 65536, limits: FrameLimits = .standard, services: Services = .live) -> Transcript {
        let sink = MemorySink()
        let log = ProblemLog(capture: true)
        let server = Server(writer: MessageWriter(sink: sink), log: log, services: services)
        let code = server.serve(MemorySource(input, chunkSize: chunkSize), limits: limits)
        let raw = sink.bytes
        return Transcript(raw: raw, replies: Replies.parse(raw), exitCode: code, problems: log.lines)
    }

    static func serve(ndjson lines: [String], services: Services = .live) -> Transcript {
        serve(Array(lines.map { $0 + "\n" }.joined().utf8), services: services)
    }

    static func serve(lsp bodies: [String]) -> Transcript {
        serve(Frames.lsp(bodies))
    }
}

enum Frames {
    static func lsp(_ bodies: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for body in bodies {
            let bytes = Array(body.utf8)
            out += Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
        }
        return out
    }

    static func ndjson(_ bodies: [String]) -> [UInt8] {
        Array(bodies.map { $0 + "\n" }.joined().utf8)
    }
}

enum Replies {
    /// Splits daemon output (either framing) into JSON values; an unparsable frame is recorded
    /// as the string "<unparsable …>" so the comparison fails visibly.
    static func parse(_ raw: [UInt8]) -> [JSONValue] {
        var bodies: [[UInt8]] = []
        if raw.starts(with: Array("Content-Length".utf8)) {
            var reader = LSPFrameReader()
            raw.withUnsafeBufferPointer { buffer in
                reader.consume(buffer) { event in
                    if case .message(let body) = event { bodies.append(body) } else { bodies.append(Array("<bad frame>".utf8)) }
                }
            }
        } else {
            bodies = raw.split(separator: 0x0A).map(Array.init)
        }
        return bodies.map { body in
            (try? JSONParser.parse(body)) ?? .string("<unparsable \(String(decoding: body, as: UTF8.self))>")
        }
    }
}

enum JSONMatch {
    /// `expected` matches `actual` when every member an expected object lists is present in the
    /// actual object and matches recursively; arrays match element by element and in length.
    static func matches(_ expected: JSONValue, _ actual: JSONValue) -> Bool {
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            return e.members.allSatisfy { member in a[member.key].map { matches(member.value, $0) } ?? false }
        case (.array(let e), .array(let a)):
            guard e.count == a.count else { return false }
            return matchUnordered(e, a)
        default:
            return expected == actual
        }
    }

    /// Each expected value matched by a distinct actual value, in any order (batch replies and
    /// out-of-order replies).
    static func matchUnordered(_ expected: [JSONValue], _ actual: [JSONValue]) -> Bool {
        guard expected.count == actual.count else { return false }
        var remaining = actual
        for e in expected {
            guard let i = remaining.firstIndex(where: { matches(e, $0) }) else { return false }
            remaining.remove(at: i)
        }
        return true
    }
}

/// One block of a conversation fixture (`Tests/Fixtures/Daemon/*.txt`).
struct ConversationCase: CustomStringConvertible, Sendable {
    var name: String
    var sent: [String]
    var expected: [String]
    var exitCode: Int32

    var description: String { name }

    static func load(_ relative: String) throws -> [ConversationCase] {
        let text = try TestPaths.fixtureText(relative)
        var cases: [ConversationCase] = []
        var current: ConversationCase? = nil
        func flush() {
            if let c = current, !c.sent.isEmpty { cases.append(c) }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("# ") {
                if current == nil { current = ConversationCase(name: String(line.dropFirst(2)), sent: [], expected: [], exitCode: 0) }
                continue
            }
            if current == nil { current = ConversationCase(name: "unnamed", sent: [], expected: [], exitCode: 0) }
            if line.hasPrefix("--> ") { current?.sent.append(String(line.dropFirst(4))) }
            else if line.hasPrefix("<-- ") { current?.expected.append(String(line.dropFirst(4))) }
            else if line.hasPrefix("exit: ") { current?.exitCode = Int32(line.dropFirst(6)) ?? -1 }
        }
        flush()
        return cases
    }

    /// Checks a transcript against the expectations; returns a failure description or nil.
    func check(replies: [JSONValue], exitCode: Int32) -> String? {
        let expectedValues = expected.map { (try? JSONParser.parse($0)) ?? .string("<bad fixture \($0)>") }
        if exitCode != self.exitCode { return "\(name): exit status \(exitCode), expected \(self.exitCode)" }
        if !JSONMatch.matchUnordered(expectedValues, replies) {
            return "\(name): replies \(replies.map(JSONWriter.string)) do not match \(expected)"
        }
        return nil
    }
}

/// Runs the built binary with `input` on stdin; kills it after `timeout` seconds.
struct BinaryRun {
    var stdout: [UInt8]
    var stderr: String
    var status: Int32
    var timedOut: Bool

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    static func run(_ arguments: [String], input: [UInt8] = [], environment: [String: String]? = nil, timeout: TimeInterval = 30) throws -> BinaryRun {
        guard let binary = TestPaths.binary else { throw CancellationError() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.data = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(2000)
        }
        process.waitUntilExit()
        group.wait()
        return BinaryRun(stdout: Array(outBox.data), stderr: String(decoding: errBox.data, as: UTF8.self),
                         status: process.terminationStatus, timedOut: timedOut)
    }

    final class Box: @unchecked Sendable { var data = Data() }
}
