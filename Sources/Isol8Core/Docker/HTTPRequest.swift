import Foundation

/// One HTTP exchange with the daemon (or any HTTP server the transport reaches).
public struct HTTPRequest: Sendable {
    public var method: String
    /// Path with query, e.g. `/v1.41/containers/json?all=1`.
    public var path: String
    public var headers: [String]
    public var body: Data?
    /// A file streamed as the request body (image import) instead of `body`.
    public var bodyFile: URL?

    public init(method: String, path: String, headers: [String] = [], body: Data? = nil, bodyFile: URL? = nil) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.bodyFile = bodyFile
    }

    public static func json(_ method: String, _ path: String, _ body: Data?) -> HTTPRequest {
        HTTPRequest(method: method, path: path, headers: body == nil ? [] : ["Content-Type: application/json"], body: body)
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data
}
