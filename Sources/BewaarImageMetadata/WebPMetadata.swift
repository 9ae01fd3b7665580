/// The metadata chunks of a WebP (RIFF): `EXIF` and `XMP `, walked by their lengths.
enum WebPMetadata {
    static func read(_ view: ByteView, into meta: inout ImageMetadata) {
        var little = view
        little.littleEndian = true
        var at = 12
        var seen: Set<String> = []  // only the first EXIF and the first XMP chunk count
        while little.contains(at, 8) {
            guard let type = little.fourCC(at), let length = little.u32(at + 4) else { break }
            guard let data = little.slice(at + 8, length) else {
                meta.warnings.append(
                    MetadataNote(
                        "webp-chunk-truncated",
                        nl: "Het WebP-blok \(PNGMetadata.printable(type)) loopt voorbij het einde van het bestand; daar is gestopt.",
                        en: "The WebP chunk \(PNGMetadata.printable(type)) runs past the end of the file; reading stopped there."))
                return
            }
            switch type {
            case "EXIF" where seen.insert(type).inserted:
                // Some writers keep JPEG's "Exif\0\0" before the TIFF header.
                let tiff = data.starts(with: JPEGMetadata.exifHeader) ? data.dropFirst(6) : data
                EXIFReader.read(tiff, source: "WebP EXIF", into: &meta)
            case "XMP " where seen.insert(type).inserted:
                XMPReader.read(String(decoding: data, as: UTF8.self), source: "WebP XMP", into: &meta)
            default:
                break
            }
            at += 8 + length + (length & 1)
        }
    }
}
