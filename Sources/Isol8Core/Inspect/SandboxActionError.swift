/// A lifecycle action a target cannot perform on a sandbox, worded for the status line.
public struct SandboxActionError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
