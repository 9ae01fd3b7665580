import Foundation

/// The committed metadata fixtures (written by Fixtures/make with exiftool, cwebp and heif-enc).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}

/// A big-endian TIFF block built by hand, for EXIF a writer would never make.
struct TIFFBuilder {
    struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: UInt32
        var value: UInt32
    }

    /// "MM\0*", IFD0 at offset 8 with `entries` and `next`, then `tail` (at offset 8 + 2 + 12·n + 4).
    static func build(_ entries: [Entry], count: UInt16? = nil, next: UInt32 = 0, tail: [UInt8] = []) -> [UInt8] {
        var b: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]
        b += be16(count ?? UInt16(entries.count))
        for e in entries { b += be16(e.tag) + be16(e.type) + be32(e.count) + be32(e.value) }
        b += be32(next)
        return b + tail
    }

    /// Offset where `tail` starts for `n` entries.
    static func tailOffset(entries n: Int) -> UInt32 { UInt32(8 + 2 + 12 * n + 4) }

    /// Four ASCII bytes as the inline value of an entry (big-endian).
    static func inline(_ s: String) -> UInt32 {
        let b = Array(s.utf8) + [0, 0, 0, 0]
        return UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
    }

    static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    static func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }

    /// `tiff` wrapped in a minimal JPEG: SOI, APP1 "Exif\0\0", EOI.
    static func jpeg(_ tiff: [UInt8]) -> [UInt8] {
        let body = Array("Exif\0\0".utf8) + tiff
        return [0xFF, 0xD8, 0xFF, 0xE1] + be16(UInt16(body.count + 2)) + body + [0xFF, 0xD9]
    }
}
