import Foundation

/// Masks secrets in output that arrives in chunks. A secret printed in two pieces is still
/// masked: a tail that could be the start of a secret is held back until the next chunk
/// decides, and `finish()` lets it out at the end. What is held is shorter than the longest
/// secret, so memory stays bounded whatever the program prints.
public struct SecretStreamMasker: Sendable {
    private let masker: SecretMasker
    private var pending: [UInt8] = []

    public init(_ masker: SecretMasker) {
        self.masker = masker
    }

    /// The masked bytes that are safe to pass on now.
    public mutating func feed(_ chunk: Data) -> Data {
        guard !masker.isEmpty else { return chunk }
        let bytes = pending + chunk
        let (masked, consumed) = masker.mask(bytes, final: false)
        pending = Array(bytes[consumed...])
        return Data(masked)
    }

    /// Everything still held back, masked; the stream has ended.
    public mutating func finish() -> Data {
        defer { pending = [] }
        return Data(masker.mask(pending, final: true).masked)
    }
}
