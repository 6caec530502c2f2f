import Crypto
import Foundation
import CCurl

/// Fetches `codeUrl` sources after every check of compat §2.19, in isol8's order.
/// Port decision: a host named explicitly by `allowedHosts` may resolve to a private
/// address (that is how a test or an intranet source is allowed on purpose); with the
/// default empty list, private addresses are always refused.
public struct RemoteCodeFetcher: Sendable {
    public let policy: RemoteCodePolicy

    public init(policy: RemoteCodePolicy) { self.policy = policy }

    public func fetch(_ urlText: String, allowInsecure: Bool, expectedHash: String?) throws -> String {
        guard policy.enabled else { throw fail("Remote code fetching is disabled. Set remoteCode.enabled=true to allow it.") }
        guard let url = URLComponents(string: urlText), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty else {
            throw fail("Invalid URL: \(urlText)")
        }
        if scheme == "http" && !allowInsecure {
            throw fail("Insecure code URL blocked. Use allowInsecureCodeUrl=true to allow HTTP.")
        }
        guard policy.allowedSchemes.map({ $0.lowercased() }).contains(scheme) else { throw fail("URL scheme not allowed: \(scheme)") }
        let explicitlyAllowed = try !policy.allowedHosts.isEmpty && matchesAny(policy.allowedHosts, host)
        if !policy.allowedHosts.isEmpty && !explicitlyAllowed { throw fail("Blocked code URL host: \(host)") }
        if try matchesAny(policy.blockedHosts, host) { throw fail("Blocked code URL host: \(host)") }
        if !explicitlyAllowed { try refusePrivate(host) }
        if policy.requireHash && (expectedHash ?? "").isEmpty {
            throw fail("Hash verification required: provide codeHash for remote code execution.")
        }
        let body = try download(urlText)
        guard !body.isEmpty else { throw fail("Remote code response body is empty") }
        guard let text = String(data: body, encoding: .utf8) else { throw fail("Fetched code appears to be binary content") }
        if text.contains("\u{0}") { throw fail("Fetched code appears to be binary content") }
        if let expectedHash, !expectedHash.isEmpty {
            guard SHA256.hash(data: body).hexString == expectedHash.lowercased() else { throw fail("Remote code hash mismatch") }
        }
        return text
    }

    private func fail(_ message: String) -> Isol8Error { .invalidOption(message) }

    private func matchesAny(_ patterns: [String], _ host: String) throws -> Bool {
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else {
                throw fail("Invalid remoteCode host pattern: \"\(pattern)\"")
            }
            if regex.firstMatch(in: host, range: NSRange(host.startIndex..., in: host)) != nil { return true }
        }
        return false
    }

    private func refusePrivate(_ host: String) throws {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if PrivateAddress.isPrivate(bare) { throw fail("Blocked code URL host: \(host)") }
        guard let addresses = PrivateAddress.resolve(bare) else { throw fail("Failed to resolve code URL host: \(host)") }
        if addresses.contains(where: PrivateAddress.isPrivate) { throw fail("Blocked code URL host: \(host)") }
    }

    private func download(_ url: String) throws -> Data {
        guard let easy = curl_easy_init() else { throw fail("Failed to fetch remote code: curl_easy_init failed") }
        defer { curl_easy_cleanup(easy) }
        let sink = DownloadSink(limit: policy.maxCodeSize)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        ccurl_setopt_string(easy, CURLOPT_URL, url)
        ccurl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 1)
        ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(easy, CURLOPT_TIMEOUT_MS, policy.fetchTimeoutMs)
        ccurl_setopt_pointer(easy, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        ccurl_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION) { pointer, size, count, context in
            let sink = Unmanaged<DownloadSink>.fromOpaque(context!).takeUnretainedValue()
            return sink.append(pointer!, size * count) ? size * count : 0
        }
        let code = curl_easy_perform(easy)
        if sink.overflowed { throw fail("Remote code exceeds maxCodeSize (\(policy.maxCodeSize) bytes)") }
        if code == CURLE_OPERATION_TIMEDOUT { throw fail("Remote code fetch timed out after \(policy.fetchTimeoutMs)ms") }
        guard code == CURLE_OK else { throw fail("Failed to fetch remote code: \(String(cString: curl_easy_strerror(code)))") }
        var status = 0
        ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else { throw fail("Failed to fetch remote code: HTTP \(status)") }
        return sink.data
    }
}

/// Collects a download, refusing to grow past the size cap.
private final class DownloadSink {
    let limit: Int
    var data = Data()
    var overflowed = false

    init(limit: Int) { self.limit = limit }

    func append(_ pointer: UnsafeMutablePointer<CChar>, _ length: Int) -> Bool {
        guard data.count + length <= limit else {
            overflowed = true
            return false
        }
        data.append(Data(bytes: pointer, count: length))
        return true
    }
}
