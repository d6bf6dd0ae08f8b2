import Foundation
import Testing

/// Runs CPython 3.12 (`PYENV_VERSION=3.12.1 python3`) for differential tests, and says plainly
/// when it is missing so the test is skipped rather than silently passing.
enum PythonOracle {
    static let fixturesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Whether CPython 3.12 can be started here.
    static let isAvailable: Bool = {
        (try? launch(arguments: ["-c", "import sys; assert sys.version_info[:2] == (3, 12)"]))?.status == 0
    }()

    /// Runs a fixture script with CPython 3.12 and returns its stdout, or nil (with a note in the
    /// test output) when CPython 3.12 is not installed.
    static func run(script: String, arguments: [String]) throws -> String? {
        guard isAvailable else {
            print("SKIPPED: CPython 3.12 not found (PYENV_VERSION=3.12.1 python3); differential check not run")
            return nil
        }
        let path = fixturesDirectory.appendingPathComponent(script).path
        let result = try launch(arguments: [path] + arguments)
        guard result.status == 0 else {
            Issue.record("python3 \(script) failed: \(result.stderr)")
            return nil
        }
        return result.stdout
    }

    private static func launch(arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PYENV_VERSION"] = "3.12.1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
