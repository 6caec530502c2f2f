import Foundation
import Isol8Core
import Logging

/// Writes to the process streams without Swift's stdout buffering getting between
/// streamed chunks and the terminal.
enum Console {
    /// `--debug` is accepted anywhere on the command line and takes effect before parsing.
    static let debugRequested = CommandLine.arguments.dropFirst().contains("--debug")
    /// The command's own lines (`[DEBUG] [CLI] …`, on stderr); engines log through copies of it.
    static let log = Logger.lines("isol8.cli", debug: debugRequested, write: LineLogHandler.command)

    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    static func info(_ line: String) { out(line + "\n") }
    static func warn(_ line: String) { err("[WARN] " + line + "\n") }
    static func error(_ line: String) { err(line.hasPrefix("[ERR]") || line.hasPrefix("Error") ? line + "\n" : "[ERR] " + line + "\n") }

    static var architecture: String {
        #if arch(x86_64)
        return "x64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return "unknown"
        #endif
    }
}
