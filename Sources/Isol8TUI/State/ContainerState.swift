import Foundation
import Isol8Core
import TerminalKit

/// The container pane: which container the last run used and what inspecting it found.
public struct ContainerState: Sendable {
    /// Whether the container can still be inspected.
    public enum Phase: Equatable, Sendable {
        /// No run has made a container yet.
        case none
        /// It exists (or did at the last look); refreshed on ticks.
        case live
        /// Docker no longer knows it (removed after an ephemeral run, or by hand).
        case gone
    }

    /// The container id, once known.
    public var id: String?
    /// Whether it can still be inspected.
    public var phase: Phase = .none
    /// The latest inspection.
    public var snapshot: ContainerSnapshot?
    /// The limits the run asked for, to compare with what Docker reports.
    public var requested: Isol8Options?
    /// The last inspection error, shown until the next success.
    public var error: String?
    /// An inspection is on its way; ticks do not ask again meanwhile.
    public var inFlight = false
    /// When the last inspection was asked for; nil asks for one at the next tick.
    public var lastRequest: Date?
    /// No inspection before this: a run that has just started has the daemon to itself.
    public var quietUntil: Date?
    /// The daemon's latest event for the container.
    public var lastEvent: Event?
    /// Scroll position of the pane's text.
    public var view = TextViewState(follow: false)
    /// CPU percent and memory bytes of each inspection, oldest first, for the graphs.
    public private(set) var cpuHistory: [Double] = []
    public private(set) var memoryHistory: [Double] = []

    /// Samples kept: five minutes at the refresh interval.
    public static let historyLength = 150

    private var lastUsage: ContainerUsage?

    /// Adds an inspection's usage to the graphs; CPU use is measured since the previous one.
    public mutating func record(_ usage: ContainerUsage) {
        defer { lastUsage = usage }
        if let cpu = usage.cpuPercent ?? lastUsage.flatMap(usage.cpuPercent(since:)) { Self.append(cpu, to: &cpuHistory) }
        if let memory = usage.memoryBytes { Self.append(Double(memory), to: &memoryHistory) }
    }

    private static func append(_ sample: Double, to series: inout [Double]) {
        series.append(sample)
        if series.count > historyLength { series.removeFirst(series.count - historyLength) }
    }

    /// A daemon event and when it arrived.
    public struct Event: Equatable, Sendable {
        public var action: String
        public var at: Date
    }

    /// Seconds between refreshes while the container lives.
    public static let refreshInterval: TimeInterval = 2
    /// How long a run's start is left alone: an inspection (two execs, stats, top) beside
    /// a short run slows it, and a run this short is inspected once it ends anyway.
    public static let runStartQuiet: TimeInterval = 0.5

    /// Creates an empty pane.
    public init() {}

    /// Points the pane at a (new) container.
    public mutating func track(_ id: String, requested: Isol8Options) {
        guard id != self.id else { return }
        self = ContainerState()
        self.id = id
        self.requested = requested
        phase = .live
    }

    /// Whether inspections wait at `now` for a run's start to pass.
    public func isQuiet(at now: Date) -> Bool {
        quietUntil.map { now < $0 } ?? false
    }

    /// Whether a tick at `now` should inspect again.
    public func needsRefresh(at now: Date) -> Bool {
        guard phase == .live, id != nil, !inFlight, !isQuiet(at: now) else { return false }
        guard let last = lastRequest else { return true }
        return now.timeIntervalSince(last) >= ContainerState.refreshInterval
    }
}
