import Glibc
import NetworkPolicy

/// isol8-proxy: the filtering HTTP/CONNECT proxy started as root inside filtered containers.
///
/// An `@main` type rather than top-level code in main.swift: with top-level code, the release
/// build (SwiftPM renames the entry point with `-entry-point-function-name`) sends the Swift 6.3
/// optimizer into an endless loop.
@main
enum ProxyMain {
    static func main() {
        // A client that disappears mid-write must cost one connection, not the whole proxy.
        signal(SIGPIPE, SIG_IGN)

        let options: ProxyOptions
        do {
            options = try ProxyOptions.parse(Array(CommandLine.arguments.dropFirst()),
                                             environment: ProxyOptions.processEnvironment)
        } catch {
            fail("\(error)", status: 2)
        }
        if options.showHelp {
            StandardStream.standardOutput(ProxyOptions.usage)
            exit(0)
        }

        let whitelist = patterns(json: options.whitelistJSON, variable: "ISOL8_WHITELIST", file: options.whitelistFile)
        let blacklist = patterns(json: options.blacklistJSON, variable: "ISOL8_BLACKLIST", file: options.blacklistFile)
        let rules: NetworkRules
        do {
            rules = try NetworkRules.validated(whitelist: whitelist, blacklist: blacklist)
        } catch {
            fail("\(error)", status: 2)
        }

        let state = StateDirectory(path: options.stateDirectory)
        let listener: Listener
        do {
            try state.prepare(whitelist: whitelist, blacklist: blacklist)
            listener = try Listener.open(host: options.listenHost, port: options.port)
        } catch {
            fail("\(error)", status: 1)
        }

        // Same line as the original launcher; with --port 0 it is how a caller learns the port.
        StandardStream.standardOutput("isol8 proxy listening on \(options.listenHost):\(listener.port)\n")
        serve(listener, rules: rules, state: state)
    }

    /// Accepts forever, one thread per connection.
    private static func serve(_ listener: Listener, rules: NetworkRules, state: StateDirectory) -> Never {
        while true {
            let client = Socket.nonBlocking(listener.accept())
            let handler = ConnectionHandler(client: client, rules: rules, state: state)
            if !DetachedThread.start({ handler.run() }) {
                client.close()
            }
        }
    }

    /// Patterns from the JSON variable first, then from the file, in order.
    private static func patterns(json: String, variable: String, file: String?) -> [String] {
        var list: [String]
        do {
            list = try PatternList.decodeJSON(json)
        } catch {
            fail("\(variable) is not a JSON array of strings: \(error)", status: 2)
        }
        if let file {
            do {
                list += PatternList.decodeLines(try FileText.read(file))
            } catch {
                fail("\(error)", status: 2)
            }
        }
        return list
    }

    private static func fail(_ message: String, status: Int32) -> Never {
        StandardStream.standardError("isol8-proxy: \(message)\n")
        exit(status)
    }
}
