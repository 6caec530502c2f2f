import Foundation
import Isol8Core
import TerminalKit

/// `:files`, `:download`, `:upload`: the files of the sandbox the Container pane follows (a
/// persisted or attached container, or a server session).
extension AppState {
    /// The sandbox file commands act on, or why there is none.
    func followedSandbox(_ command: String) throws -> String {
        guard let id = container.id, container.phase == .live else {
            throw KnobError("\(command): no container to look in: attach to one (:sandboxes) or run with :set persist on first")
        }
        return id
    }

    mutating func showFiles(_ sandbox: String, _ entries: [SandboxFile]) {
        if case .files(var files)? = focus.overlays.last, files.sandbox == sandbox {
            files.entries = entries
            files.selection = min(files.selection, max(0, entries.count - 1))
            focus.overlays[focus.overlays.count - 1] = .files(files)
        } else {
            focus.overlays.append(.files(FilesState(sandbox: sandbox, entries: entries)))
        }
    }

    mutating func showFile(_ sandbox: String, _ path: String, _ data: Data) {
        guard case .files(var files)? = focus.overlays.last, files.sandbox == sandbox else { return }
        files.viewing = FilesState.FileView(path: path, data: data)
        focus.overlays[focus.overlays.count - 1] = .files(files)
    }

    /// ↑/↓ choose, Enter views a file, Esc goes back from the viewer, then closes.
    mutating func handleFilesKey(_ key: KeyEvent, _ files: FilesState) -> [Effect] {
        var files = files
        defer { if case .files? = focus.overlays.last { focus.overlays[focus.overlays.count - 1] = .files(files) } }
        let page = max(1, viewport(.container).height - 2)
        if var view = files.viewing {
            switch key {
            case .up, .char("k"): view.firstLine = max(0, view.firstLine - 1)
            case .down, .char("j"): view.firstLine = min(max(0, view.lines.count - 1), view.firstLine + 1)
            case .pageUp: view.firstLine = max(0, view.firstLine - page)
            case .pageDown, .char(" "): view.firstLine = min(max(0, view.lines.count - 1), view.firstLine + page)
            case .escape, .char("q"):
                files.viewing = nil
                return []
            default: break
            }
            files.viewing = view
            return []
        }
        switch key {
        case .up, .char("k"): files.selection = max(0, files.selection - 1)
        case .down, .char("j"): files.selection = min(max(0, files.entries.count - 1), files.selection + 1)
        case .enter:
            guard let entry = files.selected else { return [] }
            guard entry.kind == .file else {
                status.say("\(TextSanitizer.sanitize(entry.path)) is a \(entry.kind.rawValue); only regular files open in the viewer", error: true)
                return []
            }
            return [.readFile(sandbox: files.sandbox, path: entry.path)]
        case .escape, .char("q"):
            focus.overlays.removeLast()
        default: break
        }
        return []
    }
}
