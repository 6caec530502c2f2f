import ArgumentParser
import Foundation
import Isol8Core

struct Cleanup: Isol8Subcommand {
    static let commandName = "cleanup"
    static let configuration = CommandConfiguration(commandName: "cleanup", abstract: "Remove isol8 containers (and with --images, isol8 images).")

    @Flag(help: "Do not ask for confirmation.")
    var force = false
    @Flag(help: "Also remove isol8:* images.")
    var images = false
    @Flag(help: "Remove only the containers whose owner process is gone (a crashed or killed run, TUI or server); persisted containers and live runs stay.")
    var orphans = false
    @Flag(help: "Print debug lines.")
    var debug = false

    func execute() async throws {
        let host = try await DockerConnection.open()
        if orphans {
            let removed = try await OrphanReaper(host: host, logger: Console.log).reap()
            Console.info("Removed \(removed.count) orphaned container(s)")
            return
        }
        let janitor = ContainerJanitor(host: host, logger: Console.log)
        let containers = try await janitor.candidateContainers()
        let imageList = images ? try await janitor.candidateImages() : []
        if containers.isEmpty && imageList.isEmpty {
            Console.info(images ? "No isol8 containers or images found" : "No isol8 containers found")
            return
        }
        Console.info("Found \(containers.count) isol8 container(s)" + (images ? " and \(imageList.count) image(s)" : ""))
        for container in containers {
            let state = container.State == "running" ? "🟢 running" : "⚪ stopped"
            let created = container.Created.map { Self.localTime(Date(timeIntervalSince1970: TimeInterval($0))) } ?? "?"
            Console.info("  \(state) \(container.Id.prefix(12)) | \(container.Image) | created \(created)")
        }
        for image in imageList {
            let tags = (image.RepoTags ?? []).joined(separator: ", ")
            Console.info("  🖼️ image \(image.Id.replacingOccurrences(of: "sha256:", with: "").prefix(12)) | \(tags.isEmpty ? "<untagged>" : tags)")
        }
        if !force {
            Console.out("Remove all these \(images ? "containers and images" : "containers")? [y/N] ")
            let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                Console.info("Cleanup cancelled")
                return
            }
        }
        let removed = await janitor.remove(containers: containers)
        Console.info("Removed \(removed.removed) container(s)" + (removed.failed > 0 ? ", \(removed.failed) failed" : ""))
        for error in removed.errors { Console.info("  Failed to remove \(error)") }
        Console.log.debug(.cleanup, "Containers removed: \(removed.removed), failed: \(removed.failed)")
        if images {
            let removedImages = await janitor.remove(images: imageList)
            Console.info("Removed \(removedImages.removed) image(s)" + (removedImages.failed > 0 ? ", \(removedImages.failed) failed" : ""))
            for error in removedImages.errors { Console.info("  Failed to remove image \(error)") }
        }
    }

    static func localTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateStyle = .short
        formatter.timeStyle = .medium
        return formatter.string(from: date)
    }
}
