import BewaarImageMetadata
import Testing

/// Metadata the bully made: every corrupt structure gives a warning and what was readable, never
/// a crash or unbounded work.
@Suite struct HostileMetadataTests {
    typealias E = TIFFBuilder.Entry

    @Test func anIFDThatPointsToItselfIsReadOnce() {
        // IFD0 holds Make "Sam" inline, an Exif pointer back to IFD0, and names itself as the next IFD.
        let tiff = TIFFBuilder.build(
            [E(tag: 0x010F, type: 2, count: 4, value: TIFFBuilder.inline("Sam")), E(tag: 0x8769, type: 4, count: 1, value: 8)], next: 8)
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.make == "Sam")
        // Met twice (the Exif pointer and the next IFD), said once.
        #expect(m.warnings.map(\.code) == ["exif-ifd-loop"])
        #expect(m.warnings[0].english == "The EXIF block (JPEG APP1) refers to itself in a loop (offset 8); reading stopped there.")
    }

    @Test func anOffsetPastTheEndIsSkippedAndTheRestRead() {
        let tiff = TIFFBuilder.build([
            E(tag: 0x010F, type: 2, count: 4, value: TIFFBuilder.inline("Abc")),
            E(tag: 0x0110, type: 2, count: 20, value: 5000),
            E(tag: 0x0131, type: 2, count: 4, value: TIFFBuilder.inline("GIM")),
        ])
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.make == "Abc")
        #expect(m.model == nil)
        #expect(m.software == "GIM")
        #expect(m.warnings.map(\.code) == ["exif-offset-outside"])
        #expect(m.warnings[0].dutch.contains("offset 5000"))
    }

    @Test func aCountOf0xFFFFFFFFIsRefusedWithoutAllocating() {
        let tiff = TIFFBuilder.build([
            E(tag: 0x0110, type: 2, count: 0xFFFF_FFFF, value: 26),
            E(tag: 0x9286, type: 7, count: 0xFFFF_FFFF, value: 26),
            E(tag: 0x010F, type: 2, count: 4, value: TIFFBuilder.inline("Abc")),
        ])
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.model == nil)
        #expect(m.userComment == nil)
        #expect(m.make == "Abc")
        #expect(m.warnings.map(\.code) == ["exif-count-too-large", "exif-count-too-large"])
        #expect(m.warnings[1].english == "The EXIF entry UserComment (JPEG APP1) claims 4294967295 values, more than the block can hold; skipped.")
    }

    @Test func aTruncatedIFDKeepsTheEntriesBeforeTheBreak() {
        // Claims 5 entries, holds 2 (and no next pointer).
        var tiff = TIFFBuilder.build(
            [E(tag: 0x010F, type: 2, count: 4, value: TIFFBuilder.inline("Abc")), E(tag: 0x0112, type: 3, count: 1, value: 6 << 16)], count: 5)
        tiff.removeLast(4)
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.make == "Abc")
        #expect(m.orientation == 6)
        #expect(m.warnings.map(\.code) == ["exif-truncated"])
    }

    @Test func aTruncatedIFD0StillLeadsToItsExifIFD() {
        // IFD0 claims 9 entries and holds 1, the Exif pointer; the Exif IFD sits inside the block
        // where IFD0's missing entries would be, and holds Make "Abc".
        let exifAt = TIFFBuilder.tailOffset(entries: 1) - 4  // no next pointer either
        var tiff = TIFFBuilder.build([E(tag: 0x8769, type: 4, count: 1, value: exifAt)], count: 9)
        tiff.removeLast(4)
        tiff +=
            TIFFBuilder.be16(1) + TIFFBuilder.be16(0x010F) + TIFFBuilder.be16(2) + TIFFBuilder.be32(4) + TIFFBuilder.be32(TIFFBuilder.inline("Abc"))
        tiff += TIFFBuilder.be32(0)
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.make == "Abc")
        #expect(m.warnings.map(\.code) == ["exif-truncated"])
    }

    @Test func anIFDClaiming65535EntriesIsCutToTheLimit() {
        let tiff = TIFFBuilder.build([E(tag: 0x010F, type: 2, count: 4, value: TIFFBuilder.inline("Abc"))], count: 0xFFFF)
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.make == "Abc")
        #expect(m.warnings.map(\.code) == ["exif-too-many-entries", "exif-truncated"])
    }

    @Test func aRepeatedTagIsReadOnce() {
        // A hundred Model entries, each pointing to its own place outside the block: the first is read, the rest skipped.
        let entries = (0..<100).map { i in E(tag: 0x0110, type: 2, count: 20, value: UInt32(5000 + i)) }
        let m = ImageMetadata.read(
            TIFFBuilder.jpeg(TIFFBuilder.build(entries + [E(tag: 0x010F, type: 2, count: 4, value: TIFFBuilder.inline("Abc"))])))
        #expect(m.make == "Abc")
        #expect(m.warnings.map(\.code) == ["exif-offset-outside"])
    }

    @Test func fortyBadTextChunksGiveThirtyTwoWarningsAndASummary() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        for i in 0..<40 {
            let body = Array("Sleutel\(i)\0\0".utf8) + [0xDE, 0xAD, 0xBE, 0xEF]
            png += TIFFBuilder.be32(UInt32(body.count)) + Array("zTXt".utf8) + body + [0, 0, 0, 0]
        }
        let m = ImageMetadata.read(png)
        #expect(m.warnings.count == 33)
        #expect(m.warnings.dropLast().allSatisfy { $0.code == "png-text-unreadable" })
        #expect(m.warnings.last?.english == "And 8 more warnings about the metadata; left out.")
    }

    @Test func aUnicodeUserCommentIsDecodedInTheBlocksByteOrder() {
        let text = Array("UNICODE\0".utf8) + "Schermafbeelding é".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let tiff = TIFFBuilder.build([E(tag: 0x9286, type: 7, count: UInt32(text.count), value: TIFFBuilder.tailOffset(entries: 1))], tail: text)
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.userComment == "Schermafbeelding é")
        #expect(m.findings.map(\.code) == ["metadata-screenshot"])
    }

    @Test func aJPEGSegmentLongerThanTheFileIsReported() {
        var bytes = TIFFBuilder.jpeg(TIFFBuilder.build([E(tag: 0x010F, type: 2, count: 4, value: TIFFBuilder.inline("Abc"))]))
        bytes[4] = 0x7F  // APP1 length now far past the end
        let m = ImageMetadata.read(bytes)
        #expect(m.make == nil)
        #expect(m.warnings.map(\.code) == ["jpeg-segment-truncated"])
    }

    @Test func aTIFFWithoutAHeaderIsNotRead() {
        let m = ImageMetadata.read(TIFFBuilder.jpeg(Array("XX\0*\0\0\0\u{8}".utf8)))
        #expect(m.warnings.map(\.code) == ["exif-header-unreadable"])
    }

    @Test func aCorruptZTXtIsSkippedWithAWarning() throws {
        var png = Array(try Fixture.bytes("gimp-compressed.png"))
        // The zTXt chunk follows IHDR at byte 33; its compressed text starts after "Title\0\0" (41 + 7).
        #expect(png[37..<41].elementsEqual("zTXt".utf8))
        png[48] = 0xFF
        png[49] = 0xFF
        let m = ImageMetadata.read(png)
        #expect(m.warnings.map(\.code) == ["png-text-unreadable"])
        #expect(m.pngText.first == MetadataField("Description", "Gesprek met Noor El Amrani – geëxporteerd"))
    }

    @Test func aHEICBoxLargerThanItsFileStopsTheWalk() throws {
        var heic = try Fixture.bytes("iphone-photo.heic")
        // The first box after ftyp is meta; make it claim 1 GB.
        let ftyp = Int(heic[3])
        #expect(heic[(ftyp + 4)..<(ftyp + 8)].elementsEqual("meta".utf8))
        heic[ftyp] = 0x40
        let m = ImageMetadata.read(heic)
        #expect(m.model == nil)
        #expect(m.warnings.map(\.code) == ["heif-box-truncated"])
    }

    @Test func anXMPHistoryOfManyEventsIsBounded() {
        let li = "<rdf:li stEvt:action=\"edited\" stEvt:softwareAgent=\"Canva\"/>"
        let xmp = "<x:xmpmeta><xmpMM:History><rdf:Seq>" + String(repeating: li, count: 1000) + "</rdf:Seq></xmpMM:History></x:xmpmeta>"
        let body = Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(xmp.utf8)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1] + TIFFBuilder.be16(UInt16(body.count + 2)) + body + [0xFF, 0xD9]
        let m = ImageMetadata.read(jpeg)
        #expect(m.xmp?.history.count == 256)
        #expect(m.findings.map(\.code) == ["metadata-edited-software", "metadata-edited-history"])
        #expect(m.findings[0].dutch.hasPrefix("De metadata wijzen op bewerking met Canva"))
    }
}
