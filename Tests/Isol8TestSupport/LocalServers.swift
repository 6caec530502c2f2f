import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small servers the network tests start on the Docker bridge gateway, so containers can
/// reach them by `--add-host` names and nothing leaves this machine. Each binds port 0 and
/// prints the port it got once it listens, so a test never races a half-started server
/// nor a port someone else took. `stop()` in the owner's tearDown.
public final class LocalServers {
    public let gateway: String
    public let httpPort: Int
    public let echoPort: Int
    public let udpPort: Int
    public let udpLog: URL
    private let servers: [HelperProcess]

    public init() throws {
        gateway = try Self.bridgeGateway()
        udpLog = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-udp-\(UUID().uuidString).log")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-www-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "hello from the test server".write(to: root.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        var started: [HelperProcess] = []
        do {
            let http = try Self.startPythonServer(["-m", "http.server", "--bind", gateway, "0", "--directory", root.path])
            started.append(http.process)
            let echo = try Self.startPythonServer(["-c", """
            import socket, threading
            s = socket.socket(); s.bind(('\(gateway)', 0)); s.listen(16)
            print('listening on port', s.getsockname()[1], flush=True)
            def serve(c):
                while True:
                    d = c.recv(4096)
                    if not d: break
                    c.sendall(b'echo:' + d)
                c.close()
            while True:
                c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
            """])
            started.append(echo.process)
            let udp = try Self.startPythonServer(["-c", """
            import socket
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('\(gateway)', 0))
            print('listening on port', s.getsockname()[1], flush=True)
            while True:
                d, a = s.recvfrom(4096)
                open('\(udpLog.path)', 'ab').write(d + b'\\n')
            """])
            started.append(udp.process)
            (httpPort, echoPort, udpPort) = (http.port, echo.port, udp.port)
        } catch {
            for server in started { server.stop(timeout: 10) }
            throw error
        }
        servers = started
    }

    deinit { stop() }

    public func stop() {
        for server in servers { server.stop(timeout: 10) }
    }

    /// `--add-host` flags naming the test hosts.
    public func hostFlags(_ names: [String]) -> [String] {
        names.flatMap { ["--add-host", "\($0):\(gateway)"] }
    }

    public var udpReceived: String { (try? String(contentsOf: udpLog, encoding: .utf8)) ?? "" }

    /// Sends `text` to the UDP server from this machine. Datagrams are logged in arrival
    /// order, so once this one is in the log, anything a finished container sent before
    /// it would be too: a barrier for asserting that nothing else arrived.
    public func sendDatagram(_ text: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw Spawn.Failed(argv: ["socket"], reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(udpPort).bigEndian)
        inet_pton(AF_INET, gateway, &address.sin_addr)
        let bytes = Array(text.utf8)
        let sent = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard sent == bytes.count else { throw Spawn.Failed(argv: ["sendto"], reason: String(cString: strerror(errno))) }
    }

    /// Starts a python3 server that prints `… port N …` once it listens (as http.server does).
    public static func startPythonServer(_ arguments: [String]) throws -> (process: HelperProcess, port: Int) {
        let process = try HelperProcess(["python3", "-u"] + arguments)
        do {
            let output = try Poll.until("\(arguments.prefix(2).joined(separator: " ")) to print its port",
                                        look: { (process.output, process.exitStatus) },
                                        holds: { output, status in
                                            if let status { throw Spawn.Failed(argv: process.argv, reason: "exited \(status): \(output)\(process.errors)") }
                                            return output.range(of: #" port \d+\s"#, options: .regularExpression) != nil
                                        },
                                        describe: { "stdout:\n\($0.0)\nstderr:\n\(process.errors)" }).0
            let match = output.range(of: #" port \d+"#, options: .regularExpression)!
            return (process, Int(output[match].dropFirst(" port ".count))!)
        } catch {
            process.stop(timeout: 10)
            throw error
        }
    }

    /// The IPv4 address of docker0, the gateway containers on the default bridge see.
    public static func bridgeGateway() throws -> String {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { throw NSError(domain: "LocalServers", code: 2) }
        defer { freeifaddrs(first) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            if String(cString: entry.pointee.ifa_name) == "docker0", let address = entry.pointee.ifa_addr,
               address.pointee.sa_family == sa_family_t(AF_INET) {
                var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { var a = $0.pointee.sin_addr; _ = inet_ntop(AF_INET, &a, &buffer, socklen_t(buffer.count)) }
                return String(cString: buffer)
            }
            cursor = entry.pointee.ifa_next
        }
        throw NSError(domain: "LocalServers", code: 3, userInfo: [NSLocalizedDescriptionKey: "docker0 has no IPv4 address"])
    }
}
