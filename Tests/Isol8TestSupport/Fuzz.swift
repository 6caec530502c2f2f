import Foundation
import XCTest

/// Seeded fuzzing for the parsers that read untrusted bytes: thousands of cases, each with its
/// own generator derived from one base seed, random and mutated-valid inputs, and a failure
/// message that names the seed which replays the case (`ISOL8_FUZZ_REPLAY=<case seed>` runs
/// only that case; `ISOL8_FUZZ_SEED` picks another base seed for a fresh set of cases).
public enum Fuzz {
    /// The base seed: fixed, so CI runs the same cases every time, unless `ISOL8_FUZZ_SEED`
    /// (decimal or 0x-hex) asks for another.
    public static var baseSeed: UInt64 {
        let fixed: UInt64 = 0x1508
        guard let text = ProcessInfo.processInfo.environment["ISOL8_FUZZ_SEED"] else { return fixed }
        return (text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)) ?? fixed
    }

    /// A case that breaks an invariant says which one, with the input shown.
    public struct Violation: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// A case still running after this long is a hang: the process is stopped with the seed
    /// printed, since a stuck parser cannot be interrupted from inside.
    public static let hangBound: TimeInterval = 60

    /// Runs `cases` cases of `name`. `body` gets a generator seeded for the case and throws
    /// `Violation` (or any error) when an invariant does not hold; the first few failures are
    /// reported with their seeds.
    public static func run(_ name: String, cases: Int, file: StaticString = #filePath, line: UInt = #line,
                           _ body: (inout SeededRandom) throws -> Void) {
        var seeds = SeededRandom(seed: baseSeed ^ stableHash(name))
        let replay = ProcessInfo.processInfo.environment["ISOL8_FUZZ_REPLAY"].flatMap { UInt64($0.replacingOccurrences(of: "0x", with: ""), radix: 16) }
        let monitor = HangMonitor(name: name)
        defer { monitor.stop() }
        var failures = 0
        for index in 0..<(replay == nil ? cases : 1) {
            let seed = replay ?? seeds.next()
            monitor.begin(seed: seed)
            var random = SeededRandom(seed: seed)
            do {
                try body(&random)
            } catch {
                failures += 1
                XCTFail("\(name) case \(index) of base seed 0x\(String(baseSeed, radix: 16)) (replay with "
                        + "ISOL8_FUZZ_REPLAY=0x\(String(seed, radix: 16))): \(error)", file: file, line: line)
                if failures >= 3 { return }
            }
        }
    }

    /// `count` random bytes, biased towards the ones parsers treat specially.
    public static func bytes(_ count: Int, using random: inout SeededRandom, favouring special: [UInt8] = []) -> [UInt8] {
        (0..<count).map { _ in
            if !special.isEmpty && random.oneIn(3) { return special.randomElement(using: &random)! }
            return UInt8.random(in: 0...255, using: &random)
        }
    }

    /// A valid input broken in a few random ways: bytes flipped, inserted, deleted, spans
    /// duplicated or cut, the end cut off.
    public static func mutate(_ valid: [UInt8], using random: inout SeededRandom, inserting special: [UInt8] = []) -> [UInt8] {
        var bytes = valid
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty:
                bytes[at] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            case 1:
                let byte = special.isEmpty || random.oneIn(2) ? UInt8.random(in: 0...255, using: &random) : special.randomElement(using: &random)!
                bytes.insert(byte, at: at)
            case 2 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &random)))
            case 3 where !bytes.isEmpty:
                let span = bytes[at..<min(bytes.count, at + Int.random(in: 1...32, using: &random))]
                bytes.insert(contentsOf: span, at: Int.random(in: 0...bytes.count, using: &random))
            case 4:
                bytes = Array(bytes.prefix(at))
            default:
                bytes.insert(contentsOf: special.isEmpty ? [0] : [special.randomElement(using: &random)!], at: at)
            }
        }
        return bytes
    }

    /// `bytes` cut into random pieces (sometimes empty, sometimes one byte), as reads deliver them.
    public static func chunks(_ bytes: [UInt8], using random: inout SeededRandom) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var index = 0
        while index < bytes.count {
            let size = random.oneIn(4) ? Int.random(in: 0...2, using: &random) : Int.random(in: 1...64, using: &random)
            pieces.append(Array(bytes[index..<min(bytes.count, index + size)]))
            index += size
        }
        return pieces
    }

    /// FNV-1a: each named run gets its own stream of seeds, stable across processes
    /// (`String.hashValue` is randomised per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}

/// Watches one fuzz run from a thread of its own: a case that runs past `Fuzz.hangBound`
/// stops the process with the case's seed, instead of a CI job that hangs without a word.
private final class HangMonitor: @unchecked Sendable {
    private let name: String
    private let lock = NSLock()
    private var current: (seed: UInt64, started: Date)?
    private var running = true

    init(name: String) {
        self.name = name
        let thread = Thread { [self] in watch() }
        thread.start()
    }

    func begin(seed: UInt64) {
        lock.withLock { current = (seed, Date()) }
    }

    func stop() {
        lock.withLock { running = false }
    }

    private func watch() {
        while lock.withLock({ running }) {
            if let (seed, started) = lock.withLock({ current }), Date().timeIntervalSince(started) > Fuzz.hangBound {
                FileHandle.standardError.write(Data("\(name): the case with seed 0x\(String(seed, radix: 16)) hangs\n".utf8))
                abort()
            }
            Thread.sleep(forTimeInterval: 1)
        }
    }
}
