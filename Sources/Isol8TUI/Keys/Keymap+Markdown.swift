/// The key table of the README, generated from the keymap so the docs cannot drift.
extension Keymap {
    /// Markdown with one table per context.
    public func markdown() -> String {
        var out = "# isol8-tui keys\n\n"
        out += "Generated from the keymap (`isol8-tui --print-keys`); do not edit by hand.\n"
        out += "Override any binding in `isol8.config.json` under `tui.keys`: `\"run\": \"ctrl-r\"` for every pane, "
        out += "or `\"output.search\": \"s\"` for one; several keys separate with spaces or commas.\n"
        for table in tables {
            out += "\n## \(table.context.title)\n\n| Key | Command | What it does |\n|---|---|---|\n"
            for binding in table.bindings {
                let keys = binding.keys.map { "`\(Keymap.markdownKey($0.spec))`" }.joined(separator: ", ")
                out += "| \(keys) | `\(binding.command.rawValue)` | \(binding.description) |\n"
            }
        }
        return out
    }

    /// A backtick or pipe would break the table cell.
    private static func markdownKey(_ spec: String) -> String {
        spec == "|" ? "\\|" : spec
    }
}
