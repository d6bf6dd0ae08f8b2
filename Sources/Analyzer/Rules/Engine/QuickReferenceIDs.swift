/// The quick-reference entry ids that diagnostics point to (`Diagnostic.reference`, the
/// `async/lookup` entry `id`). They name entries of the seed document's three tables, in the
/// shape the daemon's lookup uses: `qr-…` for the Quick Reference, `rule-…` for the Rules of
/// async/await, `mistake-N-…` for the Common Mistakes. Kept in one place so that reconciling
/// them with the lookup index is a one-file change. All of them exist in the daemon's
/// `Lookup/QuickReferenceData.swift` (checked against branch `daemon` when written).
public enum QuickReferenceID {
    /// Rules table: "await inside async def only".
    public static let awaitInsideAsync = "rule-await-inside-async"
    /// Rules table: "Call async function with await".
    public static let callAsyncWithAwait = "rule-call-async-with-await"
    /// Rules table: "Run from sync code" (`asyncio.run(main())`, not `main()`).
    public static let runFromSyncRule = "rule-run-from-sync"
    /// Rules table: "Can call sync from async" (only avoid if it blocks).
    public static let callSyncFromAsync = "rule-call-sync-from-async"
    /// Quick Reference: "Async function".
    public static let asyncFunction = "qr-async-function"
    /// Quick Reference: "Await a coroutine".
    public static let awaitCoroutine = "qr-await-coroutine"
    /// Quick Reference: "Run from sync".
    public static let runFromSync = "qr-run-from-sync"
    /// Quick Reference: "Non-blocking sleep".
    public static let nonBlockingSleep = "qr-non-blocking-sleep"
    /// Common Mistakes 1: "Forgetting to await a coroutine".
    public static let forgotAwait = "mistake-1-forgot-await"
    /// Common Mistakes 2: "Using await outside async def".
    public static let awaitOutsideAsync = "mistake-2-await-outside-async"
    /// Common Mistakes 3: "Confusing sequential await with concurrent execution".
    public static let sequentialAwait = "mistake-3-sequential-await"

    /// Every id used, for the consistency test against the lookup index.
    public static let all: [String] = [
        awaitInsideAsync, callAsyncWithAwait, runFromSyncRule, callSyncFromAsync, asyncFunction, awaitCoroutine,
        runFromSync, nonBlockingSleep, forgotAwait, awaitOutsideAsync, sequentialAwait,
    ]
}
