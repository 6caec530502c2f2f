/// The responses the proxy writes itself, byte for byte as the original handler did.
enum ProxyResponse {
    static let connectionEstablished = "HTTP/1.1 200 Connection Established\r\n\r\n"

    static func forbidden(_ message: String) -> String {
        plain(status: "403 Forbidden", body: message)
    }

    static func badGateway(host: String, port: String) -> String {
        plain(status: "502 Bad Gateway", body: "isol8: proxy error: connection to \(host):\(port) failed")
    }

    static func badRequest(_ message: String) -> String {
        plain(status: "400 Bad Request", body: message)
    }

    private static func plain(status: String, body: String) -> String {
        "HTTP/1.1 \(status)\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    }
}
