import Foundation

/// A 64-bit perceptual hash (pHash): the image in gray, shrunk to 32 × 32 by averaging, its 2-D
/// DCT, and one bit per coefficient of the 8 × 8 lowest frequencies (the DC term left out): set
/// when it is above their median. The same screenshot re-saved as JPEG, resized or cropped by a
/// few percent keeps its low frequencies and so most bits; a different picture flips about half.
///
/// A finding for a person ("lijkt op [4]"), never a reason to merge: the Hamming distance
/// between two hashes says how near; `isNear` is the threshold the tests hold it to.
public struct PerceptualHash: Sendable, Hashable, CustomStringConvertible {
    public let value: UInt64

    public init(value: UInt64) { self.value = value }

    /// The hash of `image`.
    public init(_ image: PixelImage) {
        let n = 32
        guard let small = image.grayResized(width: n, height: n) else {
            value = 0
            return
        }
        let cosines = Self.cosines
        // Separable DCT-II: rows, then the first 8 frequencies down the columns.
        var rows = [Double](repeating: 0, count: n * 8)  // [y][u], u < 8
        for y in 0..<n {
            for u in 0..<8 {
                var s = 0.0
                for x in 0..<n { s += Double(small.bytes[y * n + x]) * cosines[u * n + x] }
                rows[y * 8 + u] = s
            }
        }
        var coefficients = [Double](repeating: 0, count: 64)  // [v][u]
        for v in 0..<8 {
            for u in 0..<8 {
                var s = 0.0
                for y in 0..<n { s += rows[y * 8 + u] * cosines[v * n + y] }
                coefficients[v * 8 + u] = s
            }
        }
        let ac = Array(coefficients.dropFirst())
        let median = ac.sorted()[ac.count / 2]
        var bits: UInt64 = 0
        for (k, c) in coefficients.enumerated() where k > 0 && c > median { bits |= 1 << UInt64(k) }
        value = bits
    }

    /// cos((2x + 1) u π / 64), for u < 8 and x < 32.
    private static let cosines: [Double] = {
        var table = [Double](repeating: 0, count: 8 * 32)
        for u in 0..<8 {
            for x in 0..<32 {
                let angle = Double(2 * x + 1) * Double(u) * Double.pi / 64
                table[u * 32 + x] = cos(angle)
            }
        }
        return table
    }()

    /// The number of bits in which the two hashes differ (0 – 64; 0 is the same picture to the hash).
    public func distance(to other: PerceptualHash) -> Int { (value ^ other.value).nonzeroBitCount }

    /// The distance at or below which two images are pointed out as alike.
    public static let nearDistance = 10

    /// Whether `other` is within `nearDistance`.
    public func isNear(_ other: PerceptualHash) -> Bool { distance(to: other) <= Self.nearDistance }

    /// 16 lower-case hex digits.
    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash from 16 hex digits (as `description` writes it).
    public init?(hex: String) {
        guard hex.count == 16, let v = UInt64(hex, radix: 16) else { return nil }
        value = v
    }
}
