import Foundation
import Isol8Core
import TerminalKit

/// The Files overlay: a sandbox's `/sandbox` tree, and one file open in the viewer.
public struct FilesState: Sendable {
    /// The container (or session) the tree belongs to.
    public var sandbox: String
    public var entries: [SandboxFile]
    public var selection = 0
    /// The file shown, if one is open.
    public var viewing: FileView?

    /// A file's text as the viewer shows it: sanitised text, or a hex dump of binary bytes.
    public struct FileView: Sendable {
        public var path: String
        public var lines: [String]
        public var firstLine = 0

        public init(path: String, data: Data) {
            self.path = path
            if let text = String(data: data, encoding: .utf8), !text.unicodeScalars.contains(where: { $0.value == 0 }) {
                lines = TextSanitizer.sanitize(text).components(separatedBy: "\n")
            } else {
                lines = FileView.hexDump(data)
            }
        }

        /// `00000010  68 65 6c 6c 6f …  |hello…|`, sixteen bytes a line.
        static func hexDump(_ data: Data) -> [String] {
            stride(from: 0, to: data.count, by: 16).map { offset in
                let row = data[data.startIndex + offset..<data.startIndex + min(offset + 16, data.count)]
                let hex = row.map { String(format: "%02x", $0) }.joined(separator: " ")
                let ascii = String(row.map { $0 >= 0x20 && $0 < 0x7F ? Character(UnicodeScalar($0)) : "." })
                return String(format: "%08x  ", offset) + hex.padding(toLength: 47, withPad: " ", startingAt: 0) + "  |" + ascii + "|"
            }
        }
    }

    public init(sandbox: String, entries: [SandboxFile]) {
        self.sandbox = sandbox
        self.entries = entries
    }

    public var selected: SandboxFile? { entries.indices.contains(selection) ? entries[selection] : nil }
}
