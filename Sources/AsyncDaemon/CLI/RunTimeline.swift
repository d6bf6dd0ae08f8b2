import Runner

/// `asyncd run --timeline`: a chart of every task over virtual time, one row per task, that fits
/// an 80-column terminal:
///
///     Task-1 main()   █···························█✓
///     Task-2 greet()  █·············█✓
///                     0 s                     1.000 s
///
/// `█` marks a step of the task (it ran at that moment; with virtual time, steps take no time
/// unless a blocking `time.sleep` holds the loop), `·` time spent suspended, waiting on
/// something, and the last mark how it ended: `✓` done, `✗` raised, `⊘` cancelled.
enum RunTimeline {
    /// The chart's rows; empty when the run created no task.
    static func chart(_ result: RunResult, width: Int = 80) -> [String] {
        var order: [String] = []
        var label: [String: String] = [:]
        for event in result.trace where !event.task.isEmpty && label[event.task] == nil {
            order.append(event.task)
            label[event.task] = event.kind == .create ? "\(event.task) \(event.detail ?? "")" : event.task
        }
        guard !order.isEmpty else { return [] }

        let end = max(result.virtualTime, result.trace.last?.time ?? 0)
        let labelWidth = min(24, (order.compactMap { label[$0]?.count }.max() ?? 0) + 2)
        let columns = max(10, width - labelWidth - 1)
        func column(_ time: Double) -> Int {
            guard end > 0, time.isFinite else { return 0 }
            return max(0, min(columns - 1, Int((time / end * Double(columns - 1)).rounded())))
        }

        var rows: [String] = []
        for task in order {
            var cells = [Character](repeating: " ", count: columns)
            var waitingSince: Int?
            for event in result.trace where event.task == task {
                let at = column(event.time)
                switch event.kind {
                case .start, .resume, .print:
                    if let since = waitingSince { fill(&cells, from: since, to: at, with: "·") }
                    waitingSince = nil
                    cells[at] = "█"
                case .suspend:
                    cells[at] = "█"
                    waitingSince = at
                case .done, .error, .cancel:
                    if let since = waitingSince { fill(&cells, from: since, to: at, with: "·") }
                    waitingSince = nil
                    let mark: Character = event.kind == .done ? "✓" : (event.kind == .error ? "✗" : "⊘")
                    // The end mark goes right after the last step, or on it at the right edge.
                    cells[min(columns - 1, at + (cells[at] == "█" ? 1 : 0))] = mark
                default:
                    break
                }
            }
            // Still waiting when the run ended (deadlock, limit): waiting to the end.
            if let since = waitingSince { fill(&cells, from: since, to: columns, with: "·") }
            let name = String((label[task] ?? task).prefix(labelWidth - 1))
            rows.append(name + String(repeating: " ", count: max(0, labelWidth - name.utf16.count)) + String(cells).trimmingTrailingSpaces)
        }
        rows.append(axis(end: end, labelWidth: labelWidth, columns: columns))
        return rows
    }

    /// Marks `[from, to)` with `mark`, keeping the steps already drawn.
    private static func fill(_ cells: inout [Character], from: Int, to: Int, with mark: Character) {
        guard from + 1 < to else { return }
        for index in (from + 1)..<min(to, cells.count) where cells[index] == " " {
            cells[index] = mark
        }
    }

    /// `0 s` under the first column, the end time under the last.
    private static func axis(end: Double, labelWidth: Int, columns: Int) -> String {
        let left = "0 s"
        let right = "\(RunCommand.formatTime(end)) s"
        let gap = max(1, columns - left.count - right.count)
        return String(repeating: " ", count: labelWidth) + left + String(repeating: " ", count: gap) + right
    }
}
