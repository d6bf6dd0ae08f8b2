#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the rule pass where the stack is deep enough for it. The walkers recurse up to
/// `ASTChildren.maxDepth` levels, and debug-build frames of the big `switch` walkers take about
/// 10 KiB each, so a deep tree needs several MiB — more than Swift concurrency's or Dispatch's
/// threads may have. Like the parser (`PythonFrontEnd.parse`), the analyzer then moves the work
/// to a thread with a 64 MiB stack, so that results never depend on the calling thread. A caller
/// that already runs on such a thread (the daemon's reader) analyses inline, with no thread hop.
public enum LargeStack {
    public static let size = 64 << 20
    /// Run inline when at least this much stack remains.
    static let inlineThreshold: UInt = 24 << 20

    /// Whether the calling thread has the stack `run` asks for before it runs work inline (at
    /// least `inlineThreshold` left; never the main thread).
    public static var hasRoomInline: Bool {
        guard !isMainThread, case let guardInfo = StackGuard(), guardInfo.low != 0 else { return false }
        var marker: UInt8 = 0
        let sp = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return sp > guardInfo.low && sp - guardInfo.low >= inlineThreshold
    }

    static func run<T>(_ body: () -> T) -> T {
        // On the main thread glibc finds the stack bounds by reading /proc/self/maps, which costs
        // more than starting a thread; its 8 MiB stack is below the threshold anyway.
        if !isMainThread, case let guardInfo = StackGuard(), guardInfo.low != 0 {
            var marker: UInt8 = 0
            let sp = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
            if sp > guardInfo.low, sp - guardInfo.low >= inlineThreshold { return body() }
        }
        return onNewThread(stackSize: size, body)
    }

    /// Runs `body` on a new thread with a `stackSize`-byte stack and waits for it (or, when no
    /// thread can be had, runs it here rather than fail).
    public static func onNewThread<T>(stackSize: Int, _ body: () -> T) -> T {
        withoutActuallyEscaping(body) { escapable in
            let box = LargeStackBox<T>()
            box.work = escapable
            let started = startThread(stackSize: stackSize, detached: false) {
                box.result = box.work?()
            }
            if let started { joinThread(started) }
            box.work = nil
            return box.result ?? escapable()
        }
    }

    /// Starts a detached thread with a `stackSize`-byte stack running `body`; false when the
    /// system refuses one.
    @discardableResult
    public static func startDetached(stackSize: Int = size, _ body: @escaping @Sendable () -> Void) -> Bool {
        startThread(stackSize: stackSize, detached: true, body) != nil
    }

    /// Whether the caller runs on the process's main thread (whose stack glibc can only find
    /// through /proc).
    public static var isMainThread: Bool {
        #if os(Linux)
        return linuxGettid() == getpid()
        #elseif canImport(Darwin)
        return pthread_main_np() != 0
        #else
        return false
        #endif
    }

    private static func startThread(stackSize: Int, detached: Bool, _ body: @escaping () -> Void) -> pthread_t? {
        let box = Unmanaged.passRetained(ThreadEntry(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        if detached { pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) }
        #if canImport(Darwin)
        var thread: pthread_t? = nil
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, &attributes, { raw in
            #if canImport(Darwin)
            Unmanaged<ThreadEntry>.fromOpaque(raw).takeRetainedValue().body()
            #else
            if let raw { Unmanaged<ThreadEntry>.fromOpaque(raw).takeRetainedValue().body() }
            #endif
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<ThreadEntry>.fromOpaque(box).release()
            return nil
        }
        #if canImport(Darwin)
        return thread
        #else
        return thread
        #endif
    }

    private static func joinThread(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }
}

private final class ThreadEntry: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Carries the work and its result across to the large-stack thread (which the caller waits for).
private final class LargeStackBox<T>: @unchecked Sendable {
    var work: (() -> T)?
    var result: T?
}

#if os(Linux)
/// glibc's `gettid(2)` wrapper (glibc 2.30+; not in the Glibc module map).
@_silgen_name("gettid")
private func linuxGettid() -> Int32
#endif
