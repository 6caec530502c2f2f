/// User names as the container itself knows them, from its own `/etc/passwd`: `docker top`
/// runs `ps` on the host, which would name uid 100 after whatever host account has it.
public struct ContainerUsers: Sendable, Equatable {
    /// At most this much of the container's `/etc/passwd` is read: the file is the sandbox's to fill.
    public static let maxPasswdBytes = 64 * 1024
    public let names: [Int: String]

    /// Parses `name:x:uid:…` lines; malformed lines are skipped, the first name of a uid wins.
    public init(passwd: String) {
        var names: [Int: String] = [:]
        for line in passwd.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 3, let uid = Int(fields[2]), !fields[0].isEmpty, names[uid] == nil else { continue }
            names[uid] = String(fields[0])
        }
        self.names = names
    }

    public func name(_ uid: String) -> String {
        Int(uid).flatMap { names[$0] } ?? uid
    }

    /// `top` run with `ps -o uid,…`: the uid column replaced by names, titled `USER`.
    public func naming(_ table: ContainerProcessTable) -> ContainerProcessTable {
        guard let column = table.titles.firstIndex(of: "UID") else { return table }
        var titles = table.titles
        titles[column] = "USER"
        let rows = table.rows.map { row in
            var row = row
            if row.indices.contains(column) { row[column] = name(row[column]) }
            return row
        }
        return ContainerProcessTable(titles: titles, rows: rows)
    }
}
