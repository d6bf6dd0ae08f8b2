#if canImport(Glibc)
import Glibc
#endif

/// Terminal output for the subcommands: whole lines to stdout/stderr, aligned columns, and
/// colour only when stdout is a terminal and `NO_COLOR` is unset (https://no-color.org).
enum Output {
    static func out(_ text: String, terminator: String = "\n") { write(1, text + terminator) }
    static func err(_ text: String) { write(2, text + "\n") }

    /// Writes all of `text` to `descriptor`, retrying on EINTR; false when the write fails.
    @discardableResult
    static func write(_ descriptor: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return false }
        }
        return true
    }

    /// Whether to colour stdout, decided once.
    static let useColor: Bool = {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        return isatty(1) == 1
    }()

    enum Style: String {
        case bold = "1", dim = "2", red = "31", yellow = "33", blue = "34", cyan = "36", green = "32", magenta = "35"
    }

    static func paint(_ text: String, _ style: Style, color: Bool = useColor) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Lays out rows in columns padded to the widest cell (counted in characters); `styles`
    /// colours whole cells after padding so escape codes never upset the alignment.
    static func table(_ rows: [[String]], styles: [Style?] = [], color: Bool = useColor, separator: String = "  ") -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                let last = i == row.count - 1
                let padded = last ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
                let style = i < styles.count ? styles[i] : nil
                line += (style.map { paint(padded, $0, color: color) } ?? padded)
                if !last { line += separator }
            }
            // No trailing blanks when the last cells are empty.
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

extension String {
    /// The text without trailing spaces, for table and chart rows.
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
