import Foundation
import Testing
import BewaarModel
import BewaarTestSupport
@testable import BewaarReport

/// A screenshot in the report: its pixels (handed in decoded, shrunk to the column) drawn in the
/// PDF and embedded as a data: PNG in the HTML, the read messages beside it escaped, a marked
/// message's bubble quoted as an image.
@Suite struct ScreenshotFigureTests {
    static let hostile = "<script>alert('ocr')</script>"

    /// A 400 × 800 RGBA "screenshot": a white page with a green bubble, half transparent at the top.
    static var samples: [UInt8] {
        var bytes = [UInt8](repeating: 255, count: 400 * 800 * 4)
        for y in 100..<200 {
            for x in 20..<380 {
                let i = (y * 400 + x) * 4
                bytes[i] = 0x25; bytes[i + 1] = 0xD3; bytes[i + 2] = 0x66; bytes[i + 3] = 255
            }
        }
        for x in 0..<400 { bytes[x * 4 + 3] = 0 }  // a transparent first row: on white
        return bytes
    }

    @Test func picturesAreCutAndShrunkIntoCairosLayout() throws {
        let whole = try #require(
            ReportPicture.make(width: 400, height: 800, samplesPerPixel: 4, bytesPerRow: 1600, bytes: Self.samples, maxWidth: 100))
        #expect(whole.width == 100 && whole.height == 200)
        #expect(whole.pixels.count == 100 * 200 * 4)
        let bubble = try #require(
            ReportPicture.make(
                width: 400, height: 800, samplesPerPixel: 4, bytesPerRow: 1600, bytes: Self.samples,
                region: PixelRect(x: 20, y: 100, width: 360, height: 100), maxWidth: 600))
        #expect(bubble.width == 360 && bubble.height == 100, "never enlarged")
        // CAIRO_FORMAT_RGB24: a native-endian word 0x00RRGGBB.
        let word = bubble.pixels.withUnsafeBytes { $0.load(fromByteOffset: 0, as: UInt32.self) }
        #expect(word == 0x0025_D366)
        #expect(
            ReportPicture.make(width: 400, height: 800, samplesPerPixel: 4, bytesPerRow: 1600, bytes: Array(Self.samples.prefix(100)), maxWidth: 100)
                == nil,
            "too few bytes for the size")
        #expect(
            ReportPicture.make(
                width: 400, height: 800, samplesPerPixel: 4, bytesPerRow: 1600, bytes: Self.samples,
                region: PixelRect(x: 500, y: 0, width: 10, height: 10), maxWidth: 100) == nil, "a box outside the image")
    }

    static func document() throws -> ReportDocument {
        let picture = try #require(ReportPicture.make(width: 400, height: 800, samplesPerPixel: 4, bytesPerRow: 1600, bytes: samples, maxWidth: 200))
        let crop = try #require(
            ReportPicture.make(
                width: 400, height: 800, samplesPerPixel: 4, bytesPerRow: 1600, bytes: samples,
                region: PixelRect(x: 20, y: 100, width: 360, height: 100), maxWidth: 600))
        let messages = [
            ReadMessage(
                number: 1, box: PixelRect(x: 20, y: 100, width: 360, height: 100), facts: "Daan Jansen · links (ontvangen) · 96 % zeker",
                text: "Morgen bij het fietsenhok " + hostile, isMarked: true),
            ReadMessage(number: 2, box: nil, facts: "<b>Sanne</b> (aangenomen) · rechts (verstuurd)", text: "laat me met rust"),
        ]
        var excerpt = EvidenceExcerpt(
            reason: "Gemarkeerd als bedreiging", note: nil, source: "shot.png (bewijsstuk 1)", sha256: String(repeating: "ab", count: 32),
            lines: [
                ExcerptLine(
                    time: "(getoond 19:58, dag onbekend)", author: "Daan Jansen", text: "Morgen " + hostile,
                    origin: "pixels 20,100 360×100", isMarked: true)
            ])
        excerpt.crop = crop
        excerpt.cropCaption = "Zo staat het bericht op de afbeelding " + hostile
        return ReportDocument(
            title: "Rapport", footer: "Bewaar",
            blocks: [
                .evidence(excerpt),
                .screenshot(
                    ScreenshotFigure(
                        title: "[1] " + hostile + ".png", sha256: String(repeating: "cd", count: 32), picture: picture,
                        imageWidth: 400, imageHeight: 800, messages: messages, note: "OCR kan verkeerd lezen.")),
            ])
    }

    @Test func theHTMLEmbedsThePictureAndEscapesWhatWasRead() throws {
        let html = HTMLRenderer.render(try Self.document())
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>Sanne"))
        #expect(html.contains("&lt;script&gt;alert(&#39;ocr&#39;)&lt;/script&gt;"))
        #expect(html.components(separatedBy: "data:image/png;base64,iVBORw0KGgo").count - 1 == 2, "the whole picture and the bubble, as PNG")
        #expect(html.contains("<rect x=\"20\" y=\"100\" width=\"360\" height=\"100\""))
        #expect(html.contains("<li value=\"2\">"))
        #expect(!html.contains("src=\"http"))
    }

    @Test func thePDFHoldsThePicturesSmallAndTheText() throws {
        let dir = NSTemporaryDirectory() + "bewaar-shot-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = dir + "/rapport.pdf"
        try PDFRenderer.render(try Self.document(), to: pdf)
        let list = try Poppler.run("pdfimages", ["-list", pdf])
        let rows = list.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 2, "\(list)")
        let sizes = Set(rows.compactMap { r in r.count > 4 ? "\(r[3])×\(r[4])" : nil })
        #expect(sizes == ["200×400", "360×100"], "\(list)")
        let text = try Poppler.run("pdftotext", [pdf, "-"])
        #expect(text.contains("Morgen bij het fietsenhok"))
        #expect(text.contains("<script>alert('ocr')</script>"), "plain text in the PDF, never markup")
        #expect(text.contains("pixels 20,100 360×100"))
        #expect(text.contains("OCR kan verkeerd lezen."))
    }
}
