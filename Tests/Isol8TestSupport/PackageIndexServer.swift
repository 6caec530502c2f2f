import Foundation

/// A package index the test serves itself on the Docker bridge gateway: a PEP 503 simple
/// index with one pure-Python wheel and an npm registry with one tarball, both written
/// here, so installs never reach the internet.
public final class PackageIndexServer {
    public let gateway: String
    public let port: Int
    private let server: HelperProcess

    /// Builds the index in a fresh folder and serves it; `stop()` in the owner's tearDown.
    public init(gateway: String) throws {
        self.gateway = gateway
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // The metadata names the index by its host only: the port is known once it listens.
        let build = try Spawn.run(["python3", "-c", Self.buildScript, root.path, "http://index.test:{port}"])
        guard build.status == 0 else { throw Spawn.Failed(argv: ["python3", "-c", "<index build script>"], reason: "exit \(build.status)") }
        (server, port) = try LocalServers.startPythonServer(["-m", "http.server", "--bind", gateway, "0", "--directory", root.path])
        let metadata = root.appendingPathComponent("npm/isol8-demo/index.html")
        let text = try String(contentsOf: metadata, encoding: .utf8).replacingOccurrences(of: "{port}", with: String(port))
        try text.write(to: metadata, atomically: true, encoding: .utf8)
    }

    deinit { stop() }

    public func stop() { server.stop(timeout: 10) }

    public var pipIndexURL: String { "http://index.test:\(port)/simple/" }
    public var npmRegistry: String { "http://index.test:\(port)/npm/" }
    public var hostFlag: [String] { ["--add-host", "index.test:\(gateway)"] }

    /// Writes simple/isol8-demo/<wheel> (+ index.html) and npm/isol8-demo (metadata) + tarball.
    private static let buildScript = #"""
    import sys, os, zipfile, tarfile, io, json, hashlib, base64
    root, base = sys.argv[1], sys.argv[2]
    whl_name = 'isol8_demo-1.0-py3-none-any.whl'
    os.makedirs(f'{root}/simple/isol8-demo')
    files = {
        'isol8_demo/__init__.py': b'def greet():\n    return "hello from the local index"\n',
        'isol8_demo-1.0.dist-info/METADATA': b'Metadata-Version: 2.1\nName: isol8-demo\nVersion: 1.0\n',
        'isol8_demo-1.0.dist-info/WHEEL': b'Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    }
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()
        record.append(f'{name},sha256={digest},{len(data)}')
    record.append('isol8_demo-1.0.dist-info/RECORD,,')
    with zipfile.ZipFile(f'{root}/simple/isol8-demo/{whl_name}', 'w') as z:
        for name, data in files.items(): z.writestr(name, data)
        z.writestr('isol8_demo-1.0.dist-info/RECORD', '\n'.join(record) + '\n')
    open(f'{root}/simple/isol8-demo/index.html', 'w').write(f'<html><body><a href="{whl_name}">{whl_name}</a></body></html>')
    open(f'{root}/simple/index.html', 'w').write('<html><body><a href="isol8-demo/">isol8-demo</a></body></html>')
    os.makedirs(f'{root}/npm/isol8-demo/-')
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w:gz') as t:
        for name, data in {'package/package.json': json.dumps({'name': 'isol8-demo', 'version': '1.0.0', 'main': 'index.js'}).encode(),
                           'package/index.js': b'module.exports = () => "hello from the local registry";\n'}.items():
            info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
    tgz = buf.getvalue()
    open(f'{root}/npm/isol8-demo/-/isol8-demo-1.0.0.tgz', 'wb').write(tgz)
    meta = {'name': 'isol8-demo', 'dist-tags': {'latest': '1.0.0'}, 'versions': {'1.0.0': {
        'name': 'isol8-demo', 'version': '1.0.0', 'main': 'index.js',
        'dist': {'tarball': f'{base}/npm/isol8-demo/-/isol8-demo-1.0.0.tgz', 'shasum': hashlib.sha1(tgz).hexdigest()}}}}
    open(f'{root}/npm/isol8-demo/index.html', 'w').write(json.dumps(meta))
    """#
}
