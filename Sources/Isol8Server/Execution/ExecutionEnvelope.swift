import Foundation
import Isol8Core

/// The body of `/execute`, `/execute/stream` and a WebSocket `execute` message (compat §6.3):
/// `{"request": ExecutionRequest, "options": Isol8Options?, "sessionId": string?}`.
struct ExecutionEnvelope {
    /// The runtime as sent, for debug lines (an unknown one is still logged).
    var runtimeName: String
    /// Nil when the runtime is unknown: the engine's error then goes to the client the
    /// way engine errors do (500, or an `error` frame), not as a 400.
    var request: ExecutionRequest?
    var options: [String: Any]?
    var sessionId: String?

    init(_ object: [String: Any]) throws {
        guard let request = object["request"] else { throw APIError(400, "Missing \"request\" in body") }
        guard var fields = request as? [String: Any] else { throw APIError(400, "\"request\" must be an object") }
        guard let runtime = fields["runtime"] as? String else { throw APIError(400, "Missing \"request.runtime\"") }
        try TimeoutBounds.checkRequest(fields["timeoutMs"])
        runtimeName = runtime
        if let sessionId = object["sessionId"], !(sessionId is NSNull) {
            guard let text = sessionId as? String, !text.isEmpty else { throw APIError(400, "\"sessionId\" must be a non-empty string") }
            self.sessionId = text
        }
        if let options = object["options"], !(options is NSNull) {
            guard let dict = options as? [String: Any] else { throw APIError(400, "\"options\" must be an object") }
            self.options = dict
        }
        guard Runtime(rawValue: runtime) != nil else { return }
        fields = fields.filter { !($0.value is NSNull) }
        do {
            let data = try JSONSerialization.data(withJSONObject: fields)
            self.request = try JSONDecoder().decode(ExecutionRequest.self, from: data)
        } catch let error as DecodingError {
            throw APIError(400, "Invalid \"request\": \(Self.describe(error))")
        }
    }

    /// The engine error for an unknown runtime, raised where engine errors are handled.
    func validRequest() throws -> ExecutionRequest {
        guard let request else { throw Isol8Error.unknownRuntime(runtimeName) }
        return request
    }

    /// `[Server] Code source: …` as the original words it.
    var codeSourceLine: String {
        if let url = request?.codeUrl { return "Code source: url=\(url)" }
        return "Code source: inline (\(request?.code?.count ?? 0) chars)"
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "missing \(key.stringValue)"
        @unknown default:
            return "\(error)"
        }
    }
}
