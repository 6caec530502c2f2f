import XCTest
@testable import Isol8Core

/// The embedded seccomp profile refuses what Docker's default refuses to unprivileged callers
/// (new namespaces, io_uring) while ordinary process creation keeps working, and /dev/shm has
/// a size the options set.
final class SyscallFilterTests: XCTestCase {
    /// Runs Python as the sandbox user; `syscall(n, …)` prints "<rc> <errno>".
    private func python(_ code: String) throws -> CLI.Outcome {
        let prelude = """
        import ctypes, os, platform
        libc = ctypes.CDLL(None, use_errno=True)
        CLONE = 56 if platform.machine() == "x86_64" else 220
        def call(*args):
            ctypes.set_errno(0)
            rc = libc.syscall(*args)
            if rc == 0 and args[0] == CLONE:
                os._exit(0)
            if rc > 0 and args[0] == CLONE:
                os.waitpid(rc, 0)
            return f"{min(rc, 1)} {ctypes.get_errno()}"

        """
        return try CLI.run(["run", "--no-stream", "-e", prelude + code])
    }

    func testUnshareOfAUserNamespaceFailsWithEPERM() throws {
        let outcome = try CLI.run(["run", "-r", "bash", "--no-stream", "-e", "unshare -U true; echo rc=$?"])
        XCTAssertTrue(outcome.stderr.contains("Operation not permitted"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "rc=1\n")
    }

    func testCloneWithAnyNamespaceFlagFailsWithEPERM() throws {
        // SIGCHLD (17) plus one namespace flag each: NEWUSER, NEWNET, NEWNS, NEWPID, NEWUTS, NEWIPC, NEWCGROUP.
        let flags = ["0x10000000", "0x40000000", "0x00020000", "0x20000000", "0x04000000", "0x08000000", "0x02000000"]
        let code = "print(' | '.join(call(CLONE, 17 | f, 0, 0, 0, 0) for f in [\(flags.joined(separator: ", "))]))"
        let outcome = try python(code)
        XCTAssertEqual(outcome.stdout, Array(repeating: "-1 1", count: flags.count).joined(separator: " | ") + "\n", outcome.stderr)
    }

    func testClone3AnswersENOSYSSoLibcFallsBackToClone() throws {
        let outcome = try python("print(call(435, 0, 0))")
        XCTAssertEqual(outcome.stdout, "-1 38\n", outcome.stderr)
    }

    func testIoUringSetupFailsWithEPERM() throws {
        let outcome = try python("print(call(425, 1, 0))")
        XCTAssertEqual(outcome.stdout, "-1 1\n", outcome.stderr)
    }

    func testForkThreadsAndSubprocessesStillWork() throws {
        let code = """
        import threading, subprocess
        print("plain clone", call(CLONE, 17, 0, 0, 0, 0))
        results = []
        threads = [threading.Thread(target=lambda i=i: results.append(i)) for i in range(4)]
        for t in threads: t.start()
        for t in threads: t.join()
        print("threads", sorted(results))
        print(subprocess.run(["sh", "-c", "echo subprocess $((6*7))"], capture_output=True, text=True).stdout.strip())
        pid = os.fork()
        if pid == 0:
            os._exit(3)
        print("fork exit", os.waitpid(pid, 0)[1] >> 8)
        """
        let outcome = try python(code)
        XCTAssertEqual(outcome.stdout, "plain clone 1 0\nthreads [0, 1, 2, 3]\nsubprocess 42\nfork exit 3\n", outcome.stderr)
        let node = try CLI.run(["run", "-r", "node", "--no-stream", "-e",
                                "console.log(require('child_process').execFileSync('sh', ['-c', 'echo node child']).toString().trim())"])
        XCTAssertEqual(node.stdout, "node child\n", node.stderr)
    }

    func testDevShmIsSizedByTheShmSizeOption() async throws {
        let script = "df -B1 --output=size /dev/shm | tail -1 | tr -d ' '; head -c 20M /dev/zero > /dev/shm/fill 2>/dev/null; stat -c %s /dev/shm/fill"
        var options = Isol8Options()
        options.shmSize = "8m"
        let small = try DockerEngine(options: options)
        let sized = try await small.execute(ExecutionRequest(runtime: .bash, code: script))
        let inspected = try await Daemon.client.inspectContainer(try XCTUnwrap(sized.containerId))
        let snapshot = ContainerSnapshot(inspected)
        await small.stop()
        XCTAssertEqual(snapshot.limits.shmBytes, 8 << 20, "the size the container pane shows")
        XCTAssertEqual(sized.stdout, "8388608\n8388608", sized.stderr)

        let standard = try DockerEngine()
        let byDefault = try await standard.execute(ExecutionRequest(runtime: .bash, code: "df -B1 --output=size /dev/shm | tail -1 | tr -d ' '"))
        await standard.stop()
        XCTAssertEqual(byDefault.stdout, String(try ByteSize(Isol8Options().shmSize).bytes), byDefault.stderr)
    }
}
