import Foundation

/// Replaces every secret value with `***` (compat §2.12 step 3) — in output, in network log
/// hosts and paths, and in the percent-encoded form a secret takes inside a URL.
///
/// Matching is on bytes, leftmost first and, where two secrets start at the same place, the
/// longer one, so a secret containing another is masked whole.
public struct SecretMasker: Sendable {
    static let replacement = Array("***".utf8)

    /// Secret values and their percent-encoded forms as bytes, longest first.
    let values: [[UInt8]]
    /// `startsSecret[b]`: some value begins with byte `b` (lets the scan skip most bytes).
    private let startsSecret: [Bool]

    public init(secrets: [String: String]) {
        var forms = Set<[UInt8]>()
        for value in secrets.values where !value.isEmpty {
            forms.insert(Array(value.utf8))
            if let encoded = value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) { forms.insert(Array(encoded.utf8)) }
        }
        values = forms.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        var starts = [Bool](repeating: false, count: 256)
        for value in values { starts[Int(value[0])] = true }
        startsSecret = starts
    }

    /// RFC 3986 unreserved characters: what a URL encoder leaves as is.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public var isEmpty: Bool { values.isEmpty }

    public func mask(_ text: String) -> String {
        guard !isEmpty else { return text }
        return String(decoding: mask(Array(text.utf8), final: true).masked, as: UTF8.self)
    }

    /// The entry with secrets masked in its host, path, matched host and rule.
    public func mask(_ entry: NetworkLogEntry) -> NetworkLogEntry {
        guard !isEmpty else { return entry }
        var entry = entry
        entry.host = mask(entry.host)
        entry.path = entry.path.map(mask)
        entry.matchedHost = entry.matchedHost.map(mask)
        entry.rule = entry.rule.map(mask)
        return entry
    }

    /// Masks `bytes` from the start. Unless `final`, it stops where the rest could still grow
    /// into a secret with more input: `consumed` tells how far it got.
    func mask(_ bytes: [UInt8], final: Bool) -> (masked: [UInt8], consumed: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        scan: while i < bytes.count {
            if startsSecret[Int(bytes[i])] {
                let rest = bytes.count - i
                for value in values {
                    if value.count <= rest {
                        if bytes[i..<(i + value.count)].elementsEqual(value) {
                            out += Self.replacement
                            i += value.count
                            continue scan
                        }
                    } else if !final, bytes[i...].elementsEqual(value.prefix(rest)) {
                        return (out, i)
                    }
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return (out, bytes.count)
    }
}
