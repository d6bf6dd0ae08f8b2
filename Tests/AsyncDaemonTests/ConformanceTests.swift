import Foundation
import Testing
@testable import AsyncDaemon

/// The JSON-RPC 2.0 specification's examples and the LSP lifecycle, from the conversation
/// fixtures, in both framings: in process (fast, every case) and against the built binary.
@Suite struct ConformanceTests {
    static let fixtures = ["Daemon/jsonrpc-spec-examples.txt", "Daemon/lifecycle.txt"]

    static func allCases() -> [ConversationCase] {
        fixtures.flatMap { (try? ConversationCase.load($0)) ?? [] }
    }

    @Test func fixturesLoad() throws {
        let spec = try ConversationCase.load(Self.fixtures[0])
        let lifecycle = try ConversationCase.load(Self.fixtures[1])
        #expect(spec.count >= 20)
        #expect(lifecycle.count >= 10)
    }

    @Test(arguments: ConformanceTests.allCases())
    func inProcessNDJSON(_ conversation: ConversationCase) {
        let transcript = InProcess.serve(ndjson: conversation.sent)
        if let failure = conversation.check(replies: transcript.replies, exitCode: transcript.exitCode) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(arguments: ConformanceTests.allCases())
    func inProcessLSP(_ conversation: ConversationCase) {
        let transcript = InProcess.serve(lsp: conversation.sent)
        if let failure = conversation.check(replies: transcript.replies, exitCode: transcript.exitCode) {
            Issue.record(Comment(rawValue: failure))
        }
        // LSP replies are LSP-framed.
        if !transcript.raw.isEmpty { #expect(transcript.raw.starts(with: Array("Content-Length: ".utf8))) }
    }

    @Test func binaryBothFramings() throws {
        guard TestPaths.binaryAvailable else { return }
        for conversation in Self.allCases() {
            for framing in [Framing.ndjson, .lsp] {
                let input = framing == .lsp ? Frames.lsp(conversation.sent) : Frames.ndjson(conversation.sent)
                let run = try BinaryRun.run([], input: input, timeout: 20)
                #expect(!run.timedOut, "\(conversation.name) timed out")
                if let failure = conversation.check(replies: Replies.parse(run.stdout), exitCode: run.status) {
                    Issue.record(Comment(rawValue: "[\(framing)] " + failure))
                }
            }
        }
    }
}
