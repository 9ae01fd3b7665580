import Testing
@testable import BewaarBundle

/// The zip CRC-32 (folded with carry-less multiplication where the CPU has it) gives the same
/// value as the textbook bit-by-bit definition, for every length and however the bytes arrive.
@Suite struct CRC32Tests {
    /// CRC-32 one bit at a time, straight from the definition (reflected 0xEDB88320, inverted in and out).
    static func reference(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }

    static func crc(_ bytes: [UInt8], pieces: [Int] = []) -> UInt32 {
        var crc = CRC32()
        var at = 0
        bytes.withUnsafeBytes { all in
            for n in pieces + [bytes.count] where at < bytes.count {
                let end = min(bytes.count, at + n)
                crc.update(UnsafeRawBufferPointer(rebasing: all[at..<end]))
                at = end
            }
        }
        return crc.value
    }

    @Test func theCheckValue() {
        #expect(Self.crc(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func everyLengthAroundTheFoldingSizes() {
        var rng = SystemRandomNumberGenerator()
        for length in Array(0..<600) + [1023, 1024, 1025, 4096 + 13, 65_536, 1_000_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(Self.crc(bytes) == Self.reference(bytes), "length \(length)")
        }
    }

    @Test func bytesInPiecesGiveTheSameValue() {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let whole = Self.reference(bytes)
        #expect(Self.crc(bytes, pieces: [1, 255, 256, 257, 4096, 100_000]) == whole)
        #expect(Self.crc(bytes, pieces: [70_000, 3, 64, 65, 1]) == whole)
        var a = CRC32(), b = CRC32()
        bytes.withUnsafeBytes { p in
            a.update(UnsafeRawBufferPointer(rebasing: p[0..<123_457]))
            b.update(UnsafeRawBufferPointer(rebasing: p[123_457...]))
        }
        #expect(CRC32.combine(a.value, b.value, lengthOfB: bytes.count - 123_457) == whole)
    }
}
