import ArgumentParser
import Foundation
import Isol8Core

struct Setup: Isol8Subcommand {
    static let commandName = "setup"
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Build the isol8 runtime images offline (debootstrap root filesystem + docker import).")

    @Flag(help: "Rebuild every image even when it is up to date.")
    var force = false
    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        let host = try await DockerConnection.open()
        Console.info("[OK] Docker is running")
        let rootfs = RootfsBuilder(progress: { Console.err($0 + "\n") })
        let builder = BaseImageBuilder(host: host, rootfs: rootfs, proxyBinary: try Self.proxyBinary(),
                                       progress: { Console.err($0 + "\n") })
        let statuses: [(Runtime, BaseImageBuilder.Status)]
        do {
            statuses = try await builder.ensure(force: force)
        } catch {
            for runtime in Runtime.buildable { Console.error("\(runtime.rawValue): \(error)") }
            throw ExitCode(1)
        }
        for (runtime, status) in statuses {
            Console.info(status == .upToDate ? "[OK] \(runtime.rawValue): Up to date" : "[OK] \(runtime.rawValue)")
        }
        try await buildPrebuiltImages(on: host)
        Console.info("\n[DONE] Setup complete!")
    }

    /// Custom images listed under `prebuiltImages` in the config (compat §8.2).
    private func buildPrebuiltImages(on host: DockerHost) async throws {
        let loaded: ConfigLoader.Loaded
        do {
            loaded = try ConfigLoader().load()
        } catch {
            throw CLIFailure("\(error)")
        }
        let effective = try EffectiveConfig.resolve(loaded, flags: RunFlags())
        let builder = CustomImageBuilder(host: host, packageIndex: effective.options.packageIndex, logger: Console.log)
        for entry in loaded.config.prebuiltImages {
            if !force, try await host.hasImage(entry.tag) {
                Console.info("[OK] \(entry.tag) (already exists)")
                continue
            }
            guard let runtime = Runtime(rawValue: entry.runtime) else {
                throw CLIFailure("\(entry.tag): \(Isol8Error.unknownRuntime(entry.runtime))")
            }
            do {
                _ = try await builder.build(runtime: runtime, tag: entry.tag, packages: entry.installPackages,
                                            setupScript: entry.setupScript, force: true)
            } catch {
                throw CLIFailure("\(entry.tag): \(error)")
            }
            Console.info("[OK] \(entry.tag) (\(runtime.rawValue): \(CustomImageBuilder.normalize(entry.installPackages).joined(separator: ", ")))")
        }
    }

    /// `isol8-proxy` is built with `isol8` and must sit next to it.
    static func proxyBinary() throws -> URL {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let proxy = executable.deletingLastPathComponent().appendingPathComponent("isol8-proxy")
        guard FileManager.default.isExecutableFile(atPath: proxy.path) else {
            throw CLIFailure("isol8-proxy not found at \(proxy.path): build it with `swift build` (it is baked into every image).")
        }
        return proxy
    }
}
