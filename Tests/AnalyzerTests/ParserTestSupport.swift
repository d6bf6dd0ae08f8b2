import Foundation
@testable import Analyzer

/// Shared helpers for the parser tests: fixture paths, CPython 3.12 discovery, and a parse
/// that always runs the range validator.
enum ParserTestSupport {
    /// `Tests/` of this package.
    static let testsDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures/Parser")
    static let packageRoot = testsDirectory.deletingLastPathComponent()

    static func files(_ subdirectory: String, ext: String = "py") -> [URL] {
        let dir = fixtures.appendingPathComponent(subdirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// Parses and validates ranges; returns the result and any range problems.
    static func parse(_ bytes: [UInt8]) -> (ParseResult, [String]) {
        let result = PythonFrontEnd.parse(bytes: bytes)
        return (result, RangeValidator.validate(result.module, source: bytes))
    }

    static func parse(_ text: String) -> (ParseResult, [String]) { parse(Array(text.utf8)) }

    /// Runs `PYENV_VERSION=3.12.1 python3 args...`; nil when it cannot run or is not 3.12.
    @discardableResult
    static func python(_ args: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["PYENV_VERSION=3.12.1", "python3"] + args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Whether CPython 3.12 runs here (the differential tests skip with a message otherwise).
    static let hasPython312: Bool = {
        guard let r = python(["-c", "import sys; print(sys.version_info[:2] == (3, 12))"]) else { return false }
        return r.status == 0 && r.output.hasPrefix("True")
    }()

    /// Dumps `paths` with CPython in one process (bench/parser_cpython_dump.py); returns the
    /// expected text per path ("ERROR <line> <msg>", "SKIP" or the dump).
    static func cpythonDumps(_ paths: [String]) -> [String]? {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("asyncd-parser-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let list = tmp.appendingPathComponent("list")
        guard (try? paths.joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)) != nil else { return nil }
        let script = packageRoot.appendingPathComponent("bench/parser_cpython_dump.py").path
        guard let r = python([script, list.path, tmp.path]), r.status == 0 else { return nil }
        return paths.indices.map { i in
            (try? String(contentsOf: tmp.appendingPathComponent("\(i).txt"), encoding: .utf8)) ?? "SKIP"
        }
    }

    /// The 3.12 standard library's `.py` files, sorted (empty without CPython 3.12).
    static func stdlibFiles() -> [String] {
        guard hasPython312,
              let r = python(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"]), r.status == 0 else { return [] }
        let root = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let e = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let rel = e.nextObject() as? String {
            if rel.hasSuffix(".py") { files.append(root + "/" + rel) }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
