import BewaarModel

/// Decoded pixels owned by Swift: 8 bits per sample, rows top to bottom, no C memory behind it.
/// The value the OCR engine, the perceptual hash and (later) the chat-layout analysis take.
public struct PixelImage: Sendable, Hashable {
    /// How the samples of one pixel are laid out.
    public enum Layout: Int, Sendable, Hashable {
        /// One byte: gray, 0 black – 255 white.
        case gray = 1
        /// Three bytes: red, green, blue.
        case rgb = 3
        /// Four bytes: red, green, blue, alpha (not premultiplied).
        case rgba = 4

        public var bytesPerPixel: Int { rawValue }
    }

    public let width: Int
    public let height: Int
    public let layout: Layout
    /// Bytes from the start of one row to the next (≥ width × bytesPerPixel).
    public let bytesPerRow: Int
    /// height × bytesPerRow bytes.
    public let bytes: [UInt8]

    /// Pixels from `bytes`; nil when the sizes do not fit together.
    public init?(width: Int, height: Int, layout: Layout, bytesPerRow: Int? = nil, bytes: [UInt8]) {
        let row = bytesPerRow ?? width * layout.bytesPerPixel
        guard width > 0, height > 0, row >= width * layout.bytesPerPixel,
            !row.multipliedReportingOverflow(by: height).overflow, bytes.count >= row * height
        else { return nil }
        self.width = width
        self.height = height
        self.layout = layout
        self.bytesPerRow = row
        self.bytes = bytes
    }

    /// Pixels of a packed buffer whose size the caller has just made `width × height ×
    /// bytesPerPixel` (a decoder's output, a conversion of a valid image): nothing to fail.
    init(packed width: Int, height: Int, layout: Layout, bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.layout = layout
        self.bytesPerRow = width * layout.bytesPerPixel
        self.bytes = bytes
    }

    /// The whole image as a rectangle.
    public var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }

    /// The gray value (0–255, Rec. 601 luma; transparent pixels as if on white) at x, y.
    @inline(__always)
    public func gray(x: Int, y: Int) -> UInt8 {
        let i = y * bytesPerRow + x * layout.bytesPerPixel
        switch layout {
        case .gray:
            return bytes[i]
        case .rgb:
            return Self.luma(bytes[i], bytes[i + 1], bytes[i + 2])
        case .rgba:
            let l = Int(Self.luma(bytes[i], bytes[i + 1], bytes[i + 2])), a = Int(bytes[i + 3])
            let blended: Int = l * a + 255 * (255 - a)
            return UInt8((blended + 127) / 255)
        }
    }

    @inline(__always)
    static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let sum: Int = 299 * Int(r) + 587 * Int(g) + 114 * Int(b)
        return UInt8((sum + 500) / 1000)
    }

    /// The image in gray, one byte per pixel, rows packed.
    public func grayscale() -> PixelImage {
        if layout == .gray && bytesPerRow == width { return self }
        var out = [UInt8](repeating: 0, count: width * height)
        out.withUnsafeMutableBufferPointer { o in
            for y in 0..<height {
                for x in 0..<width { o[y * width + x] = gray(x: x, y: y) }
            }
        }
        return PixelImage(packed: width, height: height, layout: .gray, bytes: out)
    }

    /// The part of the image inside `rect` (clipped to the image); nil when nothing is left.
    public func cropped(to rect: PixelRect) -> PixelImage? {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return nil }
        let bpp = layout.bytesPerPixel
        var out = [UInt8]()
        out.reserveCapacity(r.width * r.height * bpp)
        for y in r.y..<r.maxY {
            let start = y * bytesPerRow + r.x * bpp
            out.append(contentsOf: bytes[start..<(start + r.width * bpp)])
        }
        return PixelImage(width: r.width, height: r.height, layout: layout, bytes: out)
    }

    /// The image in gray scaled to `width` × `height` by averaging the source pixels each
    /// target pixel covers (box filter; for shrinking, as the perceptual hash does).
    public func grayResized(width w: Int, height h: Int) -> PixelImage? {
        guard w > 0, h > 0 else { return nil }
        var out = [UInt8](repeating: 0, count: w * h)
        for ty in 0..<h {
            let y0 = ty * height / h, y1 = max(y0 + 1, (ty + 1) * height / h)
            for tx in 0..<w {
                let x0 = tx * width / w, x1 = max(x0 + 1, (tx + 1) * width / w)
                var sum = 0
                for y in y0..<y1 {
                    for x in x0..<x1 { sum += Int(gray(x: x, y: y)) }
                }
                out[ty * w + tx] = UInt8(sum / ((y1 - y0) * (x1 - x0)))
            }
        }
        return PixelImage(width: w, height: h, layout: .gray, bytes: out)
    }
}
