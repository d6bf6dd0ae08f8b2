import Foundation
import Testing
import Analyzer
@testable import AsyncDaemon

/// Builds the LSP messages of the language-server tests as JSON values (so texts with quotes,
/// emoji and CRLF are escaped by the encoder, not by hand).
enum LSPMessages {
    static func request(_ id: Int, _ method: String, _ params: JSONValue) -> String {
        JSONWriter.string(.object(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method), "params": params]))
    }

    static func notification(_ method: String, _ params: JSONValue) -> String {
        JSONWriter.string(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    static func initialize(encodings: [String] = [], options: JSONValue? = nil, rootURI: String? = nil, progress: Bool = false) -> [String] {
        var params: JSONObject = ["capabilities": .object([
            "general": .object(["positionEncodings": .array(encodings.map { .string($0) })]),
            "window": .object(["workDoneProgress": .bool(progress)]),
        ])]
        if let options { params["initializationOptions"] = options }
        if let rootURI { params["rootUri"] = .string(rootURI) }
        return [request(0, "initialize", .object(params)), notification("initialized", .object([:]))]
    }

    static func didOpen(_ uri: String, _ text: String, version: Int = 1) -> String {
        notification("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("python"), "version": .int(version), "text": .string(text)])]))
    }

    static func position(_ line: Int, _ character: Int) -> JSONValue {
        .object(["line": .int(line), "character": .int(character)])
    }

    static func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> JSONValue {
        .object(["start": position(l1, c1), "end": position(l2, c2)])
    }

    static func didChange(_ uri: String, version: Int, range: JSONValue?, text: String) -> String {
        var change: JSONObject = ["text": .string(text)]
        if let range { change["range"] = range }
        return notification("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(version)]),
            "contentChanges": .array([.object(change)])]))
    }

    static func documentText(_ id: Int, _ uri: String) -> String {
        request(id, "$/asyncd/documentText", .object(["uri": .string(uri)]))
    }

    static func textDocument(_ uri: String) -> JSONValue { .object(["uri": .string(uri)]) }
}

extension Transcript {
    func reply(_ id: Int) -> JSONValue? { replies.first { $0["id"] == .int(id) } }

    func notifications(_ method: String) -> [JSONValue] { replies.filter { $0["method"] == .string(method) && $0["id"] == nil } }

    /// The `publishDiagnostics` params sent for `uri`, in order.
    func published(_ uri: String) -> [JSONValue] {
        notifications("textDocument/publishDiagnostics").compactMap(\.["params"]).filter { $0["uri"] == .string(uri) }
    }

    /// Requires each publish for `uri` to carry exactly the diagnostics a fresh analysis of its
    /// version's text gives: what the carry-over tests (comments, literals) check after typing.
    func expectPublishesMatchFreshAnalyses(_ uri: String, texts: [Int: String], path: String) throws {
        let published = published(uri)
        #expect(published.count > 10, "\(published.count) publishes")
        for publish in published {
            guard let version = publish["version"]?.numberValue?.intValue, let text = texts[version] else {
                Issue.record("a publish for an unknown version")
                continue
            }
            let analysis = try Linter.analyze(source: text, path: path, knownModules: [:], selection: .all)
            let lineTable = LineTable(text)
            let expected = JSONValue.array(analysis.diagnostics.map { ResultEncoding.diagnostic($0, lines: lineTable, encoding: .utf16, uri: uri) })
            #expect(JSONWriter.string(publish["diagnostics"] ?? .null) == JSONWriter.string(expected), "version \(version)")
        }
    }
}

extension JSONValue {
    /// `code`s of a diagnostics array.
    var diagnosticCodes: [String] { (arrayValue ?? []).compactMap { $0["code"]?.stringValue } }
}
