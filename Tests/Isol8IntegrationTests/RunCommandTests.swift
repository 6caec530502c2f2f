import XCTest
@testable import Isol8Core

/// `isol8 run` end to end: the real binary against the real daemon and images.
final class RunCommandTests: XCTestCase {
    func testHelloWorldInlineInEveryRuntime() throws {
        let cases: [(String, String)] = [
            ("python", "print('hello from python')"),
            ("node", "console.log('hello from node')"),
            ("bun", "console.log('hello from bun')"),
            ("deno", "console.log('hello from deno')"),
            ("bash", "echo hello from bash"),
        ]
        for (runtime, code) in cases {
            let outcome = try CLI.run(["run", "-r", runtime, "-e", code])
            XCTAssertEqual(outcome.status, 0, "\(runtime): \(outcome.stderr)")
            XCTAssertEqual(outcome.stdout, "hello from \(runtime)\n", runtime)
        }
    }

    func testFilesPickTheirRuntimeFromTheExtension() throws {
        let cases: [(String, String, String)] = [
            ("main.py", "import sys; print(sys.version_info[0])", "3"),
            ("main.js", "console.log(typeof process)", "object"),
            ("main.ts", "const n: number = 2; console.log(n * 21)", "42"),
            ("main.mts", "const s: string = 'deno'; console.log(s)", "deno"),
            ("main.sh", "echo $((6 * 7))", "42"),
        ]
        for (name, code, expected) in cases {
            let file = try temporaryFile(name, code)
            for mode in [[], ["--no-stream"]] {
                let outcome = try CLI.run(["run", file.path] + mode)
                XCTAssertEqual(outcome.status, 0, "\(name) \(mode): \(outcome.stderr)")
                XCTAssertEqual(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines), expected, "\(name) \(mode)")
            }
        }
    }

    func testCmdRunsThroughBashInTheRuntimeImage() throws {
        let outcome = try CLI.run(["run", "-r", "python", "--cmd", "python3 -c 'print(7)' && echo done"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "7\ndone\n")
    }

    func testExitCodeStdinAndStderrSeparation() throws {
        let code = "import sys\nline = input()\nprint('got', line)\nprint('to stderr', file=sys.stderr)\nsys.exit(3)"
        for mode in [[], ["--no-stream"]] {
            let outcome = try CLI.run(["run", "-e", code, "--stdin", "ping"] + mode)
            XCTAssertEqual(outcome.status, 3, "\(mode)")
            XCTAssertEqual(outcome.stdout, "got ping\n", "\(mode)")
            XCTAssertEqual(outcome.stderr, "to stderr\n", "\(mode)")
        }
    }

    func testCodeFromStandardInput() throws {
        let outcome = try CLI.run(["run"], stdin: "print(6 * 7)")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "42\n")
    }

    func testTimeoutKillsInfiniteLoopAndNextRunWorks() throws {
        let streamed = try CLI.run(["run", "--timeout", "1000", "-e", "while True: pass"])
        XCTAssertEqual(streamed.status, 137)
        XCTAssertTrue(streamed.stderr.contains("[ERR] EXECUTION TIMED OUT"), streamed.stderr)
        let buffered = try CLI.run(["run", "--timeout", "1000", "--no-stream", "-e", "import time\nprint('start', flush=True)\ntime.sleep(30)"])
        XCTAssertEqual(buffered.status, 137)
        XCTAssertEqual(buffered.stdout, "start\n")
        XCTAssertTrue(buffered.stderr.contains("--- EXECUTION TIMED OUT ---"), buffered.stderr)
        let next = try CLI.run(["run", "-e", "print('alive')"])
        XCTAssertEqual(next.stdout, "alive\n")
    }

    func testOutOfMemoryIsReported() throws {
        let hog = "x = bytearray(512 * 1024 * 1024)\nprint('survived')"
        for mode in [[], ["--no-stream"]] {
            let outcome = try CLI.run(["run", "--memory", "64m", "-e", hog] + mode)
            XCTAssertNotEqual(outcome.status, 0, "\(mode)")
            XCTAssertFalse(outcome.stdout.contains("survived"))
            XCTAssertTrue(outcome.stderr.contains("OUT OF MEMORY"), "\(mode): \(outcome.stderr)")
        }
    }

    func testForkBombIsContainedByPidsLimit() throws {
        let bomb = "import os\nfor _ in range(200):\n    try:\n        if os.fork() == 0:\n            import time; time.sleep(5); os._exit(0)\n    except OSError as e:\n        print('fork refused:', e.errno); break"
        let outcome = try CLI.run(["run", "--pids-limit", "32", "--timeout", "8000", "-e", bomb])
        XCTAssertTrue(outcome.stdout.contains("fork refused: 11"), outcome.stdout + outcome.stderr)
        let next = try CLI.run(["run", "-e", "print('fine')"])
        XCTAssertEqual(next.stdout, "fine\n")
    }

    func testHugeOutputIsCappedInBufferedMode() throws {
        let outcome = try CLI.run(["run", "--no-stream", "--max-output", "1024", "-e", "import sys\nsys.stdout.write('x' * 5_000_000)"])
        XCTAssertEqual(outcome.status, 0)
        let kept = outcome.stdout.prefix(while: { $0 == "x" })
        XCTAssertEqual(kept.count, 1024)
        XCTAssertTrue(outcome.stdout.contains("--- OUTPUT TRUNCATED (5000000 bytes, limit: 1024) ---"), String(outcome.stdout.suffix(200)))
        XCTAssertTrue(outcome.stderr.contains("[WARN] Output was truncated"))
    }

    func testSecretsNeverAppearInOutput() throws {
        let code = "import os, sys\nprint('token is', os.environ['API_TOKEN'])\nprint(os.environ['API_TOKEN'], file=sys.stderr)"
        for mode in [[], ["--no-stream"]] {
            let outcome = try CLI.run(["run", "--secret", "API_TOKEN=sk-live-12345", "-e", code] + mode)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertFalse((outcome.stdout + outcome.stderr).contains("sk-live-12345"), "\(mode)")
            XCTAssertTrue(outcome.stdout.contains("token is ***"), "\(mode)")
        }
    }

    func testBadInputIsRefusedBeforeAnyContainerExists() async throws {
        let outcomes = try [
            ["--workdir", "../etc", "-e", "print(1)"],
            ["-r", "ruby", "-e", "puts 1"],
            [try temporaryFile("notes.rb", "puts 1").path],
            ["--memory", "lots", "-e", "print(1)"],
            ["/no/such/file.py"],
        ].map { try CLI.run(["run", "--debug"] + $0) }
        XCTAssertEqual(outcomes.flatMap { Daemon.containersCreated(in: $0.stderr) }, [])
        XCTAssertEqual(outcomes.map(\.status), [1, 1, 1, 1, 1])
        XCTAssertEqual(outcomes[0].errors, "[ERR] Working directory must be inside /sandbox\n")
        XCTAssertEqual(outcomes[1].errors, "[ERR] Unknown runtime: \"ruby\". Available: python, node, bun, deno, bash, agent\n")
        XCTAssertTrue(outcomes[2].errors.hasPrefix("[ERR] Cannot detect runtime for "), outcomes[2].errors)
        XCTAssertTrue(outcomes[2].errors.hasSuffix("notes.rb. Use --runtime to specify.\n"), outcomes[2].errors)
        XCTAssertEqual(outcomes[3].errors, "[ERR] Invalid memory limit format: \"lots\". Use e.g. \"512m\", \"1g\".\n")
        XCTAssertEqual(outcomes[4].errors, "[ERR] File not found: /no/such/file.py\n")
    }

    func testUnreachableDockerGivesClearError() throws {
        let outcome = try CLI.run(["run", "-e", "print(1)"], environment: ["DOCKER_HOST": "unix:///nonexistent.sock"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "[ERR] Cannot reach Docker at unix:///nonexistent.sock — is dockerd running? Set DOCKER_HOST to point elsewhere.\n")
    }

    func testDebugLinesFollowTheSpecOrder() throws {
        let outcome = try CLI.run(["run", "--debug", "--no-stream", "-e", "print(1)"])
        XCTAssertEqual(outcome.stdout, "1\n", "the debug lines stay off stdout")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        let expectedOrder = ["[DEBUG] [CLI] Command: run", "[DEBUG] [Run] Config loaded", "[DEBUG] [Run] Inline eval, runtime: python",
                             "[DEBUG] [Run] Engine options: mode=ephemeral, network=none", "[DEBUG] [Run] Using local Docker engine",
                             "[DEBUG] [Run] Engine started", "[DEBUG] [Run] Using non-streaming mode", "[DEBUG] [Pool] Container ",
                             "[DEBUG] [Run] Execution completed: exitCode=0, duration=", "[DEBUG] [Run] Stopping engine"]
        var index = 0
        for line in lines where index < expectedOrder.count && line.hasPrefix(expectedOrder[index]) { index += 1 }
        XCTAssertEqual(index, expectedOrder.count, "missing or out of order: \(expectedOrder[min(index, expectedOrder.count - 1)])\n\(outcome.stderr)")
    }
}
