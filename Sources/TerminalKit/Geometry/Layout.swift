/// Splits a ``Rect`` into rows or columns by ``Constraint``s.
///
/// Cheap and pure, so views recompute it from the current size every frame. Resolution is
/// deliberately simple and predictable rather than a solver:
/// 1. fixed asks (`length`, `percentage`, `ratio`, the floor of `min`) are granted in order, each
///    clamped to the space still free — on a tiny terminal the earlier segments win;
/// 2. space still free is shared by `fill` weights (and `min`, weight 1);
/// 3. with no `fill`/`min`, unclaimed space stays empty after the last segment.
/// Sizes are never negative and every constraint gets a (possibly empty) rect.
public struct Layout: Hashable, Sendable {
    /// The axis segments are laid out along.
    public enum Direction: Hashable, Sendable {
        /// Segments stacked top to bottom (rows).
        case vertical
        /// Segments side by side, left to right (columns).
        case horizontal
    }

    /// The axis to split.
    public var direction: Direction
    /// One constraint per resulting segment.
    public var constraints: [Constraint]
    /// Empty cells between neighbouring segments; dropped when the space cannot hold it.
    public var spacing: Int

    /// Creates a layout.
    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = max(0, spacing)
    }

    /// Splits `rect` into one rect per constraint.
    public func split(_ rect: Rect) -> [Rect] {
        let total = direction == .vertical ? rect.height : rect.width
        let sizes = Layout.sizes(for: constraints, total: total, spacing: spacing)
        let gap = Layout.effectiveSpacing(spacing, count: constraints.count, total: total)
        var offset = 0
        return sizes.map { size in
            defer { offset += size + gap }
            let start = Swift.min(offset, total)
            switch direction {
            case .vertical:
                return Rect(x: rect.x, y: rect.y + start, width: rect.width, height: size)
            case .horizontal:
                return Rect(x: rect.x + start, y: rect.y, width: size, height: rect.height)
            }
        }
    }

    /// The segment lengths along one axis of length `total`; exposed for widgets that lay out
    /// a single line (table columns) without building rects.
    public static func sizes(for constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let total = Swift.max(0, total)
        let gap = effectiveSpacing(spacing, count: constraints.count, total: total)
        let available = Swift.max(0, total - gap * (constraints.count - 1))

        var sizes = [Int](repeating: 0, count: constraints.count)
        var free = available
        for (i, c) in constraints.enumerated() {
            let ask: Int
            switch c {
            case .length(let n): ask = n
            case .percentage(let p): ask = available * Swift.min(Swift.max(p, 0), 100) / 100
            case .ratio(let n, let d): ask = d <= 0 ? 0 : available * Swift.max(0, Swift.min(n, d)) / d
            case .min(let n): ask = n
            case .fill: ask = 0
            }
            sizes[i] = Swift.min(Swift.max(0, ask), free)
            free -= sizes[i]
        }

        let weights = constraints.map { c -> Int in
            switch c {
            case .fill(let w): return Swift.max(0, w)
            case .min: return 1
            default: return 0
            }
        }
        let weightSum = weights.reduce(0, +)
        if free > 0 && weightSum > 0 {
            var given = 0
            for i in sizes.indices where weights[i] > 0 {
                let share = free * weights[i] / weightSum
                sizes[i] += share
                given += share
            }
            // Integer division leaves a remainder smaller than the number of growers; hand it out
            // one cell at a time so the segments cover the whole axis.
            var rest = free - given
            for i in sizes.indices where weights[i] > 0 && rest > 0 {
                sizes[i] += 1
                rest -= 1
            }
        }
        return sizes
    }

    static func effectiveSpacing(_ spacing: Int, count: Int, total: Int) -> Int {
        guard count > 1, spacing > 0 else { return 0 }
        return spacing * (count - 1) <= total ? spacing : 0
    }
}
