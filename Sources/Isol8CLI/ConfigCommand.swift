import ArgumentParser
import Foundation
import Isol8Core
import Isol8Flags

struct ConfigCommand: Isol8Subcommand {
    static let commandName = "config"
    static let configuration = CommandConfiguration(commandName: "config", abstract: "Show the resolved configuration.")

    @Flag(help: "Print the resolved configuration as JSON.")
    var json = false
    @Flag(help: "Print every engine setting with its value and where it came from (default, config file, env, flag).")
    var sources = false
    @Flag(help: "Print debug lines.")
    var debug = false
    @OptionGroup(title: "Engine flags (with --sources: show what a run with them would use)")
    var engine: EngineFlags

    func execute() async throws {
        let loaded: ConfigLoader.Loaded
        do {
            loaded = try ConfigLoader().load()
        } catch {
            throw CLIFailure("\(error)")
        }
        for warning in loaded.warnings { Console.warn(warning) }
        Console.log.debug(.config, "Config source: \(loaded.path ?? "defaults")")
        let resolvedJSON = ConfigPrinter.json(loaded.config)
        Console.log.debug(.config, "Resolved config: \(ConfigPrinter.json(loaded.config, pretty: false))")
        if json {
            Console.info(resolvedJSON)
        } else if sources {
            let effective: EffectiveConfig
            do {
                effective = try EffectiveConfig.resolve(loaded, flags: engine.flags)
            } catch {
                throw CLIFailure("\(error)")
            }
            Console.info(ConfigPrinter.sourcesTable(effective))
        } else {
            Console.out(ConfigPrinter.summary(loaded))
        }
    }
}
