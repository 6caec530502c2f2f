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
    /// Response headers to hand back in `HTTPResponse.headers` (the rest are not kept).
    public var responseHeaders: [String]

    public init(method: String, path: String, headers: [String] = [], body: Data? = nil, bodyFile: URL? = nil,
                responseHeaders: [String] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.bodyFile = bodyFile
        self.responseHeaders = responseHeaders
    }

    public static func json(_ method: String, _ path: String, _ body: Data?) -> HTTPRequest {
        HTTPRequest(method: method, path: path, headers: body == nil ? [] : ["Content-Type: application/json"], body: body)
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var body: Data
    /// The headers the request asked for (`HTTPRequest.responseHeaders`) that the response had.
    public var headers: [String: String] = [:]
}
