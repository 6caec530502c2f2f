import Foundation
import Isol8Core

/// Plain HTTP calls to the test server over libcurl (the same transport the remote
/// engine uses), returning status and raw body bytes.
struct HTTPClient {
    let baseURL: String
    /// nil sends no Authorization header at all.
    var authorization: String? = "Bearer \(ServerProcess.apiKey)"

    struct Reply {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    func call(_ method: String, _ path: String, body: Data? = nil) async throws -> Reply {
        var headers = ["Content-Type: application/json"]
        if let authorization { headers.append("Authorization: \(authorization)") }
        let response = try await CurlTransport(baseURL: baseURL).send(HTTPRequest(method: method, path: path, headers: headers, body: body),
                                                                     timeoutSeconds: 120)
        return Reply(status: response.status, body: response.body)
    }

    func call(_ method: String, _ path: String, json: Any) async throws -> Reply {
        try await call(method, path, body: try JSONSerialization.data(withJSONObject: json))
    }

    func execute(_ request: [String: Any], sessionId: String? = nil, options: [String: Any]? = nil, stream: Bool = false) async throws -> Reply {
        var envelope: [String: Any] = ["request": request]
        if let sessionId { envelope["sessionId"] = sessionId }
        if let options { envelope["options"] = options }
        return try await call("POST", stream ? "/execute/stream" : "/execute", json: envelope)
    }
}
