import Foundation
import Logging

/// The engine of an isol8 server (compat §7): the same `Isol8Engine` calls, carried over
/// HTTP with libcurl. Streams go over the WebSocket (`GET /execute/ws`) and fall back to
/// SSE (`POST /execute/stream`) for good once a server refuses the WebSocket.
public final class RemoteEngine: Isol8Engine {
    /// Server base URL without a trailing `/`.
    public let host: String
    public let sessionId: String?
    /// Sent as the envelope's `options`; nil omits the key (server config applies).
    public let options: Isol8Options?
    private let apiKey: String
    private let transport: CurlTransport
    private let webSocket = WebSocketAvailability()
    private let logger: Logger

    /// `options.debug` turns this engine's `[DEBUG]` lines on; `sessionId` goes into the logger's metadata.
    public init(host: String, apiKey: String, sessionId: String? = nil, options: Isol8Options? = nil,
                logger: Logger = .console("isol8.remote")) throws {
        let logger = logger.debugging(options?.debug ?? false)
        self.logger = sessionId.map { logger.with("session", $0) } ?? logger
        var host = host
        if host.hasSuffix("/") { host.removeLast() }
        guard let url = URL(string: host), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw RemoteError.invalidHost(host)
        }
        self.host = host
        self.apiKey = apiKey
        self.sessionId = sessionId
        self.options = options
        transport = CurlTransport(baseURL: host)
    }

    /// Checks that an isol8 server answers at `host`.
    public func start() async throws {
        _ = try await serverVersion()
    }

    /// The version `GET /health` reports; fails unless an isol8 server answers.
    public func serverVersion() async throws -> String {
        let response = try await send(HTTPRequest(method: "GET", path: "/health"), timeoutSeconds: 10)
        guard (200..<300).contains(response.status) else { throw RemoteError.healthCheckFailed(status: response.status) }
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard object?["status"] as? String == "ok", let version = object?["version"] as? String else {
            throw RemoteError.notAnIsol8Server(host: host)
        }
        return version
    }

    /// Deletes the named session, if any; the server's answer does not matter here.
    public func stop() async {
        guard let sessionId else { return }
        _ = try? await send(request("DELETE", "/session/\(Self.escapePath(sessionId))"), timeoutSeconds: 10)
    }

    /// The server names no container, so `onContainer` is never called.
    public func execute(_ request: ExecutionRequest, cancel: CancelToken,
                        onContainer: (@Sendable (String) -> Void)?) async throws -> ExecutionResult {
        if let sessionId { onContainer?(sessionId) }
        let response = try await send(self.request("POST", "/execute", body: try Self.json(envelope(request))), cancel: cancel)
        try check(response, operation: "Execution failed")
        do {
            return try WireJSON.decodeResult(response.body)
        } catch {
            throw RemoteError.badResponse("POST /execute body is not an ExecutionResult (\(error))")
        }
    }

    public func executeStream(_ request: ExecutionRequest, cancel: CancelToken, onContainer: (@Sendable (String) -> Void)?,
                              emit: @escaping @Sendable (StreamEvent) -> Void) async throws {
        if let sessionId { onContainer?(sessionId) }
        let envelope = try self.envelope(request)
        if webSocket.state != .unavailable {
            do {
                try await streamOverWebSocket(envelope, cancel: cancel, emit: emit)
                return
            } catch let failure as WebSocketClient.Failure {
                // Only a server that never opened a WebSocket for this engine is
                // assumed to lack one; a failure after that is the stream's own.
                guard !failure.opened, webSocket.markUnavailableIfUnknown() else {
                    logger.debug(.remote, "WebSocket failed: \(failure.reason)")
                    throw RemoteError.webSocketFailed
                }
                logger.debug(.remote, "WebSocket unavailable (\(failure.reason)); streaming over SSE from now on")
            }
        }
        try await streamOverSSE(envelope, cancel: cancel, emit: emit)
    }

    private func streamOverWebSocket(_ envelope: [String: Any], cancel: CancelToken,
                                     emit: @escaping @Sendable (StreamEvent) -> Void) async throws {
        var message = envelope
        message["type"] = "execute"
        let text = String(decoding: try Self.json(message), as: UTF8.self)
        let (host, headers) = (self.host, ["Authorization: Bearer \(apiKey)"])
        let webSocket = self.webSocket
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            Thread.detachNewThread {
                do {
                    let socket = try WebSocketClient(baseURL: host, path: "/execute/ws", headers: headers, cancel: cancel)
                    webSocket.markAvailable()
                    try socket.sendText(text)
                    try socket.receiveMessages { self.deliver($0, to: emit) }
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private func streamOverSSE(_ envelope: [String: Any], cancel: CancelToken,
                               emit: @escaping @Sendable (StreamEvent) -> Void) async throws {
        let decoder = SSEStreamState()
        let response = try await send(request("POST", "/execute/stream", body: try Self.json(envelope)), cancel: cancel) { chunk in
            for payload in decoder.feed(chunk) { self.deliver(payload, to: emit) }
        }
        try check(response, operation: "Stream failed")
        for payload in decoder.finish() { self.deliver(payload, to: emit) }
    }

    public func putFile(_ path: String, _ data: Data) async throws {
        guard let sessionId else { throw RemoteError.sessionRequired }
        try await putFile(path, data, session: sessionId)
    }

    func putFile(_ path: String, _ data: Data, session sessionId: String) async throws {
        let body = JSONValue.object([("sessionId", .string(sessionId)), ("path", .string(path)),
                                     ("content", .string(data.base64EncodedString()))])
        let response = try await send(request("POST", "/file", body: Data(body.rendered.utf8)))
        try check(response, operation: "File upload failed")
    }

    public func targetLimits() async throws -> TargetLimits? { nil }

    /// Sessions are inspected through this port's `GET /session/:id/container`; the ids it
    /// takes are session ids.
    public var inspector: (any SandboxInspector)? { RemoteSessionInspector(engine: self) }

    public func getFile(_ path: String) async throws -> Data {
        guard let sessionId else { throw RemoteError.sessionRequired }
        return try await getFile(path, session: sessionId)
    }

    func getFile(_ path: String, session sessionId: String) async throws -> Data {
        let query = "sessionId=\(Self.escapeQuery(sessionId))&path=\(Self.escapeQuery(path))"
        let response = try await send(request("GET", "/file?" + query))
        try check(response, operation: "File download failed")
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard let content = object?["content"] as? String, let data = Data(base64Encoded: content) else {
            throw RemoteError.badResponse("GET /file body has no base64 \"content\"")
        }
        return data
    }

    /// The server's sessions, in creation order.
    public func listSessions() async throws -> [SessionInfo] {
        let response = try await send(request("GET", "/sessions"))
        try check(response, operation: "Failed to list sessions")
        struct Listing: Decodable { var sessions: [SessionInfo] }
        do {
            return try JSONDecoder().decode(Listing.self, from: response.body).sessions
        } catch {
            throw RemoteError.badResponse("GET /sessions body is not a session list")
        }
    }

    /// The container of session `id` as `GET /session/:id/container` reports it (an addition
    /// of this port's server); `DockerError.api(404, …)` when the session or its container is gone.
    public func sessionContainer(_ id: String) async throws -> ContainerSnapshot {
        var snapshot = try await inspectSession(id, "container", ContainerSnapshot.self, purpose: "inspecting a session's container")
        snapshot.id = id
        return snapshot
    }

    /// The server's log lines, the recent ones first, until `cancel` fires or the server ends
    /// the stream: `GET /debug/events`, an addition of this port's server that takes the master
    /// key. A server without it (an original isol8 server) gives `RemoteError.notOffered`.
    public func followServerLog(cancel: CancelToken, onLine: @escaping @Sendable (ServerLogLine) -> Void) async throws {
        let decoder = SSEStreamState()
        let response = try await send(request("GET", "/debug/events"), cancel: cancel) { chunk in
            for payload in decoder.feed(chunk) { ServerLogLine(event: payload).map(onLine) }
        }
        if response.status == 404 { throw RemoteError.notOffered(host: host, route: "GET /debug/events", purpose: "the server's debug lines") }
        try check(response, operation: "Following the server's log failed")
    }

    /// The `/sandbox` tree of session `id`: `GET /session/:id/files`, an addition of this
    /// port's server like the container route.
    func sessionFiles(_ id: String) async throws -> [SandboxFile] {
        try await inspectSession(id, "files", [SandboxFile].self, purpose: "listing a session's files")
    }

    /// `GET /session/:id/<what>`. This server's 404s about a session name it; any other 404
    /// is a server without the route.
    private func inspectSession<Answer: Decodable>(_ id: String, _ what: String, _ type: Answer.Type, purpose: String) async throws -> Answer {
        let response = try await send(request("GET", "/session/\(Self.escapePath(id))/\(what)"), timeoutSeconds: 30)
        if response.status == 404 {
            guard let message = WireJSON.errorMessage(response.body), message.contains(id) else {
                throw RemoteError.notOffered(host: host, route: "GET /session/:id/\(what)", purpose: purpose)
            }
            throw DockerError.api(status: 404, message: message)
        }
        try check(response, operation: "Failed at GET /session/\(id)/\(what)")
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw RemoteError.badResponse("GET /session/\(id)/\(what) answered something else than \(purpose) needs")
        }
    }

    /// Stops and forgets a session; deleting an unknown id succeeds (the server is idempotent).
    public func deleteSession(_ id: String) async throws {
        let response = try await send(request("DELETE", "/session/\(Self.escapePath(id))"))
        try check(response, operation: "Failed to delete session")
    }

    // MARK: HTTP

    private func request(_ method: String, _ path: String, body: Data? = nil) -> HTTPRequest {
        HTTPRequest(method: method, path: path,
                    headers: ["Content-Type: application/json", "Authorization: Bearer \(apiKey)"], body: body)
    }

    /// `{request, options, sessionId}` with absent keys left out.
    private func envelope(_ request: ExecutionRequest) throws -> [String: Any] {
        var object: [String: Any] = ["request": try JSONSerialization.jsonObject(with: JSONEncoder().encode(request))]
        if let options { object["options"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(options)) }
        if let sessionId { object["sessionId"] = sessionId }
        return object
    }

    private static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])
    }

    private func send(_ request: HTTPRequest, timeoutSeconds: Int = 0, cancel: CancelToken? = nil,
                      onData: (@Sendable (Data) -> Void)? = nil) async throws -> HTTPResponse {
        do {
            return try await transport.send(request, timeoutSeconds: timeoutSeconds, cancel: cancel, onData: onData)
        } catch DockerError.unreachable(_, let reason) {
            throw RemoteError.unreachable(host: host, reason: reason)
        } catch DockerError.protocolError(let reason) {
            throw RemoteError.unreachable(host: host, reason: reason)
        }
    }

    private func check(_ response: HTTPResponse, operation: String) throws {
        guard !(200..<300).contains(response.status) else { return }
        let message = WireJSON.errorMessage(response.body) ?? Self.statusText(response.status)
        if response.status == 401 || response.status == 403 {
            throw RemoteError.keyRejected(operation: operation, status: response.status, message: message)
        }
        throw RemoteError.http(operation: operation, status: response.status, message: message)
    }

    private func deliver(_ payload: String, to emit: (StreamEvent) -> Void) {
        let trimmed = payload.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        if let event = WireJSON.decodeEvent(trimmed) {
            emit(event)
        } else {
            // Malformed messages are skipped, as the original client ignores what it cannot parse.
            self.logger.debug(.remote, "Skipping malformed stream event: \(trimmed.prefix(200))")
        }
    }

    /// What the original shows when an error body has no `error`: the status text.
    static func statusText(_ status: Int) -> String {
        let reasons = [400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
                       413: "Payload Too Large", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"]
        return reasons[status].map { "\(status) \($0)" } ?? "HTTP \(status)"
    }

    static func escapeQuery(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func escapePath(_ text: String) -> String { escapeQuery(text) }
}

/// The SSE decoder shared with libcurl's write callback thread.
private final class SSEStreamState: @unchecked Sendable {
    private let lock = NSLock()
    private var decoder = SSEDecoder()

    func feed(_ chunk: Data) -> [String] { lock.withLock { decoder.feed(chunk) } }
    func finish() -> [String] { lock.withLock { decoder.finish() } }
}
