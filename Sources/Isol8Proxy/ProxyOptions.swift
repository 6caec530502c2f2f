import Glibc

/// Where the proxy listens, where it keeps state, and where its rules come from.
///
/// Flags win over environment variables; the environment is what the engine uses inside the
/// images (`ISOL8_WHITELIST`, `ISOL8_BLACKLIST`, `ISOL8_PROXY_PORT`).
struct ProxyOptions: Equatable {
    var listenHost = "127.0.0.1"
    var port = 8118
    var stateDirectory = StateDirectory.defaultPath
    var whitelistJSON = ""
    var blacklistJSON = ""
    var whitelistFile: String?
    var blacklistFile: String?
    var showHelp = false

    struct UsageError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static let usage = """
        usage: isol8-proxy [--listen HOST] [--port PORT] [--state-dir DIR]
                           [--whitelist-file FILE] [--blacklist-file FILE]

        Filtering HTTP/CONNECT proxy for isol8 containers.

          --listen HOST          address to listen on (default 127.0.0.1)
          --port PORT            port to listen on; 0 picks a free one (default 8118,
                                 or $ISOL8_PROXY_PORT)
          --state-dir DIR        where whitelist, blacklist, network.jsonl and
                                 security-events.jsonl live (default /tmp/isol8-proxy,
                                 or $ISOL8_PROXY_DIR)
          --whitelist-file FILE  extra allow patterns, one POSIX ERE per line
                                 (or $ISOL8_WHITELIST_FILE)
          --blacklist-file FILE  extra deny patterns, one POSIX ERE per line
                                 (or $ISOL8_BLACKLIST_FILE)

        $ISOL8_WHITELIST and $ISOL8_BLACKLIST hold JSON arrays of patterns.
        Exit status 2: bad arguments or an invalid pattern.

        """

    /// Reads `environment` first, then `arguments` (without the program name) on top.
    static func parse(_ arguments: [String], environment: (String) -> String?) throws -> ProxyOptions {
        var options = ProxyOptions()
        if let port = environment("ISOL8_PROXY_PORT"), !port.isEmpty {
            options.port = try parsePort(port, source: "ISOL8_PROXY_PORT")
        }
        if let dir = environment("ISOL8_PROXY_DIR"), !dir.isEmpty { options.stateDirectory = dir }
        options.whitelistJSON = environment("ISOL8_WHITELIST") ?? ""
        options.blacklistJSON = environment("ISOL8_BLACKLIST") ?? ""
        options.whitelistFile = environment("ISOL8_WHITELIST_FILE").flatMap { $0.isEmpty ? nil : $0 }
        options.blacklistFile = environment("ISOL8_BLACKLIST_FILE").flatMap { $0.isEmpty ? nil : $0 }

        var rest = arguments[...]
        while let argument = rest.popFirst() {
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws -> String {
                if let inlineValue { return inlineValue }
                guard let next = rest.popFirst() else { throw UsageError(message: "\(name) needs a value") }
                return next
            }
            switch name {
            case "--listen": options.listenHost = try value()
            case "--port": options.port = try parsePort(try value(), source: "--port")
            case "--state-dir": options.stateDirectory = try value()
            case "--whitelist-file": options.whitelistFile = try value()
            case "--blacklist-file": options.blacklistFile = try value()
            case "-h", "--help": options.showHelp = true
            default: throw UsageError(message: "unknown argument \(argument) (see --help)")
            }
        }
        return options
    }

    private static func parsePort(_ text: String, source: String) throws -> Int {
        guard let port = Int(text), (0...65_535).contains(port) else {
            throw UsageError(message: "\(source) must be a port number 0-65535, got \"\(text)\"")
        }
        return port
    }

    /// The process environment, read through `getenv` (no Foundation in this binary).
    static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
