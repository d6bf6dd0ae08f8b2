import Analyzer
import Runner

/// `asyncd run [--format text|json] [--timeline] [--trace-format chrome] [--limit NAME=VALUE]
/// FILE|-`: run a snippet in the sandbox.
/// Text: the program's output, then (on stderr) its traceback, limit or warnings; `--timeline`
/// adds the trace as aligned columns; `--trace-format chrome` prints the trace alone as Trace
/// Event JSON (Perfetto, chrome://tracing), the program's output going to stderr. Exit 0 completed, 1 raised or hit a limit, 2 usage (or
/// while the runner is not implemented yet).
enum RunCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var format = OutputFormat.text
        var timeline = false
        var quiet = false
        var chromeTrace = false
        var limits = RunLimits()
        var paths: [String] = []
        var scanner = ArgumentScanner(arguments)
        do {
            while let item = try scanner.next(takesValue: ["--format", "--trace-format", "--limit"]) {
                switch item {
                case .option("--format", let value): format = try OutputFormat.parse(value, command: "asyncd run")
                case .option("--timeline", _): timeline = true
                case .option("--quiet", _), .option("-q", _): quiet = true
                case .option("--limit", let value): try RunLimitOption.apply(value ?? "", to: &limits)
                case .option("--trace-format", let value):
                    guard value == "chrome" else { throw FileAccess.Failure(description: "asyncd run: --trace-format takes 'chrome'") }
                    chromeTrace = true
                case .option("--help", _), .option("-h", _):
                    Output.out(HelpText.run)
                    return 0
                case .option(let name, _): throw FileAccess.Failure(description: "asyncd run: unknown option '\(name)'")
                case .positional(let path): paths.append(path)
                }
            }
        } catch {
            Output.err("\(error)")
            return 2
        }
        guard paths.count == 1, let path = paths.first else {
            Output.err("usage: asyncd run [--format text|json] [--timeline] [--quiet] [--trace-format chrome] [--limit NAME=VALUE] FILE|-")
            return 2
        }
        let source: String
        do {
            source = try FileAccess.readText(path)
        } catch {
            Output.err("asyncd run: \(error.description)")
            return 2
        }
        let result: RunResult
        do {
            result = try SnippetRunner.run(source: source, limits: limits)
        } catch let error as NotImplementedYet {
            Output.err("asyncd: \(error.description)")
            return 2
        } catch {
            Output.err("asyncd run: \(error)")
            return 2
        }
        if chromeTrace {
            // The trace alone on stdout (`> trace.json`, then open it in Perfetto); output on stderr.
            Output.err(result.stdout)
            for line in report(result) { Output.err(line) }
            Output.out(ChromeTrace.json(result))
            return result.outcome == .completed ? 0 : 1
        }
        switch format {
        case .json:
            Output.out(JSONWriter.string(ResultEncoding.runResult(result)))
        case .text:
            Output.write(1, result.stdout)
            for line in report(result) { Output.err(line) }
            // The account goes to stderr, so stdout stays exactly what the program printed.
            if !quiet && !timeline {
                let account = RunAccount.lines(result)
                if !account.isEmpty { Output.err("\n" + account.joined(separator: "\n")) }
            }
            if timeline {
                Output.out(timelineLines(result, color: Output.useColor).joined(separator: "\n"))
                let chart = RunTimeline.chart(result)
                if !chart.isEmpty { Output.out("\n" + chart.joined(separator: "\n")) }
            }
        }
        return result.outcome == .completed ? 0 : 1
    }

    /// What went wrong, in CPython's words where it has them.
    static func report(_ result: RunResult) -> [String] {
        var lines = result.warnings
        if let exception = result.exception {
            lines.append("Traceback (most recent call last):")
            for entry in exception.traceback {
                lines.append("  File \"main.py\", line \(entry.line), in \(entry.function)")
            }
            lines.append(exception.message.isEmpty ? exception.type : "\(exception.type): \(exception.message)")
        }
        if let limit = result.limit {
            lines.append("asyncd: stopped: the \(limit.rawValue) limit was reached after \(result.steps) steps")
        }
        if result.outcome == .deadlock, result.exception == nil {
            lines.append("asyncd: deadlock: every task waits on something nothing can complete")
        }
        return lines
    }

    /// The trace as columns: seq, virtual time, task, kind, line, detail.
    static func timelineLines(_ result: RunResult, color: Bool) -> [String] {
        var rows = [["SEQ", "TIME", "TASK", "KIND", "LINE", "DETAIL"]]
        for event in result.trace {
            rows.append([String(event.seq), formatTime(event.time), event.task, event.kind.rawValue,
                         event.line.map(String.init) ?? "", event.detail ?? ""])
        }
        return Output.table(rows, styles: [.dim, .cyan, .bold, nil, .dim, nil], color: color)
    }

    /// Seconds with three decimals (`1.500`).
    static func formatTime(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return seconds.description }
        let millis = Int((seconds * 1000).rounded())
        let fraction = String(abs(millis) % 1000)
        let sign = millis < 0 ? "-" : ""
        return "\(sign)\(abs(millis) / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
