import Foundation

/// Which output stream a chunk of exec output belongs to.
public enum OutputChannel: UInt8, Sendable, Codable {
    case stdin = 0, stdout = 1, stderr = 2
}

/// Splits Docker's multiplexed exec output (`Tty:false`) into stdout/stderr chunks.
/// Each frame is an 8-byte header `[stream, 0, 0, 0, size as big-endian u32]` plus payload;
/// headers and payloads may be split across reads, so partial input is carried over.
public struct FrameDemuxer: Sendable {
    private var pending = [UInt8]()
    private var current: (stream: OutputChannel, remaining: Int)?

    public init() {}

    public mutating func feed(_ data: Data) -> [(OutputChannel, Data)] {
        var out = [(OutputChannel, Data)]()
        var bytes = pending + data
        pending.removeAll(keepingCapacity: true)
        var index = 0
        while index < bytes.count {
            if let frame = current {
                let take = min(frame.remaining, bytes.count - index)
                let chunk = Data(bytes[index..<(index + take)])
                append(&out, frame.stream, chunk)
                index += take
                current = frame.remaining - take == 0 ? nil : (frame.stream, frame.remaining - take)
                continue
            }
            guard bytes.count - index >= 8 else {
                pending = Array(bytes[index...])
                break
            }
            let stream = OutputChannel(rawValue: bytes[index]) ?? .stdout
            let size = Int(bytes[index + 4]) << 24 | Int(bytes[index + 5]) << 16 | Int(bytes[index + 6]) << 8 | Int(bytes[index + 7])
            index += 8
            if size > 0 { current = (stream, size) }
        }
        bytes.removeAll()
        return out
    }

    /// Merges consecutive chunks of the same stream so callers see fewer, larger pieces.
    private func append(_ out: inout [(OutputChannel, Data)], _ stream: OutputChannel, _ chunk: Data) {
        if let last = out.last, last.0 == stream {
            out[out.count - 1].1.append(chunk)
        } else {
            out.append((stream, chunk))
        }
    }
}
