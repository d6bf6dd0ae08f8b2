import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Checks several files together, so that a coroutine function imported from a sibling module
/// (`from helpers import fetch`, `from .helpers import fetch`, `import helpers; helpers.fetch()`)
/// is known as one. Files are parsed and checked in parallel on all cores.
public enum Workspace {
    public struct File: Sendable {
        public var path: String
        /// The text. A file given as bytes only (`init(path:validUTF8:)`) decodes it on each
        /// access: `Workspace.check` asks for it only for the files the rules analyse or that
        /// have findings, so most files of a tree never become a `String`.
        public var source: String {
            get { text ?? String(decoding: bytes ?? [], as: UTF8.self) }
            set {
                text = newValue
                bytes = nil
            }
        }
        private var text: String?
        /// The source's UTF-8 bytes when the caller already has them (`asyncd check` reads
        /// bytes), so that the parser needs no second copy of the text.
        var bytes: [UInt8]?

        public init(path: String, source: String) {
            self.path = path
            self.text = source
        }

        /// `bytes` must be the UTF-8 encoding of `source`.
        public init(path: String, source: String, bytes: [UInt8]) {
            self.path = path
            self.text = source
            self.bytes = bytes
        }

        /// A file known by its bytes alone, which must be valid UTF-8.
        public init(path: String, validUTF8 bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }

        var utf8Count: Int { bytes?.count ?? text?.utf8.count ?? 0 }

        func withBytes<T>(_ body: ([UInt8]) -> T) -> T {
            if let bytes { return body(bytes) }
            return body(Array(source.utf8))
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

    /// The modules of a workspace by folder, each folder's modules by name (the first file of a
    /// name wins, as imports resolve), with only the summaries that offer something.
    struct Folders: Sendable {
        var byFolder: [String: [String: ModuleSummary]] = [:]
        /// Whether any module offers a function; when none does, no import can resolve to one
        /// and the walk over each tree's imports is skipped.
        var offersAny = false
        /// The names of the modules that offer something: an import whose last part is not one
        /// of them resolves to nothing, whatever its folder.
        var offeringNames: Set<String> = []

        init() {}

        init(_ modules: [(folder: String, module: String, summary: ModuleSummary)]) {
            for entry in modules {
                if byFolder[entry.folder]?[entry.module] != nil { continue }
                byFolder[entry.folder, default: [:]][entry.module] = entry.summary
                if !entry.summary.isEmpty {
                    offersAny = true
                    offeringNames.insert(entry.module)
                }
            }
        }

        /// The summary of `name` in `folder`; nil for an empty one, which resolves nothing
        /// (lookups only ask which functions a summary lists), so leaving it out changes no result.
        func summary(_ folder: String, _ name: String) -> ModuleSummary? {
            guard let summary = byFolder[folder]?[name], !summary.isEmpty else { return nil }
            return summary
        }
    }

    /// Checks `files`; results come back in the order of `files`. `selection` gives each file's
    /// rule selection (for example from its nearest `pyproject.toml` and the command line).
    public static func check(_ files: [File], selection: @Sendable (String) -> RuleSelection = { _ in .all }) -> [FileResult] {
        // Pass 1: what each module offers its siblings, from a byte scan, so that no syntax
        // tree has to be kept while the others are parsed (memory stays per file).
        let locations = files.map { split(normalized($0.path)) }
        let summaries = ConcurrentResults<ModuleSummary>(count: files.count)
        // With the bytes at hand, the async-code gate's word scan too (nil: `Linter` scans).
        let asyncWords = ConcurrentResults<Bool>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let summary = files[index].bytes.map(scanSummary) ?? ModuleSummary.scan(files[index].source)
            summaries.set(index, summary)
            if let bytes = files[index].bytes { asyncWords.set(index, hasAsyncWords(bytes)) }
        }
        let scanned = summaries.values
        let asyncWordFlags = asyncWords.values
        let folders = Folders(locations.indices.map { (locations[$0].folder, locations[$0].module, scanned[$0] ?? ModuleSummary()) })
        // Pass 2: parse and check each file on all cores, the biggest first, so that no core is
        // left with one large file at the end while the other idles.
        let order = files.indices.sorted { files[$0].utf8Count > files[$1].utf8Count }
        let results = ConcurrentResults<FileResult>(count: files.count)
        // On threads with large stacks: the parser and the rules then never need a thread of
        // their own for a file (`LargeStack.run` used to start one per analysed file).
        concurrentPerformOnLargeStacks(iterations: files.count) { position in
            let index = order[position]
            let file = files[index]
            let parsed = file.withBytes { PythonFrontEnd.parse(bytes: $0) }
            let imported = folders.offersAny ? importNames(location: locations[index], module: parsed.module, folders: folders,
                                                           nestedImportOffsets: parsed.nestedImportOffsets) : [:]
            var context: RuleContext?
            let diagnostics = Linter.check(parsed: parsed, source: file.source, path: file.path,
                                           selection: selection(file.path), importedModules: imported,
                                           gated: true, hasAsyncWords: asyncWordFlags[index], keepAlive: &context)
            results.set(index, FileResult(path: file.path, diagnostics: .success(diagnostics)))
        }
        return results.values.enumerated().map { index, value in
            value ?? FileResult(path: files[index].path, diagnostics: .failure(AnalyzerError(description: "not analysed")))
        }
    }

    /// `asyncd check --fix` over a workspace: each file fixed until stable (see `Linter.fix`),
    /// with sibling modules' coroutine functions known; results in the order of `files`.
    public static func fix(_ files: [File], includeUnsafe: Bool = false,
                           selection: @Sendable (String) -> RuleSelection = { _ in .all }) -> [Result<Linter.FixResult, AnalyzerError>] {
        let locations = files.map { split(normalized($0.path)) }
        let folders = Folders(files.indices.map { (locations[$0].folder, locations[$0].module, ModuleSummary.scan(files[$0].source)) })
        let results = ConcurrentResults<Result<Linter.FixResult, AnalyzerError>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            do {
                let parsed = file.withBytes { PythonFrontEnd.parse(bytes: $0) }
                let imported = importNames(location: locations[index], module: parsed.module, folders: folders)
                let fixed = try Linter.fix(source: file.source, path: file.path, selection: selection(file.path),
                                           includeUnsafe: includeUnsafe, importedModules: imported)
                results.set(index, .success(fixed))
            } catch {
                results.set(index, .failure(AnalyzerError(description: "\(error)")))
            }
        }
        return results.values.map { $0 ?? .failure(AnalyzerError(description: "not analysed")) }
    }

    static func normalized(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `("/a/b", "mod")` for `/a/b/mod.py`, `("/a", "b")` for the package `/a/b/__init__.py`.
    static func split(_ path: String) -> (folder: String, module: String) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var module = parts.popLast() ?? ""
        if module.hasSuffix(".py") { module = String(module.dropLast(3)) }
        if module == "__init__", let package = parts.popLast() { module = package }
        return (parts.joined(separator: "/"), module)
    }

    /// The summaries of the modules that `module` (the file at `location`, see `split`)
    /// imports, keyed as the import spells them: `helpers` and `.helpers` for a sibling,
    /// `pkg.mod` and `.pkg.mod` one package below, `..mod` one folder up.
    /// `nestedImportOffsets` (`ParseResult.nestedImportOffsets`) lets the walk skip every
    /// compound statement that holds no import.
    static func importNames(location: (folder: String, module: String), module: Module, folders: Folders,
                            nestedImportOffsets: [Int32]? = nil) -> [String: ModuleSummary] {
        let (folder, ownModule) = location
        var result: [String: ModuleSummary] = [:]
        var keys: [String] = []
        // Only the names whose last module offers something: no other can resolve.
        collectImportedModuleNames(module.body, depth: 0, nestedImports: nestedImportOffsets,
                                   offering: folders.offeringNames, into: &keys)
        for key in keys where result[key] == nil {
            var dots = 0
            for character in key { if character == "." { dots += 1 } else { break } }
            let parts = key.dropFirst(dots).split(separator: ".").map(String.init)
            guard let last = parts.last, dots <= 2 else { continue }
            var base = folder
            if dots == 2 { base = split(folder + ".py").folder }
            let subfolder = ([base] + parts.dropLast()).joined(separator: "/")
            if parts.count == 1 && dots <= 1 && base == folder && last == ownModule { continue }
            if let summary = folders.summary(subfolder, last) { result[key] = summary }
        }
        return result
    }

    /// Every module named by an `import` or `from ... import` anywhere in the file (with its dots).
    static func importedModuleNames(_ body: [Stmt], depth: Int) -> [String] {
        var names: [String] = []
        collectImportedModuleNames(body, depth: depth, into: &names)
        return names
    }

    /// The walk behind `importedModuleNames`, into one array: the nested statement lists are those
    /// of `ASTChildren.blocks` and `ASTChildren.scopeBody`, to the same depth, without building
    /// an array of blocks per statement.
    ///
    /// With `offering`, only the names whose last part (the module named last) is in it, and
    /// without building the other names' strings: the walk over every file's imports is then
    /// little more than a look at each imported name.
    ///
    /// With `nestedImports` (ascending start offsets of every import below the module body, or
    /// more), a compound statement whose range holds none of them is not entered.
    static func collectImportedModuleNames(_ body: [Stmt], depth: Int, nestedImports: [Int32]? = nil,
                                           offering: Set<String>? = nil, into names: inout [String]) {
        guard depth < ASTChildren.maxDepth else { return }
        /// Whether an offset of `nestedImports` lies in `range` (binary search).
        func mayHoldImports(_ range: SourceRange) -> Bool {
            guard let offsets = nestedImports else { return true }
            var low = 0, high = offsets.count
            while low < high {
                let mid = (low + high) / 2
                if Int(offsets[mid]) < range.start.offset { low = mid + 1 } else { high = mid }
            }
            return low < offsets.count && Int(offsets[low]) < range.end.offset
        }
        func offers(_ name: Substring) -> Bool {
            guard let offering else { return true }
            let last = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { name[name.utf8.index(after: $0)...] } ?? name
            return offering.contains(String(last))
        }
        for stmt in body {
            switch stmt.kind {
            case .import, .importFrom: break
            default: if !mayHoldImports(stmt.range) { continue }
            }
            switch stmt.kind {
            case .import(let aliases):
                for alias in aliases where offers(alias.name[...]) { names.append(alias.name) }
            case .importFrom(let module, let aliases, let level):
                let moduleName = module ?? ""
                // `from . import x` names the module ".", whose last part "" offers nothing.
                if offers(level > 0 && moduleName.isEmpty ? "" : moduleName[...]) {
                    names.append(String(repeating: ".", count: level) + moduleName)
                }
                // `from . import helpers`, `from pkg import mod`: the imported names may be modules.
                for alias in aliases where alias.name != "*" && offers(alias.name[...]) {
                    let base = String(repeating: ".", count: level) + moduleName
                    names.append(level > 0 && moduleName.isEmpty ? base + alias.name : base + "." + alias.name)
                }
            case .for(_, _, _, let body, let orelse, _), .while(_, let body, let orelse), .if(_, let body, let orelse):
                collectImportedModuleNames(body, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
                collectImportedModuleNames(orelse, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
            case .with(_, _, let body, _):
                collectImportedModuleNames(body, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
            case .match(_, let cases):
                for matchCase in cases { collectImportedModuleNames(matchCase.body, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names) }
            case .try(_, let body, let handlers, let orelse, let finalbody):
                collectImportedModuleNames(body, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
                for handler in handlers { collectImportedModuleNames(handler.body, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names) }
                collectImportedModuleNames(orelse, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
                collectImportedModuleNames(finalbody, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
            case .functionDef(let def):
                collectImportedModuleNames(def.body, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
            case .classDef(let cls):
                collectImportedModuleNames(cls.body, depth: depth + 1, nestedImports: nestedImports, offering: offering, into: &names)
            default:
                break
            }
        }
    }
}

extension Workspace {
    /// `DispatchQueue.concurrentPerform` on one thread per core, each with a `LargeStack.size`
    /// stack, taking iterations in order from a shared counter. The calling thread waits.
    static func concurrentPerformOnLargeStacks(iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 0 else { return }
        let workers = min(iterations, max(1, ProcessInfo.processInfo.activeProcessorCount))
        withoutActuallyEscaping(body) { body in
            let shared = SharedWork(iterations: iterations, body: body)
            let finished = DispatchGroup()
            for _ in 1..<workers {
                finished.enter()
                let started = LargeStack.startDetached {
                    shared.run()
                    finished.leave()
                }
                if !started { finished.leave() }
            }
            // One share on a large stack too (or here, if no thread can be had); the counter
            // hands every iteration out once, whichever threads started.
            LargeStack.onNewThread(stackSize: LargeStack.size) { shared.run() }
            finished.wait()
            // The threads may still hold `shared` for a moment: drop the non-escaping body now.
            shared.body = nil
        }
    }

    /// The iterations of `concurrentPerformOnLargeStacks` and the counter that hands them out.
    private final class SharedWork: @unchecked Sendable {
        private let next = Atomic<Int>(0)
        private let iterations: Int
        /// Set to nil once every worker is done (it must not outlive the caller's closure).
        var body: ((Int) -> Void)?

        init(iterations: Int, body: @escaping (Int) -> Void) {
            self.iterations = iterations
            self.body = body
        }

        func run() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < iterations, let body else { return }
                body(index)
            }
        }
    }
}

/// A fixed-size array that concurrent workers fill, one slot each.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = Mutex(())

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.withLock { _ in storage[index] = value }
    }

    var values: [Value?] {
        lock.withLock { _ in storage }
    }
}
