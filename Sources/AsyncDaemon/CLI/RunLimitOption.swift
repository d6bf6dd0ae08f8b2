import Runner

/// `asyncd run --limit NAME=VALUE`: the command-line form of `async/run`'s `limits`, so a long
/// benchmark can lift them (`--limit steps=1000000000 --limit wall=30s`). The runner clamps
/// values to its hard ceilings; this only parses, and says plainly what it could not read.
enum RunLimitOption {
    static func apply(_ text: String, to limits: inout RunLimits) throws(FileAccess.Failure) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw FileAccess.Failure(description: "asyncd run: --limit takes NAME=VALUE (steps, wall, memory, output, virtual), got '\(text)'")
        }
        let (name, value) = (parts[0], parts[1].lowercased())
        switch name {
        case "steps":
            limits.steps = try whole(value, name: name)
        case "wall":
            limits.wallMilliseconds = Int(try seconds(value, name: name) * 1000)
        case "virtual", "virtualSeconds":
            limits.virtualSeconds = try seconds(value, name: name)
        case "memory":
            limits.memoryBytes = try bytes(value, name: name)
        case "output":
            limits.outputBytes = try bytes(value, name: name)
        default:
            throw FileAccess.Failure(description: "asyncd run: unknown limit '\(name)' (steps, wall, memory, output, virtual)")
        }
    }

    private static func whole(_ value: String, name: String) throws(FileAccess.Failure) -> Int {
        guard let number = Int(value.filter { $0 != "_" }), number > 0 else {
            throw FileAccess.Failure(description: "asyncd run: --limit \(name) needs a positive whole number, got '\(value)'")
        }
        return number
    }

    /// `30s`, `1500ms` or a bare number of seconds.
    private static func seconds(_ value: String, name: String) throws(FileAccess.Failure) -> Double {
        var text = value, scale = 1.0
        if text.hasSuffix("ms") { text.removeLast(2); scale = 0.001 } else if text.hasSuffix("s") { text.removeLast() }
        guard let number = Double(text), number.isFinite, number > 0, number * scale < 1e12 else {
            throw FileAccess.Failure(description: "asyncd run: --limit \(name) needs a positive time such as 30s or 1500ms, got '\(value)'")
        }
        return number * scale
    }

    /// `512mib`, `64kib`, `1gib` (also `kb`/`mb`/`gb`, read as binary units) or bytes.
    private static func bytes(_ value: String, name: String) throws(FileAccess.Failure) -> Int {
        let units: [(String, Int)] = [("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1 << 10), ("mb", 1 << 20), ("gb", 1 << 30), ("b", 1)]
        var text = value, scale = 1
        if let unit = units.first(where: { value.hasSuffix($0.0) }) {
            text.removeLast(unit.0.count)
            scale = unit.1
        }
        guard let number = Int(text), number > 0, number <= Int.max / scale else {
            throw FileAccess.Failure(description: "asyncd run: --limit \(name) needs a positive size such as 512MiB, got '\(value)'")
        }
        return number * scale
    }
}
