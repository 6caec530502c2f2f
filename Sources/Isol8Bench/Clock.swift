import Foundation

/// Monotonic time in nanoseconds and the arithmetic the benchmarks report with.
enum Clock {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func ms(_ from: UInt64, _ to: UInt64) -> Double { Double(to - from) / 1_000_000 }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A benchmark that could not run, said in one line.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}
