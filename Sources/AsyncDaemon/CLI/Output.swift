#if canImport(Glibc)
import Glibc
#endif

/// Terminal output for the subcommands: whole lines to stdout/stderr, aligned columns, and
/// colour only when stdout is a terminal and `NO_COLOR` is unset (https://no-color.org).
enum Output {
    static func out(_ text: String) { write(1, text + "\n") }
    static func err(_ text: String) { write(2, text + "\n") }

    static func write(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
        bytes.removeAll()
    }

    /// Whether to colour stdout, decided once.
    static let useColor: Bool = {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(1) == 1
    }()

    enum Style: String {
        case bold = "1", dim = "2", red = "31", yellow = "33", blue = "34", cyan = "36", green = "32", magenta = "35"
    }

    static func paint(_ text: String, _ style: Style, color: Bool = useColor) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Lays out rows in columns padded to the widest cell (counted in characters); `styles`
    /// colours whole cells after padding so escape codes never upset the alignment.
    static func table(_ rows: [[String]], styles: [Style?] = [], color: Bool = useColor, separator: String = "  ") -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                let last = i == row.count - 1
                let padded = last ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
                let style = i < styles.count ? styles[i] : nil
                line += (style.map { paint(padded, $0, color: color) } ?? padded)
                if !last { line += separator }
            }
            // No trailing blanks when the last cells are empty.
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

/// Reading the files and folders the subcommands are given, without Foundation.
enum FileAccess {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// All of a file's bytes (`-` reads stdin).
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(description: "\(path): \(String(cString: strerror(errno)))") }
        defer { if descriptor != 0 { close(descriptor) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "\(path): \(String(cString: strerror(errno)))")
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// A file's text; invalid UTF-8 is an error (CPython refuses such a source too).
    static func readText(_ path: String) throws(Failure) -> String {
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(description: "\(path): not valid UTF-8")
        }
        return text
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The `.py`/`.pyi` files under `directory`, sorted, skipping hidden folders (`.git`,
    /// `.venv`), `__pycache__`, `node_modules` and virtualenvs (folders holding `pyvenv.cfg`).
    static func pythonFiles(under directory: String) -> [String] {
        var found: [String] = []
        var pending = [directory]
        var visited = 0
        while let current = pending.popLast(), visited < 100_000 {
            visited += 1
            guard let dir = opendir(current) else { continue }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                names.append(name)
            }
            closedir(dir)
            let base = current.hasSuffix("/") ? current : current + "/"
            var subdirectories: [String] = []
            for name in names.sorted() {
                let path = base + name
                if isDirectory(path) {
                    if name.hasPrefix(".") || name == "__pycache__" || name == "node_modules" { continue }
                    if exists(path + "/pyvenv.cfg") { continue }
                    subdirectories.append(path)
                } else if name.hasSuffix(".py") || name.hasSuffix(".pyi") {
                    found.append(path)
                }
            }
            pending.append(contentsOf: subdirectories.reversed())
        }
        return found.sorted()
    }
}

/// Small shared option parsing: `--format text|json` (or `--format=json`), flags, and `--`
/// after which everything is positional.
struct ArgumentScanner {
    var arguments: [String]
    var index = 0
    var onlyPositional = false

    init(_ arguments: [String]) { self.arguments = arguments }

    enum Item: Equatable { case option(String, String?), positional(String) }

    /// Next item; options that take a value get it from `=value` or the next argument.
    mutating func next(takesValue: Set<String>) throws(FileAccess.Failure) -> Item? {
        guard index < arguments.count else { return nil }
        let argument = arguments[index]
        index += 1
        if onlyPositional { return .positional(argument) }
        if argument == "--" {
            onlyPositional = true
            return try next(takesValue: takesValue)
        }
        guard argument.hasPrefix("-"), argument != "-" else { return .positional(argument) }
        if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
            return .option(String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
        }
        if takesValue.contains(argument) {
            guard index < arguments.count else { throw FileAccess.Failure(description: "option \(argument) needs a value") }
            index += 1
            return .option(argument, arguments[index - 1])
        }
        return .option(argument, nil)
    }
}

enum OutputFormat: String { case text, json }

extension OutputFormat {
    static func parse(_ value: String?, command: String) throws(FileAccess.Failure) -> OutputFormat {
        guard let value, let format = OutputFormat(rawValue: value) else {
            throw FileAccess.Failure(description: "\(command): --format must be 'text' or 'json'")
        }
        return format
    }
}
