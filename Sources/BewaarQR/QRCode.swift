import CBewaarQREncode

/// A QR code as its module matrix: `size` × `size` modules, dark or light, without the quiet
/// zone (leave 4 light modules around it when drawing). Made by libqrencode once, copied out,
/// and the C result freed at once: nothing of libqrencode outlives the initialiser.
public struct QRCode: Sendable, Hashable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// Row by row, top left first: true for a dark module.
    public let modules: [Bool]
    /// The QR version libqrencode chose (the smallest that holds the text).
    public let version: Int

    /// Light modules to leave around the code (ISO/IEC 18004).
    public static let quietZone = 4

    /// Error correction levels (the share of the code that may be damaged and still read).
    public enum Correction: Sendable {
        case low, medium, quartile, high

        var c: QRecLevel {
            switch self {
            case .low: return QR_ECLEVEL_L
            case .medium: return QR_ECLEVEL_M
            case .quartile: return QR_ECLEVEL_Q
            case .high: return QR_ECLEVEL_H
            }
        }
    }

    /// Encodes `text` (its UTF-8 bytes, 8-bit mode) in the smallest version that holds it.
    public init(encoding text: String, correction: Correction = .medium) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw QRCodeError.empty }
        // Version 40 at level L holds 2,953 bytes; anything longer cannot be a QR code.
        guard bytes.count <= 2_953 else { throw QRCodeError.tooLong(bytes.count) }
        let made = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, correction.c)
        }
        guard let code = made else { throw QRCodeError.tooLong(bytes.count) }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { throw QRCodeError.tooLong(bytes.count) }
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
        modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
        size = width
        version = Int(code.pointee.version)
    }

    /// Whether the module in column `x`, row `y` is dark (false outside the matrix).
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    /// Modules per side including the quiet zone on both sides.
    public var sizeWithQuietZone: Int { size + 2 * Self.quietZone }

    /// SVG path data drawing every dark module as a unit square, in a coordinate system of
    /// ``sizeWithQuietZone`` units (so the quiet zone is already included): runs of dark modules
    /// in a row are one rectangle. Only digits and path letters: safe to place in any markup.
    public var svgPathData: String {
        var d = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                var run = 1
                while self[x + run, y] { run += 1 }
                d += "M\(x + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return d
    }
}

/// Why a text could not become a QR code.
public enum QRCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLong(Int)

    public var description: String {
        switch self {
        case .empty: return "A QR code needs at least one character."
        case .tooLong(let n): return "\(n) bytes do not fit in a QR code (at most 2,953)."
        }
    }
}
