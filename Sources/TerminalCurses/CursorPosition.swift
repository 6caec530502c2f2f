/// Where the terminal cursor should rest after a frame.
struct CursorPosition: Hashable, Sendable {
    var x: Int
    var y: Int
}
