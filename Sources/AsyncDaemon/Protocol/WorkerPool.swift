#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The threads that run request handlers.
///
/// Not Dispatch's global queues: on Linux their width is the core count and they cannot see a
/// thread blocked in a long `async/run`, so two long runs on a 2-core machine would hold back
/// every lookup. Here each job gets a thread of its own, up to `maxThreads`; a finished thread
/// takes the next queued job before it exits. Threads get a large stack (`stackBytes`) because
/// the analyzer's parser and the runner recurse on deeply nested programs.
///
/// `wait()` returns once every submitted job has finished (end of input). `queuedCount` lets
/// the reader apply back-pressure so a client that never reads its replies cannot make the
/// queue grow without bound.
final class WorkerPool: Sendable {
    typealias Job = @Sendable () -> Void

    private struct State {
        var queue: [Job] = []
        var head = 0
        var running = 0
        var unfinished = 0
    }

    private let state = Mutex(State())
    let maxThreads: Int
    let stackBytes: Int

    init(maxThreads: Int = 64, stackBytes: Int = 64 << 20) {
        self.maxThreads = maxThreads
        self.stackBytes = stackBytes
    }

    func submit(_ job: @escaping Job) {
        let spawn = state.withLock { s -> Bool in
            s.unfinished += 1
            if s.running < maxThreads {
                s.running += 1
                return true
            }
            s.queue.append(job)
            return false
        }
        if spawn { startThread(first: job) }
    }

    var queuedCount: Int { state.withLock { $0.queue.count - $0.head } }

    /// Blocks until every submitted job has finished.
    func wait() {
        while state.withLock({ $0.unfinished }) > 0 { usleep(1000) }
    }

    private func nextJob(finished: Bool) -> Job? {
        state.withLock { s -> Job? in
            if finished { s.unfinished -= 1 }
            if s.head < s.queue.count {
                let job = s.queue[s.head]
                s.head += 1
                if s.head > 1024, s.head * 2 > s.queue.count {
                    s.queue.removeFirst(s.head)
                    s.head = 0
                }
                return job
            }
            s.running -= 1
            return nil
        }
    }

    private func startThread(first: @escaping Job) {
        let body: @Sendable () -> Void = { [self] in
            var job: Job? = first
            while let current = job {
                current()
                job = nextJob(finished: true)
            }
        }
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, stackBytes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let body = Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue()
            body.run()
            return nil
        }, box)
        pthread_attr_destroy(&attributes)
        if status != 0 {
            // No thread to be had: run the job here rather than lose it.
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            body()
        }
    }
}

private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
