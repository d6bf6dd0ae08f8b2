/// The three tables of the seed document (`../shared/seed-async-await.txt`), transcribed so the
/// daemon needs no file at run time: "Quick Reference", "Rules of async/await" and the three
/// "Common Mistakes". Text is copied verbatim; only the indentation the seed's plain-text export
/// lost is restored in the code blocks. `QuickReferenceSeedTests` checks every entry against the
/// seed whenever `/work/shared` or `../shared` is present.
///
/// `keywords` are the only invented text: search terms people type that the table does not
/// contain (`concurrently` for the `gather` mistake, `entry point` for `asyncio.run`).
/// They feed ranking only and are never shown.

/// Which table of the seed an entry comes from (`table` in `async/lookup` results).
enum ReferenceTable: String, Sendable, CaseIterable {
    case quickReference = "quick-reference"
    case rules = "rules"
    case mistakes = "mistakes"
}

struct ReferenceEntry: Sendable, Equatable {
    /// Stable id: `qr-…`, `rule-…`, `mistake-N-…`.
    var id: String
    var table: ReferenceTable
    /// The row's first column (Quick Reference "Pattern", Rules "Rule") or the mistake's title.
    var pattern: String
    /// The correct form: Quick Reference "Code", Rules "Correct", the mistake's ✅ block.
    var code: String
    /// The wrong form (Rules "Wrong" before the arrow, the mistake's ❌ block), when the table gives one.
    var wrong: String? = nil
    /// What the wrong form does (Rules "Wrong" after the arrow, the text after "❌ Wrong —").
    var consequence: String? = nil
    /// Remaining prose of the row: a Rules "Wrong" cell that is advice rather than code, or the
    /// text after "✅ Correct —".
    var note: String? = nil
    /// Extra search terms (not from the seed; ranking only).
    var keywords: [String] = []
}

enum QuickReferenceData {
    static let entries: [ReferenceEntry] = quickReference + rules + mistakes

    /// "Quick Reference" — | Pattern | Code |
    static let quickReference: [ReferenceEntry] = [
        ReferenceEntry(id: "qr-async-function", table: .quickReference,
                       pattern: "Async function", code: "async def f(): ...",
                       keywords: ["define", "declare", "coroutine", "function", "async def", "write"]),
        ReferenceEntry(id: "qr-await-coroutine", table: .quickReference,
                       pattern: "Await a coroutine", code: "result = await coro()",
                       keywords: ["wait", "result", "get result", "value"]),
        ReferenceEntry(id: "qr-run-from-sync", table: .quickReference,
                       pattern: "Run from sync", code: "asyncio.run(main())",
                       keywords: ["synchronous", "start", "entry point", "event loop", "main", "execute", "coroutine", "script", "top level"]),
        ReferenceEntry(id: "qr-non-blocking-sleep", table: .quickReference,
                       pattern: "Non-blocking sleep", code: "await asyncio.sleep(seconds)",
                       keywords: ["delay", "pause", "wait", "timer", "time.sleep"]),
        ReferenceEntry(id: "qr-async-http-get", table: .quickReference,
                       pattern: "Async HTTP GET", code: "await httpx.AsyncClient().get(url)",
                       keywords: ["request", "fetch", "download", "web", "url", "client", "requests", "api"]),
        ReferenceEntry(id: "qr-check-coroutine", table: .quickReference,
                       pattern: "Check if coroutine", code: "asyncio.iscoroutine(obj)",
                       keywords: ["test", "is", "detect", "type", "object", "isinstance"]),
        ReferenceEntry(id: "qr-check-coroutine-function", table: .quickReference,
                       pattern: "Check if coroutine func", code: "asyncio.iscoroutinefunction(func)",
                       keywords: ["test", "is", "detect", "function", "async def", "callable"]),
    ]

    /// "Rules of async/await" — | Rule | Correct | Wrong |
    static let rules: [ReferenceEntry] = [
        ReferenceEntry(id: "rule-await-inside-async", table: .rules,
                       pattern: "await inside async def only", code: "async def f(): await coro()",
                       wrong: "def f(): await coro()", consequence: "SyntaxError",
                       keywords: ["outside", "regular function", "error"]),
        ReferenceEntry(id: "rule-call-async-with-await", table: .rules,
                       pattern: "Call async function with await", code: "result = await async_func()",
                       wrong: "result = async_func()", consequence: "coroutine object",
                       keywords: ["forgot", "missing await", "never awaited", "result"]),
        ReferenceEntry(id: "rule-run-from-sync", table: .rules,
                       pattern: "Run from sync code", code: "asyncio.run(main())",
                       wrong: "main()", consequence: "nothing runs",
                       keywords: ["synchronous", "start", "entry point", "main", "coroutine", "never runs"]),
        ReferenceEntry(id: "rule-call-sync-from-async", table: .rules,
                       pattern: "Can call sync from async", code: "async def f(): sync_func()",
                       note: "Only avoid if sync_func blocks I/O",
                       keywords: ["regular function", "blocking", "normal function"]),
        ReferenceEntry(id: "rule-await-blocks-current-only", table: .rules,
                       pattern: "await blocks current coro only", code: "Other coroutines can run during await",
                       note: "Does NOT block other coroutines",
                       keywords: ["concurrent", "event loop", "suspend", "yield", "block"]),
    ]

    /// "Common Mistakes" — Mistake N — title; ❌ Wrong — consequence: code; ✅ Correct — note: code.
    static let mistakes: [ReferenceEntry] = [
        ReferenceEntry(id: "mistake-1-forgot-await", table: .mistakes,
                       pattern: "Forgetting to await a coroutine",
                       code: """
                       async def main():
                           result = await fetch_data(1) # ✓ actually runs and returns data
                           print(result)
                       """,
                       wrong: """
                       async def main():
                           result = fetch_data(1) # forgot await — result is a coroutine, not data!
                           print(result) # <coroutine object fetch_data ...>
                       """,
                       consequence: "coroutine object created but never executed",
                       keywords: ["missing await", "never awaited", "RuntimeWarning", "not awaited", "unawaited"]),
        ReferenceEntry(id: "mistake-2-await-outside-async", table: .mistakes,
                       pattern: "Using await outside async def",
                       code: """
                       async def process():
                           data = await fetch_data(1) # ✓
                       """,
                       wrong: """
                       def process():
                           data = await fetch_data(1) # SyntaxError: 'await' outside async function
                       """,
                       consequence: "SyntaxError",
                       note: "make the function async",
                       keywords: ["regular function", "error"]),
        ReferenceEntry(id: "mistake-3-sequential-await", table: .mistakes,
                       pattern: "Confusing sequential await with concurrent execution",
                       code: """
                       async def main():
                           result1, result2 = await asyncio.gather(fetch(url1), fetch(url2)) # concurrent ✓
                       """,
                       wrong: """
                       async def main():
                           result1 = await fetch(url1) # waits for url1 to complete
                           result2 = await fetch(url2) # THEN waits for url2 — still sequential!
                       """,
                       consequence: "expects both to run simultaneously",
                       note: "use asyncio.gather() for concurrent execution (next lesson)",
                       keywords: ["parallel", "concurrently", "same time", "at once", "together", "multiple", "several",
                                  "both", "many", "slow", "speed up", "create_task"]),
    ]
}
