#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timestamps in the format of `date -Iseconds`, which the original proxy writes into its logs:
/// local time, second precision, numeric offset (`2026-02-19T12:00:00+00:00`).
public enum ISOTimestamp {
    /// The current time.
    public static func now() -> String {
        format(time(nil))
    }

    /// `seconds` since the epoch, in the local time zone of this process.
    public static func format(_ seconds: time_t) -> String {
        var t = seconds
        var parts = tm()
        localtime_r(&t, &parts)
        let offsetMinutes = Int(parts.tm_gmtoff) / 60
        let sign = offsetMinutes < 0 ? "-" : "+"
        let absOffset = abs(offsetMinutes)
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-"
            + pad(Int(parts.tm_mday), 2) + "T" + pad(Int(parts.tm_hour), 2) + ":"
            + pad(Int(parts.tm_min), 2) + ":" + pad(Int(parts.tm_sec), 2)
            + sign + pad(absOffset / 60, 2) + ":" + pad(absOffset % 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
