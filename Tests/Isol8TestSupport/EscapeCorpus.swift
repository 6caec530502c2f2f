import Foundation

/// Output a hostile program prints to take over the terminal that shows it: the window title
/// (OSC 0/2), the clipboard (OSC 52), the alternate screen (CSI ?1049h/l), a terminal query
/// (DCS), C1 controls raw and in UTF-8, invalid UTF-8 and a bidi override that reverses text.
/// The front ends must show all of it as visible text.
public enum EscapeCorpus {
    /// A new folder holding the program as `corpus.py`; the caller removes it.
    public static func folderWithProgram() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("isol8-corpus-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try python.write(to: folder.appendingPathComponent("corpus.py"), atomically: true, encoding: .utf8)
        return folder
    }

    /// A Python program that writes the corpus to stdout, one piece a line, then `corpus-end`.
    public static let python = #"""
    import sys
    out = sys.stdout.buffer
    for piece in [b'title:\x1b]0;pwned-title\x07', b'title2:\x1b]2;pwned-title\x1b\\', b'clip:\x1b]52;c;cHduZWQ=\x07',
                  b'alt:\x1b[?1049h', b'dcs:\x1bP+q544e\x1b\\', b'c1raw:\x9b31m', b'c1utf8:\xc2\x9b31m',
                  b'bad:\xff\xfe', b'bidi:\xe2\x80\xaegnp.exe', b'leave:\x1b[?1049l', b'corpus-end']:
        out.write(piece + b'\n')
    out.flush()
    """#

    /// What the screen shows for it, line by line, when every sequence is neutralised.
    public static let visibleLines = [
        "title:␛]0;pwned-title^G", "title2:␛]2;pwned-title␛\\", "clip:␛]52;c;cHduZWQ=^G",
        "alt:␛[?1049h", "dcs:␛P+q544e␛\\", "c1raw:\u{FFFD}31m", "c1utf8:<U+009B>31m",
        "bad:\u{FFFD}\u{FFFD}", "bidi:<U+202E>gnp.exe", "leave:␛[?1049l", "corpus-end",
    ]
}
