import Foundation
import Testing
@testable import AsyncDaemon

/// Code actions, hover, code lens / executeCommand, configuration and workspace folders, in-process.
@Suite struct LSPFeatureTests {
    typealias M = LSPMessages
    let uri = "file:///nonexistent-asyncd-test/features.py"

    func seedMistakes() throws -> String { try TestPaths.fixtureText("Daemon/editors/seed_mistakes.py") }

    @Test func quickFixesCarryWorkspaceEditsAndFixAllFixesEverySafeOne() throws {
        let source = try seedMistakes()
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, source),
            M.request(1, "textDocument/codeAction", .object(["textDocument": M.textDocument(uri), "range": M.range(0, 0, 40, 0),
                                                            "context": .object(["diagnostics": .array([])])])),
            M.request(2, "textDocument/codeAction", .object(["textDocument": M.textDocument(uri), "range": M.range(17, 10, 17, 10),
                                                            "context": .object(["diagnostics": .array([]), "only": .array([.string("quickfix")])])])),
            M.request(3, "textDocument/codeAction", .object(["textDocument": M.textDocument(uri), "range": M.range(0, 0, 0, 0),
                                                            "context": .object(["diagnostics": .array([]), "only": .array([.string("source")])])])),
        ])
        let all = try #require(t.reply(1)?["result"]?.arrayValue)
        #expect(all.filter { $0["kind"] == .string("quickfix") }.count == 3)
        for action in all {
            #expect(action["edit"]?["changes"]?[uri]?.arrayValue?.isEmpty == false, "\(action)")
        }
        let atPrint = try #require(t.reply(2)?["result"]?.arrayValue)
        #expect(atPrint.count == 1)
        #expect(atPrint.first?["diagnostics"]?.diagnosticCodes == ["AIO202"])
        #expect(atPrint.first?["edit"]?["changes"]?[uri] == .array([.object(["range": M.range(16, 13, 16, 13), "newText": .string("await ")])]))
        let source3 = try #require(t.reply(3)?["result"]?.arrayValue)
        #expect(source3.count == 1)
        #expect(source3.first?["kind"] == .string("source.fixAll.asyncd"))
        let fixed = source3.first?["edit"]?["changes"]?[uri]?.arrayValue?.first?["newText"]?.stringValue ?? ""
        #expect(fixed.contains("result = await fetch_data(1)"))
        // Only safe fixes: making `process` async (AIO101) changes its callers, so it is left out.
        #expect(fixed.contains("def process():\n    data = await"))
        #expect(!fixed.contains("async def process"))
    }

    @Test(arguments: [
        (32, 9, "Run from sync"),                 // asyncio.run
        (5, 4, "Await a coroutine"),              // await
        (4, 1, "Async function"),                 // async
        (5, 19, "Non-blocking sleep"),            // asyncio.sleep
    ])
    func hoverShowsTheQuickReferenceEntry(line: Int, character: Int, title: String) throws {
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, try seedMistakes()),
            M.request(1, "textDocument/hover", .object(["textDocument": M.textDocument(uri), "position": M.position(line, character)])),
        ])
        let result = try #require(t.reply(1)?["result"])
        #expect(result["contents"]?["kind"] == .string("markdown"))
        #expect(result["contents"]?["value"]?.stringValue?.hasPrefix("**\(title)**") == true, "\(result)")
    }

    @Test func hoverOnGatherFindsTheMistakeThatIntroducesItAndNothingOnOtherModules() {
        let text = "import asyncio, subprocess\nasyncio.gather(a(), b())\nsubprocess.run(['ls'])\n"
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, text),
            M.request(1, "textDocument/hover", .object(["textDocument": M.textDocument(uri), "position": M.position(1, 10)])),
            M.request(2, "textDocument/hover", .object(["textDocument": M.textDocument(uri), "position": M.position(2, 12)])),
        ])
        #expect(t.reply(1)?["result"]?["contents"]?["value"]?.stringValue?.contains("Common Mistakes") == true)
        #expect(t.reply(1)?["result"]?["range"] == M.range(1, 0, 1, 14))
        #expect(t.reply(2)?["result"] == .null)
    }

    @Test func runWithTraceLensAndCommand() throws {
        let text = "import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print('done')\nasyncio.run(main())\n"
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(uri, text),
            M.request(1, "textDocument/codeLens", .object(["textDocument": M.textDocument(uri)])),
            M.request(2, "workspace/executeCommand", .object(["command": .string("asyncd.runWithTrace"), "arguments": .array([.string(uri)])])),
            M.request(3, "workspace/executeCommand", .object(["command": .string("other"), "arguments": .array([])])),
        ])
        let lenses = try #require(t.reply(1)?["result"]?.arrayValue)
        #expect(lenses.count == 1)
        #expect(lenses.first?["range"] == M.range(4, 0, 4, 11))
        #expect(lenses.first?["command"]?["command"] == .string("asyncd.runWithTrace"))
        let run = try #require(t.reply(2)?["result"])
        #expect(run["outcome"] == .string("completed"))
        #expect(run["stdout"] == .string("done\n"))
        #expect(t.notifications("window/logMessage").contains { $0["params"]?["message"]?.stringValue?.contains("done") == true })
        #expect(t.reply(3)?["error"]?["code"] == .int(-32602))
    }

    @Test func configurationSelectsRules() {
        let text = "async def f(): pass\nasync def g():\n    f()\n"
        let t = InProcess.serve(ndjson: M.initialize(options: .object(["ignore": .array([.string("AIO3")])])) + [
            M.didOpen(uri, text),
            M.request(1, "textDocument/diagnostic", .object(["textDocument": M.textDocument(uri)])),
            M.notification("workspace/didChangeConfiguration", .object(["settings": .object(["asyncd": .object(["select": .array([.string("AIO302")])])])])),
            M.request(2, "textDocument/diagnostic", .object(["textDocument": M.textDocument(uri)])),
        ])
        #expect(t.reply(1)?["result"]?["items"]?.diagnosticCodes == ["AIO201"])
        #expect(t.reply(2)?["result"]?["items"]?.diagnosticCodes == ["AIO302"])
    }

    /// A temporary workspace: helpers.py defines a coroutine function, main.py imports it.
    func makeWorkspace(pyproject: String? = nil) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("asyncd-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "import asyncio\n\nasync def fetch():\n    await asyncio.sleep(0)\n".write(to: dir.appendingPathComponent("helpers.py"), atomically: true, encoding: .utf8)
        try "from helpers import fetch\n\nasync def main():\n    fetch()\n    await other()\n\nasync def other():\n    await fetch()\n".write(to: dir.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        if let pyproject { try pyproject.write(to: dir.appendingPathComponent("pyproject.toml"), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func workspaceFoldersResolveSiblingCoroutinesWithProgress() throws {
        let dir = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = WorkspaceIndex.uri(forPath: dir.path)
        let main = root + "/main.py"
        let t = InProcess.serve(ndjson: M.initialize(rootURI: root, progress: true))
        // Background analysis of the (unopened) files: main.py's dropped fetch() is AIO201 because
        // helpers.fetch is known to be a coroutine function.
        #expect(t.published(main).last?["diagnostics"]?.diagnosticCodes == ["AIO201"])
        #expect(t.published(root + "/helpers.py").last?["diagnostics"]?.diagnosticCodes == [])
        let kinds = t.notifications("$/progress").compactMap { $0["params"]?["value"]?["kind"]?.stringValue }
        #expect(kinds.first == "begin" && kinds.last == "end", "\(kinds)")
        #expect(t.replies.contains { $0["method"] == .string("window/workDoneProgress/create") && $0["id"] != nil })
    }

    @Test func watchedFileChangesAndPyprojectKeepTheIndexFresh() throws {
        let dir = try makeWorkspace(pyproject: "[tool.asyncd]\nignore = [\"AIO3\"]\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = WorkspaceIndex.uri(forPath: dir.path)
        let main = root + "/main.py"
        let mainText = try String(contentsOf: dir.appendingPathComponent("main.py"), encoding: .utf8) + "\nasync def idle():\n    pass\n"
        // No workspace folder: the server learns of helpers.py only through the watcher.
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(main, mainText),
            M.request(1, "textDocument/diagnostic", .object(["textDocument": M.textDocument(main)])),
            M.notification("workspace/didChangeWatchedFiles", .object(["changes": .array([.object(["uri": .string(root + "/helpers.py"), "type": .int(1)])])])),
            M.request(2, "textDocument/diagnostic", .object(["textDocument": M.textDocument(main)])),
            M.notification("workspace/didChangeWatchedFiles", .object(["changes": .array([.object(["uri": .string(root + "/helpers.py"), "type": .int(3)])])])),
            M.request(3, "textDocument/diagnostic", .object(["textDocument": M.textDocument(main)])),
        ])
        // pyproject.toml ignores AIO3 (so `idle` is no AIO302); `fetch()` is unknown, then a known
        // coroutine function (AIO201), then unknown again once helpers.py is deleted.
        #expect(t.reply(1)?["result"]?["items"]?.diagnosticCodes == [])
        #expect(t.reply(2)?["result"]?["items"]?.diagnosticCodes == ["AIO201"])
        #expect(t.reply(3)?["result"]?["items"]?.diagnosticCodes == [])
    }

    @Test func pyprojectSelectionIsTheBaseTheClientRefines() throws {
        let dir = try makeWorkspace(pyproject: "[tool.asyncd]\nselect = [\"AIO3\"]\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = WorkspaceIndex.uri(forPath: dir.path) + "/main.py"
        let text = "async def idle():\n    pass\nasync def g():\n    idle()\n"
        let t = InProcess.serve(ndjson: M.initialize() + [
            M.didOpen(main, text),
            M.request(1, "textDocument/diagnostic", .object(["textDocument": M.textDocument(main)])),
        ])
        #expect(t.reply(1)?["result"]?["items"]?.diagnosticCodes == ["AIO302"])
        let refined = InProcess.serve(ndjson: M.initialize(options: .object(["select": .array([.string("AIO2")])])) + [
            M.didOpen(main, text),
            M.request(1, "textDocument/diagnostic", .object(["textDocument": M.textDocument(main)])),
        ])
        #expect(refined.reply(1)?["result"]?["items"]?.diagnosticCodes == ["AIO201"])
    }
}
