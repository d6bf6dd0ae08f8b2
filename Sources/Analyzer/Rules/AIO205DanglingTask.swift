/// AIO205 dangling-task: the task `asyncio.create_task`/`ensure_future` returns is dropped.
/// CPython's documentation of `create_task` (Lib/asyncio/tasks.py): "Save a reference to the
/// result of this function, to avoid a task disappearing mid-execution. The event loop only
/// keeps weak references to tasks."
public enum AIO205DanglingTask: Rule {
    public static let code = "AIO205"
    public static let name = "dangling-task"
    public static let severity = Severity.warning
    public static let summary = "the task that `asyncio.create_task`/`ensure_future` returns is dropped"
    public static let reference = QuickReferenceID.sequentialAwait

    public static let documentation = RuleDocumentation(
        whatItDoes: "Marks `asyncio.create_task(...)`, `asyncio.ensure_future(...)` and `loop.create_task(...)` whose task is discarded, bound to `_`, or bound to a name that is never read. `TaskGroup.create_task` is not marked: the group keeps its tasks.",
        whyIsThisBad: "The event loop keeps only a weak reference to a task, so an unreferenced task can be garbage-collected before it finishes, and its exception is never seen.",
        example: "async def main():\n    asyncio.create_task(heartbeat())\n    await serve()",
        useInstead: "background = set()\n\nasync def main():\n    task = asyncio.create_task(heartbeat())\n    background.add(task)\n    task.add_done_callback(background.discard)\n    await serve()",
        fixSafety: "No fix is offered: where to keep the reference is a design choice.")

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.coroutineFlow.dropped.compactMap { dropped in
            guard dropped.isTask else { return nil }
            let message = "the task returned by `\(dropped.callee)()` is dropped: the event loop keeps only a weak reference, so it may vanish before it finishes; keep a reference or use a TaskGroup"
            return diagnostic(message, dropped.call.range)
        }
    }
}
