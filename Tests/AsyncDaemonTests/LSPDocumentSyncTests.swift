import Foundation
import Testing
@testable import AsyncDaemon

/// Document sync, debounced push diagnostics and pull diagnostics, in-process.
@Suite struct LSPDocumentSyncTests {
    typealias M = LSPMessages
    let uri = "file:///nonexistent-asyncd-test/sync.py"

    @Test func initializeAdvertisesTheLanguageFeatures() {
        let t = InProcess.serve(ndjson: M.initialize())
        let capabilities = t.reply(0)?["result"]?["capabilities"]
        #expect(capabilities?["textDocumentSync"]?["change"] == .int(2))
        #expect(capabilities?["textDocumentSync"]?["openClose"] == .bool(true))
        #expect(capabilities?["hoverProvider"] == .bool(true))
        #expect(capabilities?["diagnosticProvider"]?["interFileDependencies"] == .bool(true))
        #expect(capabilities?["codeActionProvider"]?["codeActionKinds"] == .array([.string("quickfix"), .string("source.fixAll.asyncd")]))
        #expect(capabilities?["executeCommandProvider"]?["commands"] == .array([.string("asyncd.runWithTrace")]))
    }

    @Test func incrementalEditsCountUTF16UnitsAndKeepCRLF() {
        // "x = '😀'" : the emoji is 2 UTF-16 units, so the closing quote is at character 7.
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, "x = '😀'\r\ny = 1\r\n"),
            M.didChange(uri, version: 2, range: M.range(0, 7, 0, 7), text: "!"),
            M.didChange(uri, version: 3, range: M.range(1, 0, 1, 1), text: "zz"),
            M.documentText(1, uri),
        ])
        #expect(t.reply(1)?["result"]?["text"] == .string("x = '😀!'\r\nzz = 1\r\n"))
        #expect(t.reply(1)?["result"]?["version"] == .int(3))
    }

    @Test(arguments: [("utf-8", 9), ("utf-32", 6)])
    func negotiatedEncodingsCountTheirUnits(encoding: String, character: Int) {
        // After "x = '😀" come: utf-8 5+4 bytes = 9; utf-32 5+1 scalars = 6.
        let t = InProcess.serve(ndjson: M.initialize(encodings: [encoding]) + [
            M.didOpen(uri, "x = '😀'\n"),
            M.didChange(uri, version: 2, range: M.range(0, character, 0, character), text: "!"),
            M.documentText(1, uri),
        ])
        #expect(t.reply(0)?["result"]?["capabilities"]?["positionEncoding"] == .string(encoding))
        #expect(t.reply(1)?["result"]?["text"] == .string("x = '😀!'\n"))
    }

    @Test func outOfRangePositionsAreClampedNeverTrapped() {
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, "ab😀\ncd\n"),
            M.didChange(uri, version: 2, range: M.range(0, 99, 0, 99), text: "X"),             // past line end → its end
            M.didChange(uri, version: 3, range: M.range(0, 3, 0, 3), text: "Y"),               // inside the emoji → its start
            M.didChange(uri, version: 4, range: M.range(99, 0, 120, 5), text: "Z"),            // past the end → the end
            M.didChange(uri, version: 5, range: M.range(1, 2, 1, 0), text: "W"),               // end before start → empty
            M.didChange(uri, version: 6, range: M.range(-5, -5, 0, 0), text: ""),              // negatives → 0
            M.documentText(1, uri),
        ])
        #expect(t.reply(1)?["result"]?["text"] == .string("abY😀X\ncdW\nZ"))
    }

    @Test func fullTextChangeReplacesTheDocument() {
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, "a = 1\n"),
            M.didChange(uri, version: 2, range: nil, text: "b = 2\r\n"),
            M.documentText(1, uri),
        ])
        #expect(t.reply(1)?["result"]?["text"] == .string("b = 2\r\n"))
    }

    @Test func aBurstOfChangesCostsOnePublishForTheLastVersion() {
        var lines = M.initialize(options: .object(["debounceMilliseconds": .int(400)])) + [M.didOpen(uri, "import asyncio\n")]
        for version in 2...60 {
            lines.append(M.didChange(uri, version: version, range: M.range(1, 0, 1, 0), text: version == 60 ? "async def f(): pass\nasync def g():\n    f()\n" : ""))
        }
        let t = InProcess.serve(ndjson: lines)
        let published = t.published(uri)
        #expect(published.count == 1, "\(published.count) publishes")
        #expect(published.first?["version"] == .int(60))
        #expect(published.first?["diagnostics"]?.diagnosticCodes.contains("AIO201") == true)
    }

    @Test func publishedDiagnosticsFollowEachChangeAndPullGivesTheSame() throws {
        let source = "import asyncio\nasync def fetch():\n    return 1\nasync def main():\n    fetch()\n"
        let t = InProcess.serve(ndjson: M.initialize(options: .object(["debounceMilliseconds": .int(0), "select": .array([.string("AIO201")])])) + [
            M.didOpen(uri, source),
            M.request(1, "textDocument/diagnostic", .object(["textDocument": M.textDocument(uri)])),
        ])
        let pushed = try #require(t.published(uri).last)
        let pulled = try #require(t.reply(1)?["result"])
        #expect(pulled["kind"] == .string("full"))
        #expect(pulled["items"]?.diagnosticCodes == ["AIO201"])
        #expect(pulled["items"] == pushed["diagnostics"])
        #expect(pushed["version"] == .int(1))
        // Line 4 (0-based), the call `fetch()`.
        #expect(pulled["items"]?.arrayValue?.first?["range"] == M.range(4, 4, 4, 11))
    }

    @Test func closingClearsDiagnosticsAndForgetsTheDocument() {
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, "await x\n"),
            M.notification("textDocument/didClose", .object(["textDocument": M.textDocument(uri)])),
            M.documentText(1, uri),
        ])
        #expect(t.published(uri).last?["diagnostics"] == .array([]))
        #expect(t.reply(1)?["error"]?["code"] == .int(-32602))
    }

    @Test func documentRequestsBeforeInitializeAre32002() {
        let t = InProcess.serve(ndjson: [
            M.didOpen(uri, "x\n"),
            M.request(1, "textDocument/hover", .object(["textDocument": M.textDocument(uri), "position": M.position(0, 0)])),
        ])
        #expect(t.replies.count == 1)
        #expect(t.reply(1)?["error"]?["code"] == .int(-32002))
    }

    @Test func malformedNotificationsAreDroppedAndTheServerKeepsServing() {
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.notification("textDocument/didOpen", .object(["textDocument": .string("nope")])),
            M.notification("textDocument/didChange", .object(["contentChanges": .int(3)])),
            M.didOpen(uri, "a\n"),
            M.documentText(1, uri),
        ])
        #expect(t.reply(1)?["result"]?["text"] == .string("a\n"))
        #expect(t.problems.count == 2)
    }
}
