import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 of files, remembered on disk by (size, mtime, inode) the way git's index does, so
/// asking for the recipe hash again does not re-read a 50 MB binary each time.
struct FileDigestMemo {
    let storeURL: URL

    func digest(of url: URL) throws -> String {
        let path = url.resolvingSymlinksInPath().path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw RootfsBuildError.extraFileUnreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        #if os(Linux)
        let mtime = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #else
        let mtime = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #endif
        let key = "\(info.st_size) \(mtime) \(info.st_ino)"
        var entries = load()
        if let entry = entries[path], entry.hasPrefix(key + " ") {
            return String(entry.dropFirst(key.count + 1))
        }
        let digest = try hashFile(url)
        entries[path] = key + " " + digest
        save(entries)
        return digest
    }

    private func hashFile(_ url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw RootfsBuildError.extraFileUnreadable(path: url.path, reason: "cannot open for reading")
        }
        defer { handle.closeFile() }
        var hasher = SHA256()
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().hexString
    }

    private func load() -> [String: String] {
        guard let data = try? Data(contentsOf: storeURL),
              let entries = try? JSONDecoder().decode([String: String].self, from: data) else { return [:] }
        return entries
    }

    /// Best effort: without the memo the digest is only recomputed, never wrong.
    private func save(_ entries: [String: String]) {
        guard let data = try? JSONEncoder().encode(entries) else { return }
        try? FileManager.default.createDirectory(at: storeURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: storeURL, options: .atomic)
    }
}
