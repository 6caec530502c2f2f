/// What differs between two runs: knobs, result fields and output.
public struct RunDiff: Sendable {
    /// One field that changed.
    public struct Change: Hashable, Sendable {
        /// The knob key or result field.
        public var name: String
        /// In the older run (`-` when absent).
        public var before: String
        /// In the newer run.
        public var after: String
    }

    /// The older run's number.
    public var older: Int
    /// The newer run's number.
    public var newer: Int
    /// Knobs that differ, in Config-pane order.
    public var knobs: [Change]
    /// Result fields that differ.
    public var result: [Change]
    /// The unified output diff.
    public var output: [LineDiff.Row]

    /// Compares two runs; the lower number is taken as the older.
    public init(_ first: RunRecord, _ second: RunRecord) {
        let (a, b) = first.id <= second.id ? (first, second) : (second, first)
        older = a.id
        newer = b.id
        let before = Dictionary(a.knobs.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        let after = Dictionary(b.knobs.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        var keys = a.knobs.map(\.key)
        keys += b.knobs.map(\.key).filter { before[$0] == nil }
        knobs = keys.compactMap { key in
            let x = before[key] ?? "-", y = after[key] ?? "-"
            return x == y ? nil : Change(name: key, before: x, after: y)
        }
        let resultA = a.result?.fields ?? [], resultB = b.result?.fields ?? []
        result = zip(resultA, resultB).compactMap { x, y in
            x.value == y.value ? nil : Change(name: x.name, before: x.value, after: y.value)
        }
        output = LineDiff.diff(a.output, b.output)
    }
}
