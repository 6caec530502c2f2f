#if canImport(Glibc)
import Glibc
#endif

/// Command-line options of terminal-demo.
struct DemoOptions {
    var mouse = true
    var pidFile: String?
    var wakeEveryMs: Int?
    var suspendCommand = "true"

    init(arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let arg = it.next() {
            switch arg {
            case "--no-mouse": mouse = false
            case "--pid-file": pidFile = it.next()
            case "--wake-every": wakeEveryMs = it.next().flatMap { Int($0) }
            case "--suspend-command": suspendCommand = it.next() ?? "true"
            default:
                fputs("terminal-demo: unknown option \(arg)\n", stderr)
                exit(2)
            }
        }
    }
}
