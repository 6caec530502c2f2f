/// Timing samples and the order statistics the tables report.
struct Samples {
    /// Sorted ascending.
    let values: [Double]

    init(_ values: [Double]) {
        self.values = values.sorted()
    }

    var count: Int { values.count }
    var median: Double { percentile(50) }
    var max: Double { values.last ?? .nan }

    /// Nearest-rank percentile; NaN without samples.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(values.count)).rounded(.up))
        return values[Swift.max(0, Swift.min(values.count - 1, rank - 1))]
    }
}
