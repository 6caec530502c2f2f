/// A line diff of two outputs: common prefix and suffix trimmed, the middle aligned by a
/// longest common subsequence, and long unchanged stretches folded to a count.
public enum LineDiff {
    /// One row of the unified diff.
    public enum Row: Hashable, Sendable {
        /// In both outputs.
        case same(OutputLine)
        /// Only in the older output.
        case removed(OutputLine)
        /// Only in the newer output.
        case added(OutputLine)
        /// This many unchanged lines, folded.
        case folded(Int)
    }

    /// Cells of the LCS table above which the middle is shown as replaced wholesale: the
    /// table costs two bytes a cell.
    static let maxTableCells = 4_000_000

    /// Unchanged lines kept around each change.
    static let context = 3

    /// The unified diff from `old` to `new`.
    public static func diff(_ old: [OutputLine], _ new: [OutputLine]) -> [Row] {
        fold(align(old, new))
    }

    /// Every line of both outputs, in diff order, none folded.
    static func align(_ old: [OutputLine], _ new: [OutputLine]) -> [Row] {
        var prefix = 0
        while prefix < old.count && prefix < new.count && old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix && suffix < new.count - prefix
            && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])

        var rows = old[..<prefix].map(Row.same)
        if a.count * b.count > maxTableCells {
            rows += a.map(Row.removed) + b.map(Row.added)
        } else {
            rows += middle(a, b)
        }
        rows += old[(old.count - suffix)...].map(Row.same)
        return rows
    }

    private static func middle(_ a: [OutputLine], _ b: [OutputLine]) -> [Row] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return a.map(Row.removed) + b.map(Row.added) }
        // lcs[i * (m + 1) + j]: length of the LCS of a[i...] and b[j...].
        var lcs = [UInt16](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * (m + 1) + j] = a[i] == b[j]
                    ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
            }
        }
        var rows: [Row] = []
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] {
                rows.append(.same(a[i]))
                i += 1
                j += 1
            } else if lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                rows.append(.removed(a[i]))
                i += 1
            } else {
                rows.append(.added(b[j]))
                j += 1
            }
        }
        rows += a[i...].map(Row.removed) + b[j...].map(Row.added)
        return rows
    }

    /// Folds unchanged stretches longer than twice the context.
    private static func fold(_ rows: [Row]) -> [Row] {
        var out: [Row] = []
        var i = 0
        while i < rows.count {
            guard case .same = rows[i] else {
                out.append(rows[i])
                i += 1
                continue
            }
            var end = i
            while end < rows.count, case .same = rows[end] { end += 1 }
            let keepHead = i == 0 ? 0 : context
            let keepTail = end == rows.count ? 0 : context
            if end - i > keepHead + keepTail + 1 {
                out += rows[i..<(i + keepHead)]
                out.append(.folded(end - i - keepHead - keepTail))
                out += rows[(end - keepTail)..<end]
            } else {
                out += rows[i..<end]
            }
            i = end
        }
        return out
    }
}
