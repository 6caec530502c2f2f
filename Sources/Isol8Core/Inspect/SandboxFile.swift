import Foundation

/// One entry of a sandbox's `/sandbox` tree. The path comes from the sandboxed code and is
/// untrusted: sanitise it before a terminal.
public struct SandboxFile: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case file, directory, link, other
    }

    public var path: String
    public var kind: Kind
    public var size: Int
    public var modified: Date

    public init(path: String, kind: Kind, size: Int, modified: Date) {
        self.path = path
        self.kind = kind
        self.size = size
        self.modified = modified
    }

    /// Entries listed at most: a tree of a million files must not cost the front end memory.
    public static let listLimit = 5_000

    /// `find -printf '%y\t%s\t%T@\t%p\0'` output; a record that does not parse is left out.
    static func parse(findOutput: Data) -> [SandboxFile] {
        findOutput.split(separator: 0).prefix(listLimit).compactMap { record in
            let fields = String(decoding: record, as: UTF8.self).split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let size = Int(fields[1]), let seconds = Double(fields[2]) else { return nil }
            let kind: Kind = switch fields[0] {
            case "f": .file
            case "d": .directory
            case "l": .link
            default: .other
            }
            return SandboxFile(path: String(fields[3]), kind: kind, size: size, modified: Date(timeIntervalSince1970: seconds))
        }
    }

    /// The command that lists a tree for `parse`, as root so unreadable entries still show.
    static let findCommand = ["sh", "-c", "find /sandbox -mindepth 1 -printf '%y\\t%s\\t%T@\\t%p\\0' | head -z -n \(listLimit)"]
}
