import Foundation

/// The package's executables, built into the same folder as the test bundle (`isol8`,
/// `isol8-tui`, `terminal-demo`, `isol8-proxy`).
public enum BuiltProduct {
    /// On Linux the test bundle's URL is the products folder itself; on macOS it is the
    /// `.xctest` inside it.
    public static let folder: URL = {
        let bundle = Bundle(for: Marker.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("isol8").path) }
            ?? candidates[0]
    }()

    public static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The repository root (where `examples/` and `themes/` live).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    private final class Marker {}
}
