import Foundation
import Isol8Core

/// `request.timeoutMs` checked with the catalog's `timeoutMs` bounds, as `options.timeoutMs`
/// already is: zero or a negative value used to run and answer "TIMED OUT". Checked on the
/// raw JSON value, before the request is decoded.
enum TimeoutBounds {
    /// Throws 400 for a value outside the catalog's bounds or of the wrong kind.
    static func checkRequest(_ value: Any?) throws {
        guard let value, !(value is NSNull), let option = OptionCatalog.option("timeoutMs") else { return }
        do {
            _ = try option.decode(value, limits: nil)
        } catch let problem as OptionProblem {
            throw APIError(400, OptionError(name: "request.timeoutMs", value: "\(value)", problem: problem).description)
        }
    }
}
