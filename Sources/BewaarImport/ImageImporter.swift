import Foundation
import BewaarModel
import BewaarDigest
import BewaarImageFormat
import BewaarImageMetadata

/// Recognises screenshots and photos by their bytes (PNG, JPEG, GIF, WebP, HEIC/HEIF) and reads
/// their pixel size with the probe of BewaarImageFormat (header only: nothing is decoded here)
/// and their metadata (EXIF, PNG text, XMP: `image.metadata`, with a warning when it says the
/// image was edited or is a screenshot). An image has no records; it is kept as it is.
public struct ImageImporter: EvidenceImporter {
    public let format = "image"

    public init() {}

    /// The most of an image file read for its metadata.
    static let metadataReadLimit: Int64 = 64 << 20

    public func recognise(_ probe: FileProbe) -> Recognition? {
        ImageInfo.read(probe.head).map { Recognition(confidence: 100, reason: "\($0.type.uppercased())-afbeelding") }
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        // One read for the header and the metadata, which sits near the start of the file (a PNG
        // may put it after the pixels): at most the first 64 MiB.
        let size = source.size > 0 ? source.size : Int64((try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0)
        let bytes = try FileReader(path: source.path, bufferSize: 1 << 20).read(at: 0, count: Int(min(max(size, 0), Self.metadataReadLimit)))
        guard let info = ImageInfo.read(bytes) else {
            return ImportResult(format: format, mediaType: MediaType.forName(source.name),
                                warnings: [ImportWarning("Geen afbeelding herkend.", code: "image-unreadable")])
        }
        var image: [String: JSONValue] = ["type": .string(info.type)]
        var warnings: [ImportWarning] = []
        if let w = info.width, let h = info.height {
            image["width"] = .int(Int64(w))
            image["height"] = .int(Int64(h))
            // The decoder will refuse it: say so now, from the header. The original is kept all the same.
            do { try PixelLimit.standard.check(width: w, height: h) } catch {
                warnings.append(ImportWarning(error.dutch, code: error.code))
            }
        } else {
            warnings.append(ImportWarning("De afmetingen van de afbeelding konden niet worden gelezen.", code: "image-size-unknown"))
        }
        let metadata = ImageMetadata.read(bytes)
        if !metadata.isEmpty { image["metadata"] = metadata.itemFields }
        warnings += metadata.importWarnings
        return ImportResult(format: format, mediaType: info.mediaType, warnings: warnings, extra: ["image": .object(image)])
    }
}
