import Foundation
import BewaarModel

/// A marked record in the report with the records around it: who, when, the text, where it sits
/// in its original (bytes, or pixels for a screenshot, with how sure the reading was), and for a
/// message read from a screenshot its bubble cut out of the picture.
extension PacketDocument {
    static func excerpt(_ m: MarkedEntry, _ z: TimeZone) -> EvidenceExcerpt {
        let reason = m.entry.mark.map { "Gemarkeerd als \($0.reason.dutch)" } ?? "Gemarkeerd"
        let lines = m.context.map { e in
            let attachments = e.message.attachments.isEmpty ? "" : " [bijlage: " + e.message.attachments.map(\.name).joined(separator: ", ") + "]"
            return ExcerptLine(
                time: time(e.message, z), author: author(e.message), text: e.message.text + attachments + ocrNote(e.message),
                origin: origin(e.message.origin), isMarked: e.id == m.entry.id)
        }
        var excerpt = EvidenceExcerpt(
            reason: reason, note: m.entry.mark?.note, source: "\(m.entry.itemName) (bewijsstuk \(m.entry.itemID))",
            sha256: m.entry.itemSHA256.hex, lines: lines)
        if let crop = m.crop {
            excerpt.crop = crop
            excerpt.cropCaption = cropCaption(m.entry)
        }
        return excerpt
    }

    /// When a record was sent; for one read from an image without a known day, the time it shows.
    static func time(_ m: Message, _ z: TimeZone) -> String {
        if m.timestamp == nil, let shown = shot(m, "time")?.stringValue { return "(getoond \(shown), dag onbekend)" }
        return DutchTime.message(m.timestamp, z)
    }
}
