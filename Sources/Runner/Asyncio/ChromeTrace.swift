// The run's trace in the Trace Event format that Perfetto and chrome://tracing open
// (https://docs.google.com/document/d/1CvAClvFfyA5R-PhYUmn5OOQtYMH4h6I0nSsKchNAySU): one track
// (`tid`) per task, named by `thread_name` metadata; the time a task spends suspended is a
// complete event (`ph: "X"`) named after what it waits on; steps, prints, clock jumps, warnings and
// endings are instant events (`ph: "i"`). Timestamps are virtual microseconds.

public enum ChromeTrace {
    /// The JSON object `{"traceEvents": [...], "displayTimeUnit": "ms"}` for `result.trace`.
    public static func json(_ result: RunResult) -> String {
        var tids: [String: Int] = [:]
        var events: [String] = []
        func tid(_ task: String) -> Int {
            if let t = tids[task] { return t }
            let t = tids.count + 1
            tids[task] = t
            let name = task.isEmpty ? "event loop" : task
            events.append(#"{"ph":"M","pid":1,"tid":\#(t),"name":"thread_name","args":{"name":\#(quote(name))}}"#)
            events.append(#"{"ph":"M","pid":1,"tid":\#(t),"name":"thread_sort_index","args":{"sort_index":\#(t)}}"#)
            return t
        }
        var suspendedSince: [String: (time: Double, detail: String, line: Int?)] = [:]
        for e in result.trace {
            let t = tid(e.task)
            let ts = micros(e.time)
            if e.kind == .resume || e.kind == .cancel || e.kind == .done || e.kind == .error,
               let s = suspendedSince.removeValue(forKey: e.task) {
                events.append(#"{"ph":"X","pid":1,"tid":\#(t),"ts":\#(micros(s.time)),"dur":\#(max(0, ts - micros(s.time))),"name":\#(quote("waits on " + s.detail)),"cat":"wait","args":{"line":\#(s.line.map(String.init) ?? "null")}}"#)
            }
            if e.kind == .suspend { suspendedSince[e.task] = (e.time, e.detail ?? "?", e.line) }
            var name = e.kind.rawValue
            if let d = e.detail { name += ": " + d }
            let args = #"{"seq":\#(e.seq),"line":\#(e.line.map(String.init) ?? "null"),"time":\#(quote(String(e.time)))}"#
            events.append(#"{"ph":"i","s":"t","pid":1,"tid":\#(t),"ts":\#(ts),"name":\#(quote(name)),"cat":\#(quote(e.kind.rawValue)),"args":\#(args)}"#)
        }
        // Tasks still suspended when the run ended (a deadlock, a limit) wait until the end.
        let end = micros(result.virtualTime)
        for (task, s) in suspendedSince.sorted(by: { $0.key < $1.key }) {
            events.append(#"{"ph":"X","pid":1,"tid":\#(tid(task)),"ts":\#(micros(s.time)),"dur":\#(max(0, end - micros(s.time))),"name":\#(quote("waits on " + s.detail)),"cat":"wait","args":{"line":\#(s.line.map(String.init) ?? "null")}}"#)
        }
        return "{\"traceEvents\":[\n" + events.joined(separator: ",\n") + "\n],\"displayTimeUnit\":\"ms\"}"
    }

    /// Virtual seconds as whole microseconds (clamped: never traps on huge or non-finite times).
    static func micros(_ seconds: Double) -> Int64 {
        guard seconds.isFinite else { return 0 }
        let us = (seconds * 1e6).rounded()
        return us >= 9e18 ? Int64(9e18) : us <= -9e18 ? Int64(-9e18) : Int64(us)
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
