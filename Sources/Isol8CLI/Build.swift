import ArgumentParser
import Foundation
import Isol8Core

struct Build: Isol8Subcommand {
    static let commandName = "build"
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build a custom image with packages and a setup script baked in.")

    @Option(help: "Base runtime: python, node, bun, deno or bash.")
    var base: String
    @Option(help: "Tag of the image to build, e.g. my-python-ml.")
    var tag: String
    @Option(help: "Package to install (repeatable; comma-separated lists allowed).")
    var install: [String] = []
    @Option(help: "Setup script (inline or a file path), run before every execution (repeatable).")
    var setup: [String] = []
    @Option(name: .customLong("add-host"), help: "Extra /etc/hosts entry NAME:IP while building (e.g. a local package index).")
    var addHost: [String] = []
    @Flag(help: "Rebuild even when an image with the same packages and setup exists.")
    var force = false
    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        guard let runtime = Runtime(rawValue: base) else {
            throw CLIFailure("Invalid runtime: \(base). Expected one of: \(Runtime.listingOrder.map(\.rawValue).joined(separator: ", "))")
        }
        guard Runtime.buildable.contains(runtime) else {
            throw CLIFailure("\(Isol8Error.runtimeNotBuildable(runtime))")
        }
        let packages = CustomImageBuilder.normalize(install.flatMap { $0.split(separator: ",").map(String.init) })
        let script = setup.isEmpty ? nil : setup.map(RunFlags.scriptOrFile).joined(separator: "\n")
        guard !packages.isEmpty || script != nil else {
            throw CLIFailure("No packages or setup script specified. Use --install <package> or --setup <command>.")
        }
        let loaded: ConfigLoader.Loaded
        do {
            loaded = try ConfigLoader().load()
        } catch {
            throw CLIFailure("\(error)")
        }
        let host = try await DockerConnection.open()
        let effective = try EffectiveConfig.resolve(loaded, flags: RunFlags())
        let builder = CustomImageBuilder(host: host, packageIndex: effective.options.packageIndex, extraHosts: addHost,
                                         logger: Console.log)
        do {
            let status = try await builder.build(runtime: runtime, tag: tag, packages: packages, setupScript: script, force: force)
            if status == .upToDate { Console.info("[OK] \(tag): Up to date") }
        } catch {
            throw CLIFailure("\(error)")
        }
        Console.info("\n[DONE] Custom image build complete!")
        Console.info("       Runtime: \(runtime.rawValue)")
        if !packages.isEmpty { Console.info("       Packages: \(packages.joined(separator: ", "))") }
        if let script {
            let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
            Console.info("       Setup: \(lines.first ?? "")\(lines.count > 1 ? " ..." : "")")
        }
        Console.info("       Image: \(tag)")
    }
}
