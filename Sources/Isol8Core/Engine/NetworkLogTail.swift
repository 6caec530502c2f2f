import Foundation
import NetworkPolicy

/// Follows the proxy log while code runs so the TUI sees requests live; `finish()` then
/// reads whatever the follower has not delivered yet, so every entry of the run arrives
/// before the run's `exit` event.
final class NetworkLogTail: @unchecked Sendable {
    private let container: SandboxContainer
    private let offset: Int
    private let onEntry: @Sendable (NetworkLogEntry) -> Void
    private let cancel = CancelToken()
    private let lock = NSLock()
    private var delivered = 0
    private var carry = Data()
    private var follower: Task<Void, Never>?

    init(container: SandboxContainer, offset: Int, onEntry: @escaping @Sendable (NetworkLogEntry) -> Void) {
        self.container = container
        self.offset = offset
        self.onEntry = onEntry
    }

    func start() {
        let command = ["sh", "-c", "exec tail -c +\(offset + 1) -F \(FilteredNetwork.logFile) 2>/dev/null"]
        follower = Task { [self] in
            guard let exec = try? await container.client.createExec(container.id, ExecSpec(cmd: command)) else { return }
            try? await container.client.startExec(exec, cancel: cancel) { [self] stream, data in
                if stream == .stdout { receive(data) }
            }
        }
    }

    /// Stops following and delivers the entries the follower missed.
    func finish() async {
        let all = await FilteredNetwork.entries(container, since: offset)
        cancel.cancel()
        await follower?.value
        _ = try? await container.runAsRoot(["sh", "-c", "pkill -f 'tail -c +\(offset + 1) -F' 2>/dev/null; true"])
        let missing: ArraySlice<NetworkLogEntry> = lock.withLock {
            let rest = all.dropFirst(delivered)
            delivered = all.count
            return rest
        }
        for entry in missing { onEntry(entry) }
    }

    private func receive(_ data: Data) {
        let records: [NetworkLogRecord] = lock.withLock {
            carry.append(data)
            guard let last = carry.lastIndex(of: 0x0A) else { return [] }
            let complete = carry[carry.startIndex...last]
            carry = Data(carry[carry.index(after: last)...])
            return NetworkLogRecord.decodeAll(String(decoding: complete, as: UTF8.self))
        }
        for record in records {
            lock.withLock { delivered += 1 }
            onEntry(FilteredNetwork.entry(record))
        }
    }
}
