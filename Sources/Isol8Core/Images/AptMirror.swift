import Foundation

/// Finds the Debian mirror this machine's apt already uses, so the rootfs build goes through
/// the same (possibly the only reachable) mirror instead of a hard-coded one.
public enum AptMirror {
    public static let fallback = "http://deb.debian.org/debian"

    /// First Debian main-suite mirror in `/etc/apt/sources.list.d/*.sources` (deb822), then
    /// in `/etc/apt/sources.list`; `fallback` when neither names one.
    public static func discover(aptDirectory: URL = URL(fileURLWithPath: "/etc/apt")) -> String {
        let fileManager = FileManager.default
        let partsDirectory = aptDirectory.appendingPathComponent("sources.list.d")
        let names = ((try? fileManager.contentsOfDirectory(atPath: partsDirectory.path)) ?? []).sorted()
        for name in names where name.hasSuffix(".sources") {
            let url = partsDirectory.appendingPathComponent(name)
            if let text = try? String(contentsOf: url, encoding: .utf8), let mirror = fromDeb822(text) {
                return mirror
            }
        }
        var legacyFiles = [aptDirectory.appendingPathComponent("sources.list")]
        legacyFiles += names.filter { $0.hasSuffix(".list") }.map { partsDirectory.appendingPathComponent($0) }
        for url in legacyFiles {
            if let text = try? String(contentsOf: url, encoding: .utf8), let mirror = fromSourcesList(text) {
                return mirror
            }
        }
        return fallback
    }

    /// deb822 stanzas are separated by blank lines; continuation lines start with whitespace.
    static func fromDeb822(_ text: String) -> String? {
        var stanzas: [[String: String]] = [[:]]
        var lastKey: String?
        for rawLine in text.components(separatedBy: "\n") {
            if rawLine.hasPrefix("#") { continue }
            if rawLine.trimmingCharacters(in: .whitespaces).isEmpty {
                if !(stanzas.last?.isEmpty ?? true) { stanzas.append([:]) }
                lastKey = nil
                continue
            }
            if rawLine.first == " " || rawLine.first == "\t", let key = lastKey {
                stanzas[stanzas.count - 1][key, default: ""] += " " + rawLine.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = rawLine.firstIndex(of: ":") else { continue }
            let key = rawLine[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = rawLine[rawLine.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            stanzas[stanzas.count - 1][key] = value
            lastKey = key
        }
        for stanza in stanzas {
            let types = words(stanza["types"])
            guard types.contains("deb"), stanza["enabled"]?.lowercased() != "no" else { continue }
            let suites = words(stanza["suites"])
            let signedBy = stanza["signed-by"] ?? ""
            for uri in words(stanza["uris"]) where isDebianMainMirror(uri: uri, suites: suites, hint: signedBy) {
                return trimmedSlash(uri)
            }
        }
        return nil
    }

    /// One-line format: `deb [options] URI suite component…`.
    static func fromSourcesList(_ text: String) -> String? {
        for rawLine in text.components(separatedBy: "\n") {
            var line = rawLine
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            if let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]"), open < close {
                line.removeSubrange(open ... close)
            }
            let fields = words(line)
            guard fields.count >= 3, fields[0] == "deb" else { continue }
            if isDebianMainMirror(uri: fields[1], suites: [fields[2]], hint: "") {
                return trimmedSlash(fields[1])
            }
        }
        return nil
    }

    /// A plain suite name (no `-security`/`-updates`) on an http(s) Debian archive. Security
    /// archives and non-Debian mirrors (an Ubuntu host's archive) cannot serve bookworm main.
    private static func isDebianMainMirror(uri: String, suites: [String], hint: String) -> Bool {
        let lowered = uri.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return false }
        guard !lowered.contains("security"), suites.contains(where: { !$0.contains("-") && !$0.contains("/") }) else {
            return false
        }
        return lowered.contains("debian") || hint.lowercased().contains("debian")
    }

    private static func words(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    private static func trimmedSlash(_ uri: String) -> String {
        uri.hasSuffix("/") ? String(uri.dropLast()) : uri
    }
}
