import BenchSupport
import Foundation

/// `isol8 run` end to end against `docker run --rm` of the same python `print(1)`: the two
/// commands a user would type, wall time from spawn to exit, alternated in one run.
struct CLIBenchmark {
    /// Issue 13's bound: `isol8 run` takes at most this share of `docker run --rm`.
    static let targetRatio = 0.8

    let isol8: String
    let iterations: Int

    func run() throws {
        let isol8Run = [isol8, "run", "-e", "print(1)", "--runtime", "python"]
        let dockerRun = ["docker", "run", "--rm", "--pull", "never", "--network", "none", "isol8:python", "python3", "-c", "print(1)"]
        var ours: [Double] = [], docker: [Double] = []
        // The first pair warms caches on both sides.
        for index in 0...iterations {
            let (a, b) = (try wallMs(isol8Run), try wallMs(dockerRun))
            if index > 0 {
                ours.append(a)
                docker.append(b)
            }
        }
        let (o, d) = (Clock.median(ours), Clock.median(docker))
        print("isol8 run vs docker run --rm, python print(1), \(iterations) runs each, wall time to exit")
        print(String(format: "median isol8 run %.1f ms  docker run --rm %.1f ms  ratio %.2f", o, d, o / d))
        print(["RESULT", "isol8 run end to end, python print(1) (ms)", String(format: "%.1f", o),
               String(format: "%.1f (docker run --rm)", d), String(format: "%.2f", o / d), "≤ \(Self.targetRatio)",
               o / d <= Self.targetRatio ? "yes" : "NO"].joined(separator: "\t"))
    }

    private func wallMs(_ argv: [String]) throws -> Double {
        let start = Clock.now()
        let (status, _) = try Spawn.run(argv)
        let ms = Clock.ms(start, Clock.now())
        guard status == 0 else {
            throw BenchFailure(description: "\(argv.joined(separator: " ")) exited with \(status)")
        }
        return ms
    }
}
