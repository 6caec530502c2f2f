/// Horizontal placement of text inside a wider space.
public enum Alignment: Hashable, Sendable {
    /// Flush left.
    case left
    /// Centred; odd spare columns go to the right.
    case center
    /// Flush right.
    case right
}
