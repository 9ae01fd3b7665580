import BewaarModel

/// Decoded pixels for the report, small and ready for cairo: four bytes a pixel in cairo's
/// `CAIRO_FORMAT_RGB24` order (a native-endian `0x00RRGGBB` word: blue, green, red, unused on a
/// little-endian machine), rows packed. The caller decodes the image (the report module never
/// reads the store or a file) and hands the samples to ``make(width:height:samplesPerPixel:bytesPerRow:bytes:region:maxWidth:)``,
/// which cuts and shrinks them in one pass.
public struct ReportPicture: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// width × height × 4 bytes.
    public let pixels: [UInt8]

    /// The pixels of `region` (the whole image when nil; clipped to it) of an image given as 8-bit
    /// samples — gray (1), RGB (3) or RGBA (4, put on white) per pixel, rows `bytesPerRow` apart —
    /// shrunk by averaging so the result is at most `maxWidth` pixels wide (never enlarged).
    /// Nil when the sizes do not fit together or nothing is left of the region.
    public static func make(
        width: Int, height: Int, samplesPerPixel: Int, bytesPerRow: Int, bytes: [UInt8],
        region: PixelRect? = nil, maxWidth: Int
    ) -> ReportPicture? {
        guard width > 0, height > 0, maxWidth > 0, [1, 3, 4].contains(samplesPerPixel),
            !width.multipliedReportingOverflow(by: samplesPerPixel).overflow, bytesPerRow >= width * samplesPerPixel,
            !bytesPerRow.multipliedReportingOverflow(by: height).overflow, bytes.count >= bytesPerRow * height
        else { return nil }
        let r = (region ?? PixelRect(x: 0, y: 0, width: width, height: height)).intersection(PixelRect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return nil }
        let w = min(r.width, maxWidth)
        let h = max(1, Int((Double(r.height) * Double(w) / Double(r.width)).rounded()))
        var out = [UInt8](repeating: 0, count: w * h * 4)
        let spp = samplesPerPixel
        bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for ty in 0..<h {
                    let y0 = r.y + ty * r.height / h, y1 = max(y0 + 1, r.y + (ty + 1) * r.height / h)
                    for tx in 0..<w {
                        let x0 = r.x + tx * r.width / w, x1 = max(x0 + 1, r.x + (tx + 1) * r.width / w)
                        var red = 0, green = 0, blue = 0
                        for y in y0..<y1 {
                            var i = y * bytesPerRow + x0 * spp
                            for _ in x0..<x1 {
                                switch spp {
                                case 1:
                                    red += Int(src[i]); green += Int(src[i]); blue += Int(src[i])
                                case 3:
                                    red += Int(src[i]); green += Int(src[i + 1]); blue += Int(src[i + 2])
                                default:
                                    // On white: c·a + 255·(1 − a).
                                    let a = Int(src[i + 3])
                                    red += (Int(src[i]) * a + 255 * (255 - a)) / 255
                                    green += (Int(src[i + 1]) * a + 255 * (255 - a)) / 255
                                    blue += (Int(src[i + 2]) * a + 255 * (255 - a)) / 255
                                }
                                i += spp
                            }
                        }
                        let n = (y1 - y0) * (x1 - x0)
                        let o = (ty * w + tx) * 4
                        // CAIRO_FORMAT_RGB24 is a native-endian 32-bit word 0x00RRGGBB.
                        let word = UInt32(red / n) << 16 | UInt32(green / n) << 8 | UInt32(blue / n)
                        withUnsafeBytes(of: word) { b in
                            dst[o] = b[0]; dst[o + 1] = b[1]; dst[o + 2] = b[2]; dst[o + 3] = b[3]
                        }
                    }
                }
            }
        }
        return ReportPicture(width: w, height: h, pixels: out)
    }

    init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// A screenshot in the report: the picture (shrunk) with each message Bewaar read outlined and
/// numbered, beside the list of those messages.
public struct ScreenshotFigure: Sendable, Hashable {
    /// "[4] schermafbeelding-1.png".
    public var title: String
    public var sha256: String
    /// The whole picture, shrunk; nil when it could not be decoded (``note`` says why).
    public var picture: ReportPicture?
    /// The original's size in pixels: the boxes are in these pixels.
    public var imageWidth: Int
    public var imageHeight: Int
    public var messages: [ReadMessage]
    /// A sentence under the figure (nothing read, picture not shown, more messages than listed).
    public var note: String?

    public init(
        title: String, sha256: String, picture: ReportPicture?, imageWidth: Int, imageHeight: Int, messages: [ReadMessage],
        note: String? = nil
    ) {
        self.title = title
        self.sha256 = sha256
        self.picture = picture
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.messages = messages
        self.note = note
    }
}

/// One message read from a screenshot, numbered as its box in the picture.
public struct ReadMessage: Sendable, Hashable {
    public var number: Int
    public var box: PixelRect?
    /// Who, which side, the time as shown, how sure: "Daan Bakker · links · 19:58 · 96 % zeker".
    public var facts: String
    public var text: String
    public var isMarked: Bool

    public init(number: Int, box: PixelRect?, facts: String, text: String, isMarked: Bool = false) {
        self.number = number
        self.box = box
        self.facts = facts
        self.text = text
        self.isMarked = isMarked
    }
}
