import Foundation

/// A failure a route answers with `{"error": message}` and this status.
struct APIError: Error, CustomStringConvertible {
    var status: Int
    var message: String

    init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }
}
