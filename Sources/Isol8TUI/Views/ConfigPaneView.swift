import Isol8Core
import TerminalKit

/// Pane 5: every setting with its value and where it came from; values changed in this
/// session stand out — as errors when the current target would not take them — and the
/// image a run will use is resolved at the end.
enum ConfigPaneView {
    static let columns = [
        TableColumn("key", width: .fill(2)),
        TableColumn("value", width: .fill(3)),
        TableColumn("source", width: .fill(2)),
    ]

    static func rows(_ knobs: KnobState, target: Target, theme: Theme) -> [ListRow] {
        var rows = knobs.effective.entries.map { entry in
            guard knobs.changed.contains(entry.key) else { return ListRow([entry.key, entry.value, entry.source.description]) }
            guard OptionCatalog.option(entry.key).flatMap(target.ignores) != nil else {
                return ListRow([entry.key, entry.value, entry.source.description], style: theme[.changed])
            }
            return ListRow([entry.key, entry.value, "\(entry.source) — ignored by \(target.name)"], style: theme[.statusError])
        }
        let source = knobs.options.image == nil ? "isol8:<runtime>" : "image"
        rows.append(ListRow(["image (resolved)", knobs.resolvedImage, source]))
        return rows
    }

    static func draw(_ state: AppState, focused: Bool, in canvas: inout Canvas, area: Rect) {
        let theme = state.theme
        let inner = AppView.sidePane(.config, focused: focused).draw(in: &canvas, area: area, theme: theme)
        ListView(columns: columns, showHeader: true)
            .draw(rows(state.knobs, target: state.targets.current, theme: theme), state: state.config, in: &canvas, area: inner, theme: theme)
    }
}
