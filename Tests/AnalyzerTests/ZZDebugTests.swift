import Foundation
import Testing
@testable import Analyzer

@Suite struct ZZDebugTests {
    @Test func dump() throws {
        for name in ["AIO201.py", "AIO202.py", "AIO301.py", "AIO401.py", "AIO203.py"] {
            let source = try Harness.fixture(name)
            guard let diagnostics = try Harness.check(source, path: name) else { return }
            for d in diagnostics {
                print("DBG \(name):\(d.range.start.line):\(d.range.start.column): \(d.code) \(d.message) fix=\(d.fix.map { "\($0.title) safe=\($0.isSafe) \($0.edits.map { "\($0.range.start.offset)-\($0.range.end.offset):\($0.newText)" })" } ?? "-")")
            }
        }
    }
}
