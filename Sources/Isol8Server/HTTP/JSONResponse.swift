import Foundation
import Hummingbird
import Isol8Core

/// Builds JSON responses from ordered `JSONValue`s (the bodies are compared byte for byte).
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: value.rendered)))
    }

    static func ok(_ value: JSONValue) -> Response { make(.ok, value) }

    static func error(_ status: Int, _ message: String) -> Response {
        make(HTTPResponse.Status(code: status), WireJSON.error(message))
    }

    static let okTrue = JSONValue.object([("ok", .bool(true))])
}
