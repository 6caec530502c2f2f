import Foundation
import Isol8Core

// isol8-bench [iterations]                          the engine against bare API calls
// isol8-bench server ISOL8_BINARY [iterations]      isol8 serve against the local engine
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "server" {
        guard arguments.count >= 2 else { throw BenchFailure(description: "usage: isol8-bench server PATH_TO_ISOL8 [iterations]") }
        let track = ProcessInfo.processInfo.environment["ISOL8_BENCH_TRACK_RESOURCES"] == "1"
        try await ServerBenchmark(isol8: arguments[1], iterations: Int(arguments.dropFirst(2).first ?? "") ?? 15,
                                  trackResources: track).run()
    } else {
        try await EngineBenchmark(client: try DockerClient.fromEnvironment(),
                                  iterations: Int(arguments.first ?? "") ?? 10).run()
    }
} catch {
    FileHandle.standardError.write(Data("isol8-bench: \(error)\n".utf8))
    exit(1)
}
