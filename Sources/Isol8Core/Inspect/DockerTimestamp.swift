import Foundation

/// Docker's timestamps carry nanoseconds, which `ISO8601DateFormatter` rejects.
enum DockerTimestamp {
    static func parse(_ text: String) -> Date? {
        guard !text.hasPrefix("0001-") else { return nil }  // Docker's "never started"
        var base = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            fraction = Double("0" + text[dot..<zone]) ?? 0
            base = String(text[..<dot]) + String(text[zone...])
        }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: base).map { $0.addingTimeInterval(fraction) }
    }
}
