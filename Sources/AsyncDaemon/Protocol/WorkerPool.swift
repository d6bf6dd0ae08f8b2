#if canImport(Glibc)
import Glibc
#endif

/// The threads that run request handlers.
///
/// Not Dispatch's global queues: on Linux their width is the core count and they cannot see a
/// thread blocked in a long `async/run`, so two long runs on a 2-core machine would hold back
/// every lookup. Here a job goes to an idle worker when there is one, else to a new thread, up
/// to `maxThreads`; only when that many jobs run at once do further jobs wait in the queue.
/// Workers stay alive for `idleSeconds` after their last job, so a burst of requests costs
/// wake-ups, not thread creations, and an idle daemon holds no worker threads. Threads get a large stack (`stackBytes`) because the analyzer's parser and
/// the runner recurse on deeply nested programs.
///
/// A wake-up is a token: the submitter takes an idle worker out of `idleWorkers` and adds a
/// token; a worker leaves its wait only by taking a token, so spurious wake-ups change nothing.
final class WorkerPool: @unchecked Sendable {
    typealias Job = @Sendable () -> Void

    // Guarded by `mutex`.
    private var queue: [Job] = []
    private var head = 0
    private var threads = 0
    private var idleWorkers = 0
    private var wakeTokens = 0
    private var unfinished = 0

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let workAvailable: UnsafeMutablePointer<pthread_cond_t>
    private let allDone: UnsafeMutablePointer<pthread_cond_t>
    let maxThreads: Int
    let stackBytes: Int
    let idleSeconds: Int

    init(maxThreads: Int = 64, stackBytes: Int = 64 << 20, idleSeconds: Int = 5) {
        self.maxThreads = maxThreads
        self.stackBytes = stackBytes
        self.idleSeconds = idleSeconds
        mutex = .allocate(capacity: 1)
        workAvailable = .allocate(capacity: 1)
        allDone = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(workAvailable, nil)
        pthread_cond_init(allDone, nil)
    }

    // The daemon's pool lives as long as the process. Tests make many; their mutex and condition
    // variables are not freed, since a worker may still be leaving when the pool is released.

    func submit(_ job: @escaping Job) {
        pthread_mutex_lock(mutex)
        queue.append(job)
        unfinished += 1
        var spawn = false
        if idleWorkers > 0 {
            idleWorkers -= 1
            wakeTokens += 1
            pthread_cond_signal(workAvailable)
        } else if threads < maxThreads {
            threads += 1
            spawn = true
        }
        pthread_mutex_unlock(mutex)
        if spawn { startThread() }
    }

    /// Jobs waiting for a thread (the pool is full).
    var queuedCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return queue.count - head
    }

    /// Blocks until every submitted job has finished.
    func wait() {
        pthread_mutex_lock(mutex)
        while unfinished > 0 { pthread_cond_wait(allDone, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Called with the mutex held.
    private func popJob() -> Job? {
        guard head < queue.count else { return nil }
        let job = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: queue.count < 4096)
            head = 0
        }
        return job
    }

    private func workerLoop() {
        pthread_mutex_lock(mutex)
        while true {
            if let job = popJob() {
                pthread_mutex_unlock(mutex)
                job()
                pthread_mutex_lock(mutex)
                unfinished -= 1
                if unfinished == 0 { pthread_cond_broadcast(allDone) }
                continue
            }
            idleWorkers += 1
            while wakeTokens == 0 {
                if waitForWork() == ETIMEDOUT, wakeTokens == 0 {
                    // Idle for `idleSeconds`: leave, so an idle daemon holds no threads.
                    idleWorkers -= 1
                    threads -= 1
                    pthread_mutex_unlock(mutex)
                    return
                }
            }
            wakeTokens -= 1
        }
    }

    /// Waits on `workAvailable` (mutex held) for at most `idleSeconds`.
    private func waitForWork() -> Int32 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var deadline = now
        deadline.tv_sec += idleSeconds
        return pthread_cond_timedwait(workAvailable, mutex, &deadline)
    }

    private func startThread() {
        let box = Unmanaged.passRetained(ThreadBody { [self] in workerLoop() }).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, stackBytes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, box)
        pthread_attr_destroy(&attributes)
        if status != 0 {
            // No thread to be had: run the queued job here rather than lose it.
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            pthread_mutex_lock(mutex)
            threads -= 1
            let job = popJob()
            pthread_mutex_unlock(mutex)
            if let job {
                job()
                pthread_mutex_lock(mutex)
                unfinished -= 1
                if unfinished == 0 { pthread_cond_broadcast(allDone) }
                pthread_mutex_unlock(mutex)
            }
        }
    }
}

private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
