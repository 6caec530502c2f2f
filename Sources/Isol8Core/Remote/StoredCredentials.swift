import Foundation

/// `~/.isol8/credentials.json` (compat §8.7), written by `isol8 login`, read when no key is
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

    /// Deletes the file (`isol8 logout`); false when there was none.
    public static func remove(home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) throws -> Bool {
        let file = path(home: home)
        guard FileManager.default.fileExists(atPath: file) else { return false }
        try FileManager.default.removeItem(atPath: file)
        return true
    }

    /// Writes the file with mode 0600 (it holds a bearer token).
    public func save(home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) throws {
        let file = Self.path(home: home)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Created with 0600 rather than chmod-ed afterwards, so the token is never readable by others.
        guard FileManager.default.createFile(atPath: file, contents: try encoder.encode(self), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
    }

    /// An unreadable `expiresAt` counts as expired, so the user is told to log in again
    /// instead of having the server reject a token of unknown age.
    public var isExpired: Bool {
        WireJSON.date(fromISO: expiresAt).map { $0 < Date() } ?? true
    }
}
