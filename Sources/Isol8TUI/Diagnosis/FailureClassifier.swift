import Isol8Core
import NetworkPolicy

/// Tells failure classes apart: one rule per ``FailureClass``, each over the result's flags,
/// stderr patterns and the network log. Pure, so it is tested against captured real runs.
public enum FailureClassifier {
    /// Every class that fits the run, in ``FailureClass`` order (the first is the headline).
    public static func classify(_ run: RunEvidence) -> [Diagnosis] {
        FailureClass.allCases.compactMap { rule(for: $0)(run) }
    }

    private static func rule(for failure: FailureClass) -> (RunEvidence) -> Diagnosis? {
        switch failure {
        case .outOfMemory: return outOfMemory
        case .timeout: return timeout
        case .setupFailed: return setupFailed
        case .packageInstallFailed: return packageInstallFailed
        case .hostBlocked: return hostBlocked
        case .noNetworkForNames: return noNetworkForNames
        case .processLimit: return processLimit
        case .diskFull: return diskFull
        case .readOnlyRoot: return readOnlyRoot
        case .wrongRuntime: return wrongRuntime
        case .outputTruncated: return outputTruncated
        case .traceback: return traceback
        }
    }

    // MARK: Rules

    private static func outOfMemory(_ run: RunEvidence) -> Diagnosis? {
        let marker = run.lastLine(containing: ["OUT OF MEMORY", "MemoryError", "JavaScript heap out of memory"])
        guard run.oomKilled || marker != nil else { return nil }
        let memory = run.options.memoryLimit
        return Diagnosis(.outOfMemory, saw: marker ?? "the engine reported an OOM kill (exit \(exitText(run)))",
                         advice: "The program needed more than the \(memory) memory limit (no swap) and was killed. "
                             + "Give it more memory, or make it hold less at once (stream or chunk the data).",
                         fix: doubled(memory).map { DiagnosisFix(["set memory \($0)"]) })
    }

    private static func timeout(_ run: RunEvidence) -> Diagnosis? {
        let marker = run.lastLine(containing: ["EXECUTION TIMED OUT"])
        guard run.timedOut || marker != nil else { return nil }
        let ms = run.options.timeoutMs
        return Diagnosis(.timeout, saw: marker ?? "the engine reported a timeout (exit \(exitText(run)))",
                         advice: "The run was killed after the \(ms) ms timeout. Look for a loop or a read that waits "
                             + "(on stdin, on a blocked socket); if the work is simply long, give it more time.",
                         fix: DiagnosisFix(["set timeout \(ms * 2)"]))
    }

    private static func setupFailed(_ run: RunEvidence) -> Diagnosis? {
        guard let line = run.lastLine(containing: ["Setup script failed", "SETUP SCRIPT TIMED OUT"]) else { return nil }
        return Diagnosis(.setupFailed, saw: line,
                         advice: "The setup script failed before the code ran; its own output is above the failure "
                             + "in the Output pane (setup colour). Fix the script; the code itself did not run.")
    }

    private static func packageInstallFailed(_ run: RunEvidence) -> Diagnosis? {
        guard let line = run.lastLine(containing: ["Package install failed"]) else { return nil }
        if run.options.network == .none {
            return Diagnosis(.packageInstallFailed, saw: line,
                             advice: "Packages download from a registry, but the network is none. "
                                 + "Use the filtered network (the registry hosts are allowed for installs).",
                             fix: DiagnosisFix(["set net filtered"]))
        }
        return Diagnosis(.packageInstallFailed, saw: line,
                         advice: "Check the package name and version, and that the registry host is not denied "
                             + "(Network pane: BLOCK rows during setup).")
    }

    private static func hostBlocked(_ run: RunEvidence) -> Diagnosis? {
        guard let blocked = run.network.last(where: { $0.action == "BLOCK" }) else { return nil }
        let host = blocked.matchedHost ?? blocked.host
        let decision = decision(for: blocked, options: run.options)
        let row = "BLOCK \(blocked.method) \(blocked.host)\(blocked.path ?? "")"
        let allowHost = "allow " + exactHostPattern(host)
        let commands: [String]
        switch decision {
        case .denied(_, let pattern)?:
            // Without allow rules, removing the deny rule is enough; adding one would block the rest.
            commands = ["undeny \(pattern)"] + ((run.options.networkFilter?.whitelist ?? []).isEmpty ? [] : [allowHost])
        case .notAllowlisted?:
            commands = [allowHost]
        default:
            commands = []  // the run's rules do not explain the block: no change is known to help
        }
        let why = decision?.explanation ?? blocked.rule ?? "blocked by the filter"
        return Diagnosis(.hostBlocked, saw: "\(row): \(why)",
                         advice: "The filtering proxy refused \(host), so the program saw a 403 or a refused tunnel. "
                             + "If the host should be reachable, allow it (a deny rule beats every allow rule).",
                         fix: commands.isEmpty ? nil : DiagnosisFix(commands))
    }

    private static func noNetworkForNames(_ run: RunEvidence) -> Diagnosis? {
        guard run.options.network == .none,
              let line = run.lastLine(containing: ["Temporary failure in name resolution", "Name or service not known",
                                                   "EAI_AGAIN", "ENOTFOUND", "Could not resolve host",
                                                   "No address associated with hostname"])
        else { return nil }
        return Diagnosis(.noNetworkForNames, saw: line,
                         advice: "The network is none: the container has only loopback, so no name resolves. "
                             + "Use the filtered network and allow the hosts the code needs.",
                         fix: DiagnosisFix(["set net filtered"]))
    }

    private static func processLimit(_ run: RunEvidence) -> Diagnosis? {
        guard let line = run.lastLine(containing: ["Resource temporarily unavailable", "EAGAIN", "fork: retry",
                                                   "can't start new thread"])
        else { return nil }
        let pids = run.options.pidsLimit
        return Diagnosis(.processLimit, saw: line,
                         advice: "Creating a process or thread failed with EAGAIN: the limit of \(pids) processes "
                             + "(threads count too) is reached. Use a smaller pool of workers, or raise the limit.",
                         fix: DiagnosisFix(["set pids \(pids * 2)"]))
    }

    private static func diskFull(_ run: RunEvidence) -> Diagnosis? {
        guard let line = run.lastLine(containing: ["No space left on device", "ENOSPC"]) else { return nil }
        // dd and friends name the file; a bare "No space left" is most often /sandbox, the working directory.
        let inTmp = line.contains("/tmp")
        let (knob, size, mount) = inTmp ? ("tmp-size", run.options.tmpSize, "/tmp")
                                        : ("sandbox-size", run.options.sandboxSize, "/sandbox")
        return Diagnosis(.diskFull, saw: line,
                         advice: "\(mount) is a tmpfs of \(size) and it is full. Write less, delete as you go, "
                             + "or give it more room (/sandbox: sandbox-size, /tmp: tmp-size).",
                         fix: doubled(size).map { DiagnosisFix(["set \(knob) \($0)"]) })
    }

    private static func readOnlyRoot(_ run: RunEvidence) -> Diagnosis? {
        guard let line = run.lastLine(containing: ["Read-only file system", "EROFS"]) else { return nil }
        return Diagnosis(.readOnlyRoot, saw: line,
                         advice: "Everything outside /sandbox and /tmp is read-only. Write under /sandbox (the working "
                             + "directory) or /tmp. The fix turns the read-only root off only to confirm the cause.",
                         fix: run.options.readonlyRootFs ? DiagnosisFix(["set readonly-root off"]) : nil)
    }

    /// Code written for one runtime run by another: the other runtime's first words fail.
    private static let foreignCode: [(needles: [String], looksLike: Runtime)] = [
        (["ReferenceError: print is not defined", "SyntaxError: invalid syntax", "def: command not found",
          "import: command not found", "from: command not found", "print: command not found"], .python),
        (["NameError: name 'console' is not defined", "console.log: command not found",
          "NameError: name 'require' is not defined", "const: command not found", "let: command not found"], .node),
        (["NameError: name 'echo' is not defined"], .bash),
    ]

    private static func wrongRuntime(_ run: RunEvidence) -> Diagnosis? {
        if let line = run.lastLine(containing: ["Cannot detect runtime"]) {
            return Diagnosis(.wrongRuntime, saw: line,
                             advice: "The file's extension names no runtime. Say which one with :set runtime "
                                 + "(python, node, bun, deno or bash).")
        }
        for (needles, looksLike) in foreignCode where looksLike != run.runtime {
            guard let line = run.lastLine(containing: needles) else { continue }
            return Diagnosis(.wrongRuntime, saw: line,
                             advice: "The code looks like \(looksLike.rawValue) but ran as \(run.runtime.rawValue). "
                                 + "Pick the runtime that matches the code.",
                             fix: DiagnosisFix(["set runtime \(looksLike.rawValue)"]))
        }
        return nil
    }

    private static func outputTruncated(_ run: RunEvidence) -> Diagnosis? {
        let marker = run.lastLine(containing: ["OUTPUT TRUNCATED", "Output was truncated"])
        guard run.truncated || marker != nil else { return nil }
        guard !run.streamed else {
            return Diagnosis(.outputTruncated, saw: marker ?? "the Output pane dropped its oldest lines",
                             advice: "The run printed more than the Output pane keeps; the oldest lines are gone. "
                                 + "Print less, or write to a file in /sandbox and read it after the run.")
        }
        let limit = run.options.maxOutputSize
        return Diagnosis(.outputTruncated, saw: marker ?? "the result says truncated",
                         advice: "Output over max-output (\(limit) bytes) was cut, so its end is missing. "
                             + "Raise the cap, or write big results to a file in /sandbox.",
                         fix: DiagnosisFix(["set max-output \(limit * 4)"]))
    }

    private static func traceback(_ run: RunEvidence) -> Diagnosis? {
        guard let code = run.exitCode, code != 0 else { return nil }
        let lines = run.lines
        guard let start = lines.lastIndex(where: { $0.hasPrefix("Traceback (most recent call last)") || $0.hasPrefix("    at ") })
        else { return nil }
        // Python names the exception after the frames; node names it before them.
        let python = lines[start].hasPrefix("Traceback")
        let error = python ? lines[start...].last { !$0.hasPrefix(" ") }
                           : lines[..<start].last { !$0.hasPrefix(" ") && $0.contains("Error") }
        return Diagnosis(.traceback, saw: "exit \(code): " + (error.map(RunEvidence.quote) ?? "a stack trace"),
                         advice: "The program raised an error it did not handle. Read the last frame of the trace "
                             + "(your file, not the library's) and re-run the smallest input that fails.")
    }

    // MARK: Helpers

    /// The decision the run's own rules give the entry's host, when it is the one the proxy
    /// made (its action, and its `rule` field when the proxy wrote one).
    static func decision(for entry: NetworkLogEntry, options: Isol8Options) -> NetworkDecision? {
        options.networkRules.explaining(entry)
    }

    /// `^api\.test$`: a pattern for exactly this host, dots and other ERE specials escaped.
    static func exactHostPattern(_ host: String) -> String {
        let specials = Set("\\.^$|?*+()[]{}")
        return "^" + host.map { specials.contains($0) ? "\\\($0)" : String($0) }.joined() + "$"
    }

    private static func doubled(_ size: String) -> String? {
        (try? ByteSize(size)).map { ByteSize(bytes: $0.bytes * 2).text }
    }

    private static func exitText(_ run: RunEvidence) -> String {
        run.exitCode.map(String.init) ?? "none"
    }
}
