import Foundation
import Testing
import BewaarModel
import BewaarJSON
import BewaarImport
import BewaarDigest
@testable import BewaarImportImage

/// The image importer with real libpng/libjpeg and real Tesseract on committed files.
@Suite struct ImageImporterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let screenshots = root.appendingPathComponent("Tests/Fixtures/screenshots")
    static let metadataFixtures = root.appendingPathComponent("Tests/BewaarImageMetadataTests/Fixtures")

    static func read(_ path: String, name: String, owner: String? = nil) throws -> ImportResult {
        try ImageImporter().importFile(ImportSource(path: path, name: name, size: 0, sha256: nil), context: ImportContext(owner: owner))
    }

    @Test func readsTheSampleScreenshot() throws {
        let path = Self.root.appendingPathComponent("samples/evidence/schermafbeelding-groepsapp.png").path
        let probe = try FileProbe(path: path, name: "schermafbeelding-groepsapp.png", size: 0, isDirectory: false)
        #expect(ImageImporter().recognise(probe)?.confidence == 100)
        let result = try Self.read(path, name: "x.png")
        #expect(result.mediaType == "image/png")
        #expect(result.extra["image"]?["width"] == .int(780))
        #expect(result.extra["image"]?["height"] == .int(1688))
        #expect(result.warnings.contains { $0.code == "metadata-screenshot" })
        #expect(result.extra["image"]?["screenshot"]?["perceptualHash"]?.stringValue?.count == 16)
    }

    @Test func metadataBecomesItemFieldsAndAnEditIsAFindingNotAVerdict() throws {
        let edited = Self.metadataFixtures.appendingPathComponent("photoshop-edited.jpg").path
        let result = try Self.read(edited, name: "bewerkt.jpg")
        let metadata = try #require(result.extra["image"]?["metadata"])
        #expect(metadata["container"] == .string("jpeg"))
        #expect(metadata["software"]?.stringValue?.contains("Photoshop") == true)
        #expect(result.warnings.contains { $0.code == "metadata-edited-software" && $0.message.contains("aanwijzing") })
        let screenshot = Self.metadataFixtures.appendingPathComponent("iphone-screenshot.jpg").path
        let shot = try Self.read(screenshot, name: "IMG_0412.jpg")
        #expect(shot.extra["image"]?["metadata"]?["userComment"] == .string("Screenshot"))
        #expect(shot.extra["image"]?["metadata"]?["model"]?.stringValue?.hasPrefix("iPhone") == true)
        #expect(shot.warnings.contains { $0.code == "metadata-screenshot" })
        #expect(!shot.warnings.contains { ($0.code ?? "").hasPrefix("metadata-edited") })
    }

    @Test func aHugeHeaderIsWarnedAboutAndNothingIsDecoded() throws {
        // IHDR of 50,000 × 50,000 and nothing else: the header alone gives the warning.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0x00, 0x00, 0xC3, 0x50, 0x00, 0x00, 0xC3, 0x50, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        let path = try Self.temporary(png, "groot.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.read(path, name: "groot.png")
        #expect(result.extra["image"]?["width"] == .int(50_000))
        #expect(result.warnings.map(\.code) == ["image-too-large"])
        #expect(result.messages.isEmpty)
    }

    @Test func aTruncatedScreenshotGivesAWarningAndNoRecords() throws {
        let whole = try Data(contentsOf: Self.screenshots.appendingPathComponent("whatsapp-android-light-1on1-2x.png"))
        let path = try Self.temporary(Array(whole.prefix(whole.count / 3)), "afgebroken.png")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.read(path, name: "afgebroken.png")
        #expect(result.format == "image")
        #expect(result.messages.isEmpty)
        #expect(result.warnings.contains { $0.code == "image-corrupt" && $0.message.contains("origineel is bewaard") })
    }

    @Test func detectionChoosesTheMostCertainImporterOrNone() {
        let detector = FormatDetector(importers: [ImageImporter()])
        let png = FileProbe(name: "a.bin", path: "/x", size: 8, head: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(detector.detect(png)?.importer.format == "image")
        let text = FileProbe(name: "a.png", path: "/x", size: 3, head: Array("abc".utf8))
        #expect(detector.detect(text) == nil)
    }

    /// A WhatsApp screenshot as a JPEG whose XMP says it was made on 14 March 2026: every bubble a
    /// record with its pixel box, the days from the separators counted from that date.
    @Test func aChatScreenshotBecomesRecordsWithBoxesAndDays() throws {
        let jpeg = try Data(contentsOf: Self.screenshots.appendingPathComponent("whatsapp-android-light-1on1-2x-q80.jpg"))
        let path = try Self.temporary(Self.withXMPCreateDate(Array(jpeg), "2026-03-14T20:16:05+01:00"), "IMG_2041.jpg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = Int64(try Data(contentsOf: URL(fileURLWithPath: path)).count)
        let result = try Self.read(path, name: "IMG_2041.jpg", owner: "Sanne de Vries")
        let seen = try #require(result.extra["image"]?["screenshot"])
        #expect(seen["chat"] == .bool(true))
        #expect(seen["header"] == .string("Daan Bakker"))
        #expect(seen["imageDate"] == .string("2026-03-14"))
        let records = result.messages
        #expect(records.count == 9)
        for r in records {
            #expect(r.flags.contains("ocr"))
            #expect(r.origin.offset == 0 && r.origin.length == size && r.origin.line == nil)
            let box = try #require(r.origin.box)
            #expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= 780 && box.y + box.height <= 1688)
        }
        let first = records[0]
        #expect(first.author == "Daan Bakker" && first.extra["screenshot"]?["authorBasis"] == .string("header"))
        #expect(first.text == "Morgen na school bij het fietsenhok. Kom alleen.")
        #expect(first.timestamp?.rfc3339 == "2026-03-12T16:40:00+01:00")
        #expect(first.extra["screenshot"]?["timestampBasis"] == .string("separator"))
        let outgoing = records[1]
        #expect(outgoing.author == "Sanne de Vries" && outgoing.extra["screenshot"]?["authorBasis"] == .string("assumed-owner"))
        #expect(outgoing.extra["screenshot"]?["side"] == .string("outgoing"))
        // GISTEREN above the third bubble: the day before the image was made.
        #expect(records[2].timestamp?.rfc3339 == "2026-03-13T19:58:00+01:00")
        #expect(records[2].extra["screenshot"]?["timestampBasis"] == .string("separator+image-date"))
        #expect(records[4].kind == .media && records[4].timestamp?.rfc3339.hasPrefix("2026-03-14T20:09") == true)
        #expect(records[6].kind == .deleted)
        #expect(!result.warnings.contains { $0.code == "screenshot-day-unknown" })
    }

    @Test func withoutAnImageDateOnlyTheFullDateSeparatorGivesADay() throws {
        let path = Self.screenshots.appendingPathComponent("whatsapp-android-light-1on1-2x.png").path
        let result = try Self.read(path, name: "chat.png")
        #expect(result.messages.count == 9)
        #expect(result.messages[0].timestamp?.rfc3339 == "2026-03-12T16:40:00+01:00")
        #expect(result.messages[2].timestamp == nil && result.messages[2].extra["screenshot"]?["time"] == .string("19:58"))
        #expect(result.messages[1].author == ScreenshotRecords.unnamedOwner)
        #expect(result.warnings.contains { $0.code == "screenshot-day-unknown" })
    }

    @Test func aPageThatIsNotAChatGivesItsLinesAndAPhotoGivesNothing() throws {
        let page = try Self.read(Self.screenshots.appendingPathComponent("nonchat-newsletter-2x.png").path, name: "nieuwsbrief.png")
        #expect(page.extra["image"]?["screenshot"]?["chat"] == .bool(false))
        #expect(!page.messages.isEmpty)
        #expect(page.messages.allSatisfy { $0.kind == .text && $0.author == nil && $0.origin.box != nil })
        let photo = try Self.read(Self.screenshots.appendingPathComponent("nonchat-photo-2x.jpg").path, name: "foto.jpg")
        #expect(photo.messages.isEmpty)
        #expect(photo.warnings.isEmpty)
    }

    /// A parent's photo of the chat stored sideways (EXIF orientation 6): read as it is shown.
    @Test func aSidewaysPhotoIsReadAsItIsShown() throws {
        let path = Self.screenshots.appendingPathComponent("photos/gedraaid-whatsapp-orientation6.jpg").path
        let result = try Self.read(path, name: "foto-van-scherm.jpg")
        #expect(result.extra["image"]?["orientation"] == .int(6))
        #expect(result.extra["image"]?["width"] == .int(780) && result.extra["image"]?["height"] == .int(1688))
        #expect(result.extra["image"]?["screenshot"]?["chat"] == .bool(true))
        #expect(result.messages.count == 9)
        #expect(result.messages.first?.text == "Morgen na school bij het fietsenhok. Kom alleen.")
        #expect(result.messages.allSatisfy { $0.origin.box.map { $0.fits(width: 780, height: 1688) } ?? false })
    }

    // MARK: helpers

    static func temporary(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bewaar-\(getpid())-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The JPEG with an XMP APP1 segment after its SOI that gives `xmp:CreateDate`.
    static func withXMPCreateDate(_ jpeg: [UInt8], _ date: String) -> [UInt8] {
        let packet =
            Array("http://ns.adobe.com/xap/1.0/\0".utf8)
            + Array(
                """
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
                <rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="\(date)"/></rdf:RDF></x:xmpmeta>
                """.utf8)
        let length = packet.count + 2
        return Array(jpeg[0..<2]) + [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + packet + Array(jpeg[2...])
    }
}

/// Images read ahead on another thread: the importer finds them read, in turn.
@Suite struct ScreenshotReadAheadTests {
    @Test func theHelperReadsEverySecondImageAndTheImporterTakesIt() throws {
        let names = ["tiktok-1on1-2x.png", "nonchat-photo-2x.jpg", "imessage-1on1-2x.png", "whatsapp-android-light-1on1-2x.png"]
        let paths = names.map { ImageImporterTests.screenshots.appendingPathComponent($0).path }
        // A file that is no image is passed over.
        let text = try ImageImporterTests.temporary(Array("geen afbeelding".utf8), "notitie.txt")
        defer { try? FileManager.default.removeItem(atPath: text) }
        let ahead = ScreenshotReadAhead(paths: [text] + paths, helpers: 1)
        defer { ahead.stop() }
        let digests = try paths.map { try FileReader.sha256(path: $0).digest }
        // Images 1 and 3 are the importer's own; 2 and 4 the helper's.
        #expect(ahead.reading(for: digests[0]) == nil)
        let photo = try #require(ahead.reading(for: digests[1]))
        #expect(photo.shot?.isChat == false && photo.perceptualHash != nil)
        #expect(ahead.reading(for: digests[2]) == nil)
        let chat = try #require(ahead.reading(for: digests[3]))
        #expect(chat.shot?.isChat == true && chat.shot?.bubbles.count == 9)
        // Taken once: asked again, the importer reads it itself.
        #expect(ahead.reading(for: digests[3]) == nil)
    }
}
