import XCTest
@testable import Isol8Core

final class ExecutionPlanTests: XCTestCase {
    func testSimpleRequestRunsInlineUnderTimeout() throws {
        let plan = try ExecutionPlan(ExecutionRequest(runtime: .python, code: "print(1)"), defaultTimeoutMs: 2500, placement: .inlineWhenSimple)
        XCTAssertEqual(plan.command, ["timeout", "-s", "KILL", "3", "python3", "-c", "print(1)"])
        XCTAssertTrue(plan.writes.isEmpty)
    }

    func testDenoFallsBackToAFileWrittenByTheRunningExec() throws {
        let plan = try ExecutionPlan(ExecutionRequest(runtime: .deno, code: "console.log(1)"), defaultTimeoutMs: 1000, placement: .inlineWhenSimple)
        XCTAssertTrue(plan.writes.isEmpty, "small code travels in the exec's environment")
        XCTAssertEqual(plan.env, ["ISOL8_CODE=console.log(1)"])
        XCTAssertEqual(Array(plan.command.prefix(4)), ["sh", "-c", "printf '%s' \"$ISOL8_CODE\" > '/sandbox/main.mts' && unset ISOL8_CODE && exec \"$@\"", "sh"])
        XCTAssertEqual(plan.command.last, "/sandbox/main.mts")
    }

    func testLargeOrBinaryCodeIsWrittenSeparately() throws {
        let big = String(repeating: "#", count: ExecutionPlan.codeViaEnvironmentLimit + 1)
        let large = try ExecutionPlan(ExecutionRequest(runtime: .python, code: big), defaultTimeoutMs: 1000, placement: .file(stem: "/sandbox/main"))
        XCTAssertEqual(large.writes.map(\.path), ["/sandbox/main.py"])
        XCTAssertTrue(large.env.isEmpty)
        XCTAssertEqual(large.command.first, "timeout")
        let nul = try ExecutionPlan(ExecutionRequest(runtime: .python, code: "a\u{0}b"), defaultTimeoutMs: 1000, placement: .file(stem: "/sandbox/main"))
        XCTAssertEqual(nul.writes.map(\.path), ["/sandbox/main.py"])
    }

    func testStdinIsWrittenAndPipedWithQuotedArguments() throws {
        var request = ExecutionRequest(runtime: .python, code: "print(input())")
        request.stdin = "hi"
        let plan = try ExecutionPlan(request, defaultTimeoutMs: 30000, placement: .inlineWhenSimple)
        XCTAssertEqual(plan.writes.map(\.path), ["/sandbox/_stdin"])
        XCTAssertEqual(Array(plan.command.dropFirst(4)), ["timeout", "-s", "KILL", "30", "sh", "-c", "cat /sandbox/_stdin | 'python3' '/sandbox/main.py'"])
    }

    func testCmdAlwaysRunsThroughBash() throws {
        let plan = try ExecutionPlan(ExecutionRequest(runtime: .node, cmd: "echo it's"), defaultTimeoutMs: 1, placement: .file(stem: "/sandbox/exec_1"))
        XCTAssertEqual(plan.command, ["timeout", "-s", "KILL", "1", "bash", "-c", "echo it's"])
    }

    func testValidationOrderAndMessages() {
        var both = ExecutionRequest(runtime: .python, code: "1")
        both.cmd = "ls"
        XCTAssertThrowsError(try ExecutionPlan.validate(both)) { XCTAssertEqual($0 as? Isol8Error, .sourcesExclusive) }
        XCTAssertThrowsError(try ExecutionPlan.validate(ExecutionRequest(runtime: .python, code: "  \n"))) {
            XCTAssertEqual($0 as? Isol8Error, .sourceMissing)
        }
        var escape = ExecutionRequest(runtime: .python, code: "1")
        escape.workdir = "../etc"
        XCTAssertThrowsError(try ExecutionPlan.validate(escape)) { XCTAssertEqual($0 as? Isol8Error, .workdirEscape) }
        var badPackage = ExecutionRequest(runtime: .python, code: "1")
        badPackage.installPackages = ["ok", "bad;rm -rf /"]
        XCTAssertThrowsError(try ExecutionPlan.validate(badPackage)) {
            XCTAssertEqual("\($0)", "Invalid package name: \"bad;rm -rf /\". Only alphanumeric, -, _, ., /, @, and = are allowed.")
        }
    }

    func testFilesOutsideSandboxAreRefused() {
        var request = ExecutionRequest(runtime: .python, code: "1")
        request.files = ["/etc/x": "y"]
        XCTAssertThrowsError(try ExecutionPlan(request, defaultTimeoutMs: 1000, placement: .inlineWhenSimple)) {
            XCTAssertEqual($0 as? Isol8Error, .pathOutsideSandbox("/etc/x"))
        }
        XCTAssertEqual(try SandboxPath.writable("data/in.txt"), "/sandbox/data/in.txt")
        XCTAssertEqual(try SandboxPath.readable("/tmp/out.bin"), "/tmp/out.bin")
        XCTAssertThrowsError(try SandboxPath.writable("/tmp/out.bin"))
        XCTAssertThrowsError(try SandboxPath.readable("/sandbox/../etc/passwd"))
    }
}

final class ContainerBlueprintTests: XCTestCase {
    func testLockedDownDefaults() throws {
        let spec = try ContainerBlueprint.spec(image: "isol8:python", runtime: .python, options: Isol8Options())
        XCTAssertEqual(spec.Cmd, ["sleep", "infinity"])
        XCTAssertEqual(spec.NetworkDisabled, true)
        XCTAssertEqual(spec.Labels, ["isol8.managed": "true", "isol8.runtime": "python", "isol8.mode": "ephemeral"].merging(ContainerOwner.current.labels(keep: false)) { a, _ in a })
        XCTAssertEqual(spec.Labels[ContainerOwner.pidLabel], String(getpid()))
        XCTAssertEqual(spec.HostConfig.Memory, 536_870_912)
        XCTAssertEqual(spec.HostConfig.MemorySwap, 536_870_912)
        XCTAssertEqual(spec.HostConfig.NanoCpus, 1_000_000_000)
        XCTAssertEqual(spec.HostConfig.PidsLimit, 64)
        XCTAssertEqual(spec.HostConfig.ReadonlyRootfs, true)
        XCTAssertEqual(spec.HostConfig.Tmpfs?["/sandbox"], "rw,exec,nosuid,nodev,size=512m,uid=100,gid=101")
        XCTAssertEqual(spec.HostConfig.Tmpfs?["/tmp"], "rw,noexec,nosuid,nodev,size=256m")
        XCTAssertEqual(spec.HostConfig.SecurityOpt?.first, "no-new-privileges")
        XCTAssertTrue(spec.HostConfig.SecurityOpt?[1].contains("\"unshare\"") ?? false)
        XCTAssertNil(spec.HostConfig.CapAdd)
    }

    func testOwnerLabelsNameThisProcessAndWhetherItIsKept() throws {
        let owner = try XCTUnwrap(ContainerOwner(labels: ContainerOwner.current.labels(keep: false)))
        XCTAssertEqual(owner, ContainerOwner.current)
        XCTAssertTrue(owner.isRunning)
        XCTAssertFalse(ContainerOwner(host: owner.host, pid: owner.pid, started: owner.started + "1").isRunning, "a reused pid is another process")
        var options = Isol8Options()
        options.persist = true
        XCTAssertEqual(try ContainerBlueprint.spec(image: "i", runtime: .bash, options: options).Labels[ContainerOwner.keepLabel], "true")
        XCTAssertNil(ContainerOwner(labels: ["isol8.managed": "true"]), "containers without owner labels are never orphans")
    }

    func testHostModeAndBadLimits() throws {
        var options = Isol8Options()
        options.network = .host
        options.cpuLimit = 0.5
        let spec = try ContainerBlueprint.spec(image: "i", runtime: .bash, options: options)
        XCTAssertEqual(spec.HostConfig.NetworkMode, "host")
        XCTAssertNil(spec.NetworkDisabled)
        XCTAssertEqual(spec.HostConfig.NanoCpus, 500_000_000)
        options.memoryLimit = "lots"
        XCTAssertThrowsError(try ContainerBlueprint.spec(image: "i", runtime: .bash, options: options))
    }

    func testSecretsReachEnvAndRequestEnvStaysOnExec() {
        var options = Isol8Options()
        options.secrets = ["TOKEN": "s3cret"]
        XCTAssertTrue(SandboxEnvironment.container(options).contains("TOKEN=s3cret"))
        let exec = SandboxEnvironment.exec(options, request: ["MODE": "x"])
        XCTAssertTrue(exec.contains("MODE=x"))
        XCTAssertFalse(SandboxEnvironment.container(options).contains("MODE=x"))
    }
}
