import Foundation
import Isol8Core
import TerminalKit

/// The reducer: applies one action to the state and returns the I/O to perform. Pure and
/// synchronous — all time comes in through `.tick`, all I/O goes out as ``Effect``s.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    defer { state.workflow.note(state.focus) }
    switch action {
    case .key(let key):
        return state.handleKey(key)
    case .mouse(let event):
        return state.handleMouse(event)
    case .resize(let size):
        state.size = size
        return []
    case .tick(let now):
        return state.tick(now)
    case .terminate:
        return [.quit]
    case .targetProbed(let health):
        state.targets.health[health.target.name] = health
        guard health.target == state.targets.current else { return [] }
        state.knobs.limits = health.limits
        if let failure = health.failure { state.status.say("target \(health.target.name) unreachable: \(failure)", error: true) }
        return []
    case .codeLoaded(let path, let text):
        guard path == state.code.path else { return [] }
        state.code.setText(text)
        return []
    case .inlineCodeEdited(let text):
        guard state.code.path == nil else { return [] }
        state.knobs.setInlineCode(text)
        state.code.setText(text)
        state.status.say("code edited; r runs it")
        return []
    case .codeLoadFailed(let path, let message):
        guard path == state.code.path else { return [] }
        state.code.error = message
        state.status.say(message, error: true)
        return []
    case .runEvents(let id, let events):
        state.applyRunEvents(id, events)
        return []
    case .runOutputSkipped(let id, let bytes):
        guard state.run?.id == id else { return [] }
        state.output.appendLine("[isol8-tui] \(Format.bytes(bytes)) of output skipped: it came faster than the screen could show it",
                                kind: .marker)
        return []
    case .filesListed(let sandbox, let entries):
        state.showFiles(sandbox, entries)
        return []
    case .fileRead(let sandbox, let path, let data):
        state.showFile(sandbox, path, data)
        return []
    case .fileOperationDone(let message, let failure):
        state.status.say(failure ?? message, error: failure != nil)
        return []
    case .shellEnded(let container, let exitCode, let failure):
        if let failure {
            state.status.say("shell in \(container.prefix(12)): \(failure)", error: true)
        } else {
            state.status.say("shell in \(container.prefix(12)) exited" + (exitCode.map { " with \($0)" } ?? ""))
        }
        return state.refreshContainer()
    case .runContainer(let id, let containerId):
        return state.runGotContainer(id, containerId)
    case .runFinished(let id, let completion):
        let effects = state.finishRun(id, completion)
        return effects + state.continueBisection(after: id) + state.attachToStartSession()
    case .runFailed(let id, let message):
        state.failRun(id, message)
        return state.continueBisection(after: id)
    case .debugLines(let lines):
        guard state.knobs.options.debug else { return [] }
        for line in lines { state.debug.appendLine(line, kind: .stdout) }
        return []
    case .serverLogLines(let target, let lines):
        guard target == state.targets.current.name else { return [] }
        for line in lines { state.debug.appendLine(line, kind: .stdout) }
        return []
    case .serverLogEnded(let target, let message):
        guard target == state.targets.current.name else { return [] }
        // The Debug pane, not the status line: the probe already reports a bad key or URL there.
        state.debug.appendLine("[isol8-tui] no more log lines from \(target): \(message)", kind: .stderr)
        return []
    case .containerInspected(let snapshot):
        state.containerInspected(snapshot)
        return []
    case .containerEvent(let id, let action):
        state.noteAttachedEvent(id, action)
        return state.containerEvent(id, action)
    case .containerGone(let id):
        state.forgetPersisted(id)
        guard id == state.container.id else { return [] }
        if state.container.phase == .live, let attached = state.attached, attached.id == id {
            // A server sends no events: this is how a pruned or deleted session shows.
            state.status.say("the attached sandbox \(attached.label) is gone (removed, or pruned by the server): :sandboxes attaches to another",
                             error: true)
        }
        state.container.phase = .gone
        state.container.inFlight = false
        return []
    case .containerInspectFailed(let id, let message):
        guard id == state.container.id else { return [] }
        state.container.error = message
        state.container.inFlight = false
        return []
    case .themeLoaded(let name, let theme, let warning):
        state.theme = theme
        state.themeName = name
        if let warning {
            state.status.say(warning, error: true)
        } else {
            state.status.say("theme: \(name)")
        }
        return []
    case .outputSaved(let path):
        state.status.say("saved the output to \(path)")
        return []
    case .copied(let format, let destination):
        state.status.say("copied the run as \(format.rawValue) to \(destination)")
        return []
    case .sandboxesListed(let target, let rows):
        return state.sandboxesListed(target: target, rows)
    case .sandboxesListFailed(let target, let message):
        return state.sandboxesListFailed(target: target, message)
    case .sandboxLifecycleDone(let action, let failure):
        return state.sandboxLifecycleDone(action, failure: failure)
    case .sandboxResolved(let sandbox):
        return state.attach(to: sandbox)
    case .sandboxNotFound(let message):
        state.attachFailed(message)
        return []
    case .sandboxesChanged:
        return state.sandboxesChanged()
    case .effectFailed(let message):
        state.status.say(message, error: true)
        return []
    }
}
