import BewaarModel
import Foundation
import Crypto

/// An incremental SHA-256 that also counts bytes.
public struct StreamingSHA256: Sendable {
    private var hasher = SHA256()
    public private(set) var byteCount: Int64 = 0

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
        byteCount += Int64(bytes.count)
    }

    public mutating func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    public func finalize() -> BewaarModel.SHA256Digest {
        BewaarModel.SHA256Digest(bytes: hasher.finalize())
    }

    /// The SHA-256 of bytes in memory.
    public static func digest<Bytes: ContiguousBytes>(_ bytes: Bytes) -> BewaarModel.SHA256Digest {
        var h = StreamingSHA256()
        h.update(bytes)
        return h.finalize()
    }

    /// The SHA-256 of a string's UTF-8 bytes.
    public static func digest(utf8 text: String) -> BewaarModel.SHA256Digest {
        digest(Array(text.utf8))
    }
}

/// An incremental SHA-512, hex output.
public struct StreamingSHA512: Sendable {
    private var hasher = SHA512()
    public init() {}
    public mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
    public func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in hasher.finalize() { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0F)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
