import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Private and local address ranges that fetched code must never come from (compat §2.19 step 6).
enum PrivateAddress {
    static func isPrivate(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            let ip = UInt32(bigEndian: v4.s_addr)
            func inRange(_ base: UInt32, _ bits: UInt32) -> Bool { ip >> (32 - bits) == base >> (32 - bits) }
            return inRange(0x0A00_0000, 8) || inRange(0x7F00_0000, 8) || inRange(0x0000_0000, 8) || inRange(0xA9FE_0000, 16)
                || inRange(0xAC10_0000, 12) || inRange(0xC0A8_0000, 16) || inRange(0x6440_0000, 10)
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            let lower = address.lowercased()
            return lower == "::1" || lower.hasPrefix("fc") || lower.hasPrefix("fd")
                || ["fe8", "fe9", "fea", "feb"].contains { lower.hasPrefix($0) }
        }
        return false
    }

    /// Every address the name resolves to, or nil when resolution fails.
    static func resolve(_ host: String) -> [String]? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return nil }
        defer { freeaddrinfo(first) }
        var addresses = [String]()
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                addresses.append(String(cString: buffer))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }
}
