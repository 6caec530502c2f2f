import Foundation

/// Writes one file into a sandbox as the sandbox user, creating parent directories. The bytes
/// travel on the exec's stdin, so binary content is exact, into a temporary name beside the
/// target that is renamed only once all of it is there: a write cut short (a full `/sandbox`,
/// a dropped connection) leaves the old file or none, never half of the new one.
struct SandboxFileWriter {
    let client: DockerClient
    let containerID: String

    private static let script = #"""
        mkdir -p "$(dirname "$1")" || exit 1
        part="$1.isol8-part-$$"
        if cat > "$part"; then mv -f "$part" "$1"; else rm -f "$part"; exit 1; fi
        """#

    func write(_ data: Data, to path: String) async throws {
        let output = try await client.run(containerID, ExecSpec(cmd: ["sh", "-c", Self.script, "sh", path], user: "sandbox"), stdin: data)
        guard output.exitCode == 0 else { throw Isol8Error.fileWrite(path: path, exitCode: output.exitCode) }
    }
}
