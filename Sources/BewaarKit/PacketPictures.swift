import Foundation
import BewaarModel
import BewaarStore
import BewaarImage
import BewaarImageFormat
import BewaarReport

/// The pictures the report shows, decoded here so the report module never reads the store or a
/// file: each image of the case shrunk to the report's column with the records read from it,
/// and the bubble of each marked screenshot message cut out. One image is decoded at a time.
extension PacketMaker {
    /// The widest a whole screenshot is kept for the report, in pixels (about 150 dpi in its column).
    static let pictureWidth = 360
    /// The widest a quoted bubble is kept, in pixels.
    static let cropWidth = 600
    /// At most this many records of one image go to the report.
    static let recordsPerImage = 1000

    /// The images among `items` (top-level ones, and contained ones something was read from),
    /// with their records and pictures; and `marked` with the bubble of every message read from
    /// one of them.
    func pictures(_ items: [EvidenceItem], marked: [MarkedEntry]) throws -> ([ScreenshotContent], [MarkedEntry]) {
        var marked = marked
        var shots: [ScreenshotContent] = []
        for item in items where item.format == "image" && (item.parentID == nil || item.messageCount > 0) {
            let records = item.messageCount > 0 ? try store.records(item: item.id, at: .start, limit: Self.recordsPerImage).entries : []
            let boxed = marked.indices.filter { marked[$0].entry.itemID == item.id && marked[$0].entry.message.origin.box != nil }
            let size = try? store.itemExtra(item.id)["image"]
            var shot = ScreenshotContent(
                item: item, width: Int(clamping: size?["width"]?.intValue ?? 0),
                height: Int(clamping: size?["height"]?.intValue ?? 0), picture: nil, records: records)
            do {
                let pixels = try decode(item)
                shot.width = pixels.width
                shot.height = pixels.height
                shot.picture = Self.picture(pixels, region: nil, maxWidth: Self.pictureWidth)
                for i in boxed {
                    marked[i].crop = Self.picture(pixels, region: marked[i].entry.message.origin.box, maxWidth: Self.cropWidth)
                }
            } catch {
                shot.problem = "De afbeelding zelf kan hier niet worden getoond: \(error.dutch) Het origineel zit in de bundel."
            }
            let links = try store.recordLinks(item: item.id)
            shot.compared = try comparisons(links)
            shot.foundInExport = Set(links.filter { $0.kind == .export }.map(\.recordID)).count
            shot.missingFromExport = Set(links.filter { $0.kind == .missing }.map(\.recordID)).count
            shot.lookalikes = try ImageLookalikes.of(item, store: store).map {
                "Lijkt op [\($0.item.id)] \($0.item.name) (perceptuele hash, \($0.distance) van 64 bits anders): dezelfde afbeelding "
                    + "opnieuw opgeslagen, verkleind of bijgesneden? Beide zijn bewaard, niets is samengevoegd."
            }
            shots.append(shot)
        }
        return (shots, marked)
    }

    /// What the check against the case's exports and earlier screenshots found (`links`, of one image) per record, in Dutch.
    func comparisons(_ links: [RecordLink]) throws -> [Int64: String] {
        var out: [Int64: [String]] = [:]
        var names: [Int64: String] = [:]
        func name(_ id: Int64) throws -> String {
            if let n = names[id] { return n }
            let n = try store.item(id).name
            names[id] = n
            return n
        }
        for l in links {
            switch l.kind {
            case .export:
                guard let other = l.otherRecord, let n = try store.recordNumber(other) else { continue }
                out[l.recordID, default: []].append("komt overeen met bericht #\(n.number) in \(try name(l.otherItem))")
            case .missing:
                out[l.recordID, default: []].append(
                    "NIET GEVONDEN in de export \(try name(l.otherItem)), die deze tijd wel beslaat: verwijderd, bewerkt of uit een ander gesprek")
            case .repeated:
                guard let other = l.otherRecord, let n = try store.recordNumber(other) else { continue }
                out[l.recordID, default: []].append("stond al op \(try name(n.item)) (bericht #\(n.number))")
            }
        }
        return out.mapValues { $0.joined(separator: "; ") }
    }

    /// The stored original of `item` as pixels, turned as shown (the orientation the importer
    /// applied; the pixel limit checked from its header first).
    func decode(_ item: EvidenceItem) throws(ImageError) -> PixelImage {
        guard let data = try? store.originalBytes(item.sha256) else { throw ImageError.notAnImage }
        let orientation = (try? store.itemExtra(item.id))?["image"]?["orientation"]?.intValue.map(Int.init)
        return try ImageDecoder().decode([UInt8](data)).oriented(orientation ?? 1)
    }

    /// `region` of the pixels (all of them when nil), shrunk to at most `maxWidth` wide, for cairo.
    static func picture(_ p: PixelImage, region: PixelRect?, maxWidth: Int) -> ReportPicture? {
        ReportPicture.make(
            width: p.width, height: p.height, samplesPerPixel: p.layout.bytesPerPixel, bytesPerRow: p.bytesPerRow,
            bytes: p.bytes, region: region, maxWidth: maxWidth)
    }
}
