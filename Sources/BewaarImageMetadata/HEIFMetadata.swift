/// The metadata items of a HEIC/HEIF file (ISO BMFF): the `meta` box's `iinf` names each item's
/// type, `iloc` says where its bytes are; the item of type `Exif` starts with a 4-byte offset to
/// the TIFF header, a `mime` item of type application/rdf+xml is XMP. Boxes are walked by their
/// sizes, each checked against its parent, at most `maxBoxes` in all.
enum HEIFMetadata {
    static let maxBoxes = 4096
    static let maxItems = 4096
    /// Largest item read (bytes).
    static let maxItemSize = 4 << 20

    /// A box: its type and the range of its payload (after the header).
    struct Box {
        var type: String
        var start: Int
        var end: Int
    }

    struct Item {
        var type: String
        var contentType: String?
    }

    /// True when the bytes start with an `ftyp` box of a HEIF brand.
    static func recognise(_ view: ByteView) -> Bool {
        guard view.fourCC(4) == "ftyp", let major = view.fourCC(8) else { return false }
        return ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif"].contains(major)
    }

    static func read(_ view: ByteView, into meta: inout ImageMetadata) {
        var budget = maxBoxes
        let top = boxes(view, from: 0, to: view.count, budget: &budget, meta: &meta)
        guard let metaBox = top.first(where: { $0.type == "meta" }) else { return }
        // `meta` is a full box: 4 bytes of version and flags before its children.
        let children = boxes(view, from: metaBox.start + 4, to: metaBox.end, budget: &budget, meta: &meta)
        var items: [Int: Item] = [:]
        if let iinf = children.first(where: { $0.type == "iinf" }) {
            items = readItemInfo(view, iinf, budget: &budget, meta: &meta)
        }
        guard let iloc = children.first(where: { $0.type == "iloc" }) else { return }
        let idat = children.first(where: { $0.type == "idat" })
        let locations = readItemLocations(view, iloc, meta: &meta)
        var done: Set<String> = []  // only the first Exif item and the first XMP item are read
        for (id, item) in items.sorted(by: { $0.key < $1.key }) {
            let isXMP = item.type == "mime" && (item.contentType ?? "").contains("rdf+xml")
            guard item.type == "Exif" || isXMP, done.insert(isXMP ? "xmp" : "exif").inserted else { continue }
            guard let extents = locations[id], let data = itemBytes(view, extents, idat: idat) else {
                meta.warnings.append(
                    MetadataNote(
                        "heif-item-unreadable", nl: "Het HEIC-metadata-item \(id) (\(item.type)) ligt niet binnen het bestand; overgeslagen.",
                        en: "The HEIC metadata item \(id) (\(item.type)) does not lie inside the file; skipped."))
                continue
            }
            if isXMP {
                XMPReader.read(String(decoding: data, as: UTF8.self), source: "HEIC", into: &meta)
                continue
            }
            let item = ByteView(data)
            guard let skip = item.u32(0), item.contains(4, skip) else {
                meta.warnings.append(
                    MetadataNote(
                        "exif-truncated", nl: "Het EXIF-item van de HEIC is afgebroken; niet gelezen.",
                        en: "The HEIC's EXIF item is truncated; not read."))
                continue
            }
            var tiff = data[(4 + skip)...]
            if tiff.starts(with: JPEGMetadata.exifHeader) { tiff = tiff.dropFirst(6) }
            EXIFReader.read(tiff, source: "HEIC Exif", into: &meta)
        }
    }

    /// The boxes between `from` and `to`, in order; stops (with a warning) at a box that does not fit.
    static func boxes(_ view: ByteView, from: Int, to: Int, budget: inout Int, meta: inout ImageMetadata) -> [Box] {
        var result: [Box] = []
        var at = from
        while at + 8 <= to {
            guard budget > 0 else {
                meta.warnings.append(
                    MetadataNote(
                        "heif-too-many-boxes", nl: "De HEIC heeft meer dan \(maxBoxes) blokken; de rest is overgeslagen.",
                        en: "The HEIC has more than \(maxBoxes) boxes; the rest were skipped."))
                return result
            }
            budget -= 1
            guard let size32 = view.u32(at), let type = view.fourCC(at + 4) else { break }
            var header = 8
            var size = size32
            if size32 == 1 {
                guard let large = view.uint(at + 8, size: 8) else { break }
                size = large
                header = 16
            } else if size32 == 0 {
                size = to - at
            }
            guard size >= header, size <= to - at else {
                meta.warnings.append(
                    MetadataNote(
                        "heif-box-truncated",
                        nl: "Het HEIC-blok \(PNGMetadata.printable(type)) op byte \(at) past niet in het bestand; daar is gestopt.",
                        en: "The HEIC box \(PNGMetadata.printable(type)) at byte \(at) does not fit in the file; reading stopped there."))
                break
            }
            result.append(Box(type: type, start: at + header, end: at + size))
            at += size
        }
        return result
    }

    /// `iinf`: item ids with their types (`infe` version 2 and 3), and a `mime` item's content type.
    static func readItemInfo(_ view: ByteView, _ iinf: Box, budget: inout Int, meta: inout ImageMetadata) -> [Int: Item] {
        guard let version = view.u8(iinf.start) else { return [:] }
        let countSize = version == 0 ? 2 : 4
        let entries = boxes(view, from: iinf.start + 4 + countSize, to: iinf.end, budget: &budget, meta: &meta)
        var items: [Int: Item] = [:]
        for infe in entries.prefix(maxItems) where infe.type == "infe" {
            guard let v = view.u8(infe.start), v >= 2 else { continue }
            let idSize = v == 2 ? 2 : 4
            let at = infe.start + 4
            guard let id = view.uint(at, size: idSize), at + idSize + 6 <= infe.end,
                let type = view.fourCC(at + idSize + 2)
            else { continue }
            var item = Item(type: type)
            if type == "mime" {
                // item_name\0 content_type\0
                let names = view.bytes[(at + idSize + 6)..<infe.end]
                if let nameEnd = names.firstIndex(of: 0) {
                    let content = names[(nameEnd + 1)...].prefix { $0 != 0 }
                    item.contentType = String(decoding: content, as: UTF8.self)
                }
            }
            items[id] = item
        }
        return items
    }

    /// An item's extents: where its bytes lie (file offsets, or offsets in `idat` for construction method 1).
    struct Extents {
        var method: Int
        var ranges: [(offset: Int, length: Int)]
    }

    /// `iloc` versions 0, 1 and 2.
    static func readItemLocations(_ view: ByteView, _ iloc: Box, meta: inout ImageMetadata) -> [Int: Extents] {
        guard let version = view.u8(iloc.start), version <= 2, let sizes = view.u16(iloc.start + 4) else { return [:] }
        let offsetSize = sizes >> 12, lengthSize = (sizes >> 8) & 0xF, baseSize = (sizes >> 4) & 0xF
        let indexSize = version == 0 ? 0 : sizes & 0xF
        guard [0, 4, 8].contains(offsetSize), [0, 4, 8].contains(lengthSize), [0, 4, 8].contains(baseSize), [0, 4, 8].contains(indexSize) else {
            return [:]
        }
        var at = iloc.start + 6
        let idSize = version < 2 ? 2 : 4
        guard let count = view.uint(at, size: idSize) else { return [:] }
        at += idSize
        var result: [Int: Extents] = [:]
        var extentsLeft = maxItems  // over all items: zero-size fields would not advance `at`
        for _ in 0..<min(count, maxItems) {
            guard at < iloc.end, let id = view.uint(at, size: idSize) else { break }
            at += idSize
            var method = 0
            if version >= 1 {
                guard let m = view.u16(at) else { break }
                method = m & 0xF
                at += 2
            }
            at += 2  // data_reference_index
            guard let base = view.uint(at, size: baseSize) else { break }
            at += baseSize
            guard let extentCount = view.u16(at) else { break }
            at += 2
            var ranges: [(offset: Int, length: Int)] = []
            for _ in 0..<extentCount {
                guard extentsLeft > 0 else { return result }
                extentsLeft -= 1
                at += indexSize
                guard let offset = view.uint(at, size: offsetSize), let length = view.uint(at + offsetSize, size: lengthSize),
                    at + offsetSize + lengthSize <= iloc.end
                else { return result }
                at += offsetSize + lengthSize
                let (start, overflow) = base.addingReportingOverflow(offset)
                if !overflow { ranges.append((start, length)) }
            }
            result[id] = Extents(method: method, ranges: ranges)
        }
        return result
    }

    /// The bytes of an item, its extents concatenated; nil when one lies outside or it is too big.
    /// A length of 0 means "to the end" (of the file or of `idat`).
    static func itemBytes(_ view: ByteView, _ extents: Extents, idat: Box?) -> [UInt8]? {
        let area: (start: Int, end: Int)
        switch extents.method {
        case 0: area = (0, view.count)
        case 1:
            guard let idat else { return nil }
            area = (idat.start, idat.end)
        default: return nil
        }
        var out: [UInt8] = []
        for r in extents.ranges {
            guard r.offset >= 0, r.offset <= area.end - area.start else { return nil }
            let start = area.start + r.offset
            let length = r.length == 0 ? area.end - start : r.length
            guard length <= maxItemSize - out.count, start + length <= area.end, let s = view.slice(start, length) else { return nil }
            out += s
        }
        return out
    }
}
