import Foundation
import CCurl

/// HTTP over libcurl to a unix socket or TCP endpoint. Each transfer runs its own
/// `curl_multi` loop so a `CancelToken` can interrupt it immediately; bodies can be
/// streamed to a callback as they arrive.
public final class CurlTransport: @unchecked Sendable {
    public let endpoint: DockerEndpoint
    /// What every request path is appended to: the daemon's base URL, or any HTTP(S) server's.
    private let base: String

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public init(endpoint: DockerEndpoint) {
        _ = Self.globalInit
        self.endpoint = endpoint
        base = endpoint.baseURL
    }

    /// Any HTTP(S) server (the remote engine's isol8 server), e.g. `http://host:3000`;
    /// `endpoint` then only names the host and port.
    public init(baseURL: String) {
        _ = Self.globalInit
        let url = URL(string: baseURL)
        endpoint = .tcp(host: url?.host ?? baseURL, port: url?.port ?? (url?.scheme == "https" ? 443 : 80))
        base = baseURL
    }

    /// Runs the request on the calling thread. With `onData`, a 2xx body is handed over
    /// chunk by chunk and not kept; error bodies are always collected for the message.
    public func perform(_ request: HTTPRequest, timeoutSeconds: Int = 0, cancel: CancelToken? = nil,
                        onData: ((Data) -> Void)? = nil) throws -> HTTPResponse {
        guard let easy = curl_easy_init() else { throw DockerError.protocolError("curl_easy_init failed") }
        defer { curl_easy_cleanup(easy) }
        let context = TransferContext(easy: easy, onData: onData)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        configure(easy, request, timeoutSeconds: timeoutSeconds)
        for header in request.headers + ["Expect:"] { headerList = curl_slist_append(headerList, header) }
        ccurl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)

        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        ccurl_setopt_pointer(easy, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        ccurl_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, { ptr, size, count, userdata in
            let context = Unmanaged<TransferContext>.fromOpaque(userdata!).takeUnretainedValue()
            return context.receive(ptr!, size * count)
        })
        if let file = request.bodyFile {
            guard let handle = FileHandle(forReadingAtPath: file.path) else {
                throw DockerError.protocolError("cannot read \(file.path)")
            }
            context.upload = handle
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            ccurl_setopt_long(easy, CURLOPT_POST, 1)
            ccurl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(size))
            ccurl_setopt_pointer(easy, CURLOPT_READDATA, unmanaged.toOpaque())
            ccurl_setopt_data_callback(easy, CURLOPT_READFUNCTION, { ptr, size, count, userdata in
                let context = Unmanaged<TransferContext>.fromOpaque(userdata!).takeUnretainedValue()
                return context.send(ptr!, size * count)
            })
        }

        let code = try runMulti(easy, cancel: cancel)
        if context.status == 0 {
            var status: Int = 0
            ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            context.status = status
        }
        if code != CURLE_OK {
            if cancel?.isCancelled == true { throw DockerError.cancelled }
            var reason = String(cString: curl_easy_strerror(code))
            if case .tls(_, _, let certificates) = endpoint {
                reason += " (client certificate \(certificates.certFile), key \(certificates.keyFile), CA \(certificates.caFile))"
            }
            if code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST || context.status == 0 {
                throw DockerError.unreachable(endpoint: endpoint.description, reason: reason)
            }
            throw DockerError.protocolError(reason)
        }
        return HTTPResponse(status: context.status, body: context.collected,
                            headers: Self.headers(request.responseHeaders, of: easy))
    }

    /// The named headers of the last response on `easy` (curl keeps them after the transfer).
    private static func headers(_ names: [String], of easy: UnsafeMutableRawPointer) -> [String: String] {
        var found: [String: String] = [:]
        for name in names {
            var header: UnsafeMutablePointer<curl_header>?
            if curl_easy_header(easy, name, 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK, let value = header?.pointee.value {
                found[name] = String(cString: value)
            }
        }
        return found
    }

    /// Async wrapper: the blocking transfer runs off the cooperative pool.
    public func send(_ request: HTTPRequest, timeoutSeconds: Int = 0, cancel: CancelToken? = nil,
                     onData: (@Sendable (Data) -> Void)? = nil) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    continuation.resume(returning: try self.perform(request, timeoutSeconds: timeoutSeconds, cancel: cancel, onData: onData))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Connects and hands back the raw socket (for the hijacked exec-with-stdin connection).
    /// The caller owns the returned handle and must call `curl_easy_cleanup` on it.
    func connectRaw() throws -> (easy: UnsafeMutableRawPointer, fd: Int32) {
        guard let easy = curl_easy_init() else { throw DockerError.protocolError("curl_easy_init failed") }
        if case .tls = endpoint {
            curl_easy_cleanup(easy)
            throw DockerError.protocolError("sending stdin (and code over 100 kB) needs a plain connection; "
                + "TLS targets do not support it yet: drop --stdin, or use a target without TLS")
        }
        ccurl_setopt_string(easy, CURLOPT_URL, endpoint.baseURL + "/")
        if case .unix(let path) = endpoint { ccurl_setopt_string(easy, CURLOPT_UNIX_SOCKET_PATH, path) }
        ccurl_setopt_long(easy, CURLOPT_CONNECT_ONLY, 1)
        let code = curl_easy_perform(easy)
        guard code == CURLE_OK else {
            curl_easy_cleanup(easy)
            throw DockerError.unreachable(endpoint: endpoint.description, reason: String(cString: curl_easy_strerror(code)))
        }
        var fd: curl_socket_t = -1
        ccurl_getinfo_socket(easy, CURLINFO_ACTIVESOCKET, &fd)
        return (easy, fd)
    }

    private func configure(_ easy: UnsafeMutableRawPointer, _ request: HTTPRequest, timeoutSeconds: Int) {
        ccurl_setopt_string(easy, CURLOPT_URL, base + request.path)
        switch endpoint {
        case .unix(let path):
            ccurl_setopt_string(easy, CURLOPT_UNIX_SOCKET_PATH, path)
        case .tls(_, _, let certificates):
            ccurl_setopt_string(easy, CURLOPT_CAINFO, certificates.caFile)
            ccurl_setopt_string(easy, CURLOPT_SSLCERT, certificates.certFile)
            ccurl_setopt_string(easy, CURLOPT_SSLKEY, certificates.keyFile)
            ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, certificates.verify ? 1 : 0)
            ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, certificates.verify ? 2 : 0)
        case .tcp:
            break
        }
        ccurl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method)
        ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT, 10)
        if timeoutSeconds > 0 { ccurl_setopt_long(easy, CURLOPT_TIMEOUT, timeoutSeconds) }
        if request.method == "HEAD" { ccurl_setopt_long(easy, CURLOPT_NOBODY, 1) }
        if let body = request.body {
            ccurl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { raw in
                _ = ccurl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress))
            }
        } else if request.bodyFile == nil && (request.method == "POST" || request.method == "PUT") {
            ccurl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, 0)
            ccurl_setopt_string(easy, CURLOPT_POSTFIELDS, "")
        }
    }

    private func runMulti(_ easy: UnsafeMutableRawPointer, cancel: CancelToken?) throws -> CURLcode {
        guard let multi = curl_multi_init() else { throw DockerError.protocolError("curl_multi_init failed") }
        curl_multi_add_handle(multi, easy)
        cancel?.attach(multi)
        defer {
            cancel?.attach(nil)
            curl_multi_remove_handle(multi, easy)
            curl_multi_cleanup(multi)
        }
        var running: Int32 = 1
        while running > 0 {
            if cancel?.isCancelled == true { return CURLE_ABORTED_BY_CALLBACK }
            curl_multi_perform(multi, &running)
            if running > 0 { curl_multi_poll(multi, nil, 0, 1000, nil) }
        }
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            if message.pointee.msg == CURLMSG_DONE { return message.pointee.data.result }
        }
        return CURLE_OK
    }
}

/// Per-transfer state reached from libcurl's C callbacks.
private final class TransferContext {
    let easy: UnsafeMutableRawPointer
    let onData: ((Data) -> Void)?
    var status = 0
    var collected = Data()
    var upload: FileHandle?

    init(easy: UnsafeMutableRawPointer, onData: ((Data) -> Void)?) {
        self.easy = easy
        self.onData = onData
    }

    func receive(_ pointer: UnsafeMutablePointer<CChar>, _ length: Int) -> Int {
        if status == 0 {
            var code: Int = 0
            ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
            status = code
        }
        let chunk = Data(bytes: pointer, count: length)
        if let onData, (200..<300).contains(status) {
            onData(chunk)
        } else {
            collected.append(chunk)
        }
        return length
    }

    func send(_ pointer: UnsafeMutablePointer<CChar>, _ capacity: Int) -> Int {
        guard let upload else { return 0 }
        let chunk = upload.readData(ofLength: capacity)
        chunk.copyBytes(to: UnsafeMutableRawBufferPointer(start: pointer, count: capacity), count: chunk.count)
        return chunk.count
    }
}
