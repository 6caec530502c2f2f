import Foundation

/// `POST /auth/login` with the master key (compat §8.7): asks a server with DB-backed auth
/// for a key of limited life, returned ready to store as `StoredCredentials`.
public struct LoginClient: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A non-2xx answer; 400 usually means the server runs without `--auth-db`.
        case rejected(status: Int, message: String)
        /// The server could not be reached or did not answer like an isol8 server.
        case transport(String)

        public var description: String {
            switch self {
            case .rejected(_, let message): return "Authentication failed: \(message)"
            case .transport(let reason): return "Login failed: \(reason)"
            }
        }
    }

    /// Server base URL without a trailing `/`.
    public let host: String

    public init(host: String) throws {
        let trimmed = host.hasSuffix("/") ? String(host.dropLast()) : host
        guard let url = URL(string: trimmed), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw RemoteError.invalidHost(host)
        }
        self.host = trimmed
    }

    public func login(masterKey: String, name: String, ttlMs: Int?) async throws -> StoredCredentials {
        var body: [String: Any] = ["name": name]
        if let ttlMs { body["ttlMs"] = ttlMs }
        let request = HTTPRequest(method: "POST", path: "/auth/login",
                                  headers: ["Content-Type: application/json", "Authorization: Bearer \(masterKey)"],
                                  body: try JSONSerialization.data(withJSONObject: body))
        let response: HTTPResponse
        do {
            response = try await CurlTransport(baseURL: host).send(request, timeoutSeconds: 30)
        } catch DockerError.unreachable(_, let reason) {
            throw Failure.transport("cannot reach \(host): \(reason)")
        } catch DockerError.protocolError(let reason) {
            throw Failure.transport("cannot reach \(host): \(reason)")
        }
        guard (200..<300).contains(response.status) else {
            throw Failure.rejected(status: response.status,
                                   message: WireJSON.errorMessage(response.body) ?? RemoteEngine.statusText(response.status))
        }
        let answer = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard let token = answer?["token"] as? String, let expiresAt = answer?["expiresAt"] as? String,
              let keyId = answer?["keyId"] as? String else {
            throw Failure.transport("\(host)/auth/login did not answer {\"token\",\"expiresAt\",\"keyId\"}; is it an isol8 server?")
        }
        return StoredCredentials(host: host, token: token, expiresAt: expiresAt, keyId: keyId)
    }
}
