import Dispatch
import Foundation

/// Checks several files together, so that a coroutine function imported from a sibling module
/// (`from helpers import fetch`, `from .helpers import fetch`, `import helpers; helpers.fetch()`)
/// is known as one. Files are parsed and checked in parallel on all cores.
public enum Workspace {
    public struct File: Sendable {
        public var path: String
        public var source: String

        public init(path: String, source: String) {
            self.path = path
            self.source = source
        }
    }

    public struct FileResult: Sendable {
        public var path: String
        /// The diagnostics, or the error that stopped the file from being parsed.
        public var diagnostics: Result<[Diagnostic], AnalyzerError>
    }

    public struct AnalyzerError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Checks `files`; results come back in the order of `files`. `selection` gives each file's
    /// rule selection (for example from its nearest `pyproject.toml` and the command line).
    public static func check(_ files: [File], selection: @Sendable (String) -> RuleSelection = { _ in .all }) -> [FileResult] {
        let parsed = ConcurrentResults<Result<ParseResult, AnalyzerError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            do {
                parsed.set(index, .success(try PythonFrontEnd.parse(files[index].source)))
            } catch {
                parsed.set(index, .failure(AnalyzerError(description: "\(error)")))
            }
        }
        let parses = parsed.values
        var summaries: [String: ModuleSummary] = [:]
        for (index, file) in files.enumerated() {
            if case .success(let result)? = parses[index] {
                summaries[normalized(file.path)] = Linter.summary(of: result.module)
            }
        }
        let results = ConcurrentResults<FileResult>(count: files.count)
        let frozenSummaries = summaries
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let outcome: Result<[Diagnostic], AnalyzerError>
            switch parses[index] {
            case .some(.success(let result)):
                let imported = importNames(for: file.path, summaries: frozenSummaries)
                outcome = .success(Linter.check(parsed: result, source: file.source, path: file.path,
                                                selection: selection(file.path), importedModules: imported))
            case .some(.failure(let error)):
                outcome = .failure(error)
            case .none:
                outcome = .failure(AnalyzerError(description: "not analysed"))
            }
            results.set(index, FileResult(path: file.path, diagnostics: outcome))
        }
        return results.values.enumerated().map { index, value in
            value ?? FileResult(path: files[index].path, diagnostics: .failure(AnalyzerError(description: "not analysed")))
        }
    }

    static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The module names under which the other files can be imported from `path`'s folder:
    /// `helpers` and `.helpers` for a sibling, `pkg.mod` and `.pkg.mod` below it, `..mod` and the
    /// package's `..` names one folder up.
    static func importNames(for path: String, summaries: [String: ModuleSummary]) -> [String: ModuleSummary] {
        let own = normalized(path)
        let folder = (own as NSString).deletingLastPathComponent
        let parent = (folder as NSString).deletingLastPathComponent
        var result: [String: ModuleSummary] = [:]
        for (other, summary) in summaries where other != own {
            guard other.hasSuffix(".py") else { continue }
            var modulePath = String(other.dropLast(3))
            if modulePath.hasSuffix("/__init__") { modulePath = String(modulePath.dropLast(9)) }
            if modulePath.hasPrefix(folder + "/") {
                let dotted = modulePath.dropFirst(folder.count + 1).replacingOccurrences(of: "/", with: ".")
                result[dotted] = summary
                result["." + dotted] = summary
            } else if modulePath.hasPrefix(parent + "/") {
                let dotted = modulePath.dropFirst(parent.count + 1).replacingOccurrences(of: "/", with: ".")
                result[".." + dotted] = summary
            }
        }
        return result
    }
}

/// A fixed-size array that concurrent workers fill, one slot each.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
