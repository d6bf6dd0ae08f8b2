/// `textDocument/hover` (LSP 3.17 §Hover): on `await`, `async`, or an asyncio name under the
/// cursor (`asyncio.gather`, `create_task`, `run`, `sleep`, …), the quick-reference entry that
/// explains it (`QuickReferenceSearch.entry(forIdentifier:)`, over all three tables of the seed)
/// rendered as Markdown.
///
/// - params: `{"textDocument": {"uri"}, "position"}`
/// - result: `{"contents": {"kind": "markdown", "value"}, "range"}`, or `null` when the cursor is on
///   nothing the reference explains (a dotted name of another module, such as `subprocess.run`, is not asyncio's).
/// - errors: -32602 bad params or a document that is not open.
///
/// Example: `{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///t.py"},"position":{"line":0,"character":2}}}`
enum HoverRequest {
    static let name = "textDocument/hover"

    /// asyncio's public names a hover explains when written bare (`from asyncio import gather`).
    static let asyncioNames: Set<String> = [
        "gather", "create_task", "run", "sleep", "wait_for", "wait", "ensure_future", "as_completed", "shield",
        "TaskGroup", "timeout", "to_thread", "iscoroutine", "iscoroutinefunction", "get_event_loop",
        "get_running_loop", "run_coroutine_threadsafe", "Queue", "Lock", "Event", "Semaphore", "Task", "Future",
    ]

    static func hover(_ params: JSONValue?, documents: DocumentStore, encoding: PositionEncoding) throws(ProtocolError) -> JSONValue {
        let uri = try TextDocumentSync.decodeURI(params)
        let p = try ParamsDecoder(params)
        guard let positionObject = try p.optionalObject("position") else { throw .invalidParams("missing 'position'") }
        let position = try TextDocumentSync.decodePosition(positionObject)
        guard let snapshot = documents.snapshot(uri) else { throw .invalidParams("document not open: \(uri)") }
        let lines = snapshot.lines
        let offset = lines.utf8Offset(of: position, in: encoding)
        guard let word = dottedName(in: lines.bytes, at: offset), let name = hoverName(word.text),
              let entry = QuickReferenceSearch.shared.entry(forIdentifier: name) else { return .null }
        return .object([
            "contents": .object(["kind": .string("markdown"), "value": .string(markdown(entry))]),
            "range": .object([
                "start": lines.position(utf8Offset: word.start, in: encoding).json,
                "end": lines.position(utf8Offset: word.end, in: encoding).json,
            ]),
        ])
    }

    /// The name to look up for the word under the cursor, or nil when the reference has
    /// nothing to say about it.
    static func hoverName(_ word: String) -> String? {
        if word == "await" || word == "async" { return word }
        if word.hasPrefix("asyncio.") { return word }
        if !word.contains("."), asyncioNames.contains(word) { return "asyncio." + word }
        return nil
    }

    /// The dotted name around byte `offset`, up to the end of the segment the cursor is in:
    /// on `gather` in `asyncio.gather(x)` it is `asyncio.gather`; on `asyncio` it is `asyncio`.
    static func dottedName(in bytes: [UInt8], at offset: Int) -> (text: String, start: Int, end: Int)? {
        func isWord(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
        }
        guard offset >= 0, offset <= bytes.count else { return nil }
        var end = offset
        while end < bytes.count, isWord(bytes[end]) { end += 1 }
        var start = offset
        // The cursor just after a word (`await|`) still hovers it.
        if start == end, start > 0, isWord(bytes[start - 1]) == false { return nil }
        while start > 0, isWord(bytes[start - 1]) || (bytes[start - 1] == 0x2E && start >= 2 && isWord(bytes[start - 2])) {
            start -= 1
        }
        guard start < end else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), start, end)
    }

    /// The entry as Markdown: title and table, the correct form, and the wrong form with what it does.
    static func markdown(_ entry: ReferenceEntry) -> String {
        let table: String
        switch entry.table {
        case .quickReference: table = "Quick Reference"
        case .rules: table = "Rules of async/await"
        case .mistakes: table = "Common Mistakes"
        }
        var text = "**\(entry.pattern)** — *\(table)*\n\n```python\n\(entry.code)\n```\n"
        if let wrong = entry.wrong {
            text += "\n❌ Wrong" + (entry.consequence.map { " — \($0)" } ?? "") + ":\n\n```python\n\(wrong)\n```\n"
        } else if let consequence = entry.consequence {
            text += "\n❌ \(consequence)\n"
        }
        if let note = entry.note { text += "\n\(note)\n" }
        return text
    }
}
