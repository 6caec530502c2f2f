import XCTest
@testable import Isol8Core

/// The lock-down itself, observed from inside the container.
final class SandboxTests: XCTestCase {
    private func bash(_ script: String, _ extra: [String] = []) throws -> CLI.Outcome {
        try CLI.run(["run", "-r", "bash", "--no-stream", "-e", script] + extra)
    }

    func testRootFilesystemIsReadOnlyAndTmpfsWritable() throws {
        let outcome = try bash("touch /usr/x 2>&1; echo sandbox > /sandbox/a && cat /sandbox/a; echo tmp > /tmp/b && cat /tmp/b")
        XCTAssertTrue(outcome.stdout.contains("Read-only file system"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("sandbox\ntmp"), outcome.stdout)
    }

    func testTmpfsSizesAreEnforced() throws {
        let script = "for d in /sandbox /tmp; do head -c 20M /dev/zero > $d/big 2>/dev/null; echo \"$d rc=$? size=$(stat -c %s $d/big)\"; done"
        let outcome = try bash(script, ["--sandbox-size", "8m", "--tmp-size", "4m"])
        XCTAssertEqual(outcome.stdout, "/sandbox rc=1 size=8388608\n/tmp rc=1 size=4194304\n", outcome.stderr)
    }

    func testCodeRunsAsUid100() throws {
        XCTAssertEqual(try bash("id -u; id -g").stdout, "100\n101\n")
    }

    func testNetworkNoneHasOnlyLoopback() throws {
        let outcome = try bash("ls /sys/class/net")
        XCTAssertEqual(outcome.stdout, "lo\n")
    }

    func testBlockedSyscallFailsWithEPERM() throws {
        let outcome = try CLI.run(["run", "--no-stream", "-e", "import ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\nrc = libc.unshare(0x20000000)\nprint(rc, ctypes.get_errno())"])
        XCTAssertEqual(outcome.stdout, "-1 1\n", outcome.stderr)
    }

    func testLimitsAreAppliedByDocker() async throws {
        let outcome = try CLI.run(["run", "--debug", "--persist", "--memory", "96m", "--cpu", "0.5", "--pids-limit", "20", "-e", "print(1)"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let kept = try await Daemon.existing(Daemon.containersCreated(in: outcome.stderr))
        XCTAssertEqual(kept.count, 1)
        let id = try XCTUnwrap(kept.first)
        let details = try await Daemon.client.inspectContainer(id)
        XCTAssertEqual(details.HostConfig?.Memory, 96 * 1024 * 1024)
        XCTAssertEqual(details.HostConfig?.MemorySwap, 96 * 1024 * 1024)
        XCTAssertEqual(details.HostConfig?.NanoCpus, 500_000_000)
        XCTAssertEqual(details.HostConfig?.PidsLimit, 20)
        XCTAssertEqual(details.HostConfig?.ReadonlyRootfs, true)
        try await Daemon.client.removeContainer(id, force: true)
    }
}
