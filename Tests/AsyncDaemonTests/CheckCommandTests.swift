import Foundation
import Testing
@testable import AsyncDaemon

/// `asyncd check` options end to end: --select/--ignore with pyproject.toml, --fix writing files
/// back (and stdin to stdout), --format sarif, and sibling-module coroutine functions.
/// Project fixture: Tests/Fixtures/Check/project (pyproject ignores AIO302).
@Suite struct CheckCommandTests {
    private var plain: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return environment
    }

    /// A scratch copy of the fixture project, so --fix can write to it.
    private func scratchProject() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("asyncd-check-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.fixture("Check/project"), to: target)
        return target
    }

    private func codes(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            line.split(separator: " ").dropFirst().first.map(String.init)
        }.filter { $0.hasPrefix("AIO") }
    }

    @Test func siblingCoroutineAndPyprojectSelection() throws {
        guard TestPaths.binaryAvailable else { return }
        let project = try scratchProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryRun.run(["check", project.appendingPathComponent("pkg").path], environment: plain)
        #expect(run.status == 1)
        // fetch comes from the sibling module; AIO302 is ignored by pyproject.toml.
        #expect(codes(run.stdoutText).sorted() == ["AIO201", "AIO401"])

        let selected = try BinaryRun.run(["check", "--select", "AIO4", project.appendingPathComponent("pkg").path], environment: plain)
        #expect(codes(selected.stdoutText) == ["AIO401"])
        let ignored = try BinaryRun.run(["check", "--ignore", "AIO2,AIO4", project.appendingPathComponent("pkg").path], environment: plain)
        #expect(ignored.status == 0)
        #expect(codes(ignored.stdoutText).isEmpty)
    }

    @Test func unknownRuleCodeIsAUsageError() throws {
        guard TestPaths.binaryAvailable else { return }
        let run = try BinaryRun.run(["check", "--select", "NOPE1", "x.py"], environment: plain)
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown rule code or prefix 'NOPE1'"))
    }

    @Test func fixWritesSafeFixesBackAndReportsTheRest() throws {
        guard TestPaths.binaryAvailable else { return }
        let project = try scratchProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let main = project.appendingPathComponent("pkg/main.py")
        let run = try BinaryRun.run(["check", "--fix", project.appendingPathComponent("pkg").path], environment: plain)
        let fixed = try String(contentsOf: main, encoding: .utf8)
        #expect(fixed.contains("    await fetch(1)\n"))
        #expect(fixed.contains("    await asyncio.sleep(0.5)\n"))
        #expect(run.stdoutText.contains("Fixed 2 diagnostics."))
        #expect(run.status == 0, "\(run.stdoutText)")
    }

    @Test func fixOnStdinPrintsTheFixedText() throws {
        guard TestPaths.binaryAvailable else { return }
        let source = "import asyncio\nimport time\n\n\nasync def f():\n    time.sleep(1)\n"
        let run = try BinaryRun.run(["check", "--fix", "-"], input: Array(source.utf8), environment: plain)
        #expect(run.stdoutText == source.replacingOccurrences(of: "time.sleep(1)", with: "await asyncio.sleep(1)"))
        #expect(run.stderr.contains("Fixed 1 diagnostic."))
    }

    @Test func sarifLogNamesEveryFinding() throws {
        guard TestPaths.binaryAvailable else { return }
        let project = try scratchProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try BinaryRun.run(["check", "--format", "sarif", project.appendingPathComponent("pkg").path], environment: plain)
        #expect(run.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let runs = log?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]] ?? []
        #expect(results.compactMap { $0["ruleId"] as? String }.sorted() == ["AIO201", "AIO401"])
    }
}
