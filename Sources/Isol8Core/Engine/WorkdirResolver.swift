/// Resolves a request's working directory against `/sandbox` and refuses escapes (compat §1.9).
public enum WorkdirResolver {
    public static func resolve(_ workdir: String?, root: String = "/sandbox") throws -> String {
        guard let workdir, !workdir.isEmpty else { return root }
        let resolved = normalize(workdir.hasPrefix("/") ? workdir : root + "/" + workdir)
        guard resolved == root || resolved.hasPrefix(root + "/") else { throw Isol8Error.workdirEscape }
        return resolved
    }

    /// POSIX path normalisation of an absolute path: `.`, `..` and repeated slashes removed.
    public static func normalize(_ absolute: String) -> String {
        var parts = [Substring]()
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
