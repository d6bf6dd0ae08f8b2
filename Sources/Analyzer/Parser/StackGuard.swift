#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
/// glibc's `pthread_getattr_np` (a GNU extension the Glibc module does not import).
@_silgen_name("pthread_getattr_np")
private func gnuPthreadGetattr(_ thread: pthread_t, _ attr: UnsafeMutablePointer<pthread_attr_t>) -> Int32
#endif

/// Knows how much of the current thread's stack is left, so that deep recursion turns into a
/// "too complex" syntax error instead of a crash, whatever thread the caller parses on (Swift
/// concurrency's pool threads have much smaller stacks than the main thread). The idea is the
/// one of rustc's `stacker::remaining_stack` / CPython 3.12's C recursion checks.
struct StackGuard {
    /// Lowest usable address of this thread's stack (0 when unknown: then only the depth limit applies).
    let low: UInt

    /// Below this much free stack the parser stops descending.
    static let reserve: UInt = 256 * 1024

    init() {
        #if canImport(Glibc)
        var attr = pthread_attr_t()
        var addr: UnsafeMutableRawPointer? = nil
        var size = 0
        if gnuPthreadGetattr(pthread_self(), &attr) == 0 {
            pthread_attr_getstack(&attr, &addr, &size)
            pthread_attr_destroy(&attr)
        }
        low = addr.map { UInt(bitPattern: $0) } ?? 0
        #elseif canImport(Darwin)
        let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
        let size = UInt(pthread_get_stacksize_np(pthread_self()))
        low = top > size ? top - size : 0
        #else
        low = 0
        #endif
    }

    /// True when less than `reserve` bytes of stack remain below the caller's frame.
    @inline(never)
    func isNearlyExhausted() -> Bool {
        guard low != 0 else { return false }
        var marker: UInt8 = 0
        let sp = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return sp < low &+ StackGuard.reserve
    }
}
