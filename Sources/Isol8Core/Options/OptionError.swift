/// A refused value, with the name the user gave it under (`--cpu`, `defaults.cpuLimit`,
/// `options.cpuLimit`, `ISOL8_PIP_INDEX_URL`), so the message points at what to fix.
public struct OptionError: Error, Equatable, CustomStringConvertible {
    public let name: String
    public let value: String
    public let problem: OptionProblem

    public init(name: String, value: String, problem: OptionProblem) {
        self.name = name
        self.value = value
        self.problem = problem
    }

    public var description: String { problem.message(option: name, value: value) }
}
