import Foundation

/// Human-readable numbers for the panes.
public enum Format {
    /// `850ms`, `1.23s`, `2m05s`.
    public static func duration(ms: Int) -> String {
        if ms < 1_000 { return "\(ms)ms" }
        if ms < 60_000 { return String(format: "%.2fs", Double(ms) / 1_000) }
        let seconds = ms / 1_000
        return String(format: "%dm%02ds", seconds / 60, seconds % 60)
    }

    /// `512 B`, `12.3 KiB`, `32.0 MiB`.
    public static func bytes<N: BinaryInteger>(_ value: N) -> String {
        let v = Double(value)
        if v < 1_024 { return "\(value) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var scaled = v / 1_024, unit = 0
        while scaled >= 1_024 && unit < units.count - 1 {
            scaled /= 1_024
            unit += 1
        }
        return String(format: "%.1f %@", scaled, units[unit])
    }

    /// `12s`, `3m04s`, `2h05m`.
    public static func uptime(seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3_600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3_600, (s % 3_600) / 60)
    }

    /// Local wall-clock time `14:03:07`.
    public static func clock(_ date: Date) -> String {
        let c = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
