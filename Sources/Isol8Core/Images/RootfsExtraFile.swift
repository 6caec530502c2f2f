import Foundation

/// A host file baked into the root filesystem (for example the `isol8-proxy` binary). Its bytes,
/// destination and mode are part of the recipe hash, so changing it rebuilds the rootfs.
public struct RootfsExtraFile: Equatable, Sendable {
    public let source: URL
    /// Absolute path inside the image, e.g. `/usr/local/bin/isol8-proxy`.
    public let destination: String
    /// Permission bits, e.g. `0o755`.
    public let mode: Int

    public init(source: URL, destination: String, mode: Int = 0o755) {
        self.source = source
        self.destination = destination
        self.mode = mode
    }
}
