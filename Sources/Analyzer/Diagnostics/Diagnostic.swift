/// How serious a finding is; the raw values are LSP's `DiagnosticSeverity`.
public enum Severity: Int, Hashable, Sendable, Comparable {
    case error = 1
    case warning = 2
    case information = 3
    case hint = 4

    public var label: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .information: return "info"
        case .hint: return "hint"
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One replacement of the source text: `range` (UTF-8 based, see `SourceRange`) becomes `newText`.
public struct TextEdit: Hashable, Sendable {
    public var range: SourceRange
    public var newText: String

    public init(range: SourceRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A fix for a diagnostic: a title for the editor's menu and the edits that make it.
/// `isSafe` fixes keep the program's meaning and are the ones `asyncd check --fix` applies.
public struct Fix: Hashable, Sendable {
    public var title: String
    public var edits: [TextEdit]
    public var isSafe: Bool

    public init(title: String, edits: [TextEdit], isSafe: Bool) {
        self.title = title
        self.edits = edits
        self.isSafe = isSafe
    }
}

/// A finding about the source: a syntax error (`E999`) or a rule's diagnostic (`AIO201`, ...).
/// Ranges are in UTF-8 bytes; the daemon converts them to the negotiated LSP position encoding.
public struct Diagnostic: Hashable, Sendable {
    public var code: String
    /// The rule's kebab-case name (`unawaited-coroutine`, `syntax-error`).
    public var name: String
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var fix: Fix?
    /// The quick-reference entry id that explains this finding, when there is one.
    public var reference: String?

    public init(code: String, name: String, severity: Severity, message: String, range: SourceRange,
                fix: Fix? = nil, reference: String? = nil) {
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.range = range
        self.fix = fix
        self.reference = reference
    }
}
