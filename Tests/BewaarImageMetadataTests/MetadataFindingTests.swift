import BewaarImageMetadata
import Testing

/// What the metadata suggest, from blocks written by hand: dates compared in UTC when both offsets
/// are known, XMP in attribute and element form with entities, a HEIC item stored in `idat`.
@Suite struct MetadataFindingTests {
    typealias E = TIFFBuilder.Entry

    /// A TIFF with IFD0 DateTime (+ OffsetTime) and an Exif IFD with DateTimeOriginal (+ OffsetTimeOriginal).
    static func dated(modify: String, original: String, offsets: (String, String)?) -> [UInt8] {
        // IFD0: DateTime, Exif pointer. Exif IFD after IFD0's tail: DateTimeOriginal and the offsets.
        let ifd0Entries = 2
        let exifAt = TIFFBuilder.tailOffset(entries: ifd0Entries)
        let exifEntries = offsets == nil ? 1 : 3
        let dataAt = exifAt + UInt32(2 + 12 * exifEntries + 4)
        let strings = Array((modify + "\0").utf8) + Array((original + "\0").utf8)
        var exif: [E] = [E(tag: 0x9003, type: 2, count: 20, value: dataAt + 20)]
        if offsets != nil {
            exif.append(E(tag: 0x9010, type: 2, count: 7, value: dataAt + 40))
            exif.append(E(tag: 0x9011, type: 2, count: 7, value: dataAt + 47))
        }
        var exifBytes = TIFFBuilder.be16(UInt16(exif.count))
        for e in exif { exifBytes += TIFFBuilder.be16(e.tag) + TIFFBuilder.be16(e.type) + TIFFBuilder.be32(e.count) + TIFFBuilder.be32(e.value) }
        exifBytes += TIFFBuilder.be32(0)
        let offsetBytes = offsets.map { Array(($0.0 + "\0").utf8) + Array(($0.1 + "\0").utf8) } ?? []
        return TIFFBuilder.build(
            [E(tag: 0x0132, type: 2, count: 20, value: dataAt), E(tag: 0x8769, type: 4, count: 1, value: exifAt)],
            tail: exifBytes + strings + offsetBytes)
    }

    @Test func aModifyDateHoursAfterTheOriginalIsAFinding() {
        let m = ImageMetadata.read(TIFFBuilder.jpeg(Self.dated(modify: "2026:03:13 08:00:00", original: "2026:03:12 20:14:55", offsets: nil)))
        #expect(m.modifyDate == "2026:03:13 08:00:00")
        #expect(m.dateTimeOriginal == "2026:03:12 20:14:55")
        #expect(m.warnings.isEmpty)
        #expect(m.findings.map(\.code) == ["metadata-modified-after-created"])
        #expect(m.findings[0].english.hasPrefix("The modify date (2026:03:13 08:00:00) is after the creation date (2026:03:12 20:14:55)"))
    }

    @Test func theSameInstantInTwoZonesIsNotAModification() {
        // 20:14:55 at +02:00 is 19:14:55 at +01:00: no date finding, but the zones differ.
        let m = ImageMetadata.read(
            TIFFBuilder.jpeg(Self.dated(modify: "2026:03:12 20:14:55", original: "2026:03:12 19:14:55", offsets: ("+02:00", "+01:00"))))
        #expect(m.offsetTime == "+02:00")
        #expect(m.offsetTimeOriginal == "+01:00")
        #expect(m.findings.map(\.code) == ["metadata-offset-mismatch"])
    }

    @Test func xmpAttributesWithEntitiesAndElementsAreRead() {
        let xmp = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description xmp:CreatorTool='Pixelmator Pro 3.5 &amp; co'
              xmp:ModifyDate = "2026-03-12T21:00:00+01:00"><xmp:CreateDate>2026-03-12T20:14:55+01:00</xmp:CreateDate>
              <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Schermafbeelding &#233;&#x00EB;n</rdf:li></rdf:Alt></dc:description>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            """
        let body = Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(xmp.utf8)
        let m = ImageMetadata.read([0xFF, 0xD8, 0xFF, 0xE1] + TIFFBuilder.be16(UInt16(body.count + 2)) + body + [0xFF, 0xD9])
        #expect(m.xmp?.creatorTool == "Pixelmator Pro 3.5 & co")
        #expect(m.xmp?.modifyDate == "2026-03-12T21:00:00+01:00")
        #expect(m.xmp?.createDate == "2026-03-12T20:14:55+01:00")
        #expect(m.xmp?.userComment == "Schermafbeelding éën")
        #expect(m.findings.map(\.code) == ["metadata-edited-software", "metadata-modified-after-created", "metadata-screenshot"])
        #expect(m.findings[0].dutch.hasPrefix("De metadata wijzen op bewerking met Pixelmator"))
    }

    @Test func aWordThatOnlyStartsWithAnAppNameIsNoFinding() {
        let tiff = TIFFBuilder.build([E(tag: 0x0131, type: 2, count: 7, value: TIFFBuilder.tailOffset(entries: 1))], tail: Array("Canvas\0".utf8))
        let m = ImageMetadata.read(TIFFBuilder.jpeg(tiff))
        #expect(m.software == "Canvas")
        #expect(m.findings.isEmpty)
    }

    @Test func aHEICExifItemStoredInIdatIsRead() {
        // ftyp, then meta { hdlr, iinf { infe v2: item 1 'Exif' }, iloc v1 { item 1, method 1, one extent }, idat }.
        func box(_ type: String, _ payload: [UInt8]) -> [UInt8] { TIFFBuilder.be32(UInt32(8 + payload.count)) + Array(type.utf8) + payload }
        let tiff = TIFFBuilder.build([E(tag: 0x0110, type: 2, count: 4, value: TIFFBuilder.inline("X12"))])
        let item = TIFFBuilder.be32(6) + Array("Exif\0\0".utf8) + tiff
        let infe = box("infe", [2, 0, 0, 0] + TIFFBuilder.be16(1) + TIFFBuilder.be16(0) + Array("Exif".utf8) + [0])
        let iinf = box("iinf", [0, 0, 0, 0] + TIFFBuilder.be16(1) + infe)
        // version 1; offset_size 4, length_size 4, base_offset_size 0, index_size 0.
        let iloc = box(
            "iloc",
            [1, 0, 0, 0, 0x44, 0x00] + TIFFBuilder.be16(1) + TIFFBuilder.be16(1) + TIFFBuilder.be16(1) + TIFFBuilder.be16(0)
                + TIFFBuilder.be16(1) + TIFFBuilder.be32(0) + TIFFBuilder.be32(UInt32(item.count)))
        let meta = box("meta", [0, 0, 0, 0] + box("hdlr", [UInt8](repeating: 0, count: 24)) + iinf + iloc + box("idat", item))
        let file = box("ftyp", Array("heic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)) + meta
        let m = ImageMetadata.read(file)
        #expect(m.container == "heic")
        #expect(m.model == "X12")
        #expect(m.warnings.isEmpty)
    }
}
