/// The `--help` texts. README.md's "Command line" section documents the same options, and
/// `HelpTests` checks that the method list here matches `MethodRegistry` and protocol.md.
enum HelpText {
    static let main = """
    asyncd \(AsyncdVersion.string): answers questions about async/await Python code.

    USAGE:
      asyncd [serve] [--stdio]        JSON-RPC 2.0 daemon on stdin/stdout (LSP or NDJSON framing)
      asyncd check [--format text|json|sarif] [--select CODES] [--ignore CODES] [--fix] PATH...
                                      analyze files and folders ('-' is stdin)
      asyncd run [--format text|json] [--timeline] [--quiet] [--trace-format chrome] [--limit NAME=VALUE] FILE|-
                                      run a snippet in the sandbox, print its output and trace
      asyncd lookup [--format text|json] [--limit N] QUERY...
                                      search the quick reference
      asyncd rules [CODE]             list the rules, or print one rule's documentation
      asyncd parse --dump FILE|-      print the AST like CPython's ast.dump(include_attributes=True)
      asyncd --version                print the version
      asyncd --help                   print this help ('asyncd COMMAND --help' for one command)

    EXIT STATUS:
      serve   0 after shutdown + exit or at end of input, 1 after exit without shutdown
      check   0 clean, 1 diagnostics found, 2 usage or I/O error
      run     0 completed, 1 raised or hit a limit, 2 usage
      lookup  0 found, 1 nothing found, 2 usage
      rules   0, 2 for an unknown code
      parse   0 parsed, 1 syntax error, 2 usage

    JSON-RPC METHODS (see protocol.md):
    \(methodList)

    Colour is used only when stdout is a terminal and NO_COLOR is unset.
    """

    /// One line per registered method, alphabetical.
    static var methodList: String {
        MethodRegistry.methods.map { "  \($0.name) (\($0.kind.rawValue))" }.joined(separator: "\n")
    }

    static let serve = """
    usage: asyncd [serve] [--stdio]

    Serves JSON-RPC 2.0 on stdin/stdout until 'exit' or end of input. The first byte picks the
    framing: '{' or '[' (after optional whitespace) means NDJSON, one JSON value per line;
    anything else means LSP 'Content-Length' framing. Replies use the client's framing.
    --stdio is accepted for editors that pass it; stdio is the only transport.
    """

    static let check = """
    usage: asyncd check [--format text|json|sarif] [--select CODES] [--ignore CODES]
                        [--fix] [--unsafe-fixes] PATH...

    Analyzes Python files and folders ('-' reads stdin) together, on all cores, so that
    coroutine functions imported from sibling modules are known. Folders are searched for .py
    and .pyi files; hidden folders, __pycache__, node_modules and virtualenvs (pyvenv.cfg) are
    skipped. A file that cannot be read or is not UTF-8 gets one error line; the rest are checked.

      --format text    'path:line:col: CODE message' lines and a summary (default)
      --format json    the async/analyze result for one file; {"files": [...]} for several
      --format sarif   a SARIF 2.1.0 log, for code-scanning uploads
      --select CODES   run only these rules: codes or prefixes, comma-separated (AIO2,AIO401; ALL)
      --ignore CODES   skip these rules (the longest matching prefix wins over --select)
      --fix            apply the safe fixes, write the files back, then report what remains;
                       with '-', the fixed text goes to stdout and the report to stderr
      --unsafe-fixes   with --fix, also apply fixes that may change behaviour

    Rules are also chosen by [tool.asyncd] select/ignore in the nearest pyproject.toml;
    --select replaces its select list, --ignore adds to its ignore list. '# noqa' and
    '# noqa: AIO201' on a line suppress findings there.

    Exit status: 0 clean, 1 diagnostics remain, 2 usage or I/O error.
    """

    static let run = """
    usage: asyncd run [--format text|json] [--timeline] [--quiet] [--trace-format chrome]
                      [--limit NAME=VALUE]... FILE|-

    Runs a Python snippet in the sandbox on a virtual clock ('-' reads stdin).

      --format text          the program's output on stdout; its traceback, limits and warnings,
                             then a step-by-step account of what every task did, on stderr (default)
      --quiet, -q            leave out the step-by-step account
      --format json          the async/run result
      --timeline             also print the trace (seq, virtual time, task, kind, line, detail)
                             and a chart of every task over virtual time
      --trace-format chrome  print only the trace, as Trace Event JSON for Perfetto or
                             chrome://tracing (one track per task); the output goes to stderr
      --limit NAME=VALUE     raise or lower one limit; repeatable. Names and defaults:
                             steps=100000000, wall=10s, memory=256MiB, output=1MiB,
                             virtual=3600s; ceilings 10^10 steps, 60s, 1GiB, 64MiB, 10^9 s.
                             Units: s/ms for wall and virtual, KiB/MiB/GiB for memory and output.

    Exit status: 0 completed, 1 raised or hit a limit, 2 usage.
    """

    static let lookup = """
    usage: asyncd lookup [--format text|json] [--limit N] QUERY...

    Searches the quick reference (Quick Reference, Rules of async/await, Common Mistakes).
    The words of QUERY are joined with spaces: 'asyncd lookup run coroutine from sync code'.

      --format text   score, id, table and pattern, then the code, wrong form and consequence
      --format json   the async/lookup result: {"entries": [...]}
      --limit N       at most N entries, 1 to 100 (default 10)

    Exit status: 0 found, 1 nothing found, 2 usage.
    """

    static let rules = """
    usage: asyncd rules [CODE]

    Lists the rules (code, name, severity, summary), or prints one rule's documentation.
    Exit status: 0, 2 for an unknown code.
    """

    static let parse = """
    usage: asyncd parse --dump FILE|-

    Prints the file's AST in the one-line format of CPython's
    ast.dump(tree, include_attributes=True). Syntax errors are printed as E999 diagnostics,
    like 'asyncd check' prints them.
    Exit status: 0 parsed, 1 syntax error, 2 usage.
    """
}
