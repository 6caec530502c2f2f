/// How much of a ``Layout`` axis one segment asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less when the space runs out).
    case length(Int)
    /// This percentage (0–100) of the space left after spacing.
    case percentage(Int)
    /// `numerator / denominator` of the space left after spacing.
    case ratio(Int, Int)
    /// At least this many cells, growing like `fill(1)` when space is left over.
    case min(Int)
    /// A weighted share of whatever the other constraints leave over.
    case fill(Int = 1)
}
