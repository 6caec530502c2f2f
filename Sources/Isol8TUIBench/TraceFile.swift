import Foundation

/// The lines an `ISOL8_TUI_TRACE` file holds (see `LoopTrace`), parsed.
struct TraceFile {
    struct Key {
        let read: Double
        let flushed: Double
    }

    /// Every run's boundaries, in the order the file holds them.
    private(set) var started: [Double] = []
    private(set) var finished: [Double] = []
    private(set) var drawn: [Double] = []
    private(set) var keys: [Key] = []

    var runStarted: Double? { started.first }
    var runFinished: Double? { finished.first }

    /// Reads `path`; a missing file is an empty trace (nothing flushed yet).
    init(path: String) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let t = Double(fields[1]) else { continue }
            switch fields[0] {
            case "run-started": started.append(t)
            case "run-finished": finished.append(t)
            case "run-drawn": drawn.append(t)
            case "key" where fields.count == 3: keys.append(Key(read: t, flushed: Double(fields[2]) ?? .nan))
            default: continue
            }
        }
    }

    /// Pairs each send time with the first key read after it that no earlier send claimed.
    func keys(answering sends: [Double]) -> [(sent: Double, key: Key)] {
        var remaining = keys[...]
        var pairs: [(sent: Double, key: Key)] = []
        for sent in sends {
            guard let index = remaining.firstIndex(where: { $0.read >= sent }) else { break }
            pairs.append((sent, remaining[index]))
            remaining = remaining[(index + 1)...]
        }
        return pairs
    }
}
