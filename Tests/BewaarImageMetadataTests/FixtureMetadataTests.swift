import BewaarImageMetadata
import Testing

/// A mentor's screenshots and photos, as real tools write them: the metadata read field by field.
@Suite struct FixtureMetadataTests {
    @Test func anIPhoneScreenshotForwardedAsJPEGSaysItIsAScreenshot() throws {
        let m = ImageMetadata.read(try Fixture.bytes("iphone-screenshot.jpg"))
        #expect(m.container == "jpeg")
        #expect(m.make == "Apple")
        #expect(m.model == "iPhone 13")
        #expect(m.software == "17.3.1")
        #expect(m.userComment == "Screenshot")
        #expect(m.dateTimeOriginal == "2026:03:12 20:14:55")
        #expect(m.modifyDate == "2026:03:12 20:14:55")
        #expect(m.dateTimeDigitized == "2026:03:12 20:14:55")
        #expect(m.offsetTime == "+01:00")
        #expect(m.offsetTimeOriginal == "+01:00")
        #expect(m.offsetTimeDigitized == "+01:00")
        #expect(m.orientation == 1)
        #expect(m.pixelWidth == 1170)
        #expect(m.pixelHeight == 2532)
        #expect(m.hasGPS == false)
        #expect(m.warnings.isEmpty)
        #expect(m.findings.map(\.code) == ["metadata-screenshot"])
        #expect(m.findings.first?.dutch == "Volgens de metadata een schermafbeelding (EXIF UserComment: \"Screenshot\").")
        #expect(m.fields.contains(MetadataField("EXIF Model", "iPhone 13")))
    }

    @Test func aJPEGEditedInPhotoshopGivesFindingsNotVerdicts() throws {
        let m = ImageMetadata.read(try Fixture.bytes("photoshop-edited.jpg"))
        #expect(m.software == "Adobe Photoshop 25.0")
        #expect(m.imageDescription == "Klas 2B groepsapp")
        #expect(m.modifyDate == "2026:03:10 09:30:00")
        #expect(m.xmp?.creatorTool == "Adobe Photoshop 25.0 (Windows)")
        #expect(m.xmp?.createDate == "2026-03-12T20:14:55+01:00")
        #expect(m.xmp?.modifyDate == "2026-03-10T09:30:00+01:00")
        #expect(
            m.xmp?.history == [XMPHistoryEvent(action: "saved", softwareAgent: "Adobe Photoshop 25.0 (Windows)", when: "2026-03-10T09:30:00+01:00")])
        #expect(m.warnings.isEmpty)
        let codes = m.findings.map(\.code)
        #expect(codes == ["metadata-edited-software", "metadata-modified-before-created", "metadata-offset-mismatch"])
        #expect(
            m.findings[0].dutch
                == "De metadata wijzen op bewerking met Adobe Photoshop (EXIF Software: \"Adobe Photoshop 25.0\") — dat is een aanwijzing, geen bewijs."
        )
        #expect(m.findings[1].dutch.contains("(2026:03:10 09:30:00) ligt vóór de opnamedatum (2026:03:12 20:14:55)"))
        #expect(m.findings[2].english.contains("OffsetTime +02:00, OffsetTimeOriginal +01:00"))
    }

    @Test func aPNGScreenshotHasEXIfTextChunksAndXMP() throws {
        let m = ImageMetadata.read(try Fixture.bytes("iphone-screenshot.png"))
        #expect(m.container == "png")
        #expect(m.model == "iPhone 13")
        #expect(m.userComment == "Screenshot")
        #expect(m.dateTimeOriginal == "2026:03:12 20:14:55")
        #expect(m.offsetTimeOriginal == "+01:00")
        #expect(m.pixelWidth == 1170)
        #expect(m.pngText.contains(MetadataField("Software", "Bewaar fixture")))
        #expect(m.pngText.contains(MetadataField("Model", "iPhone 13")))
        #expect(m.xmp?.userComment == "Screenshot")
        #expect(m.xmp?.createDate == "2026-03-12T20:14:55+01:00")
        #expect(m.warnings.isEmpty)
        #expect(m.findings.map(\.code) == ["metadata-screenshot"])
    }

    @Test func compressedPNGTextIsInflatedAndGIMPIsNamed() throws {
        let m = ImageMetadata.read(try Fixture.bytes("gimp-compressed.png"))
        #expect(m.pngText.first == MetadataField("Title", "Schermafbeelding van de groepsapp, één keer bijgesneden"))
        #expect(m.pngText.contains(MetadataField("Description", "Gesprek met Noor El Amrani – geëxporteerd")))
        #expect(m.pngText.contains(MetadataField("Comment", "Daan Bakker – bewerkt, ë en ï")))
        #expect(m.pngText.contains(MetadataField("Software", "GIMP 2.10.34")))
        #expect(m.xmp?.creatorTool == "GIMP 2.10")
        #expect(m.xmp?.history == [XMPHistoryEvent(action: "edited", softwareAgent: "Gimp 2.10 (Linux)")])
        #expect(m.warnings.isEmpty)
        #expect(m.findings.map(\.code) == ["metadata-edited-software", "metadata-edited-history", "metadata-screenshot"])
        #expect(m.findings[0].dutch.contains("bewerking met GIMP (XMP CreatorTool: \"GIMP 2.10\")"))
        #expect(m.findings[1].dutch.contains("edited (Gimp 2.10 (Linux))"))
    }

    @Test func aWebPHasEXIFAndXMPChunks() throws {
        let m = ImageMetadata.read(try Fixture.bytes("snapseed.webp"))
        #expect(m.container == "webp")
        #expect(m.make == "Google")
        #expect(m.model == "Pixel 7")
        #expect(m.software == "Snapseed 2.0")
        #expect(m.dateTimeOriginal == "2026:03:11 16:02:10")
        #expect(m.xmp?.creatorTool == "Snapseed 2.0")
        #expect(m.warnings.isEmpty)
        #expect(m.findings.map(\.code) == ["metadata-edited-software"])
    }

    @Test func aHEICHasItsExifItemAndXMPItemRead() throws {
        let m = ImageMetadata.read(try Fixture.bytes("iphone-photo.heic"))
        #expect(m.container == "heic")
        #expect(m.make == "Apple")
        #expect(m.model == "iPhone 13")
        #expect(m.dateTimeOriginal == "2026:03:12 20:14:55")
        #expect(m.offsetTimeOriginal == "+01:00")
        #expect(m.orientation == 1)
        #expect(m.xmp?.creatorTool == "Foto's 8.0")
        #expect(m.warnings.isEmpty)
        #expect(m.findings.isEmpty)
    }

    @Test func anAndroidScreenshotWithoutMetadataGivesNoNoise() {
        // Signature, IHDR (1080 × 2400), an empty IDAT and IEND: what many Android phones write.
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] { TIFFBuilder.be32(UInt32(body.count)) + Array(type.utf8) + body + [0, 0, 0, 0] }
        let png =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", TIFFBuilder.be32(1080) + TIFFBuilder.be32(2400) + [8, 6, 0, 0, 0])
            + chunk("IDAT", []) + chunk("IEND", [])
        let m = ImageMetadata.read(png)
        #expect(m.container == "png")
        #expect(m.isEmpty)
        #expect(m.warnings.isEmpty)
        #expect(m.findings.isEmpty)
        #expect(ImageMetadata.read(Array("GIF89a".utf8)).container == nil)
    }

    @Test func everyCutOfEveryFixtureReadsWithoutTrapping() throws {
        for name in [
            "iphone-screenshot.jpg", "photoshop-edited.jpg", "iphone-screenshot.png", "gimp-compressed.png", "snapseed.webp", "iphone-photo.heic",
        ] {
            let whole = try Fixture.bytes(name)
            var warned = 0
            for end in stride(from: 0, to: whole.count, by: 7) {
                let m = ImageMetadata.read(Array(whole[0..<end]))
                if !m.warnings.isEmpty { warned += 1 }
            }
            // A cut through the metadata is reported somewhere along the way.
            #expect(warned > 0, "\(name)")
        }
    }
}
