import Foundation
import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// The Sandboxes list without a terminal: opening it, coalescing listings, filter, sort, and
/// what the rows say on a Docker and on a server target.
final class SandboxesStateTests: XCTestCase {
    private let now = Fixture.start

    private func rows() -> [SandboxSummary] {
        [
            SandboxSummary(id: "aaaaaaaaaaaa1111", name: "old-pool", image: "isol8:python", runtime: "python", state: "running",
                           created: now.addingTimeInterval(-600), origin: .pool,
                           usage: ContainerUsage(memoryBytes: 10 << 20, cpuPercent: 1.5)),
            SandboxSummary(id: "bbbbbbbbbbbb2222", name: "kept-node", image: "isol8:node", runtime: "node", state: "exited",
                           created: now.addingTimeInterval(-60), origin: .persisted),
            SandboxSummary(id: "cccccccccccc3333", name: "by-hand", image: "isol8:python", runtime: "python", state: "running",
                           created: now.addingTimeInterval(-3_600), origin: .other,
                           usage: ContainerUsage(memoryBytes: 50 << 20, cpuPercent: 0.2)),
        ]
    }

    private func opened() -> AppState {
        var state = Fixture.state(Size(width: 140, height: 30))
        let effects = state.press("s")
        XCTAssertEqual(effects, [.watchSandboxes(true), .listSandboxes])
        state.send(.sandboxesListed(target: state.targets.current.name, rows()))
        return state
    }

    func testSAndTheCommandOpenTheListWhichFollowsEventsUntilEscCloses() {
        var state = Fixture.state()
        XCTAssertEqual(state.command("sandboxes"), [.watchSandboxes(true), .listSandboxes])
        XCTAssertTrue(state.sandboxesOpen)
        XCTAssertEqual(state.press("esc"), [.watchSandboxes(false)])
        XCTAssertFalse(state.sandboxesOpen)
        XCTAssertEqual(state.send(.sandboxesChanged), [], "a closed list does not list again")
    }

    func testEventsDuringAListingAskForExactlyOneMore() {
        var state = Fixture.state()
        state.press("s")
        XCTAssertEqual(state.send(.sandboxesChanged, .sandboxesChanged, .sandboxesChanged), [], "one listing at a time")
        XCTAssertEqual(state.send(.sandboxesListed(target: state.targets.current.name, rows())), [.listSandboxes],
                       "the changes meanwhile are picked up by one more listing")
        XCTAssertEqual(state.send(.sandboxesListed(target: state.targets.current.name, rows())), [])
        XCTAssertEqual(state.advance(1), [], "no refresh before the interval")
        XCTAssertEqual(state.advance(SandboxesState.refreshInterval), [.listSandboxes], "CPU and memory refresh on the interval")
    }

    func testAListingFromAnotherTargetIsIgnored() {
        var state = Fixture.state()
        state.press("s")
        state.send(.sandboxesListed(target: "elsewhere", rows()))
        XCTAssertTrue(state.sandboxes.rows.isEmpty)
    }

    func testNewestFirstThenSortKeysAndFilter() {
        var state = opened()
        XCTAssertEqual(state.sandboxes.visible.map(\.name), ["kept-node", "old-pool", "by-hand"])
        XCTAssertEqual(state.sandboxes.selected?.name, "kept-node")
        state.press("s")
        XCTAssertEqual(state.sandboxes.sort, .name)
        XCTAssertEqual(state.sandboxes.visible.map(\.name), ["by-hand", "kept-node", "old-pool"])
        state.press("s", "s", "s", "s")
        XCTAssertEqual(state.sandboxes.sort, .memory)
        XCTAssertEqual(state.sandboxes.visible.map(\.name), ["by-hand", "old-pool", "kept-node"])

        state.press("/")
        state.type("python")
        XCTAssertFalse(state.sandboxes.editingFilter)
        XCTAssertEqual(state.sandboxes.visible.map(\.name), ["by-hand", "old-pool"])
        state.press("j")
        XCTAssertEqual(state.sandboxes.selected?.name, "old-pool")
        XCTAssertTrue(state.sandboxesOpen, "keys typed into the filter do not close the list")
        state.press("/", "esc")
        XCTAssertEqual(state.sandboxes.filter, "", "Esc while filtering clears the filter")
        XCTAssertEqual(state.sandboxes.visible.count, 3)
    }

    func testTheTableAndTheDetailSideOnADockerTarget() {
        var state = opened()
        state.press("j")
        let screen = state.screen.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Sandboxes on local"), screen)
        XCTAssertTrue(screen.contains("3 sandboxes · sort: age"), screen)
        let row = state.screen.first { $0.contains("aaaaaaaaaaaa") && $0.contains("old-pool") } ?? ""
        XCTAssertTrue(row.contains("python") && row.contains("running") && row.contains("10m00s") && row.contains("pool")
                      && row.contains("1.5%") && row.contains("10.0 MiB"), row)
        XCTAssertTrue(screen.contains("id       aaaaaaaaaaaa1111"), "the detail side shows the full id: \(screen)")
        XCTAssertTrue(screen.contains("origin   pool"), screen)
    }

    func testASessionRowSaysWhenAutoPruneRemovesIt() {
        let server = Target(name: "srv", kind: .server(url: "http://127.0.0.1:1", key: "k", session: nil), origin: .commandLine)
        var state = Fixture.state(Size(width: 140, height: 30))
        state.targets = TargetState(current: server, known: [server])
        state.press("s")
        state.send(.sandboxesListed(target: "srv", [
            SandboxSummary(id: "my-session", name: "my-session", state: "idle", created: now.addingTimeInterval(-120),
                           origin: .session, lastUsed: now.addingTimeInterval(-30), pruneAt: now.addingTimeInterval(3_570)),
            SandboxSummary(id: "busy", name: "busy", state: "active", created: now, origin: .session, lastUsed: now),
        ]))
        let row = state.screen.first { $0.contains("my-session") && $0.contains("idle") } ?? ""
        XCTAssertTrue(row.contains("2m00s") && row.contains("30s") && row.contains("59m30s"), row)
        XCTAssertTrue(state.screen.contains { $0.contains("busy") && $0.contains("never") })
        XCTAssertTrue(state.screen.contains { $0.contains("SESSION") && $0.contains("PRUNED IN") })
    }

    func testAFailedListingIsShownInTheList() {
        var state = Fixture.state(Size(width: 140, height: 30))
        state.press("s")
        state.send(.sandboxesListFailed(target: state.targets.current.name, message: "Cannot connect to the Docker daemon"))
        XCTAssertTrue(state.screen.contains { $0.contains("✗ Cannot connect to the Docker daemon") })
    }
}

/// Attaching from the list, `:exec`, and the environment's masking, without a terminal.
final class AttachStateTests: XCTestCase {
    private let row = SandboxSummary(id: String(repeating: "0123456789abcdef", count: 4), name: "kept", image: "isol8:node", runtime: "node",
                                     state: "running", origin: .persisted)

    private func attached() -> AppState {
        var state = Fixture.state(Size(width: 140, height: 30))
        state.press("s")
        state.send(.sandboxesListed(target: state.targets.current.name, [row]))
        let effects = state.press("enter")
        XCTAssertEqual(effects, [.watchSandboxes(false), .watchContainer(row.id), .inspectContainer(row.id)])
        return state
    }

    func testEnterAttachesTheHeaderSaysSoAndRunsGoInWithItsRuntime() throws {
        var state = attached()
        XCTAssertFalse(state.sandboxesOpen)
        XCTAssertTrue(state.screen[0].contains("attached kept (0123456789ab)"), state.screen[0])
        let spec = try XCTUnwrap(startedSpec(state.press("r")))
        XCTAssertEqual(spec.attached?.id, row.id)
        XCTAssertEqual(spec.flags.runtime, "node", "the container's runtime, not the knob's")
    }

    func testExecRunsACommandInTheAttachedSandboxAndHistoryNamesIt() throws {
        var state = attached()
        let spec = try XCTUnwrap(startedSpec(state.command("exec cat /sandbox/x")))
        XCTAssertEqual(spec.flags.cmd, "cat /sandbox/x")
        XCTAssertNil(spec.flags.file, "the command replaces the code")
        XCTAssertEqual(spec.flags.runtime, "node")
        XCTAssertEqual(state.history.runs.last?.summary, "exec cat /sandbox/x")
    }

    func testExecWithoutAnAttachedSandboxSaysHowToAttach() {
        var state = Fixture.state()
        XCTAssertEqual(state.command("exec ls"), [])
        XCTAssertTrue(state.screen.joined().contains("exec: attach to a sandbox first"), state.screen.joined(separator: "\n"))
    }

    func testARemovedAttachedSandboxRefusesRunsWithAMessage() {
        var state = attached()
        state.send(.containerEvent(id: row.id, action: "destroy"))
        XCTAssertTrue(state.status.message?.contains("the attached sandbox kept (0123456789ab) was removed") ?? false)
        XCTAssertEqual(state.press("r"), [])
        XCTAssertTrue(state.screen[0].contains("(removed)"), state.screen[0])
    }

    func testSecretValuesAreMaskedInTheEnvironment() {
        XCTAssertEqual(EnvironmentMask.masked("API_TOKEN=abc"), "API_TOKEN=••••••")
        XCTAssertEqual(EnvironmentMask.masked("GREETING=hunter2", secrets: ["hunter2"]), "GREETING=••••••")
        XCTAssertEqual(EnvironmentMask.masked("PLAIN=x", names: ["PLAIN"]), "PLAIN=••••••", "names the engine labelled as secrets")
        XCTAssertEqual(EnvironmentMask.masked("PATH=/usr/bin", secrets: ["hunter2"]), "PATH=/usr/bin")
    }
}

/// Stop and remove from the Sandboxes list, always behind a confirmation.
final class SandboxLifecycleStateTests: XCTestCase {
    private func listed() -> AppState {
        var state = Fixture.state(Size(width: 140, height: 30))
        state.press("s")
        state.send(.sandboxesListed(target: state.targets.current.name, [
            SandboxSummary(id: "a1", name: "kept-1", state: "running", created: Fixture.start, origin: .persisted),
            SandboxSummary(id: "b2", name: "pooled", state: "running", created: Fixture.start.addingTimeInterval(-1), origin: .pool),
            SandboxSummary(id: "c3", name: "kept-2", state: "exited", created: Fixture.start.addingTimeInterval(-2), origin: .persisted),
        ]))
        return state
    }

    func testRemoveAsksFirstAndCancelLeavesItBe() {
        var state = listed()
        XCTAssertEqual(state.press("d"), [])
        XCTAssertTrue(state.screen.contains { $0.contains("Remove kept-1 (a1) and everything in it?") }, state.screen.joined(separator: "\n"))
        XCTAssertEqual(state.press("enter"), [], "Cancel is the default button")
        XCTAssertTrue(state.sandboxesOpen)
        XCTAssertEqual(state.press("d", "r"), [.sandboxLifecycle(.remove(id: "a1", label: "kept-1 (a1)"))])
        XCTAssertEqual(state.send(.sandboxLifecycleDone(.remove(id: "a1", label: "kept-1 (a1)"), failure: nil)), [.listSandboxes])
        XCTAssertEqual(state.status.message, "removed kept-1 (a1)")
    }

    func testStopAndRemoveAllPersistedFollowTheFilter() {
        var state = listed()
        state.press("j")
        XCTAssertEqual(state.press("x", "s"), [.sandboxLifecycle(.stop(id: "b2", label: "pooled (b2)"))])
        XCTAssertEqual(state.press("D", "r"), [.sandboxLifecycle(.removePersisted(ids: ["a1", "c3"]))])
        state.press("/")
        state.type("kept-2")
        XCTAssertEqual(state.press("D", "r"), [.sandboxLifecycle(.removePersisted(ids: ["c3"]))], "the filter narrows what D removes")
        state.send(.sandboxLifecycleDone(.removePersisted(ids: ["c3"]), failure: "on local, c3: Docker API error (500): boom"))
        XCTAssertTrue(state.status.isError)
    }
}

/// A server sends no lifecycle events: an attached session that the server pruned shows up as
/// gone at the next inspection, and the status line says so once.
final class AttachedSessionGoneTests: XCTestCase {
    func testAPrunedAttachedSessionIsSaidToBeGone() {
        var state = Fixture.state(Size(width: 120, height: 40))
        state.send(.sandboxResolved(SandboxSummary(id: "s1", name: "s1", image: "", state: "idle")))
        XCTAssertEqual(state.attached?.id, "s1")
        state.send(.containerGone(id: "s1"))
        XCTAssertTrue(state.status.isError)
        XCTAssertTrue(state.status.message?.contains("is gone (removed, or pruned by the server)") == true, state.status.message ?? "")
        XCTAssertEqual(state.container.phase, .gone)
        XCTAssertNotNil(state.attachedRunRefusal, "r is refused with a reason")
    }
}
