import Testing
@testable import Analyzer

/// `Workspace.hasAsyncWords` (the `memchr` scan of `Workspace.check`'s first pass) must answer
/// exactly as the gate's own scan, `RuleContext.containsAny(_, of: RuleContext.asyncWords)`: on
/// every fixture file, on each word at every position of short buffers, and on random buffers
/// made of the words' letters.
@Suite struct AsyncWordScanTests {
    private static func agree(_ bytes: [UInt8]) -> Bool {
        Workspace.hasAsyncWords(bytes) == RuleContext.containsAny(bytes, of: RuleContext.asyncWords)
    }

    @Test func memchrScanEqualsTheGatesScan() {
        var disagreements: [String] = []
        for file in WorkspaceEquivalenceTests.fixtureFiles() where !Self.agree(Array(file.source.utf8)) {
            disagreements.append(file.path)
        }
        for word in RuleContext.asyncWords {
            for length in 0...12 {
                for position in 0...length {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes.insert(contentsOf: Array(word.utf8), at: position)
                    if !Self.agree(bytes) { disagreements.append("\(word) at \(position) of \(length)") }
                    if !Self.agree(Array(bytes.dropLast())) { disagreements.append("\(word) cut, \(position) of \(length)") }
                }
            }
        }
        var generator = MutationFuzzer.Generator(seed: 0xA5E)
        let letters = Array("asyncwithpxlfeo_ ".utf8)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 24)
            let bytes = (0..<count).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }
            if !Self.agree(bytes) { disagreements.append(String(decoding: bytes, as: UTF8.self)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
