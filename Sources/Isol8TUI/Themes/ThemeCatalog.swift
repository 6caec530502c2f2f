import Foundation
import TerminalKit

/// Finds and loads theme files (`themes/<name>.json`). A theme is asked for by name, looked
/// up in the catalog's directories, or by path. A broken or missing file never stops the
/// debugger: the default theme is used and the warning names the file and the bad key.
public struct ThemeCatalog: Sendable {
    /// Directories searched for `<name>.json`, first match wins.
    public var directories: [URL]

    /// A catalog over `directories`.
    public init(directories: [URL]) {
        self.directories = directories
    }

    /// The usual places: `$ISOL8_TUI_THEMES`, `~/.isol8/themes`, `./themes`, and the
    /// `themes` folder of the checkout the executable was built in (found by walking up from
    /// it, so `.build/debug/isol8-tui` finds the repository's themes).
    public static func standard(executable: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                                currentDirectory: String = FileManager.default.currentDirectoryPath) -> ThemeCatalog {
        var dirs: [URL] = []
        if let custom = environment["ISOL8_TUI_THEMES"], !custom.isEmpty { dirs.append(URL(fileURLWithPath: custom)) }
        if let home = environment["HOME"] { dirs.append(URL(fileURLWithPath: home).appendingPathComponent(".isol8/themes")) }
        dirs.append(URL(fileURLWithPath: currentDirectory).appendingPathComponent("themes"))
        var dir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.json").path) {
                dirs.append(candidate)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        return ThemeCatalog(directories: dirs)
    }

    /// Names of the themes found, `default` first, for `t` and completion.
    public var names: [String] {
        var found: Set<String> = ["default"]
        for dir in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files where file.hasSuffix(".json") { found.insert(String(file.dropLast(5))) }
        }
        return ["default"] + found.subtracting(["default"]).sorted()
    }

    /// Loads a theme by name or path, adapted to the terminal's colours. Never fails: a
    /// problem yields the default theme and a warning saying what was wrong and where.
    public func load(_ nameOrPath: String, capability: ColorCapability) -> (name: String, theme: Theme, warning: String?) {
        let fallback = Theme.default.adapted(to: capability)
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        let file = isPath ? URL(fileURLWithPath: (nameOrPath as NSString).expandingTildeInPath) : find(nameOrPath)
        guard let file, let data = FileManager.default.contents(atPath: file.path) else {
            if nameOrPath == "default" { return ("default", fallback, nil) }
            let searched = isPath ? nameOrPath : directories.map(\.path).joined(separator: ", ")
            return ("default", fallback, "theme \(nameOrPath) not found, using the default theme (looked in \(searched))")
        }
        do {
            let theme = try Theme.load(json: Array(data), base: .default)
            return (isPath ? file.path : nameOrPath, theme.adapted(to: capability), nil)
        } catch {
            return ("default", fallback, "theme file \(file.path) rejected, using the default theme: \(error)")
        }
    }

    private func find(_ name: String) -> URL? {
        directories.map { $0.appendingPathComponent(name + ".json") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
