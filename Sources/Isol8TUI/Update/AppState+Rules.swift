import Isol8Core
import TerminalKit

/// The Rules overlay (`R` in the Network pane): the deny and allow patterns in the order the
/// proxy tries them; ↑/↓ select, K/J move the selected rule up or down its list, d removes it,
/// a and b add an allow or a deny rule through the prompt.
extension AppState {
    /// Deny rules, then allow rules, each with its list and index.
    var ruleRows: [(deny: Bool, index: Int, pattern: String)] {
        let filter = knobs.currentFilter
        return filter.blacklist.enumerated().map { (true, $0.offset, $0.element) }
            + filter.whitelist.enumerated().map { (false, $0.offset, $0.element) }
    }

    mutating func handleRulesKey(_ key: KeyEvent, selected: Int) -> [Effect] {
        let rows = ruleRows
        var selected = min(selected, max(0, rows.count - 1))
        let row = rows.indices.contains(selected) ? rows[selected] : nil
        switch key {
        case .up, .char("k"): selected = max(0, selected - 1)
        case .down, .char("j"): selected = min(max(0, rows.count - 1), selected + 1)
        case .char("K"), .char("J"):
            guard let row else { return [] }
            let offset = key == .char("K") ? -1 : 1
            knobs.moveRule(deny: row.deny, at: row.index, by: offset)
            if ruleRows.indices.contains(selected + offset), ruleRows[selected + offset].pattern == row.pattern { selected += offset }
            status.say("\(row.deny ? "deny" : "allow") rules: \(KnobState.list(row.deny ? knobs.currentFilter.blacklist : knobs.currentFilter.whitelist))")
        case .char("d"):
            guard let row else { return [] }
            do {
                if row.deny { try knobs.undeny(row.pattern) } else { try knobs.unallow(row.pattern) }
                status.say("removed \(row.deny ? "deny" : "allow") \(row.pattern)")
            } catch {
                status.say("\(error)", error: true)
            }
        case .char("a"), .char("b"):
            focus.overlays.append(.prompt(PromptState(mode: .command, input: TextInput(text: key == .char("a") ? "allow " : "deny ",
                                                                                        history: commandHistory))))
            return []
        case .escape, .char("q"):
            focus.overlays.removeLast()
            return []
        default: break
        }
        if case .rules? = focus.overlays.last { focus.overlays[focus.overlays.count - 1] = .rules(selected: selected) }
        return []
    }
}
