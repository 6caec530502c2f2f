/// Who sent a request, as `AuthMiddleware` found out: the master key, which sees every
/// session and may set every option, or a DB-backed key acting for one tenant.
enum Caller: Sendable, Equatable {
    case master
    case tenant(String)

    /// Whether this caller may see and use what `owner` made.
    func mayUse(_ owner: Caller) -> Bool { self == .master || self == owner }
}
