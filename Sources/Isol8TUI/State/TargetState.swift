import Isol8Core

/// Where runs go and what each known target answered: the header shows the current one,
/// the Targets list all of them.
public struct TargetState: Sendable, Equatable {
    /// The target the next run goes to.
    public var current: Target
    /// Every target there is to switch to, current included.
    public var known: [Target]
    /// The last probe of each target, by name.
    public var health: [String: TargetHealth] = [:]
    /// The row selected in the Targets list.
    public var selection = 0

    public init(current: Target, known: [Target]) {
        self.current = current
        self.known = known.contains(current) ? known : [current] + known
    }

    /// The current target's last probe; nil while it has not answered yet.
    public var currentHealth: TargetHealth? { health[current.name] }

    public func named(_ name: String) -> Target? { known.first { $0.name == name } }
}
