import Foundation

/// The default seccomp profile (compat §2.6), embedded so a run can never
/// start without it.
///
/// Beyond isol8's list it closes what Docker's own default profile closes for callers
/// without CAP_SYS_ADMIN, because this profile replaces Docker's: new namespaces (a user
/// namespace hands its creator every capability inside it) and io_uring, both kernel attack
/// surface that sandboxed code has no use for.
public enum SeccompProfile {
    public static let blockedSyscalls = [
        "acct", "add_key", "bpf", "clock_adjtime", "clock_settime", "create_module", "delete_module",
        "finit_module", "get_mempolicy", "init_module", "ioperm", "iopl", "kcmp", "kexec_file_load",
        "kexec_load", "keyctl", "lookup_dcookie", "mbind", "mount", "move_pages", "name_to_handle_at",
        "open_by_handle_at", "perf_event_open", "pivot_root", "process_vm_readv", "process_vm_writev",
        "ptrace", "query_module", "quotactl", "reboot", "request_key", "set_mempolicy", "setns",
        "settimeofday", "stime", "swapon", "swapoff", "sysfs", "syslog", "umount", "umount2", "unshare",
        "uselib", "userfaultfd", "ustat", "vm86", "vm86old",
        "io_uring_setup", "io_uring_enter", "io_uring_register",
    ]

    /// The `clone` flags that create namespaces (CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER,
    /// NEWPID, NEWNET — together Docker's mask 0x7E020000). A clone carrying any of them is refused
    /// with EPERM; fork, threads and posix_spawn carry none.
    public static let namespaceCloneFlags: [UInt64] = [
        0x0002_0000, 0x0200_0000, 0x0400_0000, 0x0800_0000, 0x1000_0000, 0x2000_0000, 0x4000_0000,
    ]

    /// ENOSYS: `clone3` passes its flags in memory, where seccomp cannot look, so it is refused as
    /// "not implemented" and glibc falls back to `clone`, whose flags the filter can check.
    static let clone3Errno = 38

    public static var defaultJSON: String {
        let names = blockedSyscalls.map { "\"\($0)\"" }.joined(separator: ",")
        var rules = [#"{"names":["# + names + #"],"action":"SCMP_ACT_ERRNO","args":[],"comment":"","includes":{},"excludes":{}}"#]
        // One rule per flag: conditions inside a rule are ANDed, separate rules are ORed.
        for flag in namespaceCloneFlags {
            rules.append(#"{"names":["clone"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":\#(flag),"valueTwo":\#(flag),"op":"SCMP_CMP_MASKED_EQ"}],"comment":"","includes":{},"excludes":{}}"#)
        }
        rules.append(#"{"names":["clone3"],"action":"SCMP_ACT_ERRNO","errnoRet":\#(clone3Errno),"args":[],"comment":"","includes":{},"excludes":{}}"#)
        return #"{"defaultAction":"SCMP_ACT_ALLOW","architectures":["SCMP_ARCH_X86_64","SCMP_ARCH_X86","SCMP_ARCH_X32","SCMP_ARCH_AARCH64"],"syscalls":["#
            + rules.joined(separator: ",") + "]}"
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
