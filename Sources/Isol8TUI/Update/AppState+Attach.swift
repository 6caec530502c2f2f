import Foundation
import Isol8Core

/// Attaching the screen to a sandbox from the list (Enter) or `--attach ID|NAME`: the
/// Container pane follows it and `r` runs the code inside it.
extension AppState {
    /// Enter in the Sandboxes list.
    mutating func attachSelected() -> [Effect] {
        guard let row = sandboxes.selected else { return [] }
        focus.overlays.removeAll { if case .sandboxes = $0 { return true } else { return false } }
        return [.watchSandboxes(false)] + attach(to: row)
    }

    mutating func attach(to sandbox: SandboxSummary) -> [Effect] {
        if let run {
            status.say("run #\(run.id) is still active; attach after it ends (x cancels it)", error: true)
            return []
        }
        let attachment = AttachedSandbox(sandbox)
        attached = attachment
        status.say("attached to \(attachment.label): r runs the code in it")
        container = ContainerState()
        container.id = sandbox.id
        container.phase = .live
        return [.watchContainer(sandbox.id)] + refreshContainer()
    }

    /// Why a run cannot go into the attached sandbox, if it cannot.
    var attachedRunRefusal: String? {
        guard let attached, attached.id == container.id else { return nil }
        if container.phase == .gone { return "the attached sandbox \(attached.label) was removed; :sandboxes attaches to another" }
        if let snapshot = container.snapshot, !snapshot.running {
            return "the attached sandbox \(attached.label) is \(snapshot.state); start it or :sandboxes attaches to another"
        }
        return nil
    }

    /// `:exec CMD`: the command runs in the attached sandbox like a run (output in the Output
    /// pane, a row in History), as the sandbox user, in the runtime the sandbox is bound to.
    mutating func execInAttached(_ command: String) throws -> [Effect] {
        guard attached != nil else { throw KnobError("exec: attach to a sandbox first (:sandboxes lists them, Enter attaches)") }
        return startRun(command: command)
    }

    /// `--attach` named nothing the target has; a `--session-id` session that is not there yet
    /// is no error: the first run makes it, and then the screen attaches.
    mutating func attachFailed(_ message: String) {
        if let session = sessionOnStart, attachOnStart == nil, attached == nil {
            status.say("session \(session) is not on \(targets.current.name) yet: the first run makes it, and the screen attaches to it then")
            return
        }
        status.say(message, error: true)
    }

    /// After a run: attach to the `--session-id` session once the run made it.
    mutating func attachToStartSession() -> [Effect] {
        guard let session = sessionOnStart, attached == nil else { return [] }
        return [.resolveSandbox(session)]
    }

    /// The attached container died or went away: say so at once, not only in the pane.
    mutating func noteAttachedEvent(_ id: String, _ action: String) {
        guard let attached, attached.id == id, ["die", "kill", "oom", "destroy", "stop"].contains(action) else { return }
        status.say("the attached sandbox \(attached.label) \(action == "destroy" ? "was removed" : "stopped (\(action))")", error: true)
    }
}
