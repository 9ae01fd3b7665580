/// Reads the TIFF structure of an EXIF block (byte order, IFD0, the Exif sub-IFD, the GPS
/// pointer, the chain of next IFDs) into `ImageMetadata`. Every offset and count is checked
/// against the block; an IFD met twice is a loop and is not walked again; at most `maxIFDs`
/// directories of at most `maxEntries` entries are read. A corrupt block gives warnings and
/// whatever was readable.
struct EXIFReader {
    static let maxIFDs = 8
    static let maxEntries = 1024
    /// Longest text value kept (bytes); longer ones are cut with a warning.
    static let maxText = 4096

    private var view: ByteView
    private var visited: Set<Int> = []
    private var ifdsRead = 0
    /// Tags already read: a repeated tag is read once (no amplification by repetition).
    private var seenTags: Set<Int> = []
    private let source: String

    /// Reads `tiff` (starting at its "II*\0" / "MM\0*" header) found in `source` ("JPEG APP1", "PNG eXIf").
    static func read(_ tiff: ArraySlice<UInt8>, source: String, into meta: inout ImageMetadata) {
        var reader = EXIFReader(view: ByteView(Array(tiff)), source: source)
        reader.readHeader(into: &meta)
    }

    private init(view: ByteView, source: String) {
        self.view = view
        self.source = source
    }

    private mutating func readHeader(into meta: inout ImageMetadata) {
        if view.starts(with: [0x49, 0x49, 0x2A, 0x00]) {
            view.littleEndian = true
        } else if view.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            view.littleEndian = false
        } else {
            meta.warnings.append(
                MetadataNote(
                    "exif-header-unreadable", nl: "Het EXIF-blok (\(source)) begint niet met een TIFF-kop; het is niet gelezen.",
                    en: "The EXIF block (\(source)) does not start with a TIFF header; it was not read."))
            return
        }
        guard let first = view.u32(4) else {
            meta.warnings.append(truncated())
            return
        }
        var next: Int? = first
        var index = 0
        // IFD0, then IFD1 (the thumbnail) and any further ones: walked for their structure only.
        while let offset = next, offset != 0 {
            next = readIFD(at: offset, kind: index == 0 ? .main : .other, into: &meta)
            index += 1
        }
    }

    private enum Kind { case main, exif, gps, other }

    /// Reads one IFD; returns the offset of the next IFD in the chain (nil when there is none or it cannot be read).
    private mutating func readIFD(at offset: Int, kind: Kind, into meta: inout ImageMetadata) -> Int? {
        guard !visited.contains(offset) else {
            meta.warnings.append(
                MetadataNote(
                    "exif-ifd-loop", nl: "Het EXIF-blok (\(source)) verwijst in een kring naar zichzelf (offset \(offset)); daar is gestopt.",
                    en: "The EXIF block (\(source)) refers to itself in a loop (offset \(offset)); reading stopped there."))
            return nil
        }
        guard ifdsRead < Self.maxIFDs else {
            meta.warnings.append(
                MetadataNote(
                    "exif-too-many-ifds", nl: "Het EXIF-blok (\(source)) heeft meer dan \(Self.maxIFDs) mappen; de rest is overgeslagen.",
                    en: "The EXIF block (\(source)) has more than \(Self.maxIFDs) directories; the rest was skipped."))
            return nil
        }
        visited.insert(offset)
        ifdsRead += 1
        guard let count = view.u16(offset) else {
            meta.warnings.append(outside(offset))
            return nil
        }
        var entries = count
        if entries > Self.maxEntries {
            meta.warnings.append(
                MetadataNote(
                    "exif-too-many-entries", nl: "Een EXIF-map (\(source)) noemt \(count) velden; alleen de eerste \(Self.maxEntries) zijn gelezen.",
                    en: "An EXIF directory (\(source)) claims \(count) entries; only the first \(Self.maxEntries) were read."))
            entries = Self.maxEntries
        }
        var subIFDs: [(Int, Kind)] = []
        var complete = true
        for i in 0..<entries {
            let at = offset + 2 + i * 12
            guard let tag = view.u16(at), let type = view.u16(at + 2), let n = view.u32(at + 4) else {
                // Cut off: the entries before the break, and the sub-IFDs they point to, still count.
                meta.warnings.append(truncated())
                complete = false
                break
            }
            if kind == .main && (tag == 0x8769 || tag == 0x8825) {
                // The Exif and GPS pointers: the first of each counts.
                guard seenTags.insert(tag).inserted else { continue }
                if tag == 0x8825 {
                    meta.hasGPS = true
                    meta.fields.append(MetadataField("EXIF GPSInfo", "aanwezig / present"))
                }
                if let sub = integer(type: type, count: n, entry: at) { subIFDs.append((sub, tag == 0x8769 ? .exif : .gps)) }
            } else if kind == .main || kind == .exif {
                readTag(tag, type: type, count: n, entry: at, into: &meta)
            }
        }
        let next = complete ? view.u32(offset + 2 + entries * 12) : nil
        for (sub, subKind) in subIFDs {
            // A sub-IFD's own next pointer is not part of the chain; its entries are.
            _ = readIFD(at: sub, kind: subKind, into: &meta)
        }
        if kind == .main || kind == .other { return next }
        return nil
    }

    /// The bytes of an entry's value: inline in the entry's last 4 bytes when they fit, else at
    /// the offset written there. Nil (with a warning) when the size overflows or points outside.
    private func valueBytes(tag: Int, type: Int, count: Int, entry: Int, into meta: inout ImageMetadata) -> ArraySlice<UInt8>? {
        let size: Int
        switch type {
        case 1, 2, 6, 7: size = 1
        case 3, 8: size = 2
        case 4, 9, 11, 13: size = 4
        case 5, 10, 12: size = 8
        default: return nil
        }
        let (total, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, total <= view.count else {
            meta.warnings.append(
                MetadataNote(
                    "exif-count-too-large",
                    nl: "Het EXIF-veld \(Self.name(tag)) (\(source)) noemt \(count) waarden, meer dan het blok kan bevatten; overgeslagen.",
                    en: "The EXIF entry \(Self.name(tag)) (\(source)) claims \(count) values, more than the block can hold; skipped."))
            return nil
        }
        if total <= 4 { return view.slice(entry + 8, total) }
        guard let at = view.u32(entry + 8), let s = view.slice(at, total) else {
            meta.warnings.append(outside(view.u32(entry + 8) ?? entry))
            return nil
        }
        return s
    }

    /// A SHORT or LONG value with count 1 (an IFD pointer, an orientation, a dimension).
    private func integer(type: Int, count: Int, entry: Int) -> Int? {
        guard count == 1 else { return nil }
        switch type {
        case 3, 8: return view.u16(entry + 8)
        case 4, 9, 13: return view.u32(entry + 8)
        default: return nil
        }
    }

    private mutating func readTag(_ tag: Int, type: Int, count: Int, entry: Int, into meta: inout ImageMetadata) {
        guard [0x0112, 0xA002, 0xA003, 0x9286].contains(tag) || Self.textTags[tag] != nil, seenTags.insert(tag).inserted else { return }
        switch tag {
        case 0x0112:
            if let v = integer(type: type, count: count, entry: entry) {
                meta.orientation = v
                meta.fields.append(MetadataField("EXIF Orientation", String(v)))
            }
        case 0xA002, 0xA003:
            if let v = integer(type: type, count: count, entry: entry) {
                if tag == 0xA002 { meta.pixelWidth = v } else { meta.pixelHeight = v }
                meta.fields.append(MetadataField(tag == 0xA002 ? "EXIF PixelXDimension" : "EXIF PixelYDimension", String(v)))
            }
        case 0x9286:
            guard let raw = valueBytes(tag: tag, type: type, count: count, entry: entry, into: &meta) else { return }
            let text = UserComment.decode(raw.prefix(Self.maxText), littleEndian: view.littleEndian)
            if !text.isEmpty {
                meta.userComment = text
                meta.fields.append(MetadataField("EXIF UserComment", text))
            }
        default:
            guard let name = Self.textTags[tag], type == 2 || type == 7 || type == 1 else { return }
            guard let raw = valueBytes(tag: tag, type: type, count: count, entry: entry, into: &meta) else { return }
            if raw.count > Self.maxText {
                meta.warnings.append(
                    MetadataNote(
                        "exif-text-cut", nl: "Het EXIF-veld \(name) (\(source)) is langer dan \(Self.maxText) bytes; ingekort.",
                        en: "The EXIF field \(name) (\(source)) is longer than \(Self.maxText) bytes; cut."))
            }
            let text = Self.text(raw.prefix(Self.maxText))
            guard !text.isEmpty else { return }
            meta.fields.append(MetadataField("EXIF \(name)", text))
            switch tag {
            case 0x010E: meta.imageDescription = text
            case 0x010F: meta.make = text
            case 0x0110: meta.model = text
            case 0x0131: meta.software = text
            case 0x0132: meta.modifyDate = text
            case 0x9003: meta.dateTimeOriginal = text
            case 0x9004: meta.dateTimeDigitized = text
            case 0x9010: meta.offsetTime = text
            case 0x9011: meta.offsetTimeOriginal = text
            case 0x9012: meta.offsetTimeDigitized = text
            default: break
            }
        }
    }

    /// A tag's name where it is read, else its number ("0x8298").
    static func name(_ tag: Int) -> String {
        if tag == 0x9286 { return "UserComment" }
        return textTags[tag] ?? "0x" + String(tag, radix: 16, uppercase: true)
    }

    /// The ASCII tags read, by number.
    static let textTags: [Int: String] = [
        0x010E: "ImageDescription", 0x010F: "Make", 0x0110: "Model", 0x0131: "Software", 0x0132: "DateTime",
        0x9003: "DateTimeOriginal", 0x9004: "DateTimeDigitized", 0x9010: "OffsetTime", 0x9011: "OffsetTimeOriginal",
        0x9012: "OffsetTimeDigitized",
    ]

    /// Text of an ASCII value: up to the first NUL, UTF-8 (lossy), trimmed.
    static func text(_ raw: ArraySlice<UInt8>) -> String {
        let upToNul = raw.prefix { $0 != 0 }
        return String(decoding: upToNul, as: UTF8.self).trimmingSpaces()
    }

    private func truncated() -> MetadataNote {
        MetadataNote(
            "exif-truncated", nl: "Het EXIF-blok (\(source)) is afgebroken; gelezen is wat ervoor stond.",
            en: "The EXIF block (\(source)) is truncated; what came before the break was read.")
    }

    private func outside(_ offset: Int) -> MetadataNote {
        MetadataNote(
            "exif-offset-outside", nl: "Het EXIF-blok (\(source)) verwijst naar offset \(offset), buiten het blok; dat deel is overgeslagen.",
            en: "The EXIF block (\(source)) points to offset \(offset), outside the block; that part was skipped.")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, newlines and NULs.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\0" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
