import Foundation

/// The Docker Engine API over libcurl. The API version is negotiated once, from the
/// `Api-Version` header of an unversioned `GET /_ping` (and `GET /version` only for a daemon
/// newer than this client); every other call is prefixed with it.
public final class DockerClient: @unchecked Sendable {
    public let transport: CurlTransport
    private let lock = NSLock()
    private var negotiated: APIVersion?
    private var limits: TargetLimits?

    public init(endpoint: DockerEndpoint) {
        transport = CurlTransport(endpoint: endpoint)
    }

    public static func fromEnvironment() throws -> DockerClient {
        DockerClient(endpoint: try DockerEndpoint.fromEnvironment())
    }

    public var endpoint: DockerEndpoint { transport.endpoint }

    // MARK: System

    public func ping() async throws {
        let response = try await transport.send(HTTPRequest(method: "GET", path: "/_ping"), timeoutSeconds: 10)
        guard response.status == 200 else { throw apiError(response) }
    }

    public func version() async throws -> DockerVersion {
        let response = try await transport.send(HTTPRequest(method: "GET", path: "/version"), timeoutSeconds: 10)
        guard response.status == 200 else { throw apiError(response) }
        return try decode(DockerVersion.self, response.body)
    }

    /// The version every call uses; asks the daemon the first time. A ping answers in well under
    /// a millisecond where `/version` asks containerd and runc for theirs (5-10 ms before every
    /// `isol8 run`); its version is enough unless the daemon is newer than this client, whose
    /// minimum then decides (`APIVersion.negotiate`).
    public func apiVersion() async throws -> APIVersion {
        if let known = lock.withLock({ negotiated }) { return known }
        let ping = try await transport.send(HTTPRequest(method: "GET", path: "/_ping", responseHeaders: ["Api-Version"]),
                                            timeoutSeconds: 10)
        guard ping.status == 200 else { throw apiError(ping) }
        let chosen: APIVersion
        if let server = ping.headers["Api-Version"].flatMap(APIVersion.init), server <= APIVersion.newestKnown {
            chosen = server
        } else {
            let version = try await self.version()
            guard let server = APIVersion(version.ApiVersion) else {
                throw DockerError.protocolError("daemon reported API version \"\(version.ApiVersion)\"")
            }
            chosen = APIVersion.negotiate(server: server, serverMinimum: version.MinAPIVersion.flatMap(APIVersion.init))
        }
        lock.withLock { negotiated = chosen }
        return chosen
    }

    public func info() async throws -> [String: Any] {
        let data = try await call("GET", "/info")
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// CPUs and memory of the daemon's host, read once: they bound what a run may ask for.
    public func targetLimits() async throws -> TargetLimits? {
        if let known = lock.withLock({ limits }) { return known }
        let read = TargetLimits(info: try await info())
        lock.withLock { limits = read }
        return read
    }

    // MARK: Containers

    public func createContainer(_ spec: ContainerSpec, name: String? = nil) async throws -> String {
        let query = name.map { "?name=\(escape($0))" } ?? ""
        do {
            let data = try await call("POST", "/containers/create\(query)", body: try JSONEncoder().encode(spec))
            struct Created: Decodable { var Id: String }
            return try decode(Created.self, data).Id
        } catch DockerError.api(404, let message) where message.lowercased().contains("image") {
            throw DockerError.imageMissing(spec.Image)
        }
    }

    public func startContainer(_ id: String) async throws {
        _ = try await call("POST", "/containers/\(id)/start", okStatuses: [204, 304])
    }

    public func inspectContainer(_ id: String) async throws -> ContainerDetails {
        try decode(ContainerDetails.self, try await call("GET", "/containers/\(id)/json"))
    }

    public func killContainer(_ id: String, signal: String = "KILL") async throws {
        _ = try await call("POST", "/containers/\(id)/kill?signal=\(signal)", okStatuses: [204])
    }

    public func stopContainer(_ id: String, graceSeconds: Int) async throws {
        _ = try await call("POST", "/containers/\(id)/stop?t=\(graceSeconds)", okStatuses: [204, 304])
    }

    public func removeContainer(_ id: String, force: Bool = true) async throws {
        _ = try await call("DELETE", "/containers/\(id)?force=\(force)&v=true", okStatuses: [204])
    }

    /// Lists containers; `filters` is Docker's map form, e.g. `["label": ["isol8.managed=true"]]`.
    public func listContainers(all: Bool = true, filters: [String: [String]] = [:]) async throws -> [ContainerSummary] {
        var path = "/containers/json?all=\(all ? 1 : 0)"
        if !filters.isEmpty { path += "&filters=\(escape(try jsonString(filters)))" }
        return try decode([ContainerSummary].self, try await call("GET", path))
    }

    public func stats(_ id: String) async throws -> ContainerStats {
        try decode(ContainerStats.self, try await call("GET", "/containers/\(id)/stats?stream=false&one-shot=true"))
    }

    /// `psArgs` are the arguments of the `ps` the daemon runs (default `-ef`).
    public func top(_ id: String, psArgs: String? = nil) async throws -> ContainerProcesses {
        let query = psArgs.map { "?ps_args=" + escape($0) } ?? ""
        return try decode(ContainerProcesses.self, try await call("GET", "/containers/\(id)/top" + query))
    }

    /// Uploads a tar stream and extracts it at `path` (needs a writable root filesystem).
    public func putArchive(_ id: String, path: String, tar: Data) async throws {
        let request = HTTPRequest(method: "PUT", path: try await versionPrefix() + "/containers/\(id)/archive?path=\(escape(path))",
                                  headers: ["Content-Type: application/x-tar"], body: tar)
        let response = try await transport.send(request, timeoutSeconds: 120)
        guard response.status == 200 else { throw apiError(response) }
    }

    /// A tar stream of `path` (a file or directory) from the container.
    public func getArchive(_ id: String, path: String) async throws -> Data {
        try await call("GET", "/containers/\(id)/archive?path=\(escape(path))")
    }

    /// Makes an image of a container's filesystem, applying Dockerfile `changes`.
    public func commit(_ id: String, repo: String, tag: String, changes: [String]) async throws {
        var path = "/commit?container=\(id)&repo=\(escape(repo))&tag=\(escape(tag))"
        for change in changes { path += "&changes=\(escape(change))" }
        _ = try await call("POST", path, body: Data("{}".utf8), okStatuses: [200, 201])
    }

    // MARK: Exec

    public func createExec(_ containerID: String, _ spec: ExecSpec) async throws -> String {
        let data = try await call("POST", "/containers/\(containerID)/exec", body: try JSONEncoder().encode(spec))
        struct Created: Decodable { var Id: String }
        return try decode(Created.self, data).Id
    }

    /// Starts an exec and streams its demultiplexed output to `onOutput` until it ends
    /// or `cancel` fires.
    public func startExec(_ execID: String, cancel: CancelToken? = nil,
                          onOutput: @escaping @Sendable (OutputChannel, Data) -> Void) async throws {
        let prefix = try await versionPrefix()
        let demuxer = DemuxBox()
        let request = HTTPRequest.json("POST", "\(prefix)/exec/\(execID)/start", Data(#"{"Detach":false,"Tty":false}"#.utf8))
        let response = try await transport.send(request, cancel: cancel) { chunk in
            for (stream, data) in demuxer.feed(chunk) { onOutput(stream, data) }
        }
        guard response.status == 200 else { throw apiError(response) }
    }

    public func inspectExec(_ execID: String) async throws -> ExecDetails {
        try decode(ExecDetails.self, try await call("GET", "/exec/\(execID)/json"))
    }

    /// Runs a command to completion and collects its output.
    public func run(_ containerID: String, _ spec: ExecSpec, stdin: Data? = nil) async throws -> ExecOutput {
        var spec = spec
        let execID: String
        if let stdin {
            spec.AttachStdin = true
            execID = try await createExec(containerID, spec)
            let output = try await HijackedExec(client: self).run(execID: execID, stdin: stdin)
            let exit = try await inspectExec(execID).ExitCode ?? 1
            return ExecOutput(stdout: output.stdout, stderr: output.stderr, exitCode: exit)
        }
        execID = try await createExec(containerID, spec)
        let collector = OutputCollector()
        try await startExec(execID) { stream, data in collector.append(stream, data) }
        let exit = try await inspectExec(execID).ExitCode ?? 1
        let (out, err) = collector.snapshot()
        return ExecOutput(stdout: out, stderr: err, exitCode: exit)
    }

    // MARK: Events

    /// Streams daemon events (one JSON object per line) until cancelled.
    /// With `until`, the daemon replays the events of that window and closes the stream.
    public func events(filters: [String: [String]] = [:], since: Double? = nil, until: Double? = nil,
                       cancel: CancelToken = CancelToken(),
                       onEvent: @escaping @Sendable (DockerEvent) -> Void) async throws {
        var query = [String]()
        if !filters.isEmpty { query.append("filters=\(escape(try jsonString(filters)))") }
        if let since { query.append("since=" + String(format: "%.6f", since)) }
        if let until { query.append("until=" + String(format: "%.6f", until)) }
        let path = "/events" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        let prefix = try await versionPrefix()
        let lines = LineSplitter()
        do {
            let response = try await transport.send(HTTPRequest(method: "GET", path: prefix + path), cancel: cancel) { chunk in
                for line in lines.feed(chunk) {
                    if let event = try? JSONDecoder().decode(DockerEvent.self, from: line) { onEvent(event) }
                }
            }
            guard response.status == 200 else { throw apiError(response) }
        } catch DockerError.cancelled {
            return
        }
    }

    // MARK: Images

    public func listImages(filters: [String: [String]] = [:]) async throws -> [ImageSummary] {
        var path = "/images/json"
        if !filters.isEmpty { path += "?filters=\(escape(try jsonString(filters)))" }
        return try decode([ImageSummary].self, try await call("GET", path))
    }

    /// Inspects an image; nil when it does not exist.
    public func inspectImage(_ name: String) async throws -> ImageDetails? {
        do {
            return try decode(ImageDetails.self, try await call("GET", "/images/\(escape(name))/json"))
        } catch DockerError.api(404, _) {
            return nil
        }
    }

    public func removeImage(_ name: String, force: Bool = true) async throws {
        _ = try await call("DELETE", "/images/\(escape(name))?force=\(force)")
    }

    public func tagImage(_ name: String, repo: String, tag: String) async throws {
        _ = try await call("POST", "/images/\(escape(name))/tag?repo=\(escape(repo))&tag=\(escape(tag))", okStatuses: [200, 201])
    }

    /// Imports a root filesystem tarball as `repo:tag`, applying Dockerfile `changes`
    /// (e.g. `ENTRYPOINT [...]`, `LABEL k=v`).
    public func importImage(tarball: URL, repo: String, tag: String, changes: [String]) async throws {
        let prefix = try await versionPrefix()
        var path = "\(prefix)/images/create?fromSrc=-&repo=\(escape(repo))&tag=\(escape(tag))"
        for change in changes { path += "&changes=\(escape(change))" }
        let request = HTTPRequest(method: "POST", path: path, headers: ["Content-Type: application/x-tar"], bodyFile: tarball)
        let response = try await transport.send(request)
        guard response.status == 200 else { throw apiError(response) }
        // Import reports failures inside the 200 progress stream.
        for line in String(decoding: response.body, as: UTF8.self).split(separator: "\n") {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               let error = object["error"] as? String {
                throw DockerError.api(status: 500, message: error)
            }
        }
    }

    // MARK: Plumbing

    func versionPrefix() async throws -> String { "/v\(try await apiVersion())" }

    /// A versioned call that must answer one of `okStatuses`; returns the body.
    func call(_ method: String, _ path: String, body: Data? = nil, okStatuses: Set<Int> = [200, 201]) async throws -> Data {
        let request = HTTPRequest.json(method, try await versionPrefix() + path, body)
        let response = try await transport.send(request, timeoutSeconds: 120)
        guard okStatuses.contains(response.status) else { throw apiError(response) }
        return response.body
    }

    func apiError(_ response: HTTPResponse) -> DockerError {
        struct Message: Decodable { var message: String }
        let message = (try? JSONDecoder().decode(Message.self, from: response.body).message)
            ?? String(decoding: response.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .api(status: response.status, message: message)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw DockerError.protocolError("cannot decode \(T.self): \(error)")
        }
    }

    private func jsonString(_ value: [String: [String]]) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private func escape(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#/[]{}\":,")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// Demuxer state shared with libcurl's callback thread.
final class DemuxBox: @unchecked Sendable {
    private var demuxer = FrameDemuxer()
    func feed(_ chunk: Data) -> [(OutputChannel, Data)] { demuxer.feed(chunk) }
}

/// Accumulates stdout and stderr from a callback thread.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data()
    private var stderr = Data()

    func append(_ stream: OutputChannel, _ data: Data) {
        lock.withLock {
            if stream == .stderr { stderr.append(data) } else { stdout.append(data) }
        }
    }

    func snapshot() -> (Data, Data) { lock.withLock { (stdout, stderr) } }
}

/// Splits a byte stream into newline-terminated lines across chunk boundaries.
final class LineSplitter: @unchecked Sendable {
    private var carry = Data()

    func feed(_ chunk: Data) -> [Data] {
        carry.append(chunk)
        var lines = [Data]()
        while let newline = carry.firstIndex(of: 0x0A) {
            let line = carry[carry.startIndex..<newline]
            if !line.isEmpty { lines.append(Data(line)) }
            carry.removeSubrange(carry.startIndex...newline)
        }
        return lines
    }
}
