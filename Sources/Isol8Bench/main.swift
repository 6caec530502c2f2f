import Foundation
import Isol8Core

// isol8-bench [iterations]                          the engine against bare API calls
// isol8-bench server ISOL8_BINARY [iterations]      isol8 serve against the local engine
// isol8-bench server-load ISOL8_BINARY [clients] [requests] [deadline s]   the same under concurrent load
// isol8-bench cli ISOL8_BINARY [iterations]         isol8 run against docker run --rm
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    if arguments.first == "server" {
        guard arguments.count >= 2 else { throw BenchFailure(description: "usage: isol8-bench server PATH_TO_ISOL8 [iterations]") }
        let track = ProcessInfo.processInfo.environment["ISOL8_BENCH_TRACK_RESOURCES"] == "1"
        try await ServerBenchmark(isol8: arguments[1], iterations: Int(arguments.dropFirst(2).first ?? "") ?? 15,
                                  trackResources: track).run()
    } else if arguments.first == "server-load" {
        guard arguments.count >= 2 else {
            throw BenchFailure(description: "usage: isol8-bench server-load PATH_TO_ISOL8 [clients] [requests] [deadline seconds]")
        }
        let numbers: [Int] = arguments.dropFirst(2).compactMap { Int($0) }
        let clients = numbers.count > 0 ? max(1, numbers[0]) : 50
        let requests = numbers.count > 1 ? max(1, numbers[1]) : 500
        let deadline = numbers.count > 2 ? Double(numbers[2]) : 900
        try await ServerLoadBenchmark(isol8: arguments[1], clients: clients, requests: requests,
                                      deadlineSeconds: deadline).run()
    } else if arguments.first == "cli" {
        guard arguments.count >= 2 else { throw BenchFailure(description: "usage: isol8-bench cli PATH_TO_ISOL8 [iterations]") }
        try CLIBenchmark(isol8: arguments[1], iterations: Int(arguments.dropFirst(2).first ?? "") ?? 10).run()
    } else {
        try await EngineBenchmark(client: try DockerClient.fromEnvironment(),
                                  iterations: Int(arguments.first ?? "") ?? 10).run()
    }
} catch {
    FileHandle.standardError.write(Data("isol8-bench: \(error)\n".utf8))
    exit(1)
}
