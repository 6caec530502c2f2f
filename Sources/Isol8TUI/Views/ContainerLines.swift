import Foundation
import Isol8Core
import TerminalKit

/// The container pane's text: identity, state, limits asked for against limits Docker
/// applied, usage, processes and the `/sandbox` listing. Everything that came from Docker
/// (names, command lines, file names) is sanitised.
enum ContainerLines {
    /// `secrets` are values to mask wherever they appear in the environment.
    static func build(_ container: ContainerState, now: Date, theme: Theme, secrets: [String] = []) -> [Line] {
        guard let id = container.id else {
            return [
                Line("No container yet.", style: theme[.dim]),
                Line("A run's container shows here while it exists. Ephemeral runs wipe it for the next run;", style: theme[.dim]),
                Line("keep it for inspection with :set persist on, or reuse one with :set persistent on.", style: theme[.dim]),
            ]
        }
        var lines: [Line] = []
        func field(_ name: String, _ value: String, _ style: Style? = nil) {
            lines.append(Line(spans: [Span(pad(name), style: theme[.header].removing(.underline)),
                                      Span(clean(value), style: style ?? theme[.text])]))
        }
        field("id", String(id.prefix(12)))
        if container.phase == .gone {
            field("state", "removed", theme[.dim])
            lines.append(Line(goneAdvice(container.requested), style: theme[.dim]))
            return lines
        }
        guard let snap = container.snapshot else {
            field("state", container.error.map { "inspect failed: \($0)" } ?? "inspecting…",
                  container.error == nil ? theme[.dim] : theme[.statusError])
            return lines
        }
        if !snap.name.isEmpty { field("name", snap.name) }
        field("image", snap.image)
        var state = snap.state
        if snap.running, let started = snap.startedAt { state += " · up " + Format.uptime(seconds: Int(now.timeIntervalSince(started))) }
        if !snap.running, let code = snap.exitCode { state += " · exit \(code)" }
        field("state", state, snap.running ? theme[.statusOK] : theme[.text])
        if snap.oomKilled { field("", "OOM killed", theme[.statusError]) }
        if let event = container.lastEvent {
            field("event", "\(event.action) · \(Format.uptime(seconds: max(0, Int(now.timeIntervalSince(event.at))))) ago", theme[.dim])
        }
        if let asked = container.requested, asked.mode == .ephemeral, !asked.persist {
            field("", "ephemeral: wiped and kept warm in the pool for the next run", theme[.dim])
        }
        if let error = container.error { field("refresh", "failed: \(error)", theme[.statusError]) }

        lines.append(Line(spans: [Span(pad("limits"), style: theme[.header]), Span(pad("requested", 14), style: theme[.header]),
                                  Span("docker", style: theme[.header])]))
        let asked = container.requested
        let limits = snap.limits
        limitRow("memory", asked?.memoryLimit, limits.memoryBytes.map { Format.bytes($0) }, into: &lines, theme: theme)
        limitRow("cpu", asked.map { JSNumber.text($0.cpuLimit) },
                 limits.nanoCpus.map { JSNumber.text(Double($0) / 1e9) }, into: &lines, theme: theme)
        limitRow("pids", asked.map { String($0.pidsLimit) }, limits.pidsLimit.map(String.init), into: &lines, theme: theme)
        limitRow("network", asked?.network.rawValue, dockerNetwork(limits.networkMode, asked: asked?.network), into: &lines, theme: theme)
        limitRow("/sandbox", asked?.sandboxSize, tmpfsSize(limits.tmpfs["/sandbox"]), into: &lines, theme: theme)
        limitRow("/tmp", asked?.tmpSize, tmpfsSize(limits.tmpfs["/tmp"]), into: &lines, theme: theme)
        limitRow("/dev/shm", asked?.shmSize, limits.shmBytes.map { Format.bytes($0) }, into: &lines, theme: theme)
        limitRow("read-only", asked.map { String($0.readonlyRootFs) }, limits.readonlyRootfs.map(String.init), into: &lines, theme: theme)

        if let usage = snap.usage {
            var parts: [String] = []
            if let mem = usage.memoryBytes {
                parts.append("mem " + Format.bytes(mem) + (usage.memoryLimitBytes.map { " / " + Format.bytes($0) } ?? ""))
            }
            if let cpu = usage.cpuPercent ?? container.cpuHistory.last { parts.append(String(format: "cpu %.1f%%", cpu)) }
            if let pids = usage.pids { parts.append("pids \(pids)") }
            field("usage", parts.joined(separator: " · "))
            graphs(container, snap, into: &lines, theme: theme)
        }
        if let top = snap.processes {
            lines.append(Line("processes", style: theme[.header]))
            lines.append(Line("  " + clean(top.titles.joined(separator: " ")), style: theme[.dim]))
            for row in top.rows { lines.append(Line("  " + clean(row.joined(separator: " ")))) }
        }
        if let environment = snap.environment, !environment.isEmpty {
            lines.append(Line("environment", style: theme[.header]))
            for entry in environment { lines.append(Line("  " + clean(EnvironmentMask.masked(entry, secrets: secrets)))) }
        }
        if let listing = snap.sandboxListing {
            lines.append(Line("/sandbox", style: theme[.header]))
            for entry in TextSanitizer.sanitize(listing).split(separator: "\n") { lines.append(Line("  " + entry)) }
        }
        return lines
    }

    /// CPU and memory over the last minutes, scaled to the container's limits so a full
    /// block means the limit is reached.
    private static func graphs(_ container: ContainerState, _ snap: ContainerSnapshot, into lines: inout [Line], theme: Theme) {
        let width = 40
        let cores = snap.limits.nanoCpus.map { Double($0) / 1e9 } ?? 1
        if let last = container.cpuHistory.last {
            lines.append(Line(spans: [Span(pad("cpu graph"), style: theme[.header].removing(.underline)),
                                      Span(Sparkline.render(container.cpuHistory, maximum: cores * 100, width: width), style: theme[.statusOK]),
                                      Span(String(format: " %.0f%% of %@", last, JSNumber.text(cores) + (cores == 1 ? " core" : " cores")), style: theme[.dim])]))
        }
        if let limit = snap.usage?.memoryLimitBytes ?? snap.limits.memoryBytes.map(UInt64.init), let last = container.memoryHistory.last {
            let peak = container.memoryHistory.max() ?? last
            lines.append(Line(spans: [Span(pad("mem graph"), style: theme[.header].removing(.underline)),
                                      Span(Sparkline.render(container.memoryHistory, maximum: Double(limit), width: width), style: theme[.statusOK]),
                                      Span(" peak \(Format.bytes(UInt64(peak))) of \(Format.bytes(limit))", style: theme[.dim])]))
        }
    }

    /// Why the container is gone and what keeps the next one: persist only helps when it was off.
    static func goneAdvice(_ requested: Isol8Options?) -> String {
        if let requested, requested.persist || requested.mode == .persistent {
            return "The container is gone although it was kept: something removed it (isol8 cleanup, docker rm). r makes a new one."
        }
        return "The container is gone (ephemeral runs remove theirs). :set persist on keeps it."
    }

    private static func limitRow(_ name: String, _ asked: String?, _ reported: String?, into lines: inout [Line], theme: Theme) {
        lines.append(Line(spans: [Span(pad("  " + name), style: theme[.text]), Span(pad(asked ?? "-", 14), style: theme[.text]),
                                  Span(clean(reported ?? "-"), style: theme[.text])]))
    }

    /// Docker's name for the network; `filtered` is Docker's bridge with the proxy in front, so
    /// that pair is not shown as a mismatch.
    private static func dockerNetwork(_ reported: String?, asked: NetworkMode?) -> String? {
        guard asked == .filtered, reported == "bridge" else { return reported }
        return "bridge (filtered by the proxy)"
    }

    /// `size=512m` out of a tmpfs option string.
    private static func tmpfsSize(_ options: String?) -> String? {
        options?.split(separator: ",").first { $0.hasPrefix("size=") }.map { String($0.dropFirst(5)) }
    }

    private static func pad(_ text: String, _ width: Int = 12) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private static func clean(_ text: String) -> String {
        TextSanitizer.sanitize(text).replacingOccurrences(of: "\n", with: " ")
    }
}
