/// A bounds-checked window on bytes: every read returns nil instead of trapping when it would
/// leave the window, so a hostile offset or count can never crash a reader.
struct ByteView: Sendable {
    let bytes: [UInt8]
    /// Little-endian (TIFF "II") when true, big-endian ("MM") otherwise.
    var littleEndian = false

    init(_ bytes: [UInt8], littleEndian: Bool = false) {
        self.bytes = bytes
        self.littleEndian = littleEndian
    }

    var count: Int { bytes.count }

    /// True when `length` bytes from `offset` lie inside the bytes (no overflow possible).
    func contains(_ offset: Int, _ length: Int) -> Bool {
        guard offset >= 0, length >= 0 else { return false }
        let (end, overflow) = offset.addingReportingOverflow(length)
        return !overflow && end <= bytes.count
    }

    func u8(_ i: Int) -> UInt8? { contains(i, 1) ? bytes[i] : nil }

    func u16(_ i: Int) -> Int? {
        guard contains(i, 2) else { return nil }
        let a = Int(bytes[i]), b = Int(bytes[i + 1])
        return littleEndian ? a | b << 8 : a << 8 | b
    }

    func u32(_ i: Int) -> Int? {
        guard contains(i, 4) else { return nil }
        let a = Int(bytes[i]), b = Int(bytes[i + 1]), c = Int(bytes[i + 2]), d = Int(bytes[i + 3])
        return littleEndian ? a | b << 8 | c << 16 | d << 24 : a << 24 | b << 16 | c << 8 | d
    }

    /// An unsigned big- or little-endian number of `size` bytes (0, 1, 2, 4 or 8); nil past the end
    /// or when an 8-byte value does not fit an `Int`.
    func uint(_ i: Int, size: Int) -> Int? {
        switch size {
        case 0: return 0
        case 1: return u8(i).map(Int.init)
        case 2: return u16(i)
        case 4: return u32(i)
        case 8:
            guard let hi = u32(littleEndian ? i + 4 : i), let lo = u32(littleEndian ? i : i + 4), hi <= Int(Int32.max) else { return nil }
            return hi << 32 | lo
        default: return nil
        }
    }

    /// `length` bytes from `offset`, or nil when they do not all lie inside.
    func slice(_ offset: Int, _ length: Int) -> ArraySlice<UInt8>? {
        contains(offset, length) ? bytes[offset..<(offset + length)] : nil
    }

    /// True when the bytes at `offset` are `prefix`.
    func starts(with prefix: [UInt8], at offset: Int = 0) -> Bool {
        guard let s = slice(offset, prefix.count) else { return false }
        return s.elementsEqual(prefix)
    }

    /// The four ASCII characters at `offset` (a chunk or box type), or nil.
    func fourCC(_ offset: Int) -> String? {
        slice(offset, 4).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Array where Element == UInt8 {
    /// The bytes of an ASCII string literal.
    init(ascii: String) { self = Array(ascii.utf8) }
}
