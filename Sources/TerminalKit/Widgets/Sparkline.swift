/// A row of block characters (▁ to █) drawing a series of samples, newest on the right, each
/// scaled against `maximum` — a fixed top such as a limit — so the same height means the
/// same amount from frame to frame.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The last `width` samples; a sample at or above `maximum` is a full block.
    public static func render(_ samples: [Double], maximum: Double, width: Int) -> String {
        guard width > 0, maximum > 0 else { return "" }
        return String(samples.suffix(width).map { sample in
            let level = Int((max(0, sample) / maximum * Double(blocks.count - 1)).rounded())
            return blocks[min(level, blocks.count - 1)]
        })
    }
}
