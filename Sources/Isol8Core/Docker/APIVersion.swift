import Foundation

/// An Engine API version such as `1.41`, ordered numerically (so 1.9 < 1.41).
public struct APIVersion: Comparable, Sendable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    /// The newest version whose request shapes this client has been written against.
    public static let newestKnown = APIVersion(major: 1, minor: 47)

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    public init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]) else { return nil }
        self.init(major: major, minor: minor)
    }

    /// The highest version both sides speak: the daemon's own, capped at ours, and
    /// never below the daemon's minimum (Docker 29 refuses anything under 1.44).
    public static func negotiate(server: APIVersion, serverMinimum: APIVersion?) -> APIVersion {
        let capped = min(server, newestKnown)
        if let serverMinimum, capped < serverMinimum { return serverMinimum }
        return capped
    }

    public static func < (lhs: APIVersion, rhs: APIVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}
