import Foundation

/// Read-only views of one container for the TUI's container pane: inspect, a one-shot stats
/// sample, the process table and a `/sandbox` listing. The TUI never talks to Docker itself;
/// this is the whole surface it gets.
public struct ContainerInspector: Sendable {
    public let client: DockerClient

    public init(client: DockerClient) {
        self.client = client
    }

    /// Everything the pane shows. Stats, processes and the listing only exist while the
    /// container runs; for a stopped one they stay nil rather than failing the snapshot.
    public func snapshot(_ id: String) async throws -> ContainerSnapshot {
        let details = try await client.inspectContainer(id)
        var snapshot = ContainerSnapshot(details)
        guard snapshot.running else { return snapshot }
        snapshot.usage = try? await stats(id)
        snapshot.processes = try? await top(id)
        snapshot.sandboxListing = try? await sandboxListing(id)
        return snapshot
    }

    /// One stats sample, reduced to what a human reads.
    public func stats(_ id: String) async throws -> ContainerUsage {
        ContainerUsage(try await client.stats(id))
    }

    /// The process table as Docker's `top` reports it, with user names from the container's
    /// own `/etc/passwd` (uid 100 is `sandbox` there, whatever it is on the host).
    public func top(_ id: String) async throws -> ContainerProcessTable {
        let top = try await client.top(id, psArgs: "-o uid,pid,etime,args")
        let table = ContainerProcessTable(titles: top.Titles ?? [], rows: top.Processes ?? [])
        let passwd = try? await client.run(id, ExecSpec(cmd: ["head", "-c", String(ContainerUsers.maxPasswdBytes), "/etc/passwd"]))
        return ContainerUsers(passwd: passwd?.stdoutText ?? "").naming(table)
    }

    /// `ls -la /sandbox` run as root, so files the sandbox user made unreadable still show.
    public func sandboxListing(_ id: String) async throws -> String {
        let output = try await client.run(id, ExecSpec(cmd: ["ls", "-la", "/sandbox"]))
        return output.exitCode == 0 ? output.stdoutText : output.stderrText
    }
}
