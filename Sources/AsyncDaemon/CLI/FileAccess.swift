#if canImport(Glibc)
import Glibc
#endif

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

    /// All of a regular file's bytes in one read of its size (no 64 KiB chunk to zero and copy
    /// per file: `asyncd check` reads thousands); anything else goes through `read`.
    static func readWhole(_ path: String) throws(Failure) -> [UInt8] {
        if path == "-" { return try read(path) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(description: "\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return try read(path) }
        let size = Int(info.st_size)
        var failed: Int32 = 0
        // One byte more than the size: filling it means the file grew, and `read` takes over.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while count < buffer.count {
                let n = Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
                if n == 0 { break }
                if n < 0 {
                    if errno == EINTR { continue }
                    failed = errno
                    break
                }
                count += n
            }
        }
        if failed != 0 { throw Failure(description: "\(path): \(String(cString: strerror(failed)))") }
        if bytes.count > size { return try read(path) }
        return bytes
    }

    enum Kind { case missing, regularFile, other }

    /// Whether `path` names nothing, a regular file, or something else.
    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFREG ? .regularFile : .other
    }

    /// A file's text; invalid UTF-8 is an error (CPython refuses such a source too).
    static func readText(_ path: String) throws(Failure) -> String {
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(description: "\(path): not valid UTF-8")
        }
        return text
    }

    /// Replaces the file's contents (for `check --fix`); false when it cannot be written.
    static func write(_ text: String, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_TRUNC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return Output.write(fd, text)
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
