import Dispatch
import Foundation

/// Runs the rule pass where the stack is deep enough for it. The walkers recurse up to
/// `ASTChildren.maxDepth` levels, and debug-build frames of the big `switch` walkers take about
/// 10 KiB each, so a deep tree needs several MiB — more than Swift concurrency's or Dispatch's
/// threads may have. Like the parser (`PythonFrontEnd.parse`), the analyzer then moves the work
/// to a thread with a 64 MiB stack, so that results never depend on the calling thread.
enum LargeStack {
    static let size = 64 << 20
    /// Run inline when at least this much stack remains.
    static let inlineThreshold: UInt = 24 << 20

    static func run<T>(_ body: () -> T) -> T {
        let guardInfo = StackGuard()
        if guardInfo.low != 0 {
            var marker: UInt8 = 0
            let sp = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            if sp > guardInfo.low, sp - guardInfo.low >= inlineThreshold { return body() }
        }
        return withoutActuallyEscaping(body) { escapable in
            let box = LargeStackBox<T>()
            box.work = escapable
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.result = box.work?()
                done.signal()
            }
            thread.stackSize = size
            thread.start()
            done.wait()
            box.work = nil
            // The thread always runs the closure, so the result is present.
            return box.result ?? escapable()
        }
    }
}

/// Carries the work and its result across to the large-stack thread (which the caller waits for).
private final class LargeStackBox<T>: @unchecked Sendable {
    var work: (() -> T)?
    var result: T?
}
