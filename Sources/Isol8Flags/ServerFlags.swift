import ArgumentParser

/// `--host`, `--key` and `--session-id`: an isol8 server to run on, taken the same way by
/// `isol8 run` and `isol8-tui`.
public struct ServerFlags: ParsableArguments {
    public init() {}

    @Option(help: "Run on a remote isol8 server (e.g. http://localhost:3000) instead of the local Docker daemon.")
    public var host: String?
    @Option(help: "API key for --host (default: ISOL8_API_KEY, then the credentials of `isol8 login`).")
    public var key: String?
    @Option(name: .customLong("session-id"), help: "Named session on the --host server; it persists after the run (implies --persistent).")
    public var sessionId: String?
}
