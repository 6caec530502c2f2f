import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The build's temporary directory and the lock that serialises builds sharing a cache.
/// Build directories sit next to the cache so the finished tarball is renamed, not copied, and
/// are named with a fixed prefix so a later build can sweep those a killed build left behind.
enum RootfsScratch {
    static let prefix = ".rootfs-build-"

    /// An exclusive `flock` on `<cache>/rootfs.lock`; released when the process dies, so a
    /// crashed build never blocks the next one.
    struct Lock {
        fileprivate let fd: Int32

        func release() {
            _ = flock(fd, LOCK_UN)
            close(fd)
        }
    }

    static func lock(in directory: URL, onWait: () -> Void) throws -> Lock {
        let path = directory.appendingPathComponent("rootfs.lock").path
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else {
            throw RootfsBuildError.fileSystem("Cannot create \(path): \(String(cString: strerror(errno))) — check the permissions of \(directory.path).")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            onWait()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw RootfsBuildError.fileSystem("Cannot lock \(path): \(String(cString: strerror(errno)))")
                }
            }
        }
        return Lock(fd: fd)
    }

    static func create(in directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(prefix + UUID().uuidString.prefix(8).lowercased())
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            throw RootfsBuildError.fileSystem("Cannot create the build directory \(url.path): \(error.localizedDescription)")
        }
        return url
    }

    /// Only call while holding the lock: then every build directory present is abandoned.
    static func sweepStale(in directory: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            remove(directory.appendingPathComponent(name))
        }
    }

    /// debootstrap mounts /proc, /sys and sometimes bind-mounts host devices inside the target;
    /// a killed run can leave them mounted, and deleting through a bind mount would delete
    /// host files. So detach every mount below `url` first, and let rm refuse to cross into
    /// any other file system.
    static func remove(_ url: URL) {
        let root = url.resolvingSymlinksInPath().path
        for mountPoint in mountPoints(under: root).sorted(by: { $0.count > $1.count }) {
            #if os(Linux)
            _ = umount2(mountPoint, Int32(MNT_DETACH))
            #endif
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        #if os(Linux)
        process.arguments = ["-rf", "--one-file-system", root]
        #else
        process.arguments = ["-rf", root]
        #endif
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) != nil { process.waitUntilExit() }
    }

    static func mountPoints(under root: String) -> [String] {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return [] }
        return table.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            guard fields.count > 4 else { return nil }
            let mountPoint = unescapeOctal(String(fields[4]))
            return mountPoint.hasPrefix(root + "/") ? mountPoint : nil
        }
    }

    /// mountinfo writes space, tab, newline and backslash as `\ooo`.
    private static func unescapeOctal(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count,
               let value = UInt8(String(decoding: utf8[i + 1 ... i + 3], as: UTF8.self), radix: 8) {
                bytes.append(value)
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
