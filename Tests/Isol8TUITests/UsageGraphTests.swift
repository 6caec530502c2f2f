import Isol8Core
import TerminalKit
import XCTest
@testable import Isol8TUI

/// CPU and memory of the followed container as graphs over its inspections, scaled to its
/// limits, bounded to the last minutes.
final class UsageGraphTests: XCTestCase {
    func testASparklineScalesToItsMaximumAndKeepsTheNewestSamples() {
        XCTAssertEqual(Sparkline.render([0, 50, 100, 200], maximum: 100, width: 10), "▁▅██")
        XCTAssertEqual(Sparkline.render([0, 25, 50, 75, 100], maximum: 100, width: 3), "▅▆█")
        XCTAssertEqual(Sparkline.render([10], maximum: 0, width: 5), "")
    }

    func testInspectionsDrawTheGraphsInTheContainerPane() {
        var state = Fixture.state(Size(width: 120, height: 40))
        state.press("r")
        let id = String(repeating: "cd", count: 32)
        state.send(.runContainer(id: 1, containerId: id))
        let limits = ContainerLimits(memoryBytes: 100 << 20, nanoCpus: 1_000_000_000)
        for (cpu, memory) in [(0.0, 10), (50.0, 50), (100.0, 100)] {
            let usage = ContainerUsage(memoryBytes: UInt64(memory) << 20, memoryLimitBytes: 100 << 20, cpuPercent: cpu, pids: 1)
            state.send(.containerInspected(ContainerSnapshot(id: id, state: "running", running: true, limits: limits, usage: usage)))
        }
        XCTAssertEqual(state.container.cpuHistory, [0, 50, 100])
        state.press("4", "enter")
        let screen = state.screen
        XCTAssertTrue(screen.contains { $0.contains("cpu graph") && $0.contains("▁▅█ 100% of 1 core") }, screen.joined(separator: "\n"))
        XCTAssertTrue(screen.contains { $0.contains("mem graph") && $0.contains("▂▅█ peak 100.0 MiB of 100.0 MiB") }, screen.joined(separator: "\n"))
    }

    func testTheHistoryIsBounded() {
        var container = ContainerState()
        for n in 0..<(ContainerState.historyLength + 10) { container.record(ContainerUsage(cpuPercent: Double(n))) }
        XCTAssertEqual(container.cpuHistory.count, ContainerState.historyLength)
        XCTAssertEqual(container.cpuHistory.first, 10)
    }
}
