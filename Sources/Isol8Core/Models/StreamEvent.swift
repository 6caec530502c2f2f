import Foundation

/// One event of a streamed execution (spec §1.4). Key order: type, data, phase.
public struct StreamEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case stdout, stderr, exit, error
        /// Port addition: one proxy log entry (`NetworkLogEntry` as JSON in `data`), emitted
        /// live in filtered mode; isol8 clients ignore unknown types.
        case network
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
