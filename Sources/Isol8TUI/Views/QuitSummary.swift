/// What the TUI leaves running, printed on the normal screen after it quits, with the
/// commands that remove it; nothing when it leaves nothing.
public enum QuitSummary {
    public static func lines(_ state: AppState) -> [String] {
        guard !state.persisted.isEmpty else { return [] }
        let ids = state.persisted.map { String($0.container.prefix(12)) }
        return ["isol8-tui leaves \(ids.count) persisted container(s) running on \(state.targets.current.name):"]
            + state.persisted.map { "  \($0.container.prefix(12))  (run #\($0.run))" }
            + ["Remove them with:  docker rm -f \(ids.joined(separator: " "))",
               "(isol8 cleanup --force removes every isol8 container on the host, not only these.)"]
    }
}
