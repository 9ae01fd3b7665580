/// The metadata chunks of a PNG: eXIf (EXIF), tEXt, zTXt and iTXt (text; XMP in
/// iTXt "XML:com.adobe.xmp"). Chunks are walked by their lengths, each checked against the file.
enum PNGMetadata {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Most text chunks kept; a file with more gets a warning.
    static let maxTextChunks = 64
    /// Largest inflated text (and XMP packet) read.
    static let maxInflated = 1 << 20

    static func read(_ view: ByteView, into meta: inout ImageMetadata) {
        var at = 8
        var textChunks = 0
        var sawExif = false  // only the first eXIf counts
        while view.contains(at, 8) {
            guard let length = view.u32(at), let type = view.fourCC(at + 4) else { break }
            guard let data = view.slice(at + 8, length) else {
                meta.warnings.append(
                    MetadataNote(
                        "png-chunk-truncated", nl: "Het PNG-blok \(printable(type)) loopt voorbij het einde van het bestand; daar is gestopt.",
                        en: "The PNG chunk \(printable(type)) runs past the end of the file; reading stopped there."))
                return
            }
            switch type {
            case "eXIf" where !sawExif:
                sawExif = true
                EXIFReader.read(data, source: "PNG eXIf", into: &meta)
            case "tEXt", "zTXt", "iTXt":
                textChunks += 1
                if textChunks > maxTextChunks {
                    if textChunks == maxTextChunks + 1 {
                        meta.warnings.append(
                            MetadataNote(
                                "png-too-many-text", nl: "De PNG heeft meer dan \(maxTextChunks) tekstblokken; de rest is overgeslagen.",
                                en: "The PNG has more than \(maxTextChunks) text chunks; the rest were skipped."))
                    }
                } else {
                    readText(type: type, data, into: &meta)
                }
            case "IEND":
                return
            default:
                break
            }
            at = at + 12 + length
        }
    }

    private static func readText(type: String, _ data: ArraySlice<UInt8>, into meta: inout ImageMetadata) {
        guard let nul = data.firstIndex(of: 0) else {
            meta.warnings.append(unreadable(type))
            return
        }
        let keyword = latin1(data[data.startIndex..<nul])
        let rest = data[(nul + 1)...]
        var text: String
        switch type {
        case "tEXt":
            text = latin1(rest)
        case "zTXt":
            guard rest.first == 0, let inflated = ZlibInflate.inflate(rest.dropFirst(), limit: maxInflated) else {
                meta.warnings.append(unreadable(type, keyword))
                return
            }
            text = latin1(inflated[...])
        default:
            // iTXt: compression flag, method, language tag\0, translated keyword\0, text (UTF-8).
            guard rest.count >= 2 else {
                meta.warnings.append(unreadable(type, keyword))
                return
            }
            let compressed = rest[rest.startIndex] == 1
            let afterFlags = rest.dropFirst(2)
            guard let langEnd = afterFlags.firstIndex(of: 0) else {
                meta.warnings.append(unreadable(type, keyword))
                return
            }
            let afterLang = afterFlags[(langEnd + 1)...]
            guard let transEnd = afterLang.firstIndex(of: 0) else {
                meta.warnings.append(unreadable(type, keyword))
                return
            }
            let body = afterLang[(transEnd + 1)...]
            if compressed {
                guard let inflated = ZlibInflate.inflate(body, limit: maxInflated) else {
                    meta.warnings.append(unreadable(type, keyword))
                    return
                }
                text = String(decoding: inflated, as: UTF8.self)
            } else {
                text = String(decoding: body.prefix(maxInflated), as: UTF8.self)
            }
        }
        if keyword == "XML:com.adobe.xmp" {
            XMPReader.read(text, source: "PNG iTXt", into: &meta)
            return
        }
        if text.utf8.count > EXIFReader.maxText { text = String(text.prefix(EXIFReader.maxText)) }
        meta.pngText.append(MetadataField(keyword, text))
        meta.fields.append(MetadataField("PNG \(keyword)", text))
    }

    private static func unreadable(_ type: String, _ keyword: String? = nil) -> MetadataNote {
        let name = keyword.map { "\(type) \"\($0)\"" } ?? type
        return MetadataNote(
            "png-text-unreadable", nl: "Het PNG-tekstblok \(name) kon niet worden gelezen; overgeslagen.",
            en: "The PNG text chunk \(name) could not be read; skipped.")
    }

    /// ISO 8859-1 text (what tEXt and zTXt hold): each byte is its own code point.
    static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// A chunk type safe to show: letters and digits only.
    static func printable(_ s: String) -> String {
        String(s.unicodeScalars.map { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) ? Character($0) : "?" })
    }
}
