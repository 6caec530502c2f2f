import Foundation
import Isol8Core
import TerminalKit

/// The Sandboxes list: opening and closing it, its keys, and the listings and change
/// notices the target sends while it is open.
extension AppState {
    var sandboxesOpen: Bool {
        focus.overlays.contains { if case .sandboxes = $0 { return true } else { return false } }
    }

    /// `s` or `:sandboxes`: lists the target's sandboxes and follows its events while open.
    mutating func openSandboxes() -> [Effect] {
        guard !sandboxesOpen else { return [] }
        focus.overlays.append(.sandboxes)
        sandboxes.error = nil
        return [.watchSandboxes(true)] + listSandboxes()
    }

    /// Asks for a listing, or for one more after the listing on its way.
    mutating func listSandboxes() -> [Effect] {
        guard !sandboxes.inFlight else {
            sandboxes.stale = true
            return []
        }
        sandboxes.inFlight = true
        sandboxes.lastListed = now
        return [.listSandboxes]
    }

    mutating func sandboxesListed(target: String, _ rows: [SandboxSummary]) -> [Effect] {
        guard target == targets.current.name else { return [] }
        sandboxes.inFlight = false
        sandboxes.received = true
        sandboxes.error = nil
        sandboxes.rows = rows
        if !rows.contains(where: { $0.id == sandboxes.selectedID }) { sandboxes.selectedID = sandboxes.visible.first?.id }
        return relistIfStale()
    }

    mutating func sandboxesListFailed(target: String, _ message: String) -> [Effect] {
        guard target == targets.current.name else { return [] }
        sandboxes.inFlight = false
        sandboxes.error = message
        return relistIfStale()
    }

    /// The target says the list may have changed.
    mutating func sandboxesChanged() -> [Effect] {
        sandboxesOpen ? listSandboxes() : []
    }

    /// The periodic refresh while the list is open (CPU and memory change without events).
    mutating func refreshSandboxesIfDue() -> [Effect] {
        sandboxesOpen && sandboxes.needsRefresh(at: now) ? listSandboxes() : []
    }

    /// Keys while the Sandboxes list is on top.
    mutating func handleSandboxesKey(_ key: KeyEvent) -> [Effect] {
        if sandboxes.editingFilter { return editSandboxFilter(key) }
        switch key {
        case .up, .char("k"): sandboxes.move(-1)
        case .down, .char("j"): sandboxes.move(1)
        case .pageUp, .ctrl("b"): sandboxes.move(-10)
        case .pageDown, .ctrl("f"): sandboxes.move(10)
        case .home, .char("g"): sandboxes.move(-sandboxes.rows.count)
        case .end, .char("G"): sandboxes.move(sandboxes.rows.count)
        case .char("/"): sandboxes.editingFilter = true
        case .char("s"):
            let all = SandboxesState.SortKey.allCases
            sandboxes.sort = all[(all.firstIndex(of: sandboxes.sort)! + 1) % all.count]
            status.say("sandboxes sorted by \(sandboxes.sort.rawValue)")
        case .char("R"): return listSandboxes()
        case .enter: return attachSelected()
        case .char("x"):
            if let row = sandboxes.selected { confirm(.stop(id: row.id, label: AttachedSandbox(row).label)) }
        case .char("d"):
            if let row = sandboxes.selected { confirm(.remove(id: row.id, label: AttachedSandbox(row).label)) }
        case .char("D"):
            // The filter narrows what D removes, as it narrows what the list shows.
            let kept = sandboxes.visible.filter { $0.origin == .persisted }.map(\.id)
            if kept.isEmpty {
                status.say("no persisted sandboxes in the list")
            } else {
                confirm(.removePersisted(ids: kept))
            }
        case .escape, .char("q"):
            focus.overlays.removeAll { if case .sandboxes = $0 { return true } else { return false } }
            return [.watchSandboxes(false)]
        default: break
        }
        return []
    }

    private mutating func confirm(_ action: SandboxLifecycle) {
        let dialog = Dialog(title: "\(action.verb)?", message: action.question, buttons: [action.verb, "Cancel"], selectedButton: 1)
        focus.overlays.append(.confirmSandbox(dialog, action))
    }

    mutating func handleSandboxConfirmation(_ key: KeyEvent, _ dialog: Dialog, _ action: SandboxLifecycle) -> [Effect] {
        var dialog = dialog
        switch dialog.handle(key) {
        case .chosen(0):
            focus.overlays.removeLast()
            status.say(action.progress)
            return [.sandboxLifecycle(action)]
        case .chosen, .cancelled:
            focus.overlays.removeLast()
        case .handled:
            replaceTopOverlay(.confirmSandbox(dialog, action))
        case .ignored:
            break
        }
        return []
    }

    mutating func sandboxLifecycleDone(_ action: SandboxLifecycle, failure: String?) -> [Effect] {
        if let failure {
            status.say(failure, error: true)
        } else {
            status.say(action.done)
        }
        return sandboxesOpen ? listSandboxes() : []
    }

    private mutating func editSandboxFilter(_ key: KeyEvent) -> [Effect] {
        switch key {
        case .char(let c): sandboxes.filter.append(c)
        case .backspace: if !sandboxes.filter.isEmpty { sandboxes.filter.removeLast() }
        case .enter: sandboxes.editingFilter = false
        case .escape:
            sandboxes.filter = ""
            sandboxes.editingFilter = false
        default: break
        }
        return []
    }

    private mutating func relistIfStale() -> [Effect] {
        guard sandboxes.stale else { return [] }
        sandboxes.stale = false
        return listSandboxes()
    }
}
