import Analyzer
import Runner

/// Turns the analyzer's and the runner's Swift values into the contract's JSON documents.
/// `async/analyze`, `asyncd check --format json`, `async/run` and `asyncd run --format json` all
/// go through here, so the CLI and the daemon print the same document.
enum ResultEncoding {
    /// An LSP `Diagnostic` (LSP 3.17 §Diagnostic): `range` in `encoding`, `severity`, `code`,
    /// `source: "asyncd"`, `message`, and `data` with the rule name, the quick-reference id when
    /// there is one, and a fix as a `WorkspaceEdit` (with its title and safety beside it).
    static func diagnostic(_ diagnostic: Diagnostic, lines: LineTable, encoding: PositionEncoding, uri: String?) -> JSONValue {
        var data: JSONObject = ["rule": .string(diagnostic.name)]
        if let reference = diagnostic.reference { data["reference"] = .string(reference) }
        if let fix = diagnostic.fix {
            data["fix"] = workspaceEdit(fix.edits, lines: lines, encoding: encoding, uri: uri)
            data["fixTitle"] = .string(fix.title)
            data["fixSafe"] = .bool(fix.isSafe)
        }
        return .object([
            "range": lines.range(diagnostic.range, in: encoding),
            "severity": .int(diagnostic.severity.rawValue),
            "code": .string(diagnostic.code),
            "source": .string("asyncd"),
            "message": .string(diagnostic.message),
            "data": .object(data),
        ])
    }

    /// The document a fix's edits apply to when the request named none.
    static let untitledURI = "untitled:source.py"

    /// An LSP `WorkspaceEdit` of the form `{"changes": {uri: [TextEdit]}}`.
    static func workspaceEdit(_ edits: [TextEdit], lines: LineTable, encoding: PositionEncoding, uri: String?) -> JSONValue {
        let textEdits: [JSONValue] = edits.map {
            .object(["range": lines.range($0.range, in: encoding), "newText": .string($0.newText)])
        }
        return .object(["changes": .object(JSONObject([(key: uri ?? untitledURI, value: .array(textEdits))]))])
    }

    /// `async/analyze`'s result: `{"diagnostics": [Diagnostic]}`.
    static func analyzeResult(_ diagnostics: [Diagnostic], source: String, encoding: PositionEncoding, uri: String?) -> JSONValue {
        let lines = LineTable(source)
        return .object(["diagnostics": .array(diagnostics.map { diagnostic($0, lines: lines, encoding: encoding, uri: uri) })])
    }

    /// `async/run`'s result, member for member as the contract lists it; `exception` and `limit`
    /// only when present.
    static func runResult(_ result: RunResult) -> JSONValue {
        var object: JSONObject = [
            "outcome": .string(result.outcome.rawValue),
            "stdout": .string(result.stdout),
        ]
        if let exception = result.exception {
            object["exception"] = .object([
                "type": .string(exception.type),
                "message": .string(exception.message),
                "traceback": .array(exception.traceback.map {
                    .object(["line": .int($0.line), "function": .string($0.function)])
                }),
            ])
        }
        if let limit = result.limit { object["limit"] = .string(limit.rawValue) }
        object["trace"] = .array(result.trace.map(traceEvent))
        object["virtualTime"] = .double(result.virtualTime)
        object["steps"] = .int(result.steps)
        object["warnings"] = .array(result.warnings.map { .string($0) })
        return .object(object)
    }

    /// A `TraceEvent`: `{"seq", "time", "task", "kind", "line"?, "detail"?}`.
    static func traceEvent(_ event: TraceEvent) -> JSONValue {
        var object: JSONObject = [
            "seq": .int(event.seq),
            "time": .double(event.time),
            "task": .string(event.task),
            "kind": .string(event.kind.rawValue),
        ]
        if let line = event.line { object["line"] = .int(line) }
        if let detail = event.detail { object["detail"] = .string(detail) }
        return .object(object)
    }

    /// One `async/lookup` entry.
    static func lookupEntry(_ hit: QuickReferenceSearch.Hit) -> JSONValue {
        let entry = hit.entry
        var object: JSONObject = [
            "id": .string(entry.id),
            "table": .string(entry.table.rawValue),
            "pattern": .string(entry.pattern),
            "code": .string(entry.code),
        ]
        if let wrong = entry.wrong { object["wrong"] = .string(wrong) }
        if let consequence = entry.consequence { object["consequence"] = .string(consequence) }
        if let note = entry.note { object["note"] = .string(note) }
        object["score"] = .double(hit.score)
        return .object(object)
    }
}
