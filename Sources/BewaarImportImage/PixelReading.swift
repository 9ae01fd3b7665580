import BewaarModel
import BewaarImage
import BewaarScreenshot

/// What an image's pixels gave, before anything about the case (owner, time zone) is applied:
/// the chat read from it and its perceptual hash, or why the pixels could not be read.
public struct PixelReading: Sendable {
    public var shot: ChatScreenshot?
    public var perceptualHash: PerceptualHash?
    public var warnings: [ImportWarning]
    /// The size of the picture as shown (after the orientation; a HEIC as libheif turned and
    /// cropped it): the pixels the boxes are in. Nil when it could not be decoded.
    public var shownSize: (width: Int, height: Int)? = nil

    /// Decodes `bytes`, turns them as `orientation` (EXIF, 1–8) says they are shown, and reads
    /// them with `reader` (this thread's OCR engine). Boxes are in the pixels as shown.
    public static func read(_ bytes: [UInt8], orientation: Int? = nil, reader: ChatScreenshotReader) -> PixelReading {
        let pixels: PixelImage
        do { pixels = try ImageDecoder().decode(bytes).oriented(orientation ?? 1) } catch {
            return PixelReading(
                shot: nil, perceptualHash: nil,
                warnings: [ImportWarning(error.dutch + " De pixels zijn niet gelezen; het origineel is bewaard.", code: error.code)])
        }
        let hash = PerceptualHash(pixels)
        let size = (pixels.width, pixels.height)
        do {
            return PixelReading(shot: try reader.read(pixels), perceptualHash: hash, warnings: [], shownSize: size)
        } catch {
            let text = (error as? any BilingualError)?.dutch ?? String(describing: error)
            return PixelReading(
                shot: nil, perceptualHash: hash, warnings: [ImportWarning("De tekst in de afbeelding is niet gelezen: \(text)", code: "ocr-failed")],
                shownSize: size)
        }
    }
}
