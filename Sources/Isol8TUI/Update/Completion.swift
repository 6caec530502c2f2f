/// Tab completion at the `:` prompt: command words, knob names, knob values, theme names and
/// the entries a `un…` command can remove.
struct Completion: Equatable {
    /// The text after completing as far as every candidate agrees.
    var text: String
    /// What the last word could become (shown when there is more than one).
    var candidates: [String]

    /// Completes the last word of `text`.
    static func complete(_ text: String, knobs: KnobState, themes: [String]) -> Completion {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.isEmpty { words = [""] }
        let last = words.removeLast()
        let (options, finalWord) = choices(before: words, knobs: knobs, themes: themes)
        let matches = options.filter { $0.lowercased().hasPrefix(last.lowercased()) }
        guard !matches.isEmpty else { return Completion(text: text, candidates: []) }
        let common = matches.dropFirst().reduce(matches[0]) { commonPrefix($0, $1) }
        var completed = common.count >= last.count ? common : last
        if matches.count == 1 && !finalWord { completed += " " }
        return Completion(text: (words + [completed]).joined(separator: " "), candidates: matches.count > 1 ? matches : [])
    }

    /// What can follow `words`, and whether that word ends the command.
    private static func choices(before words: [String], knobs: KnobState, themes: [String]) -> ([String], Bool) {
        guard let command = words.first?.lowercased() else {
            return (PromptCommand.catalog.map(\.name), false)
        }
        switch (command, words.count) {
        case ("set", 1): return (KnobCatalog.all.map(\.name), false)
        case ("set", 2): return (KnobCatalog.named(words[1])?.choices ?? [], true)
        case ("theme", 1): return (themes, true)
        case ("mouse", 1): return (["on", "off"], true)
        case ("unallow", 1): return (knobs.options.networkFilter?.whitelist ?? [], true)
        case ("undeny", 1): return (knobs.options.networkFilter?.blacklist ?? [], true)
        case ("uninstall", 1): return (knobs.flags.install, true)
        default: return ([], true)
        }
    }

    private static func commonPrefix(_ a: String, _ b: String) -> String {
        var out = ""
        for (x, y) in zip(a, b) {
            guard x.lowercased() == y.lowercased() else { break }
            out.append(x)
        }
        return out
    }
}
