import Foundation
import Testing
@testable import Analyzer
@testable import AsyncDaemon

/// `asyncd check` looks up each folder's `pyproject.toml` once and walks up folder by folder;
/// for every file that must give what `RuleSelection.effective(forPath:)` (which walks up from
/// each file with `PyprojectConfig.nearest`) gives, in clean and in unclean paths.
@Suite struct CheckSelectionCacheTests {
    @Test func cachedWalkEqualsNearestPyproject() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("asyncd-selection-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = ["a", "a/b", "a/b/c", "a/b/c/d", "a/e", "a/e/f", "g", "g/h", "weird", "weird/pyproject.toml"]
        for folder in folders {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try "[tool.asyncd]\nignore = [\"AIO302\"]\n".write(to: root.appendingPathComponent("a/pyproject.toml"), atomically: true, encoding: .utf8)
        try "[tool.asyncd]\nselect = [\"AIO2\"]\n".write(to: root.appendingPathComponent("a/b/c/pyproject.toml"), atomically: true, encoding: .utf8)
        try "[project]\nname = \"x\"\n".write(to: root.appendingPathComponent("g/pyproject.toml"), atomically: true, encoding: .utf8)
        var paths: [String] = []
        for folder in folders where folder != "weird/pyproject.toml" {
            let file = root.appendingPathComponent(folder).appendingPathComponent("m.py").path
            try "x = 1\n".write(toFile: file, atomically: true, encoding: .utf8)
            paths.append(file)
        }
        paths.append(root.path + "/a/b/../e/m.py")
        paths.append(root.path + "/a/./b/c/m.py")
        paths.append(root.path + "//g/h/m.py")
        for (select, ignore) in [(nil, nil), ("AIO3", nil), (nil, "AIO201")] as [(String?, String?)] {
            let cache = CheckCommand.SelectionCache(select: select, ignore: ignore)
            // Twice over, so that the second round reads what the first stored.
            for path in paths + paths {
                let expected = try RuleSelection.effective(forPath: path, select: select, ignore: ignore).get()
                #expect(cache.selection(forPath: path) == expected, "\(path) select \(select ?? "-") ignore \(ignore ?? "-")")
            }
        }
    }
}
