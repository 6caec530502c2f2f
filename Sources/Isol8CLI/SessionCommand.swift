import ArgumentParser
import Foundation
import Isol8Core

/// `isol8 session list|stop` against a remote server (compat §8.9).
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "List or stop sessions on a remote isol8 server.",
        subcommands: [SessionList.self, SessionStop.self]
    )
}

/// `--host` and `--key`, shared by the session subcommands.
struct RemoteFlags: ParsableArguments {
    @Option(help: "isol8 server URL, e.g. http://localhost:3000.")
    var host: String
    @Option(help: "API key (default: ISOL8_API_KEY, then the credentials of `isol8 login`).")
    var key: String?

    func engine() throws -> RemoteEngine {
        do {
            let apiKey = try RemoteKeyResolver().resolve(flag: key, host: host) { Console.warn($0) }
            return try RemoteEngine(host: host, apiKey: apiKey, logger: Console.log)
        } catch {
            throw CLIFailure("[ERR] \(error)")
        }
    }
}

struct SessionList: Isol8Subcommand {
    static let commandName = "session"
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the server's sessions.")

    @OptionGroup var remote: RemoteFlags
    @Flag(help: "Print the sessions as a JSON array.")
    var json = false
    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        let sessions: [SessionInfo]
        do {
            sessions = try await remote.engine().listSessions()
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("[ERR] \(error)")
        }
        if json {
            Console.info(JSONValue.array(sessions.map(WireJSON.session)).prettyRendered)
            return
        }
        guard !sessions.isEmpty else {
            Console.info("[INFO] No active sessions.")
            return
        }
        Console.info("\n  \(sessions.count) active session(s):\n")
        for session in sessions {
            Console.info("  \(session.id)  [\(session.isActive ? "running" : "idle")]  last accessed: \(Self.localTime(session.lastAccessedAt))")
        }
    }

    static func localTime(_ iso: String) -> String {
        guard let date = WireJSON.date(fromISO: iso) else { return iso }
        return Cleanup.localTime(date)
    }
}

struct SessionStop: Isol8Subcommand {
    static let commandName = "session"
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop a session and remove its container.",
                                                    aliases: ["delete"])

    @Argument(help: "The session id.")
    var id: String
    @OptionGroup var remote: RemoteFlags
    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        do {
            try await remote.engine().deleteSession(id)
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("[ERR] \(error)")
        }
        Console.info("[OK] Session \"\(id)\" destroyed.")
    }
}
