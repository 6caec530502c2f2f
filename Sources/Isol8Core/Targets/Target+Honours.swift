extension Target {
    /// Why a run on this target would not take `option` as set, or nil when it would. A Docker
    /// daemon takes every engine option. An isol8 server takes only what its request carries,
    /// and a session's container keeps what it was created with: a knob changed there would
    /// otherwise be dropped without a word.
    public func ignores(_ option: CatalogOption) -> String? {
        guard case .server(_, _, let session) = kind, option.isEngineOption else { return nil }
        guard option.requestPath != nil else {
            return "\(name) is an isol8 server, which decides \(option.key) itself: no request field carries it"
        }
        if let session, !option.perRun {
            return "session \(session) on \(name) keeps the \(option.key) its container was created with"
        }
        return nil
    }
}
