/// The metadata segments of a JPEG: APP1 "Exif\0\0" (EXIF) and APP1
/// "http://ns.adobe.com/xap/1.0/\0" (XMP), walked marker by marker up to the scan.
enum JPEGMetadata {
    static let exifHeader = [UInt8](ascii: "Exif\0\0")
    static let xmpHeader = [UInt8](ascii: "http://ns.adobe.com/xap/1.0/\0")

    static func read(_ view: ByteView, into meta: inout ImageMetadata) {
        var at = 2
        var sawExif = false
        var sawXMP = false
        while let ff = view.u8(at) {
            guard ff == 0xFF, let marker = view.u8(at + 1) else {
                meta.warnings.append(
                    MetadataNote(
                        "jpeg-marker-unreadable", nl: "De JPEG heeft op byte \(at) geen geldige markering; daar is gestopt met metadata lezen.",
                        en: "The JPEG has no valid marker at byte \(at); metadata reading stopped there."))
                return
            }
            switch marker {
            case 0xFF:
                at += 1
                continue
            case 0x01, 0xD0...0xD8:
                at += 2
                continue
            case 0xD9, 0xDA:
                return
            default:
                break
            }
            guard let length = view.u16(at + 2), length >= 2, let data = view.slice(at + 4, length - 2) else {
                meta.warnings.append(
                    MetadataNote(
                        "jpeg-segment-truncated", nl: "Een JPEG-segment op byte \(at) loopt voorbij het einde van het bestand; daar is gestopt.",
                        en: "A JPEG segment at byte \(at) runs past the end of the file; reading stopped there."))
                return
            }
            if marker == 0xE1 {
                if data.starts(with: exifHeader) && !sawExif {
                    sawExif = true
                    EXIFReader.read(data.dropFirst(exifHeader.count), source: "JPEG APP1", into: &meta)
                } else if data.starts(with: xmpHeader) && !sawXMP {
                    sawXMP = true
                    XMPReader.read(String(decoding: data.dropFirst(xmpHeader.count), as: UTF8.self), source: "JPEG APP1", into: &meta)
                }
            }
            at += 2 + length
        }
    }
}
