import Foundation
import Testing
import BewaarModel
import BewaarDigest
import BewaarImageFormat
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

    @Test func aHugeHeaderIsWarnedAboutAndStillImported() throws {
        // IHDR of 50,000 × 50,000 and nothing else: the header alone gives the warning.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0x00, 0x00, 0xC3, 0x50, 0x00, 0x00, 0xC3, 0x50, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bewaar-huge-\(getpid()).png").path
        FileManager.default.createFile(atPath: path, contents: Data(png))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ImageImporter().importFile(ImportSource(path: path, name: "groot.png", size: 0, sha256: nil), context: ImportContext())
        #expect(result.extra["image"]?["width"] == .int(50_000))
        #expect(result.warnings.map(\.code) == ["image-too-large"])
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
