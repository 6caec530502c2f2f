import Foundation

/// The default seccomp profile (spec §2.6, Appendix A), embedded so a run can never
/// start without it.
public enum SeccompProfile {
    public static let blockedSyscalls = [
        "acct", "add_key", "bpf", "clock_adjtime", "clock_settime", "create_module", "delete_module",
        "finit_module", "get_mempolicy", "init_module", "ioperm", "iopl", "kcmp", "kexec_file_load",
        "kexec_load", "keyctl", "lookup_dcookie", "mbind", "mount", "move_pages", "name_to_handle_at",
        "open_by_handle_at", "perf_event_open", "pivot_root", "process_vm_readv", "process_vm_writev",
        "ptrace", "query_module", "quotactl", "reboot", "request_key", "set_mempolicy", "setns",
        "settimeofday", "stime", "swapon", "swapoff", "sysfs", "syslog", "umount", "umount2", "unshare",
        "uselib", "userfaultfd", "ustat", "vm86", "vm86old",
    ]

    public static var defaultJSON: String {
        let names = blockedSyscalls.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_X86","SCMP_ARCH_X32","SCMP_ARCH_AARCH64"],"syscalls":[{"names":["#
            + names + #"],"action":"SCMP_ACT_ERRNO","args":[],"comment":"","includes":{},"excludes":{}}]}"#
    }

    /// The `SecurityOpt` entries for the chosen mode (always `no-new-privileges` first).
    public static func securityOptions(_ security: SecurityOptions) throws -> [String] {
        var options = ["no-new-privileges"]
        switch security.seccomp {
        case .unconfined:
            options.append("seccomp=unconfined")
        case .custom where security.customProfilePath != nil:
            let path = security.customProfilePath!
            do {
                options.append("seccomp=" + (try String(contentsOfFile: path, encoding: .utf8)))
            } catch {
                throw Isol8Error.seccompProfile("Failed to load custom seccomp profile at \(path): \(error.localizedDescription)")
            }
        case .strict, .custom:
            options.append("seccomp=" + defaultJSON)
        }
        return options
    }
}
