import Foundation
@testable import Analyzer

/// Parses with asyncd's own front end; while that is not implemented yet, with CPython's AST
/// through `CPython.parse` (so the rules are tested either way). Returns nil, with a reason,
/// when neither is available.
enum Harness {
    enum FrontEndKind: String { case asyncd, cpython }

    static func parse(_ source: String) throws -> (ParseResult, FrontEndKind)? {
        do {
            return (try PythonFrontEnd.parse(source), .asyncd)
        } catch is NotImplementedYet {
            guard CPython.isAvailable, let module = try CPython.parse(source) else { return nil }
            return (ParseResult(module: module, diagnostics: []), .cpython)
        }
    }

    /// Linter diagnostics for `source`, or nil when no front end is available.
    static func check(_ source: String, path: String? = nil, selection: RuleSelection = .all,
                      importedModules: [String: ModuleSummary] = [:]) throws -> [Diagnostic]? {
        guard let (parsed, _) = try parse(source) else { return nil }
        return Linter.check(parsed: parsed, source: source, path: path, selection: selection, importedModules: importedModules)
    }

    static let unavailableMessage = "skipped: the asyncd parser is not implemented yet and CPython 3.12 is not available"

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: CPython.fixtures.appendingPathComponent(name), encoding: .utf8)
    }
}

/// The expectations written in a fixture: `# AIO201` (or several codes, `# AIO201, AIO202`)
/// on a line that must produce exactly those codes, `# OK` or nothing on a line that must
/// produce none. A marker may be followed by `: explanation`. `# noqa` comments are not markers.
struct FixtureMarkers {
    /// Expected codes per 1-based line (lines absent expect nothing).
    var expected: [Int: Set<String>] = [:]

    init(source: String) {
        for (line, comment) in NoqaDirectives.comments(in: Array(source.utf8)) {
            for segment in comment.split(separator: "#") {
                let text = segment.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("AIO") else { continue }
                let head = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
                var codes: Set<String> = []
                for piece in head.split(whereSeparator: { $0 == "," || $0 == " " }) {
                    let code = String(piece)
                    if code.count == 6, code.hasPrefix("AIO"), code.dropFirst(3).allSatisfy(\.isNumber) { codes.insert(code) } else { break }
                }
                if !codes.isEmpty { expected[line, default: []].formUnion(codes) }
            }
        }
    }

    /// Human-readable disagreements between the markers and the diagnostics.
    func disagreements(with diagnostics: [Diagnostic]) -> [String] {
        var actual: [Int: Set<String>] = [:]
        for diagnostic in diagnostics { actual[diagnostic.range.start.line, default: []].insert(diagnostic.code) }
        var problems: [String] = []
        for line in Set(actual.keys).union(expected.keys).sorted() {
            let want = expected[line] ?? []
            let got = actual[line] ?? []
            if want != got {
                let messages = diagnostics.filter { $0.range.start.line == line }.map { "\($0.code) \($0.message)" }
                problems.append("line \(line): expected \(want.sorted()) got \(got.sorted()) \(messages)")
            }
        }
        return problems
    }
}
