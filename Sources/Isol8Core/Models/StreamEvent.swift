import Foundation

/// One event of a streamed execution (compat §1.4). Key order: type, data, phase.
public struct StreamEvent: Codable, Sendable, Equatable {
    /// The event's `type`. Open rather than an enum: a type this build does not know (a
    /// newer server's) still decodes and re-encodes unchanged, so a client passes it on
    /// instead of dropping it; displays ignore what they do not know.
    public struct Kind: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public static let stdout = Kind(rawValue: "stdout")
        public static let stderr = Kind(rawValue: "stderr")
        public static let exit = Kind(rawValue: "exit")
        public static let error = Kind(rawValue: "error")
        /// Port addition: one proxy log entry (`NetworkLogEntry` as JSON in `data`), emitted
        /// live in filtered mode; isol8 clients ignore unknown types.
        public static let network = Kind(rawValue: "network")

        public var description: String { rawValue }
    }

    public enum Phase: String, Codable, Sendable {
        case setup, code
    }

    public var type: Kind
    public var data: String
    public var phase: Phase?

    public init(_ type: Kind, _ data: String, phase: Phase? = .code) {
        self.type = type
        self.data = data
        self.phase = phase
    }
}
