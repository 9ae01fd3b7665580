/// The image formats Bewaar recognises by their first bytes.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case png, jpeg, gif, webp, heic, avif

    /// The IANA media type.
    public var mediaType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .heic: "image/heic"
        case .avif: "image/avif"
        }
    }

    /// Whether BewaarImage turns this format into pixels. AVIF is recognised (and its size read)
    /// but not decoded: Debian's libheif decodes it only through an optional plugin.
    public var isDecoded: Bool { self != .avif }
}

/// The type and pixel size of an image, read from its header without decoding it: the one home
/// of Bewaar's image probe (the importer recognises images with it, the decoder checks the
/// pixel-count limit with it before any pixel is decoded).
public struct ImageInfo: Sendable, Hashable {
    /// `png`, `jpeg`, `gif`, `webp`, `heic` or `avif` (the raw value of `format`).
    public var type: String
    public var mediaType: String
    /// The displayed size in pixels, never 0; nil when the header does not say (or was cut off).
    public var width: Int?
    public var height: Int?

    public init(type: String, mediaType: String, width: Int?, height: Int?) {
        self.type = type
        self.mediaType = mediaType
        self.width = width
        self.height = height
    }

    init(_ format: ImageFormat, width: Int?, height: Int?) {
        self.init(type: format.rawValue, mediaType: format.mediaType, width: width, height: height)
    }

    /// The format, from `type`.
    public var format: ImageFormat? { ImageFormat(rawValue: type) }

    /// width × height, when both are known.
    public var pixelCount: Int? {
        guard let w = width, let h = height else { return nil }
        return w.multipliedReportingOverflow(by: h).overflow ? Int.max : w * h
    }

    /// Reads `bytes` (the start of a file; 512 KiB is plenty, HEIC keeps its `meta` box near the
    /// start); nil when it is no known image format.
    public static func read(_ bytes: [UInt8]) -> ImageInfo? {
        bytes.withUnsafeBufferPointer { read(HeaderBytes($0)) }
    }

    /// Reads a buffer; see `read(_:)`.
    public static func read(_ buffer: UnsafeBufferPointer<UInt8>) -> ImageInfo? {
        read(HeaderBytes(buffer))
    }

    static func read(_ b: HeaderBytes) -> ImageInfo? {
        if b.starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(b) }
        if b.starts([0xFF, 0xD8, 0xFF]) { return jpeg(b) }
        if b.starts(Array("GIF87a".utf8)) || b.starts(Array("GIF89a".utf8)) {
            // The logical screen: what a viewer (and leptonica, for the first frame) shows.
            // A zero side is no size (giflib would make an empty screen).
            return ImageInfo(.gif, width: b.le16(6).flatMap { $0 > 0 ? $0 : nil }, height: b.le16(8).flatMap { $0 > 0 ? $0 : nil })
        }
        if b.starts(Array("RIFF".utf8)), b.starts(Array("WEBP".utf8), at: 8) { return webp(b) }
        if b.starts(Array("ftyp".utf8), at: 4) { return isobmff(b) }
        return nil
    }

    /// PNG: the IHDR chunk, which must come first.
    private static func png(_ b: HeaderBytes) -> ImageInfo {
        guard b.starts(Array("IHDR".utf8), at: 12), let w = b.be32(16), let h = b.be32(20),
            w > 0, h > 0, w <= 0x7FFF_FFFF, h <= 0x7FFF_FFFF
        else {
            return ImageInfo(.png, width: nil, height: nil)
        }
        return ImageInfo(.png, width: w, height: h)
    }

    /// JPEG: walks the marker segments by their lengths to the first frame header (SOF0–SOF15
    /// but DHT C4, JPG C8 and DAC CC), skipping fill bytes (0xFF runs) and standalone markers,
    /// and resynchronising on the next 0xFF after stray bytes as libjpeg does.
    private static func jpeg(_ b: HeaderBytes) -> ImageInfo {
        var i = 2
        while i < b.count {
            guard b[i] == 0xFF else { i += 1; continue }  // stray byte: libjpeg skips to the next marker
            var m = i + 1
            while m < b.count, b[m] == 0xFF { m += 1 }  // fill bytes
            guard m < b.count else { break }
            let marker = b[m]
            i = m + 1
            switch marker {
            case 0x00:  // a stuffed 0xFF00 is no marker
                continue
            case 0x01, 0xD0...0xD8:  // TEM, RSTn, SOI: no length
                continue
            case 0xD9, 0xDA:  // EOI or start of scan before any frame
                return ImageInfo(.jpeg, width: nil, height: nil)
            default:
                guard let length = b.be16(i), length >= 2 else { return ImageInfo(.jpeg, width: nil, height: nil) }
                if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                    // length(2) precision(1) lines(2) samples per line(2); 0 lines means a DNL marker later.
                    guard length >= 8, let h = b.be16(i + 3), let w = b.be16(i + 5), w > 0 else {
                        return ImageInfo(.jpeg, width: nil, height: nil)
                    }
                    return ImageInfo(.jpeg, width: w, height: h > 0 ? h : nil)
                }
                i += length
            }
        }
        return ImageInfo(.jpeg, width: nil, height: nil)
    }

    /// WebP: the first chunk is VP8X (extended: the canvas), VP8L (lossless) or "VP8 " (lossy).
    private static func webp(_ b: HeaderBytes) -> ImageInfo {
        if b.starts(Array("VP8X".utf8), at: 12) {
            return ImageInfo(.webp, width: b.le24(24).map { $0 + 1 }, height: b.le24(27).map { $0 + 1 })
        }
        if b.starts(Array("VP8L".utf8), at: 12), b.count >= 25, b[20] == 0x2F {
            let v = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
            return ImageInfo(.webp, width: (v & 0x3FFF) + 1, height: ((v >> 14) & 0x3FFF) + 1)
        }
        if b.starts(Array("VP8 ".utf8), at: 12), b.starts([0x9D, 0x01, 0x2A], at: 23),
            let w = b.le16(26), let h = b.le16(28), w & 0x3FFF > 0, h & 0x3FFF > 0
        {
            return ImageInfo(.webp, width: w & 0x3FFF, height: h & 0x3FFF)
        }
        return ImageInfo(.webp, width: nil, height: nil)
    }

    /// HEIF family (HEIC, AVIF): the `ftyp` brands say which; the size is the `ispe` property
    /// the `ipma` box associates with the primary item (`pitm`) inside the `meta` box, turned by
    /// its `irot` as libheif shows it. (A grid image's tiles carry their own, smaller `ispe`.)
    private static func isobmff(_ b: HeaderBytes) -> ImageInfo? {
        guard let ftypSize = b.be32(0), ftypSize >= 16, b.count >= 12 else { return nil }
        var brands = [b.fourCC(8)]
        var o = 16
        while o + 4 <= min(ftypSize, b.count) { brands.append(b.fourCC(o)); o += 4 }
        let heic: Set<String> = ["heic", "heix", "hevc", "hevx", "heim", "heis"]
        let format: ImageFormat
        if heic.contains(brands[0]) {
            format = .heic
        } else if brands[0] == "avif" || brands[0] == "avis" {
            format = .avif
        } else if brands[0] == "mif1" || brands[0] == "msf1" {
            if brands.contains(where: heic.contains) { format = .heic } else if brands.contains("avif") { format = .avif } else { format = .heic }
        } else if brands.contains(where: heic.contains) {
            format = .heic
        } else if brands.contains("avif") {
            format = .avif
        } else {
            return nil  // an MP4, a QuickTime movie: not ours
        }
        guard let size = heifPrimarySize(b) else { return ImageInfo(format, width: nil, height: nil) }
        return ImageInfo(format, width: size.width, height: size.height)
    }

    /// Whether a WebP is animated (its VP8X chunk sets the animation flag): such a file holds
    /// several frames; Bewaar reads the first.
    public static func isAnimatedWebP(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = HeaderBytes(buffer)
        guard b.starts(Array("RIFF".utf8)), b.starts(Array("WEBP".utf8), at: 8), b.starts(Array("VP8X".utf8), at: 12),
            let flags = b[safe: 20]
        else { return false }
        return flags & 0x02 != 0
    }

    /// The frames of a GIF: how many image descriptors it holds and the sum of their areas, as
    /// far as `bytes` go. giflib reads every frame of a GIF into memory (leptonica then keeps the
    /// first), and a frame may be larger than the logical screen, so the decoder holds this sum
    /// to the pixel limit as well.
    public static func gifFrames(_ buffer: UnsafeBufferPointer<UInt8>) -> (count: Int, pixels: Int) {
        let b = HeaderBytes(buffer)
        guard b.starts(Array("GIF8".utf8)), b.count >= 13 else { return (0, 0) }
        var i = 13
        if b[10] & 0x80 != 0 { i += 3 << (Int(b[10] & 7) + 1) }  // global colour table
        var count = 0, pixels = 0
        func skipSubBlocks() {
            while let n = b[safe: i] { i += 1 + Int(n); if n == 0 { break } }
        }
        while let introducer = b[safe: i] {
            switch introducer {
            case 0x2C:  // image descriptor
                guard let w = b.le16(i + 5), let h = b.le16(i + 7), let flags = b[safe: i + 9] else { return (count, pixels) }
                count += 1
                pixels = pixels.addingReportingOverflow(w * h).overflow ? Int.max : pixels + w * h
                i += 10
                if flags & 0x80 != 0 { i += 3 << (Int(flags & 7) + 1) }  // local colour table
                i += 1  // LZW minimum code size
                skipSubBlocks()
            case 0x21:  // extension: label, sub-blocks
                i += 2
                skipSubBlocks()
            default:  // trailer, or garbage: giflib stops too
                return (count, pixels)
            }
        }
        return (count, pixels)
    }

    /// One ISO BMFF box: its type and where its payload lies.
    struct Box { var type: String; var payload: Range<Int> }

    /// The boxes lying in `range`; stops at the first box that does not fit.
    static func boxes(_ b: HeaderBytes, in range: Range<Int>) -> [Box] {
        var result: [Box] = []
        var i = range.lowerBound
        while i + 8 <= range.upperBound, result.count < 4096 {
            guard let size32 = b.be32(i) else { break }
            let type = b.fourCC(i + 4)
            var header = 8
            var size = size32
            if size32 == 1 {
                guard let hi = b.be32(i + 8), let lo = b.be32(i + 12), hi == 0 else { break }
                size = lo
                header = 16
            } else if size32 == 0 {
                size = range.upperBound - i
            }
            guard size >= header, size <= range.upperBound - i else {
                // Cut off by the end of what was read: keep the part that is there.
                if size >= header, i + header <= range.upperBound {
                    result.append(Box(type: type, payload: (i + header)..<range.upperBound))
                }
                break
            }
            result.append(Box(type: type, payload: (i + header)..<(i + size)))
            i += size
        }
        return result
    }

    static func heifPrimarySize(_ b: HeaderBytes) -> (width: Int, height: Int)? {
        guard let meta = boxes(b, in: 0..<b.count).first(where: { $0.type == "meta" }),
            meta.payload.count >= 4
        else { return nil }
        let children = boxes(b, in: (meta.payload.lowerBound + 4)..<meta.payload.upperBound)  // full box: version/flags
        var primary: Int?
        if let pitm = children.first(where: { $0.type == "pitm" }) {
            let p = pitm.payload.lowerBound
            primary = b[safe: p] == 0 ? b.be16(p + 4) : b.be32(p + 4)
        }
        guard let iprp = children.first(where: { $0.type == "iprp" }) else { return nil }
        let iprpChildren = boxes(b, in: iprp.payload)
        guard let ipco = iprpChildren.first(where: { $0.type == "ipco" }) else { return nil }
        let properties = boxes(b, in: ipco.payload)
        // The property indices (1-based into ipco) of the primary item.
        var associated: [Int]?
        if let primary, let ipma = iprpChildren.first(where: { $0.type == "ipma" }) {
            let p = ipma.payload.lowerBound
            let version = b[safe: p] ?? 0
            let wide = (b[safe: p + 3] ?? 0) & 1 == 1
            var i = p + 8
            let count = b.be32(p + 4) ?? 0
            var entry = 0
            while entry < count, i < ipma.payload.upperBound {
                guard let item = version < 1 ? b.be16(i) : b.be32(i) else { break }
                i += version < 1 ? 2 : 4
                guard let n = b[safe: i] else { break }
                i += 1
                var indices: [Int] = []
                for _ in 0..<Int(n) {
                    if wide {
                        guard let v = b.be16(i) else { break }
                        indices.append(v & 0x7FFF)
                        i += 2
                    } else {
                        guard let v = b[safe: i] else { break }
                        indices.append(Int(v & 0x7F))
                        i += 1
                    }
                }
                if item == primary { associated = indices; break }
                entry += 1
            }
        }
        func ispe(_ box: Box) -> (Int, Int)? {
            guard box.type == "ispe", let w = b.be32(box.payload.lowerBound + 4), let h = b.be32(box.payload.lowerBound + 8),
                w > 0, h > 0
            else { return nil }
            return (w, h)
        }
        var size: (Int, Int)?
        var quarterTurns = 0
        if let associated {
            for index in associated where index >= 1 && index <= properties.count {
                let box = properties[index - 1]
                if let s = ispe(box) { size = s }
                if box.type == "irot", let a = b[safe: box.payload.lowerBound] { quarterTurns = Int(a & 3) }
            }
        } else {
            // No association to follow: the largest ispe is the full image rather than a tile.
            // (Each side is up to 2³² − 1: the product can pass Int.max, so it saturates.)
            func area(_ s: (Int, Int)) -> Int { let (p, o) = s.0.multipliedReportingOverflow(by: s.1); return o ? Int.max : p }
            size = properties.compactMap(ispe).max { area($0) < area($1) }
        }
        guard let (w, h) = size else { return nil }
        return quarterTurns % 2 == 1 ? (h, w) : (w, h)
    }
}

/// Bounds-checked big- and little-endian reads over a header; nil past the end.
struct HeaderBytes {
    let base: UnsafeBufferPointer<UInt8>
    init(_ base: UnsafeBufferPointer<UInt8>) { self.base = base }
    var count: Int { base.count }
    subscript(i: Int) -> UInt8 { base[i] }
    subscript(safe i: Int) -> UInt8? { i >= 0 && i < base.count ? base[i] : nil }

    func be16(_ i: Int) -> Int? { i >= 0 && i + 2 <= count ? Int(base[i]) << 8 | Int(base[i + 1]) : nil }
    func be32(_ i: Int) -> Int? {
        i >= 0 && i + 4 <= count ? Int(base[i]) << 24 | Int(base[i + 1]) << 16 | Int(base[i + 2]) << 8 | Int(base[i + 3]) : nil
    }
    func le16(_ i: Int) -> Int? { i >= 0 && i + 2 <= count ? Int(base[i]) | Int(base[i + 1]) << 8 : nil }
    func le24(_ i: Int) -> Int? { i >= 0 && i + 3 <= count ? Int(base[i]) | Int(base[i + 1]) << 8 | Int(base[i + 2]) << 16 : nil }
    func starts(_ p: [UInt8], at o: Int = 0) -> Bool {
        guard o >= 0, count >= o + p.count else { return false }
        for (k, v) in p.enumerated() where base[o + k] != v { return false }
        return true
    }
    func fourCC(_ i: Int) -> String {
        guard i >= 0, i + 4 <= count else { return "" }
        return String(decoding: base[i..<(i + 4)], as: UTF8.self)
    }
}
