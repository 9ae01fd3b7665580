import Foundation
import BewaarModel
import BewaarJSON
import BewaarDigest
import BewaarImport
import BewaarImage
import BewaarImageFormat
import BewaarImageMetadata
import BewaarOCR
import BewaarScreenshot

/// Screenshots and photos (PNG, JPEG, GIF, WebP, HEIC/HEIF), recognised by their bytes.
///
/// The header gives the pixel size, checked against the pixel limit before anything is
/// decoded; the metadata (EXIF, PNG text, XMP) become `image.metadata` with a warning when they
/// say the image was edited or is a screenshot. Then the pixels are read: a chat screenshot
/// gives one record per bubble (see ``ScreenshotRecords``), any other image its lines of text,
/// and `image.screenshot` says what was seen (chat or not, the header, the perceptual hash for
/// near-duplicates). An image that cannot be decoded or read keeps its original and gives a
/// warning, never an error.
public struct ImageImporter: EvidenceImporter {
    public let format = "image"
    /// The screenshot reader (its OCR languages and data).
    public var reader: ChatScreenshotReader
    /// Images of the same ingest already being read on other threads, if any.
    public var readAhead: ScreenshotReadAhead?

    public init(reader: ChatScreenshotReader = ChatScreenshotReader(), readAhead: ScreenshotReadAhead? = nil) {
        self.reader = reader
        self.readAhead = readAhead
    }

    /// The most of an image file read for its metadata.
    static let metadataReadLimit: Int64 = 64 << 20
    /// The largest image file decoded (the pixel limit guards the decoded size; this the bytes).
    static let decodeReadLimit: Int64 = 256 << 20

    public func recognise(_ probe: FileProbe) -> Recognition? {
        ImageInfo.read(probe.head).map { Recognition(confidence: 100, reason: "\($0.type.uppercased())-afbeelding") }
    }

    public func importFile(_ source: ImportSource, context: ImportContext) throws -> ImportResult {
        let size = source.size > 0 ? source.size : Int64((try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? 0)
        let reader = try FileReader(path: source.path, bufferSize: 1 << 20)
        // The header and the metadata sit near the start of the file (a PNG may put them after
        // the pixels): at most the first 64 MiB, and the whole file when it is decoded below.
        let whole = size <= Self.decodeReadLimit
        let bytes = try reader.read(at: 0, count: Int(whole ? max(size, 0) : min(max(size, 0), Self.metadataReadLimit)))
        guard let info = ImageInfo.read(bytes) else {
            return ImportResult(
                format: format, mediaType: MediaType.forName(source.name),
                warnings: [ImportWarning("Geen afbeelding herkend.", code: "image-unreadable")])
        }
        var image: [String: JSONValue] = ["type": .string(info.type)]
        var warnings: [ImportWarning] = []
        var decodable = whole
        if let w = info.width, let h = info.height {
            image["width"] = .int(Int64(w))
            image["height"] = .int(Int64(h))
            // The decoder will refuse it: say so now, from the header. The original is kept all the same.
            do { try PixelLimit.standard.check(width: w, height: h) } catch {
                warnings.append(ImportWarning(error.dutch, code: error.code))
                decodable = false
            }
        } else {
            warnings.append(ImportWarning("De afmetingen van de afbeelding konden niet worden gelezen.", code: "image-size-unknown"))
            decodable = false
        }
        let metadata = ImageMetadata.read(bytes)
        if bytes.withUnsafeBufferPointer({ ImageInfo.isAnimatedWebP($0) || ImageInfo.gifFrames($0).count > 1 }) {
            warnings.append(
                ImportWarning(
                    "Een bewegende afbeelding: alleen het eerste beeld is gelezen. Het origineel met alle beelden is bewaard.", code: "image-animated"
                ))
        }
        // A photo stored sideways is read, and its boxes given, as it is shown (HEIC: libheif turns it).
        let orientation = Self.orientation(metadata, type: info.type)
        if let orientation, let w = info.width, let h = info.height {
            image["orientation"] = .int(Int64(orientation))
            if orientation >= 5 {
                image["width"] = .int(Int64(h))
                image["height"] = .int(Int64(w))
            }
        }
        if !metadata.isEmpty { image["metadata"] = metadata.itemFields }
        warnings += metadata.importWarnings
        var messages: [Message] = []
        if decodable {
            let reading = read(bytes, metadata: metadata, orientation: orientation, size: size, source: source, context: context)
            messages = reading.messages
            warnings += reading.warnings
            if let seen = reading.seen { image["screenshot"] = seen }
            // The size the boxes are in: a HEIC turned or cropped by its decoder differs from its header.
            if let shown = reading.shownSize, image["width"]?.intValue != Int64(shown.width) || image["height"]?.intValue != Int64(shown.height) {
                image["width"] = .int(Int64(shown.width))
                image["height"] = .int(Int64(shown.height))
            }
        } else if !whole {
            warnings.append(
                ImportWarning(
                    "Het bestand is groter dan \(Self.decodeReadLimit >> 20) MB: de pixels zijn niet gelezen.",
                    code: "image-not-read"))
        }
        return ImportResult(format: format, mediaType: info.mediaType, messages: messages, warnings: warnings, extra: ["image": .object(image)])
    }

    /// The EXIF orientation to apply (2–8), or nil: HEIC images are turned by their decoder.
    static func orientation(_ metadata: ImageMetadata, type: String) -> Int? {
        guard let o = metadata.orientation, (2...8).contains(o), type != "heic", type != "heif", type != "avif" else { return nil }
        return o
    }

    /// Reads the pixels (or takes what the read-ahead read from them) and makes the records;
    /// problems become warnings.
    private func read(
        _ bytes: [UInt8], metadata: ImageMetadata, orientation: Int?, size: Int64, source: ImportSource, context: ImportContext
    ) -> (messages: [Message], warnings: [ImportWarning], seen: JSONValue?, shownSize: (width: Int, height: Int)?) {
        let pixels =
            source.sha256.flatMap { readAhead?.reading(for: $0) } ?? PixelReading.read(bytes, orientation: orientation, reader: reader)
        guard let hash = pixels.perceptualHash else { return ([], pixels.warnings, nil, nil) }
        var seen: [String: JSONValue] = ["perceptualHash": .string(hash.description)]
        guard let shot = pixels.shot else { return ([], pixels.warnings, .object(seen), pixels.shownSize) }
        let records = ScreenshotRecords(shot: shot, capture: metadata.captureTime, owner: context.owner, zone: context.timeZone, fileSize: size)
        let messages = records.messages
        seen["chat"] = .bool(shot.isChat)
        if let header = shot.header { seen["header"] = .string(header) }
        if let capture = metadata.captureTime {
            seen["imageDate"] = .string(String(format: "%04d-%02d-%02d", capture.year, capture.month, capture.day))
            seen["imageDateField"] = .string(capture.field)
        }
        var warnings = pixels.warnings
        if shot.isChat, messages.contains(where: { $0.timestamp == nil }) {
            warnings.append(
                ImportWarning(
                    metadata.captureTime == nil
                        ? "Van berichten op de schermafbeelding is de dag niet bekend: de afbeelding zegt niet wanneer ze is gemaakt. Alleen de getoonde tijd is bewaard."
                        : "Van een deel van de berichten op de schermafbeelding is de dag niet bekend (geen dagscheiding erboven). Alleen de getoonde tijd is bewaard.",
                    code: "screenshot-day-unknown"))
        }
        return (messages, warnings, .object(seen), pixels.shownSize)
    }
}
