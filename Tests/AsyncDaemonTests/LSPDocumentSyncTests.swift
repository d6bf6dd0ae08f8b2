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

    /// A burst of changes costs one analysis: changes that arrive in one read of the input are
    /// analysed once (no debounce configured), and with `debounceMilliseconds` so are changes
    /// spread over several reads within the delay.
    @Test(arguments: [(nil, 65_536), (400, 97)] as [(Int?, Int)])
    func aBurstOfChangesCostsOnePublishForTheLastVersion(debounce: Int?, chunkSize: Int) {
        let options: JSONValue? = debounce.map { .object(["debounceMilliseconds": .int($0)]) }
        var lines = M.initialize(options: options) + [M.didOpen(uri, "import asyncio\n")]
        for version in 2...60 {
            lines.append(M.didChange(uri, version: version, range: M.range(1, 0, 1, 0), text: version == 60 ? "async def f(): pass\nasync def g():\n    f()\n" : ""))
        }
        let t = InProcess.serve(Frames.ndjson(lines), chunkSize: chunkSize)
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

    /// With no debounce, many publishes happen while changes keep arriving: each must describe
    /// the text of the version it names (AIO201 exactly in the even versions, whose text drops a
    /// coroutine), versions only increase, and the last publish is for the last version.
    @Test func publishesNeverMixVersions() {
        let uri = "untitled:stale.py"
        let base = "async def f():\n    return 1\nasync def g():\n    return await f()\n"
        var lines = M.initialize(options: .object(["debounceMilliseconds": .int(0)])) + [M.didOpen(uri, base)]
        for version in 2...300 {
            let text = version % 2 == 0 ? base + "async def h():\n    f()\n    await g()\n" : base
            lines.append(M.didChange(uri, version: version, range: nil, text: text))
        }
        // Small reads: the changes reach the server in many batches, so usually several publishes
        // happen (about 10 here; how many depends on the machine's load, so it is not asserted).
        let t = InProcess.serve(Frames.ndjson(lines), chunkSize: 512)
        let published = t.published(uri)
        #expect(!published.isEmpty)
        let versions = published.compactMap { $0["version"]?.numberValue?.intValue }
        #expect(versions.count == published.count)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count, "\(versions)")
        #expect(versions.last == 300)
        for publish in published {
            guard let version = publish["version"]?.numberValue?.intValue, version > 1 else { continue }
            let codes = publish["diagnostics"]?.diagnosticCodes ?? []
            #expect(codes.contains("AIO201") == (version % 2 == 0), "version \(version): \(codes)")
        }
    }
}

extension LSPDocumentSyncTests {
    /// Every language-server method with params of every wrong shape and extreme positions:
    /// requests get an error or a result, notifications are dropped, and the server still answers.
    @Test func badParamsAndExtremePositionsNeverBreakTheServer() {
        let uri = "untitled:bad.py"
        let huge: JSONValue = .number(JSONNumber(validatedText: "9223372036854775807"))
        let tiny: JSONValue = .number(JSONNumber(validatedText: "-9223372036854775808"))
        let positions: [JSONValue] = [
            .object(["line": huge, "character": huge]), .object(["line": tiny, "character": tiny]),
            .object(["line": .int(0), "character": .double(1.5)]), .object(["line": .string("0"), "character": .int(0)]),
            .object([:]), .null, .array([]),
        ]
        let shapes: [JSONValue] = [.null, .array([]), .int(1), .string("x"), .object([:]),
                                   .object(["textDocument": .int(3)]), .object(["textDocument": .object(["uri": .int(1)])])]
        var lines = M.initialize() + [M.didOpen(uri, "import asyncio\r\nawait asyncio.sleep(1) # 😀\n")]
        var id = 1
        let requests = ["textDocument/hover", "textDocument/codeAction", "textDocument/diagnostic", "textDocument/codeLens",
                        "workspace/executeCommand", "$/asyncd/documentText"]
        let notifications = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
                             "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles", "workspace/didChangeWorkspaceFolders"]
        for shape in shapes {
            for method in requests { lines.append(M.request(id, method, shape)); id += 1 }
            for method in notifications where method != "textDocument/didClose" { lines.append(M.notification(method, shape)) }
        }
        for position in positions {
            let range: JSONValue = .object(["start": position, "end": position])
            lines.append(M.request(id, "textDocument/hover", .object(["textDocument": M.textDocument(uri), "position": position]))); id += 1
            lines.append(M.request(id, "textDocument/codeAction", .object(["textDocument": M.textDocument(uri), "range": range,
                                                                           "context": .object(["diagnostics": .array([])])]))); id += 1
            lines.append(M.notification("textDocument/didChange", .object([
                "textDocument": .object(["uri": .string(uri), "version": .int(id)]),
                "contentChanges": .array([.object(["range": range, "text": .string("é\r")])])])))
        }
        lines.append(M.documentText(id, uri))
        let t = InProcess.serve(ndjson: lines)
        for request in 1..<id {
            let reply = t.reply(request)
            #expect(reply?["result"] != nil || reply?["error"]?["code"] != nil, "request \(request)")
        }
        #expect(t.reply(id)?["result"]?["text"]?.stringValue?.contains("await asyncio.sleep(1) # 😀") == true)
    }
}

extension LSPDocumentSyncTests {
    /// Pathological nesting analysed on the diagnostics queue (not a large-stack worker): the
    /// parser's stack guard must keep the server alive, and the document still gets diagnostics.
    @Test func deeplyNestedDocumentsArePublishedWithoutCrashing() {
        let uri = "untitled:deep.py"
        let text = "x = " + String(repeating: "(", count: 20_000) + String(repeating: ")", count: 20_000) + "\n"
            + "async def f():\n    " + String(repeating: "await ", count: 5_000) + "g()\n"
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, text),
            M.request(1, "textDocument/diagnostic", .object(["textDocument": M.textDocument(uri)])),
        ])
        #expect(t.published(uri).count == 1)
        #expect(t.reply(1)?["result"]?["items"] == t.published(uri).first?["diagnostics"])
    }
}
