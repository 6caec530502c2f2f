import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Port choice for `isol8 serve` (compat §6.1): `--port` > `ISOL8_PORT` > `PORT` > 3000,
/// and the checks behind the busy-port fallback.
public enum PortResolver {
    public struct InvalidPort: Error, CustomStringConvertible {
        public let source: String
        public let raw: String
        public var description: String { "Invalid port from \(source): \(raw). Expected 1-65535." }
    }

    public static let defaultPort = 3000

    public static func requested(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        let candidates: [(String, String?)] = [("--port", flag), ("ISOL8_PORT", environment["ISOL8_PORT"]), ("PORT", environment["PORT"])]
        for (source, raw) in candidates {
            guard let raw, !raw.isEmpty else { continue }
            guard let port = Int(raw), (1...65535).contains(port) else { throw InvalidPort(source: source, raw: raw) }
            return port
        }
        return defaultPort
    }

    /// Whether a listener could bind `host:port` now (same SO_REUSEADDR as the server).
    public static func isAvailable(_ port: Int, host: String) -> Bool {
        bindProbe(port: port, host: host) != nil
    }

    /// A port the OS hands out as free.
    public static func freePort(host: String) -> Int? {
        bindProbe(port: 0, host: host)
    }

    /// Binds and listens on a throwaway socket; the bound port, or nil if that failed.
    private static func bindProbe(port: Int, host: String) -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let name = host == "localhost" ? "127.0.0.1" : host
        if inet_pton(AF_INET, name, &address.sin_addr) != 1 { address.sin_addr.s_addr = INADDR_ANY }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1) == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
