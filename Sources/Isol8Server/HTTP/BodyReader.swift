import Foundation
import Hummingbird

/// Reads a request body up to the server's limit and parses it as a JSON object, turning
/// the failures into JSON 413/400 answers (the original fell through to a bare 500).
struct BodyReader: Sendable {
    let limit: Int

    func data(_ request: Request) async throws -> Data {
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(413, "Request body too large (limit \(limit) bytes)")
        }
    }

    /// The body as a JSON object; `lenient` turns a missing or invalid body into `{}`
    /// (how `/cleanup` treats it).
    func object(_ request: Request, lenient: Bool = false) async throws -> [String: Any] {
        let data = try await self.data(request)
        if lenient && data.isEmpty { return [:] }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            if lenient { return [:] }
            throw APIError(400, data.isEmpty ? "Request body is empty; expected a JSON object" : "Malformed JSON body")
        }
        guard let object = parsed as? [String: Any] else {
            if lenient { return [:] }
            throw APIError(400, "Request body must be a JSON object")
        }
        return object
    }
}
