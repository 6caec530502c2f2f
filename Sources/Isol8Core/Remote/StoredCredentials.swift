import Foundation

/// `~/.isol8/credentials.json` (spec §8.7), written by `isol8 login`, read when no key is
/// given: `{"host","token","expiresAt","keyId"}`.
public struct StoredCredentials: Codable, Sendable, Equatable {
    public var host: String
    public var token: String
    public var expiresAt: String
    public var keyId: String

    public init(host: String, token: String, expiresAt: String, keyId: String) {
        self.host = host
        self.token = token
        self.expiresAt = expiresAt
        self.keyId = keyId
    }

    public static func path(home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) -> String {
        home + "/.isol8/credentials.json"
    }

    public static func load(home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) -> StoredCredentials? {
        guard let data = FileManager.default.contents(atPath: path(home: home)) else { return nil }
        return try? JSONDecoder().decode(StoredCredentials.self, from: data)
    }

    /// Writes the file with mode 0600 (it holds a bearer token).
    public func save(home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) throws {
        let file = Self.path(home: home)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
    }

    public var isExpired: Bool {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = formatter.date(from: expiresAt) ?? ISO8601DateFormatter().date(from: expiresAt)
        return date.map { $0 < Date() } ?? false
    }
}
