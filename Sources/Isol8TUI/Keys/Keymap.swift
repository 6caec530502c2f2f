import TerminalKit

/// All key tables: one global table, one per pane, one for the diff view. The same tables
/// dispatch keys, build the `?` help, generate docs/keys.md and take user overrides from the
/// config (`tui.keys.<command>` or `tui.keys.<context>.<command>`).
public struct Keymap: Hashable, Sendable {
    /// The tables, global first.
    public private(set) var tables: [KeyTable]

    /// Creates a keymap from tables.
    public init(tables: [KeyTable]) {
        self.tables = tables
    }

    /// The table of `context`.
    public func table(_ context: KeyContext) -> KeyTable? {
        tables.first { $0.context == context }
    }

    /// The command `key` triggers in `context`, falling back to the global table (the diff
    /// view has no fallback: it is modal).
    public func command(for key: KeyEvent, in context: KeyContext) -> KeyCommand? {
        if let hit = table(context)?.bindings.first(where: { $0.keys.contains(key) }) { return hit.command }
        guard context != .diff else { return nil }
        return table(.global)?.bindings.first { $0.keys.contains(key) }?.command
    }

    /// The keys bound to `command` in `context` (or globally).
    public func keys(for command: KeyCommand, in context: KeyContext) -> [KeyEvent] {
        for c in [context, .global] {
            if let binding = table(c)?.bindings.first(where: { $0.command == command }) { return binding.keys }
        }
        return []
    }

    /// This keymap with the user's overrides applied. `overrides` maps `keys.<name>` (as the
    /// config loader stores `tui.keys.<name>`) to key specs separated by spaces or commas.
    /// Bad entries are skipped and reported; keys a user binds are taken away from whatever
    /// else held them, so the user's binding always wins.
    public func applying(overrides: [String: String]) -> (keymap: Keymap, warnings: [String]) {
        var keymap = self
        var warnings: [String] = []
        for (configKey, value) in overrides.sorted(by: { $0.key < $1.key }) where configKey.hasPrefix("keys.") {
            let name = String(configKey.dropFirst("keys.".count))
            let parts = name.split(separator: ".").map(String.init)
            let context: KeyContext?
            let commandName: String
            if parts.count == 2 {
                context = tables.first { $0.context.name == parts[0] }?.context
                guard context != nil else {
                    warnings.append("tui.\(configKey): unknown context \"\(parts[0])\"; use one of "
                                    + tables.map(\.context.name).joined(separator: ", "))
                    continue
                }
                commandName = parts[1]
            } else {
                context = nil
                commandName = name
            }
            guard let command = KeyCommand(rawValue: commandName) else {
                warnings.append("tui.\(configKey): unknown command \"\(commandName)\"; see docs/keys.md")
                continue
            }
            do {
                let keys = try Keymap.parseKeys(value)
                guard keymap.rebind(command, to: keys, in: context) else {
                    warnings.append("tui.\(configKey): \"\(commandName)\" has no binding there to replace")
                    continue
                }
            } catch {
                warnings.append("tui.\(configKey): \(error)")
            }
        }
        return (keymap, warnings)
    }

    /// Parses `"ctrl-r, F5"` or `"ctrl-r F5"`.
    static func parseKeys(_ value: String) throws -> [KeyEvent] {
        var specs: [String] = []
        for token in value.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if token == "," {
                specs.append(",")
            } else {
                specs += token.split(separator: ",").map(String.init)
            }
        }
        guard !specs.isEmpty else { throw KeySpecError(spec: value, reason: "no key given") }
        return try specs.map { try KeyEvent(spec: $0) }
    }

    private mutating func rebind(_ command: KeyCommand, to keys: [KeyEvent], in context: KeyContext?) -> Bool {
        var found = false
        for t in tables.indices where context == nil || tables[t].context == context {
            for b in tables[t].bindings.indices where tables[t].bindings[b].command == command {
                tables[t].bindings[b].keys = keys
                found = true
            }
        }
        guard found else { return false }
        for t in tables.indices {
            for b in tables[t].bindings.indices where tables[t].bindings[b].command != command {
                tables[t].bindings[b].keys.removeAll { keys.contains($0) }
            }
        }
        return true
    }
}
