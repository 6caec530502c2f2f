#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one spelling of a host that the rules judge and the proxy connects to.
///
/// The resolver reaches the same machine through many spellings: names in any letter case or
/// with a trailing dot, IPv4 addresses as one number (`2886795265`), in hex (`0xac110001`),
/// octal (`0254.021.0.1`) or short forms (`172.17.1`, `127.1`), and IPv4 inside IPv6
/// (`::ffff:172.17.0.1`). Matching rules against what the client typed would let any of these
/// walk past a deny rule written for the usual spelling, so every host is brought to one form
/// first: lowercase ASCII, no trailing dot, IPv4 as a dotted quad, other IPv6 in its compressed
/// form (RFC 5952).
public enum CanonicalHost {
    /// The canonical form of `host` (given without brackets or port).
    public static func of(_ host: String) -> String {
        var name = String(decoding: host.utf8.map(lowercasedASCII), as: UTF8.self)
        if name.count > 1, name.hasSuffix(".") { name.removeLast() }
        if let address = ipv4(name) { return dottedQuad(address) }
        if name.contains(":"), let ipv6 = ipv6(name) { return ipv6 }
        return name
    }

    /// IPv4 in any spelling `inet_aton` accepts: one to four parts, each decimal, octal
    /// (leading `0`) or hex (`0x`), the last part filling the bytes the others left.
    static func ipv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var values: [UInt64] = []
        for part in parts {
            guard let value = number(part) else { return nil }
            values.append(value)
        }
        var address: UInt64 = 0
        for (position, value) in values.dropLast().enumerated() {
            guard value <= 0xFF else { return nil }
            address |= value << (24 - 8 * UInt64(position))
        }
        let lastBits = 32 - 8 * UInt64(values.count - 1)
        guard values.last! < (1 << lastBits) else { return nil }
        return UInt32(address | values.last!)
    }

    private static func number(_ part: Substring) -> UInt64? {
        var digits = part
        var radix = 10
        if digits.hasPrefix("0x") {
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count > 1, digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        // Digits only: `UInt64(_:radix:)` would also take a sign, which inet_aton does not.
        guard !digits.isEmpty, digits.allSatisfy(\.isHexDigit) else { return nil }
        return UInt64(digits, radix: radix)
    }

    private static func dottedQuad(_ address: UInt32) -> String {
        [24, 16, 8, 0].map { String((address >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }

    /// An IPv6 literal in `inet_ntop`'s compressed form; an IPv4-mapped one
    /// (`::ffff:a.b.c.d`) as the IPv4 address it reaches.
    private static func ipv6(_ text: String) -> String? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: address) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }
}
