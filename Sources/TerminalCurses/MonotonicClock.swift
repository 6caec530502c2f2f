#if canImport(Glibc)
import Glibc
#endif

/// Monotonic milliseconds for poll deadlines (wall-clock jumps must not stretch a timeout).
enum MonotonicClock {
    static func milliseconds() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }
}
