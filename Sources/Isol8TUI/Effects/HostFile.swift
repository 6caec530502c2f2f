import Foundation

/// A host file read for an upload: a regular file only, and no more than `limit` bytes, so a
/// path to a device or a huge file is refused instead of filling memory.
enum HostFile {
    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ path: String, limit: Int) throws -> Data {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw Refused(description: "\(path) is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else { throw Refused(description: "\(path) is \(size) bytes; uploads take at most \(limit)") }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
