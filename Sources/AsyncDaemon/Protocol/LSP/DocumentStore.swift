import Synchronization

/// One open text document as the client last described it (LSP 3.17 §TextDocumentItem):
/// its text exactly as sent (CRLF and lone CR kept), and its version.
struct DocumentSnapshot: Sendable {
    var uri: String
    var version: Int
    /// The text as UTF-8 bytes; edits always cut at character boundaries, so it stays valid UTF-8.
    var bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var lines: LineTable { LineTable(bytes: bytes) }
}

/// One `TextDocumentContentChangeEvent`: a full replacement (`range == nil`) or an incremental
/// edit of `range` (positions in the negotiated encoding).
struct ContentChange: Sendable, Equatable {
    var range: (start: LSPPosition, end: LSPPosition)?
    var text: String

    static func == (lhs: ContentChange, rhs: ContentChange) -> Bool {
        lhs.text == rhs.text && lhs.range?.start == rhs.range?.start && lhs.range?.end == rhs.range?.end
    }
}

/// The open documents, keyed by URI. The reader thread applies `didOpen`/`didChange`/`didClose`
/// here in arrival order, so every request dispatched after a change sees the changed text
/// (the "document update for URI X blocks requests on X" ordering of the style guide);
/// handlers on worker threads work on snapshots.
final class DocumentStore: Sendable {
    private let documents = Mutex<[String: DocumentSnapshot]>([:])

    func open(uri: String, version: Int, text: String) {
        documents.withLock { $0[uri] = DocumentSnapshot(uri: uri, version: version, bytes: Array(text.utf8)) }
    }

    /// Applies `changes` in order (each against the result of the previous, as LSP says) and
    /// sets `version`. Returns the document as it was and the edits as applied (in bytes), or
    /// nil when the document is not open.
    @discardableResult
    func change(uri: String, version: Int, changes: [ContentChange], encoding: PositionEncoding) -> (before: DocumentSnapshot, edits: [ByteEdit])? {
        documents.withLock { all in
            guard var document = all[uri] else { return nil }
            let before = document
            var edits: [ByteEdit] = []
            edits.reserveCapacity(changes.count)
            for change in changes {
                let edit = Self.byteEdit(change, in: document.bytes, encoding: encoding)
                document.bytes = edit.applied(to: document.bytes)
                edits.append(edit)
            }
            document.version = version
            all[uri] = document
            return (before, edits)
        }
    }

    func close(uri: String) {
        _ = documents.withLock { $0.removeValue(forKey: uri) }
    }

    func snapshot(_ uri: String) -> DocumentSnapshot? {
        documents.withLock { $0[uri] }
    }

    var openURIs: [String] { documents.withLock { Array($0.keys) } }

    /// Runs `body` while no change can be applied, if the document is still at `version`:
    /// the diagnostics publisher sends under this guard, so it never publishes for a version
    /// that a newer `didChange` has already replaced.
    func ifCurrent(_ uri: String, version: Int, _ body: () -> Void) {
        documents.withLock { all in
            if all[uri]?.version == version { body() }
        }
    }

    /// One change applied to `bytes`. Positions are clamped by `LineTable.utf8Offset` (past the
    /// end means the end; inside a character means its start); a range whose end precedes its
    /// start is treated as empty at the start. Never traps.
    static func apply(_ change: ContentChange, to bytes: [UInt8], encoding: PositionEncoding) -> [UInt8] {
        byteEdit(change, in: bytes, encoding: encoding).applied(to: bytes)
    }

    /// `change` as a replacement of bytes (a full replacement replaces them all).
    static func byteEdit(_ change: ContentChange, in bytes: [UInt8], encoding: PositionEncoding) -> ByteEdit {
        guard let range = change.range else { return ByteEdit(start: 0, end: bytes.count, text: Array(change.text.utf8)) }
        let lines = LineTable(bytes: bytes)
        let start = lines.utf8Offset(of: range.start, in: encoding)
        let end = max(start, lines.utf8Offset(of: range.end, in: encoding))
        return ByteEdit(start: start, end: end, text: Array(change.text.utf8))
    }
}

/// One applied change: the bytes `start..<end` of the text before it became `text`.
struct ByteEdit: Sendable, Equatable {
    var start: Int
    var end: Int
    var text: [UInt8]

    func applied(to bytes: [UInt8]) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(bytes.count - (end - start) + text.count)
        result.append(contentsOf: bytes[0..<start])
        result.append(contentsOf: text)
        result.append(contentsOf: bytes[end...])
        return result
    }
}
