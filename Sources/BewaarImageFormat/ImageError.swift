import BewaarModel

/// The most pixels Bewaar decodes in one image, checked from the header before decoding.
/// A phone screenshot is 3–4 megapixels, a 48-megapixel phone photo fits; a decompression bomb
/// (a 50,000 × 50,000 PNG of a few kilobytes asks for 10 GB of RGBA) does not.
public struct PixelLimit: Sendable, Hashable {
    /// The largest width × height decoded.
    public var maxPixels: Int
    /// The largest width or height decoded (Tesseract and leptonica work in 32-bit coordinates;
    /// 32,767 keeps every intermediate product small).
    public var maxSide: Int

    public init(maxPixels: Int = 50_000_000, maxSide: Int = 32_767) {
        self.maxPixels = maxPixels
        self.maxSide = maxSide
    }

    /// 50 megapixels, no side longer than 32,767.
    public static let standard = PixelLimit()

    /// Throws when an image of `width` × `height` may not be decoded.
    public func check(width: Int, height: Int) throws(ImageError) {
        guard width > 0, height > 0 else { throw ImageError.sizeUnknown }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maxPixels || width > maxSide || height > maxSide {
            throw ImageError.tooManyPixels(width: width, height: height, limit: maxPixels)
        }
    }

    /// Throws unless `info` is a decodable format whose header gives a size within the limit.
    public func check(_ info: ImageInfo) throws(ImageError) {
        guard let format = info.format else { throw ImageError.notAnImage }
        guard format.isDecoded else { throw ImageError.unsupported(format: format.rawValue) }
        guard let w = info.width, let h = info.height else { throw ImageError.sizeUnknown }
        try check(width: w, height: h)
    }
}

/// Why an image could not be turned into pixels. Every case has a stable `code` (the warning
/// code the importer reports) and a Dutch and an English sentence.
public enum ImageError: Error, Hashable, BilingualError {
    /// The bytes are none of PNG, JPEG, GIF, WebP, HEIC or AVIF.
    case notAnImage
    /// A recognised format Bewaar does not decode (AVIF).
    case unsupported(format: String)
    /// The header does not give the pixel size (cut off or damaged), so the limit cannot be checked.
    case sizeUnknown
    /// The header asks for more pixels than the limit allows; nothing was decoded.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// The decoder refused the data: truncated or damaged. `detail` is the library's word, in English.
    case corrupt(format: String, detail: String)

    /// A stable machine id, e.g. `image-too-large`.
    public var code: String {
        switch self {
        case .notAnImage: "image-unrecognised"
        case .unsupported: "image-format-unsupported"
        case .sizeUnknown: "image-size-unknown"
        case .tooManyPixels: "image-too-large"
        case .corrupt: "image-corrupt"
        }
    }

    public var dutch: String {
        switch self {
        case .notAnImage:
            "Geen afbeelding herkend (PNG, JPEG, GIF, WebP of HEIC)."
        case .unsupported(let format):
            "Afbeeldingen in \(format.uppercased()) worden bewaard maar niet gelezen."
        case .sizeUnknown:
            "De afmetingen van de afbeelding staan niet (leesbaar) in het bestand; de afbeelding is niet gelezen."
        case .tooManyPixels(let w, let h, let limit):
            "De afbeelding is te groot om te lezen (\(w) × \(h) pixels, de grens is \(limit / 1_000_000) megapixel). Het origineel is wel bewaard."
        case .corrupt(let format, _):
            "De afbeelding (\(format.uppercased())) is beschadigd of onvolledig en kon niet worden gelezen. Het origineel is wel bewaard."
        }
    }

    public var english: String {
        switch self {
        case .notAnImage:
            "Not a recognised image (PNG, JPEG, GIF, WebP or HEIC)."
        case .unsupported(let format):
            "\(format.uppercased()) images are kept but not read."
        case .sizeUnknown:
            "The file does not give the image's size (readably); the image was not read."
        case .tooManyPixels(let w, let h, let limit):
            "The image is too large to read (\(w) × \(h) pixels, the limit is \(limit / 1_000_000) megapixels). The original is kept."
        case .corrupt(let format, let detail):
            "The image (\(format.uppercased())) is damaged or incomplete and could not be read (\(detail)). The original is kept."
        }
    }
}
