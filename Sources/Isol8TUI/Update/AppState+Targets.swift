import Isol8Core
import TerminalKit

/// Switching targets: `:target NAME`, and the Targets list (`:targets`) where ↑/↓ choose and
/// Enter switches.
extension AppState {
    /// `:target [NAME]`: switches, or opens the list and asks every target how it is.
    mutating func switchTarget(_ name: String?) throws -> [Effect] {
        guard let name else { return openTargets() }
        guard let target = targets.named(name) else {
            throw KnobError("target: no target \"\(name)\"; targets: " + targets.known.map(\.name).joined(separator: ", "))
        }
        return switchTarget(to: target)
    }

    mutating func openTargets() -> [Effect] {
        targets.selection = targets.known.firstIndex(of: targets.current) ?? 0
        focus.overlays.append(.targets)
        return targets.known.map { .probeTarget($0) }
    }

    /// Keys while the Targets list is on top.
    mutating func handleTargetsKey(_ key: KeyEvent) -> [Effect] {
        switch key {
        case .up, .char("k"): targets.selection = max(0, targets.selection - 1)
        case .down, .char("j"): targets.selection = min(targets.known.count - 1, targets.selection + 1)
        case .enter:
            focus.overlays.removeLast()
            guard targets.known.indices.contains(targets.selection) else { return [] }
            return switchTarget(to: targets.known[targets.selection])
        case .escape, .char("q"): focus.overlays.removeLast()
        default: break
        }
        return []
    }

    private mutating func switchTarget(to target: Target) -> [Effect] {
        guard target != targets.current else {
            status.say("already on target \(target.name)")
            return [.probeTarget(target)]
        }
        targets.current = target
        knobs.limits = targets.health[target.name]?.limits
        container = ContainerState()
        sandboxes = SandboxesState()
        attached = nil
        let ignored = knobs.changed.sorted().filter { OptionCatalog.option($0).flatMap(target.ignores) != nil }
        status.say("target \(target.name) (\(target.address)) — the next run goes there"
                   + (ignored.isEmpty ? "" : "; it ignores your " + ignored.joined(separator: ", ") + " (see the Config pane)"),
                   error: !ignored.isEmpty)
        return [.switchTarget(target), .probeTarget(target), .followServerLog(target)]
    }
}
