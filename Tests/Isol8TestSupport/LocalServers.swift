import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small servers the network tests start on the Docker bridge gateway, so containers can
/// reach them by `--add-host` names and nothing leaves this machine.
public final class LocalServers {
    public let gateway: String
    public let httpPort: Int
    public let echoPort: Int
    public let udpPort: Int
    public let udpLog: URL
    private var processes: [Process] = []

    public init() throws {
        gateway = try Self.bridgeGateway()
        let base = Int.random(in: 20000...50000)
        httpPort = base
        echoPort = base + 1
        udpPort = base + 2
        udpLog = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-udp-\(UUID().uuidString).log")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-www-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try "hello from the test server".write(to: root.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        try start(["-m", "http.server", "--bind", gateway, String(httpPort), "--directory", root.path])
        try start(["-c", """
        import socket, threading
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('\(gateway)', \(echoPort))); s.listen(16)
        def serve(c):
            while True:
                d = c.recv(4096)
                if not d: break
                c.sendall(b'echo:' + d)
            c.close()
        while True:
            c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
        """])
        try start(["-c", """
        import socket
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('\(gateway)', \(udpPort)))
        while True:
            d, a = s.recvfrom(4096)
            open('\(udpLog.path)', 'ab').write(d + b'\\n')
        """])
        try Self.waitForTCP(gateway, httpPort)
        try Self.waitForTCP(gateway, echoPort)
    }

    deinit {
        for process in processes where process.isRunning { process.terminate() }
    }

    /// `--add-host` flags naming the test hosts.
    public func hostFlags(_ names: [String]) -> [String] {
        names.flatMap { ["--add-host", "\($0):\(gateway)"] }
    }

    public var udpReceived: String { (try? String(contentsOf: udpLog, encoding: .utf8)) ?? "" }

    private func start(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        processes.append(process)
    }

    /// Returns once something accepts connections on host:port (servers start slowly under load).
    public static func waitForTCP(_ host: String, _ port: Int) throws {
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return }
            usleep(50_000)
        }
        throw NSError(domain: "LocalServers", code: 1, userInfo: [NSLocalizedDescriptionKey: "test server on \(host):\(port) did not start"])
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
