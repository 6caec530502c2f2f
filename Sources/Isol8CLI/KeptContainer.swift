import Foundation

/// The container a `--persist` run leaves running, and the words that tell the user how to
/// reach it. They go to stderr so stdout stays the program's output alone, as in isol8
/// (docs/compat.md §8.1).
final class KeptContainer: @unchecked Sendable {
    private let lock = NSLock()
    private var noted: String?

    /// The engine names the container before the run's first event; remember the first one.
    var note: @Sendable (String) -> Void {
        { [self] id in lock.withLock { if noted == nil { noted = id } } }
    }

    var id: String? { lock.withLock { noted } }

    func announce(_ id: String) {
        Console.err("[Run] Container kept running: \(id)\n")
        Console.err("[Run] Attach with: isol8-tui --attach \(String(id.prefix(12)))\n")
    }
}
