import Foundation
import BewaarModel
import BewaarDigest
import BewaarImageMetadata

/// Recognises screenshots and photos by their bytes (PNG, JPEG, GIF, WebP, HEIC/HEIF) and reads
/// their pixel size and metadata (EXIF, PNG text, XMP: `image.metadata`, with a warning when it
/// says the image was edited or is a screenshot). An image has no records; it is kept as it is.
public struct ImageImporter: EvidenceImporter {
    public let format = "image"

    public init() {}

    /// The most of an image file read for its metadata.
    static let metadataReadLimit: Int64 = 64 << 20

    public func recognise(_ probe: FileProbe) -> Recognition? {
        ImageInfo.read(probe.head).map { Recognition(confidence: 100, reason: "\($0.type.uppercased())-afbeelding") }
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        let head = try FileReader(path: source.path, bufferSize: 4096).read(at: 0, count: 512 * 1024)
        guard let info = ImageInfo.read(head) else {
            return ImportResult(format: format, mediaType: MediaType.forName(source.name),
                                warnings: [ImportWarning("Geen afbeelding herkend.", code: "image-unreadable")])
        }
        var image: [String: JSONValue] = ["type": .string(info.type)]
        var warnings: [ImportWarning] = []
        if let w = info.width, let h = info.height {
            image["width"] = .int(Int64(w))
            image["height"] = .int(Int64(h))
        } else {
            warnings.append(ImportWarning("De afmetingen van de afbeelding konden niet worden gelezen.", code: "image-size-unknown"))
        }
        // Metadata sits near the start of the file (a PNG may put it after the pixels): at most
        // the first 64 MiB are read for it.
        let size = source.size > 0 ? source.size : Int64((try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0)
        let bytes = try FileReader(path: source.path, bufferSize: 1 << 20).read(at: 0, count: Int(min(max(size, 0), Self.metadataReadLimit)))
        let metadata = ImageMetadata.read(bytes)
        if !metadata.isEmpty { image["metadata"] = metadata.itemFields }
        warnings += metadata.importWarnings
        return ImportResult(format: format, mediaType: info.mediaType, warnings: warnings, extra: ["image": .object(image)])
    }
}

/// The type and pixel size of an image, read from its first bytes.
public struct ImageInfo: Sendable, Hashable {
    public var type: String
    public var mediaType: String
    public var width: Int?
    public var height: Int?

    /// Reads `bytes` (the start of a file); nil when it is no known image format.
    public static func read(_ b: [UInt8]) -> ImageInfo? {
        func be16(_ i: Int) -> Int? { i + 2 <= b.count ? Int(b[i]) << 8 | Int(b[i + 1]) : nil }
        func be32(_ i: Int) -> Int? { i + 4 <= b.count ? Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) : nil }
        func le16(_ i: Int) -> Int? { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : nil }
        func le24(_ i: Int) -> Int? { i + 3 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 : nil }
        func starts(_ p: [UInt8], at o: Int = 0) -> Bool { b.count >= o + p.count && Array(b[o..<(o + p.count)]) == p }

        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            let ok = starts(Array("IHDR".utf8), at: 12)
            return ImageInfo(type: "png", mediaType: "image/png", width: ok ? be32(16) : nil, height: ok ? be32(20) : nil)
        }
        if starts([0xFF, 0xD8, 0xFF]) {
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { i += 1; continue }
                let marker = b[i + 1]
                if marker == 0xFF { i += 1; continue }
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                guard let len = be16(i + 2), len >= 2 else { break }
                if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return ImageInfo(type: "jpeg", mediaType: "image/jpeg", width: be16(i + 7), height: be16(i + 5))
                }
                if marker == 0xDA { break }
                i += 2 + len
            }
            return ImageInfo(type: "jpeg", mediaType: "image/jpeg", width: nil, height: nil)
        }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            return ImageInfo(type: "gif", mediaType: "image/gif", width: le16(6), height: le16(8))
        }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            if starts(Array("VP8X".utf8), at: 12) {
                return ImageInfo(type: "webp", mediaType: "image/webp", width: le24(24).map { $0 + 1 }, height: le24(27).map { $0 + 1 })
            }
            if starts(Array("VP8L".utf8), at: 12), b.count >= 25 {
                let v = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return ImageInfo(type: "webp", mediaType: "image/webp", width: (v & 0x3FFF) + 1, height: ((v >> 14) & 0x3FFF) + 1)
            }
            if starts(Array("VP8 ".utf8), at: 12) {
                return ImageInfo(type: "webp", mediaType: "image/webp", width: le16(26).map { $0 & 0x3FFF }, height: le16(28).map { $0 & 0x3FFF })
            }
            return ImageInfo(type: "webp", mediaType: "image/webp", width: nil, height: nil)
        }
        if starts(Array("ftyp".utf8), at: 4), b.count >= 12 {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            let heif = ["heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif"]
            guard heif.contains(brand) else { return nil }
            // The `ispe` property carries the pixel size: 4 size, 'ispe', 4 version/flags, w, h.
            if let r = b.firstRange(of: Array("ispe".utf8)) {
                let i = r.lowerBound
                return ImageInfo(type: brand == "avif" ? "avif" : "heic", mediaType: brand == "avif" ? "image/avif" : "image/heic",
                                 width: be32(i + 8), height: be32(i + 12))
            }
            return ImageInfo(type: "heic", mediaType: "image/heic", width: nil, height: nil)
        }
        return nil
    }
}
