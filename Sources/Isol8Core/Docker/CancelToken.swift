import Foundation
import CCurl

/// Lets another thread abort a transfer at once: it wakes the transfer's `curl_multi_poll`.
public final class CancelToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var multi: UnsafeMutableRawPointer?

    public init() {}

    public var isCancelled: Bool { lock.withLock { cancelled } }

    public func cancel() {
        lock.withLock {
            cancelled = true
            if let multi { curl_multi_wakeup(multi) }
        }
    }

    func attach(_ handle: UnsafeMutableRawPointer?) { lock.withLock { multi = handle } }
}
