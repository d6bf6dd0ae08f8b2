import Runner

/// The step-by-step account `asyncd run` prints after a program's output, in the manner of the
/// seed document's "What happens step by step": one sentence per trace event, with the virtual
/// time and the source line.
///
///     What happened, step by step (virtual time):
///       0.000 s  Task-1 main() is created (line 13)
///       0.000 s  Task-1 waits on sleep(0.1) (line 4)
///       0.100 s  the clock moves to 0.100 s: the loop waits for its next timer
///       0.100 s  Task-1 resumes (line 4)
///       0.100 s  Task-1 prints: Hello, Alice!
///       0.100 s  Task-1 finishes, returning None
enum RunAccount {
    /// Long runs are cut here; `--timeline` and `--format json` give every event.
    static let maxSteps = 200

    static func lines(_ result: RunResult) -> [String] {
        guard !result.trace.isEmpty else { return [] }
        var names: [String: String] = [:]
        for event in result.trace where event.kind == .create && !event.task.isEmpty {
            names[event.task] = "\(event.task) \(event.detail ?? "")".trimmingTrailingSpaces
        }
        var lines = ["What happened, step by step (virtual time):"]
        for event in result.trace.prefix(maxSteps) {
            lines.append("  \(RunCommand.formatTime(event.time)) s  \(sentence(event, names: names))")
        }
        if result.trace.count > maxSteps {
            lines.append("  … \(result.trace.count - maxSteps) more steps (see --timeline or --format json)")
        }
        return lines
    }

    static func sentence(_ event: TraceEvent, names: [String: String]) -> String {
        let who = event.task.isEmpty ? "the module" : event.task
        let line = event.line.map { " (line \($0))" } ?? ""
        let detail = event.detail ?? ""
        switch event.kind {
        case .create: return "\(names[event.task] ?? who) is created\(line)"
        case .start: return "\(who) starts\(line)"
        case .suspend: return "\(who) waits on \(detail.isEmpty ? "something" : detail)\(line)"
        case .resume: return "\(who) resumes\(line)"
        case .print: return "\(who) prints: \(shortened(detail))"
        case .done: return "\(who) finishes, returning \(detail.isEmpty ? "None" : detail)"
        case .error: return "\(who) fails: \(detail)\(line)"
        case .cancel: return "\(who) is cancelled\(detail.isEmpty ? "" : ": \(detail)")\(line)"
        case .clock: return "the clock moves to \(RunCommand.formatTime(event.time)) s\(detail.isEmpty ? "" : ": \(detail)")\(line)"
        case .warning: return "warning: \(detail)\(line)"
        }
    }

    /// A printed line, kept short: the account is about order, the output is above it.
    private static func shortened(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
