import Foundation

/// Minimal ustar writer/reader: enough for the archive API (one regular file per archive).
public enum TarArchive {
    /// A tar stream holding one regular file owned by root.
    public static func singleFile(name: String, data: Data, mode: Int = 0o644) -> Data {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, length: Int) {
            for (i, byte) in text.utf8.prefix(length).enumerated() { header[offset + i] = byte }
        }
        func octal(_ value: Int, length: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, length - 1 - digits.count)) + digits
        }
        put(name, at: 0, length: 100)
        put(octal(mode, length: 8), at: 100, length: 7)
        put(octal(0, length: 8), at: 108, length: 7)
        put(octal(0, length: 8), at: 116, length: 7)
        put(octal(data.count, length: 12), at: 124, length: 11)
        put(octal(Int(Date().timeIntervalSince1970), length: 12), at: 136, length: 11)
        put("        ", at: 148, length: 8)
        header[156] = UInt8(ascii: "0")
        put("ustar", at: 257, length: 6)
        put("00", at: 263, length: 2)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(octal(checksum, length: 7) + "\0 ", at: 148, length: 8)
        var archive = Data(header)
        archive.append(data)
        archive.append(Data(count: (512 - data.count % 512) % 512))
        archive.append(Data(count: 1024))
        return archive
    }

    /// The first regular file in a tar stream whose name matches exactly, by suffix or by basename.
    public static func extract(_ archive: Data, matching wanted: String) -> Data? {
        let bytes = [UInt8](archive)
        var offset = 0
        let base = (wanted as NSString).lastPathComponent
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<(offset + 512)]
            if header.allSatisfy({ $0 == 0 }) { break }
            let name = String(decoding: header.prefix(100).prefix { $0 != 0 }, as: UTF8.self)
            let sizeField = String(decoding: header[(offset + 124)..<(offset + 136)].prefix { $0 != 0 && $0 != 0x20 }, as: UTF8.self)
            let size = Int(sizeField, radix: 8) ?? 0
            let type = bytes[offset + 156]
            let start = offset + 512
            if (type == UInt8(ascii: "0") || type == 0), start + size <= bytes.count,
               name == wanted || wanted.hasSuffix(name) || name.hasSuffix(wanted) || (name as NSString).lastPathComponent == base {
                return Data(bytes[start..<(start + size)])
            }
            offset = start + (size + 511) / 512 * 512
        }
        return nil
    }
}
