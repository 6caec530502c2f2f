/// Assigns curses colour-pair numbers to (foreground, background) combinations.
///
/// Our own table rather than `alloc_pair`, because `alloc_pair` silently recycles the least
/// recently used pair when full, which recolours cells already on screen. Here a full table
/// is reported, and ``CursesTerminal`` resets it and repaints the frame with fresh pairs.
struct PairTable: Sendable {
    /// The answer for one combination.
    enum Lookup: Hashable, Sendable {
        /// Already defined.
        case existing(Int32)
        /// Newly assigned: the caller must `init_pair` it before use.
        case new(Int32)
        /// Every pair number is taken.
        case full
    }

    private struct Key: Hashable { var fg: Int32, bg: Int32 }

    /// `COLOR_PAIRS`: pair numbers run from 1 to `capacity - 1` (0 is the default pair).
    let capacity: Int
    private var assigned: [Key: Int32] = [:]
    private var next: Int32 = 1

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Number of pairs handed out since the last reset.
    var count: Int { assigned.count }

    mutating func lookup(fg: Int32, bg: Int32) -> Lookup {
        if fg == -1 && bg == -1 { return .existing(0) }
        let key = Key(fg: fg, bg: bg)
        if let pair = assigned[key] { return .existing(pair) }
        guard Int(next) < capacity else { return .full }
        let pair = next
        next += 1
        assigned[key] = pair
        return .new(pair)
    }

    /// Forgets every assignment; pairs are redefined as they are handed out again.
    mutating func reset() {
        assigned.removeAll(keepingCapacity: true)
        next = 1
    }
}
