import Foundation

/// Info lines on stdout and error lines on stderr, written unbuffered so a parent process
/// (or a test) sees them at once.
enum ServerConsole {
    static func info(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    static func warn(_ line: String) { FileHandle.standardError.write(Data(("[WARN] " + line + "\n").utf8)) }
    static func error(_ line: String) { FileHandle.standardError.write(Data(("[ERROR] " + line + "\n").utf8)) }
}
