import ArgumentParser
import Foundation
import Isol8Core

struct ListCustom: Isol8Subcommand {
    static let commandName = "list-custom"
    static let configuration = CommandConfiguration(commandName: "list-custom", abstract: "List custom isol8 images.")

    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        let images: [ImageSummary]
        do {
            images = try await DockerHost.fromEnvironment().customImages()
        } catch {
            throw CLIFailure("\(error)")
        }
        let custom = images.filter { ($0.RepoTags?.first ?? "").hasPrefix("isol8") }
        guard !custom.isEmpty else {
            Console.info("No custom isol8 images found.")
            return
        }
        for image in custom {
            let labels = image.Labels ?? [:]
            Console.info(image.RepoTags?.first ?? image.Id)
            Console.info("  Runtime: \(labels[CustomImageBuilder.runtimeLabel] ?? "?")")
            let deps = labels[CustomImageBuilder.dependenciesLabel] ?? ""
            Console.info("  Dependencies: \(deps.isEmpty ? "(none)" : deps.replacingOccurrences(of: ",", with: ", "))")
            if let setup = labels[CustomImageBuilder.setupLabel] {
                Console.info("  Setup: \(setup.split(separator: "\n").first ?? "")")
            }
        }
    }
}
