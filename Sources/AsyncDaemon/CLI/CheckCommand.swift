import Analyzer
import Dispatch
import Synchronization

/// `asyncd check [--format text|json|sarif] [--select CODES] [--ignore CODES] [--fix]
/// [--unsafe-fixes] PATH...`: analyze files and folders (`-` is stdin) together, on all cores,
/// so that coroutine functions imported from sibling modules are known.
/// Exit 0 when clean, 1 when diagnostics remain, 2 for usage or I/O errors.
enum CheckCommand {
    struct CheckedFile {
        var path: String
        var source: String
        var diagnostics: [Diagnostic]
    }

    /// `check` adds `sarif` to the text and json formats every subcommand has.
    enum Format: String { case text, json, sarif }

    struct Options {
        var format = Format.text
        var select: String?
        var ignore: String?
        var fix = false
        var unsafeFixes = false
        var paths: [String] = []
    }

    static func run(_ arguments: [String]) -> Int32 {
        var options = Options()
        var scanner = ArgumentScanner(arguments)
        do {
            while let item = try scanner.next(takesValue: ["--format", "--select", "--ignore"]) {
                switch item {
                case .option("--format", let value):
                    guard let value, let format = Format(rawValue: value) else {
                        throw FileAccess.Failure(description: "asyncd check: --format must be 'text', 'json' or 'sarif'")
                    }
                    options.format = format
                case .option("--select", let value): options.select = value
                case .option("--ignore", let value): options.ignore = value
                case .option("--fix", _): options.fix = true
                case .option("--unsafe-fixes", _): options.unsafeFixes = true
                case .option("--help", _), .option("-h", _):
                    Output.out(HelpText.check)
                    return 0
                case .option(let name, _): throw FileAccess.Failure(description: "asyncd check: unknown option '\(name)'")
                case .positional(let path): options.paths.append(path)
                }
            }
        } catch {
            Output.err("\(error)")
            return 2
        }
        guard !options.paths.isEmpty else {
            Output.err("asyncd check: give at least one file or folder ('-' reads stdin)")
            return 2
        }
        // Validate --select/--ignore once, before reading anything.
        if case .failure(let error) = RuleSelection.parse(select: options.select, ignore: options.ignore) {
            Output.err("asyncd check: \(error.description)")
            return 2
        }

        var (files, ioError) = readFiles(options.paths)
        // Each file's rules: its nearest pyproject.toml `[tool.asyncd]`, refined by the command line.
        let selections = SelectionCache(select: options.select, ignore: options.ignore)
        let selection: @Sendable (String) -> RuleSelection = { selections.selection(forPath: $0) }

        var checked: [CheckedFile] = []
        var fixesApplied = 0
        if options.fix {
            for (file, outcome) in zip(files, Workspace.fix(files, includeUnsafe: options.unsafeFixes, selection: selection)) {
                switch outcome {
                case .success(let fixed):
                    if fixed.applied > 0 {
                        if file.path == "-" {
                            // Like ruff: the fixed text of stdin goes to stdout, the report to stderr.
                            Output.out(fixed.source, terminator: "")
                        } else if !FileAccess.write(fixed.source, to: file.path) {
                            Output.err("asyncd check: \(file.path): cannot write the fixed file")
                            ioError = true
                        }
                    } else if file.path == "-" {
                        Output.out(file.source, terminator: "")
                    }
                    fixesApplied += fixed.applied
                    checked.append(CheckedFile(path: file.path, source: fixed.source, diagnostics: fixed.remaining))
                case .failure(let error):
                    Output.err("asyncd check: \(file.path): \(error.description)")
                    ioError = true
                }
            }
            files = checked.map { Workspace.File(path: $0.path, source: $0.source) }
        } else {
            for (file, result) in zip(files, Workspace.check(files, selection: selection)) {
                switch result.diagnostics {
                case .success(let diagnostics):
                    // Without diagnostics no report reads the text (and a file read as bytes
                    // would have to decode it).
                    let source = diagnostics.isEmpty ? "" : file.source
                    checked.append(CheckedFile(path: file.path, source: source, diagnostics: diagnostics))
                case .failure(let error):
                    Output.err("asyncd check: \(file.path): \(error.description)")
                    ioError = true
                }
            }
        }

        let single = options.paths.count == 1 && !FileAccess.isDirectory(options.paths[0]) && checked.count == 1
        let report = options.fix && options.paths.contains("-") ? Output.err : { Output.out($0) }
        switch options.format {
        case .json:
            if single, let file = checked.first {
                report(JSONWriter.string(ResultEncoding.analyzeResult(file.diagnostics, source: file.source, encoding: .utf16, uri: nil)))
            } else {
                let documents: [JSONValue] = checked.map { file in
                    // Without diagnostics the source is not read: skip building its line table.
                    let source = file.diagnostics.isEmpty ? "" : file.source
                    let result = ResultEncoding.analyzeResult(file.diagnostics, source: source, encoding: .utf16, uri: nil)
                    return .object(["path": .string(file.path), "diagnostics": result["diagnostics"] ?? .array([])])
                }
                report(JSONWriter.string(.object(["files": .array(documents)])))
            }
        case .sarif:
            let sarifFiles = checked.map { DiagnosticReport.FileDiagnostics(path: $0.path, source: $0.source, diagnostics: $0.diagnostics) }
            report(DiagnosticReport.sarif(sarifFiles, toolVersion: AsyncdVersion.string))
        case .text:
            let lines = textLines(checked, color: Output.useColor)
            if !lines.isEmpty { report(lines.joined(separator: "\n")) }
            if options.fix { report("Fixed \(fixesApplied) diagnostic\(fixesApplied == 1 ? "" : "s").") }
            report(summary(checked))
        }
        if ioError { return 2 }
        return checked.contains { !$0.diagnostics.isEmpty } ? 1 : 0
    }

    /// Reads every named file, and the Python files under every named folder; a file that
    /// cannot be read (missing, not UTF-8) gets one error line and the others are still checked.
    static func readFiles(_ paths: [String]) -> (files: [Workspace.File], ioError: Bool) {
        var names: [String] = []
        var ioError = false
        for path in paths {
            if path == "-" {
                names.append("-")
            } else if FileAccess.isDirectory(path) {
                names.append(contentsOf: FileAccess.pythonFiles(under: path))
            } else if FileAccess.exists(path) {
                names.append(path)
            } else {
                Output.err("asyncd check: \(path): no such file or folder")
                ioError = true
            }
        }
        // Read on all cores: a cold cache makes each read wait on the disk.
        let read = ConcurrentSlots<Result<Workspace.File, FileAccess.Failure>>(count: names.count)
        let toRead = names
        DispatchQueue.concurrentPerform(iterations: toRead.count) { index in
            let name = toRead[index]
            if name == "-" { return }  // stdin: read below, on this thread, once
            read.set(index, readFile(name))
        }
        var files: [Workspace.File] = []
        for (index, name) in names.enumerated() {
            switch read.value(index) ?? readFile(name) {
            case .success(let file): files.append(file)
            case .failure(let error):
                Output.err("asyncd check: \(error.description)")
                ioError = true
            }
        }
        return (files, ioError)
    }

    /// A file's bytes, and its text when it is not ASCII (an ASCII file's text is made only when
    /// needed); invalid UTF-8 is an error (CPython refuses such a source too).
    static func readFile(_ name: String) -> Result<Workspace.File, FileAccess.Failure> {
        do {
            let bytes = try FileAccess.readWhole(name)
            if isASCII(bytes) { return .success(Workspace.File(path: name, validUTF8: bytes)) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(FileAccess.Failure(description: "\(name): not valid UTF-8"))
            }
            return .success(Workspace.File(path: name, source: text, bytes: bytes))
        } catch {
            return .failure(error)
        }
    }

    /// Whether every byte is below 0x80 (then the bytes are valid UTF-8), eight at a time.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var index = 0
            var seen: UInt64 = 0
            while index + 8 <= raw.count {
                seen |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < raw.count {
                seen |= UInt64(raw[index])
                index += 1
            }
            return seen & 0x8080_8080_8080_8080 == 0
        }
    }

    /// Each file's rule selection, looked up once per folder: the nearest `pyproject.toml` is the
    /// same for every file of a folder, and walking up to find it costs several system calls.
    final class SelectionCache: Sendable {
        private let select: String?
        private let ignore: String?
        private let byFolder = Mutex<[Substring: RuleSelection]>([:])

        init(select: String?, ignore: String?) {
            self.select = select
            self.ignore = ignore
        }

        func selection(forPath path: String) -> RuleSelection {
            if path == "-" { return compute(nil) }
            let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            if let cached = byFolder.withLock({ $0[folder] }) { return cached }
            let result = (Self.isClean(path) ? selection(forCleanFolder: folder.isEmpty ? "/" : String(folder), level: 0) : nil)
                ?? compute(path)
            byFolder.withLock { $0[folder] = result }
            return result
        }

        /// An absolute path without `.`, `..` or empty components: its folders are its textual
        /// prefixes, as `PyprojectConfig.nearest` (which standardizes the path) walks them.
        static func isClean(_ path: String) -> Bool {
            guard path.hasPrefix("/") else { return false }
            return !path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
                .contains { $0.isEmpty || $0 == "." || $0 == ".." }
        }

        /// The selection for the files of `folder` (clean, see `isClean`): from its own
        /// `pyproject.toml` when it has one, else its parent's, so each folder on the way up is
        /// looked at once for all files below it. Nil when the walk cannot mirror `nearest`
        /// exactly (not a regular file, too deep); the caller then asks `nearest` itself.
        private func selection(forCleanFolder folder: String, level: Int) -> RuleSelection? {
            if let cached = byFolder.withLock({ $0[Substring(folder)] }) { return cached }
            guard level < 60 else { return nil }
            let candidate = (folder == "/" ? "" : folder) + "/pyproject.toml"
            let result: RuleSelection
            switch FileAccess.kind(of: candidate) {
            case .regularFile:
                result = compute(candidate)
            case .other:
                return nil
            case .missing:
                if folder == "/" {
                    result = compute(nil)
                } else {
                    let parent = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
                    guard let inherited = selection(forCleanFolder: parent.isEmpty ? "/" : String(parent), level: level + 1) else { return nil }
                    result = inherited
                }
            }
            byFolder.withLock { $0[Substring(folder)] = result }
            return result
        }

        private func compute(_ path: String?) -> RuleSelection {
            (try? RuleSelection.effective(forPath: path, select: select, ignore: ignore).get()) ?? .all
        }
    }

    /// A fixed-size array that concurrent workers fill, one slot each.
    final class ConcurrentSlots<Value: Sendable>: Sendable {
        private let storage: Mutex<[Value?]>

        init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

        func set(_ index: Int, _ value: sending Value) {
            storage.withLock { $0[index] = value }
        }

        func value(_ index: Int) -> Value? {
            storage.withLock { $0[index] }
        }
    }

    /// `path:line:col: CODE message`, one per diagnostic, the columns aligned across the listing.
    /// Lines are 1-based and columns 1-based in characters, as ruff and CPython print them.
    static func textLines(_ files: [CheckedFile], color: Bool) -> [String] {
        var rows: [[String]] = []
        var severities: [Severity] = []
        // A line table costs a pass over the file: only for files with something to report.
        for file in files where !file.diagnostics.isEmpty {
            let table = LineTable(file.source)
            for diagnostic in file.diagnostics {
                let (line, column) = table.humanPosition(of: diagnostic.range.start)
                rows.append(["\(file.path):\(line):\(column):", diagnostic.code, diagnostic.message])
                severities.append(diagnostic.severity)
            }
        }
        let plain = Output.table(rows, color: false, separator: " ")
        guard color else { return plain }
        // Colour the code by severity, keeping the plain layout's padding.
        return zip(rows, zip(plain, severities)).map { row, pair in
            let (line, severity) = pair
            let style: Output.Style
            switch severity {
            case .error: style = .red
            case .warning: style = .yellow
            case .information: style = .blue
            case .hint: style = .cyan
            }
            let location = row[0]
            let afterLocation = line.dropFirst(location.count)
            let codeStart = afterLocation.firstIndex(where: { $0 != " " }) ?? afterLocation.startIndex
            let padding = afterLocation[..<codeStart]
            let rest = afterLocation[codeStart...].dropFirst(row[1].count)
            return Output.paint(location, .bold, color: true) + padding + Output.paint(row[1], style, color: true) + rest
        }
    }

    static func summary(_ files: [CheckedFile]) -> String {
        let count = files.reduce(0) { $0 + $1.diagnostics.count }
        let withFindings = files.filter { !$0.diagnostics.isEmpty }.count
        let checked = "\(files.count) file\(files.count == 1 ? "" : "s") checked"
        if count == 0 { return "All checks passed (\(checked))." }
        return "Found \(count) diagnostic\(count == 1 ? "" : "s") in \(withFindings) file\(withFindings == 1 ? "" : "s") (\(checked))."
    }
}
