import Foundation
import Testing
import BewaarModel
import BewaarDigest
@testable import BewaarImport

@Suite struct ImageImporterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func readsTheSampleScreenshot() throws {
        let path = Self.root.appendingPathComponent("samples/evidence/schermafbeelding-groepsapp.png").path
        let probe = try FileProbe(path: path, name: "schermafbeelding-groepsapp.png", size: 0, isDirectory: false)
        #expect(ImageImporter().recognise(probe)?.confidence == 100)
        let result = try ImageImporter().importFile(ImportSource(path: path, name: "x.png", size: 0, sha256: nil), context: ImportContext())
        #expect(result.mediaType == "image/png")
        #expect(result.extra["image"]?["width"] == .int(360))
        #expect(result.extra["image"]?["height"] == .int(640))
        // Its PNG title calls it a screenshot: a finding from the metadata, nothing else to warn about.
        #expect(result.warnings.map(\.code) == ["metadata-screenshot"])
    }

    @Test func metadataBecomesItemFieldsAndAnEditIsAFindingNotAVerdict() throws {
        let fixtures = Self.root.appendingPathComponent("Tests/BewaarImageMetadataTests/Fixtures")
        let edited = fixtures.appendingPathComponent("photoshop-edited.jpg").path
        let result = try ImageImporter().importFile(ImportSource(path: edited, name: "bewerkt.jpg", size: 0, sha256: nil), context: ImportContext())
        let metadata = try #require(result.extra["image"]?["metadata"])
        #expect(metadata["container"] == .string("jpeg"))
        #expect(metadata["software"]?.stringValue?.contains("Photoshop") == true)
        #expect(result.warnings.contains { $0.code == "metadata-edited-software" && $0.message.contains("aanwijzing") })
        let screenshot = fixtures.appendingPathComponent("iphone-screenshot.jpg").path
        let shot = try ImageImporter().importFile(
            ImportSource(path: screenshot, name: "IMG_0412.jpg", size: 0, sha256: nil), context: ImportContext())
        #expect(shot.extra["image"]?["metadata"]?["userComment"] == .string("Screenshot"))
        #expect(shot.extra["image"]?["metadata"]?["model"]?.stringValue?.hasPrefix("iPhone") == true)
        #expect(shot.warnings.contains { $0.code == "metadata-screenshot" })
        #expect(!shot.warnings.contains { ($0.code ?? "").hasPrefix("metadata-edited") })
    }

    @Test func jpegSizeComesFromTheFrameHeaderNotTheFirstSegment() {
        // SOI, APP0 (JFIF, 16 bytes), DQT stub, SOF0 with height 1080 and width 1920.
        var b: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        b += [0xFF, 0xDB, 0x00, 0x04, 0x00, 0x00]
        b += [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x04, 0x38, 0x07, 0x80, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
        let info = ImageInfo.read(b)
        #expect(info == ImageInfo(type: "jpeg", mediaType: "image/jpeg", width: 1920, height: 1080))
    }

    @Test func gifWebpAndHeicAreRecognisedWithTheirSize() {
        let gif = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00] + [UInt8](repeating: 0, count: 10)
        #expect(ImageInfo.read(gif)?.width == 320)
        #expect(ImageInfo.read(gif)?.height == 240)

        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8X".utf8) + [10, 0, 0, 0]
        webp += [0, 0, 0, 0]                 // flags + reserved
        webp += [0x37, 0x04, 0x00]           // width - 1 = 1079
        webp += [0x7F, 0x07, 0x00]           // height - 1 = 1919
        #expect(ImageInfo.read(webp) == ImageInfo(type: "webp", mediaType: "image/webp", width: 1080, height: 1920))

        var heic: [UInt8] = [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)
        heic += [0, 0, 0, 20] + Array("ispe".utf8) + [0, 0, 0, 0] + [0, 0, 0x0F, 0xC0] + [0, 0, 0x0B, 0xD0]
        #expect(ImageInfo.read(heic) == ImageInfo(type: "heic", mediaType: "image/heic", width: 4032, height: 3024))
    }

    @Test func textIsNoImage() {
        #expect(ImageInfo.read(Array("02-03-2026 20:01 - Daan Jansen: hoi".utf8)) == nil)
        #expect(ImageInfo.read([]) == nil)
        #expect(ImageInfo.read([0x89, 0x50]) == nil)
    }

    @Test func detectionChoosesTheMostCertainImporterOrNone() {
        let detector = FormatDetector(importers: [ImageImporter()])
        let png = FileProbe(name: "a.bin", path: "/x", size: 8, head: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(detector.detect(png)?.importer.format == "image")
        let text = FileProbe(name: "a.png", path: "/x", size: 3, head: Array("abc".utf8))
        #expect(detector.detect(text) == nil)
    }

    @Test func theHashingSinkHashesWhatPassesThrough() throws {
        let sink = HashingSink()
        let kept = try sink.keep(name: "a.txt", pathInParent: "map/a.txt", mediaType: "text/plain") { w in
            try w.write(contentsOf: Array("hallo ".utf8))
            try w.write(contentsOf: Array("wereld".utf8))
        }
        #expect(kept.size == 12)
        #expect(kept.sha256 == StreamingSHA256.digest(utf8: "hallo wereld"))
        #expect(kept.sha256.hex == "277bcca9a3f4a66ce8039645fb46cb8f43b7892bd04c062f992c5b8a86239e2e")
        #expect(sink.kept == [kept])
    }

    @Test func inspectJSONFollowsTheContract() {
        let r = ImportResult(format: "image", mediaType: "image/png", warnings: [ImportWarning("let op", line: 3)])
        let j = r.inspectJSON(source: ImportSource(path: "/x", name: "a.png", size: 5, sha256: StreamingSHA256.digest(utf8: "x")))
        #expect(j["format"] == .string("image"))
        #expect(j["source"]?["name"] == .string("a.png"))
        #expect(j["source"]?["size"] == .int(5))
        #expect(j["source"]?["sha256"] == .string(StreamingSHA256.digest(utf8: "x").hex))
        #expect(j["messages"] == .array([]))
        #expect(j["warnings"] == .array([.object(["message": .string("let op"), "line": .int(3)])]))
    }
}
