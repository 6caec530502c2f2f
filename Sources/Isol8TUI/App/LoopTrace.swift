import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opt-in timing lines for `scripts/bench`, switched on with `ISOL8_TUI_TRACE=<file>`:
///
///     run-started <t> <run id>
///     run-finished <t> <run id>
///     run-drawn <t> <run id>
///     key <t read> <t flushed>
///
/// A `key` line spans reading a key to the `doupdate` of the first frame drawn after it;
/// `run-drawn` is the `doupdate` of the first frame that shows the run ended.
/// Times are ``now()`` seconds (CLOCK_MONOTONIC), so a driver on the same machine can set its
/// own send times beside them. Lines collect in memory and reach the file only at run
/// boundaries and on ``close()``, never per frame.
public final class LoopTrace {
    /// The variable that names the trace file.
    public static let variable = "ISOL8_TUI_TRACE"

    private let fd: Int32
    private var pending = ""
    private var keysAwaitingFrame: [Double] = []
    private var runID: Int?
    private var finishedAwaitingFrame: Int?
    private var closed = false

    /// A trace appending to the file `environment` names, or `nil` when it names none (or the
    /// file cannot be opened: tracing must never stop the debugger).
    public convenience init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment[LoopTrace.variable], !path.isEmpty else { return nil }
        self.init(path: path)
    }

    /// A trace appending to `path`; `nil` when it cannot be opened.
    public init?(path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
    }

    deinit {
        close()
    }

    /// Seconds on the clock trace lines use.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Notes an event just read from the terminal; keys wait for the next frame.
    func read(_ event: DeviceEvent) {
        if case .input(.key) = event { keysAwaitingFrame.append(LoopTrace.now()) }
    }

    /// Notes the run the state holds after a pass; a change of id starts or ends a run.
    func observe(run id: Int?) {
        guard id != runID else { return }
        let t = LoopTrace.now()
        if let old = runID {
            append("run-finished \(Self.format(t)) \(old)")
            finishedAwaitingFrame = old
        }
        if let id { append("run-started \(Self.format(t)) \(id)") }
        runID = id
        flush()
    }

    /// Notes that a frame reached the terminal, answering every key read before it.
    /// A run's end shown is a run boundary too: it reaches the file at once.
    func frameFlushed() {
        guard !keysAwaitingFrame.isEmpty || finishedAwaitingFrame != nil else { return }
        let t = Self.format(LoopTrace.now())
        for read in keysAwaitingFrame { append("key \(Self.format(read)) \(t)") }
        keysAwaitingFrame.removeAll(keepingCapacity: true)
        if let finished = finishedAwaitingFrame {
            append("run-drawn \(t) \(finished)")
            finishedAwaitingFrame = nil
            flush()
        }
    }

    /// Writes what is pending and closes the file; later notes are dropped.
    public func close() {
        guard !closed else { return }
        flush()
        Glibc.close(fd)
        closed = true
    }

    private func append(_ line: String) {
        guard !closed else { return }
        pending += line + "\n"
        if pending.utf8.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard !closed, !pending.isEmpty else { return }
        var bytes = Array(pending.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            bytes = bytes.dropFirst(written)
        }
        pending = ""
    }

    private static func format(_ t: Double) -> String {
        String(format: "%.6f", t)
    }
}
