import Foundation
import BewaarModel
import BewaarJSON
import BewaarImageMetadata
import BewaarScreenshot

/// Turns what a screenshot shows into records, as the WhatsApp importer does for a text
/// export: one record per bubble (or, for an image that is not a chat, per line of text), each
/// pointing at its pixels with `origin.box` and at the whole file with its byte range.
///
/// Everything read from pixels is marked: the flag `ocr`, the reading's confidence, and for each
/// fact that was not printed in the bubble itself (its author, its day) where it came from.
struct ScreenshotRecords {
    var shot: ChatScreenshot
    /// When the image was made, by its metadata.
    var capture: CaptureTime?
    /// The person the image was collected from: the author assumed for outgoing bubbles.
    var owner: String?
    var zone: TimeZone
    var fileSize: Int64

    /// Below this confidence a record is flagged `low-confidence`.
    static let lowConfidence = 60.0
    /// The author of an outgoing bubble when nobody was named as the phone's owner.
    static let unnamedOwner = "eigenaar van de telefoon"

    var messages: [Message] {
        shot.isChat ? chatMessages : lineMessages
    }

    private var chatMessages: [Message] {
        let isGroup = shot.bubbles.contains { $0.side == .incoming && $0.author != nil }
        let imageDate = capture.map { (year: $0.year, month: $0.month, day: $0.day) }
        var lastIncomingAuthor: String?
        var out: [Message] = []
        for bubble in shot.bubbles {
            // The separator in effect for this bubble (the nearest one above it, carried down by the reader).
            let day = bubble.day.flatMap { DaySeparator.resolve($0, imageDate: imageDate) }
            var fields: [String: JSONValue] = [
                "side": .string(bubble.side.rawValue), "confidence": .int(Int64(bubble.confidence.rounded())),
            ]
            if let time = bubble.time { fields["time"] = .string(time) }
            if let separator = bubble.daySeparator { fields["daySeparator"] = .string(separator) }
            let author: String?
            switch bubble.side {
            case .outgoing:
                author = owner ?? Self.unnamedOwner
                fields["authorBasis"] = .string("assumed-owner")
                lastIncomingAuthor = nil
            case .system:
                author = nil
            case .incoming:
                if let label = bubble.author {
                    author = label
                    fields["authorBasis"] = .string("label")
                } else if isGroup, let previous = lastIncomingAuthor {
                    author = previous
                    fields["authorBasis"] = .string("label-above")
                } else if !isGroup, let header = shot.header {
                    author = header
                    fields["authorBasis"] = .string("header")
                } else {
                    author = nil
                }
                lastIncomingAuthor = author
            }
            var timestamp: Timestamp?
            if let day, let shown = bubble.time.flatMap(ShownTime.init) {
                timestamp = Self.timestamp(day: day, time: shown, zone: zone)
                fields["timestampBasis"] = .string(Self.basis(day.basis))
            }
            out.append(
                Message(
                    timestamp: timestamp, author: author, text: bubble.text, kind: Self.kind(of: bubble),
                    origin: Origin(line: nil, offset: 0, length: fileSize, box: bubble.box), flags: flags(bubble.confidence),
                    extra: ["screenshot": .object(fields)]))
        }
        return out
    }

    /// An image that is not a chat: its lines of text, without the noise of a photo (a line
    /// read with low confidence or with fewer than three letters or digits is left out).
    private var lineMessages: [Message] {
        shot.lines.compactMap { line in
            guard line.confidence >= 50, line.text.count(where: { $0.isLetter || $0.isNumber }) >= 3 else { return nil }
            return Message(
                timestamp: nil, author: nil, text: line.text, kind: .text,
                origin: Origin(line: nil, offset: 0, length: fileSize, box: line.box), flags: flags(line.confidence),
                extra: ["screenshot": .object(["confidence": .int(Int64(line.confidence.rounded()))])])
        }
    }

    private func flags(_ confidence: Double) -> [String] {
        confidence < Self.lowConfidence ? ["ocr", "low-confidence"] : ["ocr"]
    }

    static func kind(of bubble: ChatBubble) -> MessageKind {
        switch bubble.kind {
        case .message: .message
        case .deleted: .deleted
        case .media: .media
        case .system: .system
        }
    }

    /// How a record's day was found, as its `timestampBasis`: `separator` (the separator names
    /// the whole date), `separator+image-date` (a relative word or weekday counted from the
    /// image's date), `separator+image-year` (a day and month, the year from the image's date).
    static func basis(_ b: DaySeparator.Basis) -> String {
        switch b {
        case .separator: "separator"
        case .separatorAndImageDate: "separator+image-date"
        case .yearFromImageDate: "separator+image-year"
        }
    }

    /// The moment of a shown time on a resolved day, in `zone` (the zone the chat was read in).
    static func timestamp(day: DaySeparator.Day, time: ShownTime, zone: TimeZone) -> Timestamp {
        let local = Double(Timestamp.days(fromCivil: day.year, day.month, day.day) * 86_400 + time.hour * 3600 + time.minute * 60)
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - Double(guess)))
        return Timestamp(date: Date(timeIntervalSince1970: local - Double(offset)), utcOffsetSeconds: offset)
    }
}
