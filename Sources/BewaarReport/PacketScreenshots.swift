import Foundation
import BewaarModel

/// The screenshots in the report: each picture with the messages Bewaar read from it, numbered
/// beside it, and the plain warning that OCR can misread; the words every record read from an
/// image gets (where it sits in pixels, how sure the reading was, an assumed author).
extension PacketDocument {
    /// At most this many records of one image are listed beside it.
    static let screenshotRecordLimit = 200

    /// `@120+42`, or `pixels 20,517 580×115` for a record read from an image.
    static func origin(_ o: Origin) -> String {
        guard let b = o.box else { return "@\(o.offset)+\(o.length)" }
        return "pixels \(b.x),\(b.y) \(b.width)×\(b.height)"
    }

    /// The record's `extra.screenshot` field `key` as text.
    static func shot(_ m: Message, _ key: String) -> JSONValue? { m.extra["screenshot"]?[key] }

    static func isAssumed(_ m: Message) -> Bool { shot(m, "authorBasis")?.stringValue == "assumed-owner" }

    /// The author as the report shows it: "(aangenomen)" after one that was assumed.
    static func author(_ m: Message) -> String {
        (m.author ?? "[\(m.kind.rawValue)]") + (isAssumed(m) ? " (aangenomen)" : "")
    }

    /// " [uit afbeelding, 87 % zeker]" after the text of a record read by OCR; "" otherwise.
    static func ocrNote(_ m: Message) -> String {
        guard m.flags.contains("ocr") else { return "" }
        return " [uit afbeelding" + (shot(m, "confidence")?.intValue.map { ", \($0) % zeker" } ?? "") + "]"
    }

    /// Who, which side, when, how sure: "Daan Bakker · links (ontvangen) · getoond 19:58, dag onbekend · 96 % zeker".
    static func readFacts(_ m: Message, _ z: TimeZone) -> String {
        var parts: [String] = [author(m)]
        switch shot(m, "side")?.stringValue {
        case "incoming": parts.append("links (ontvangen)")
        case "outgoing": parts.append("rechts (verstuurd)")
        case "system": parts.append("midden (melding van de app)")
        default: break
        }
        if let ts = m.timestamp {
            let basis =
                switch shot(m, "timestampBasis")?.stringValue {
                case "separator+image-date": ", dag geteld vanaf de datum van de afbeelding"
                case "separator+image-year": ", jaar van de datum van de afbeelding"
                default: ""
                }
            parts.append(DutchTime.full(ts.date, z) + basis)
        } else if let time = shot(m, "time")?.stringValue {
            parts.append("getoond \(time), dag onbekend")
        }
        if let c = shot(m, "confidence")?.intValue { parts.append("\(c) % zeker" + (c < 60 ? " (laag)" : "")) }
        return parts.joined(separator: " · ")
    }

    /// The section on the case's images.
    static func screenshotBlocks(_ p: PacketContent) -> [ReportBlock] {
        guard !p.screenshots.isEmpty else { return [] }
        var b: [ReportBlock] = [.heading("Schermafbeeldingen: wat Bewaar erop las", level: 2)]
        let read = p.screenshots.reduce(0) { $0 + $1.item.messageCount }
        let exports = p.items.filter { $0.parentID == nil && $0.messageCount > 0 && $0.format != "image" }.map(\.name)
        b.append(
            .paragraph(
                "Bewaar las de tekst op \(Plural.count(p.screenshots.count, "afbeelding", "afbeeldingen")) met tekstherkenning (OCR, Tesseract): "
                    + "\(Plural.count(read, "bericht", "berichten")). Elk gelezen bericht is op de afbeelding rood omlijnd en genummerd, "
                    + "met ernaast de afzender, de kant (links: ontvangen, rechts: verstuurd), de tijd zoals getoond en hoe zeker het lezen was."
                    + comparison(p, exports: exports)))
        b.append(
            .notice(
                """
                OCR kan letters en woorden verkeerd lezen. De afbeelding zelf is het bewijs; de gelezen tekst helpt zoeken en ordenen. \
                Bij een zekerheid onder 60 % staat "(laag)": lees dan de afbeelding zelf. De afzender van verstuurde berichten (rechts) is \
                niet gelezen maar aangenomen: de leerling van wie de afbeelding komt. De dag staat alleen vast als het gesprek een \
                dagscheiding toont; anders is alleen de getoonde tijd bekend.
                """))
        let marked = Set(p.marked.map(\.entry.id))
        for s in p.screenshots {
            let messages = s.records.prefix(screenshotRecordLimit).enumerated().map { i, e in
                ReadMessage(
                    number: i + 1, box: e.message.origin.box,
                    facts: readFacts(e.message, p.timeZone) + (s.compared[e.id].map { " · " + $0 } ?? ""), text: e.message.text,
                    isMarked: marked.contains(e.id))
            }
            var notes: [String] = []
            if let problem = s.problem { notes.append(problem) }
            if s.records.isEmpty { notes.append("Op deze afbeelding is geen tekst gelezen.") }
            notes += s.lookalikes
            if s.item.messageCount > messages.count {
                notes.append(
                    "Alleen de eerste \(messages.count) van de \(s.item.messageCount) gelezen regels staan hier; de rest staat in de bundel.")
            }
            b.append(
                .screenshot(
                    ScreenshotFigure(
                        title: "[\(s.item.id)] \(s.item.name)", sha256: s.item.sha256.hex, picture: s.picture, imageWidth: s.width,
                        imageHeight: s.height, messages: Array(messages), note: notes.isEmpty ? nil : notes.joined(separator: " "))))
        }
        return b
    }

    /// What the check against the exports found, in one sentence.
    static func comparison(_ p: PacketContent, exports: [String]) -> String {
        guard !exports.isEmpty else { return "" }
        let found = p.screenshots.reduce(0) { $0 + $1.foundInExport }, missing = p.screenshots.reduce(0) { $0 + $1.missingFromExport }
        guard found + missing > 0 else {
            return " Bewaar vond geen van deze berichten terug in de export(s) van de zaak (" + exports.joined(separator: ", ")
                + "): ze komen uit een ander gesprek of een periode die geen export beslaat."
        }
        return " Bewaar legde elk bericht naast de export(s) van de zaak (tijd zoals getoond, afzender, tekst met ruimte voor OCR-fouten): "
            + "\(Plural.count(found, "bericht", "berichten")) gevonden"
            + (missing > 0 ? ", \(missing) NIET gevonden in een export die die tijd wel beslaat (verwijderd, bewerkt of uit een ander gesprek)" : "")
            + ". Bij elk bericht staat wat er gevonden is."
    }

    /// The caption of a marked message's bubble quoted from its screenshot.
    static func cropCaption(_ e: TimelineEntry) -> String? {
        guard let box = e.message.origin.box else { return nil }
        let c = shot(e.message, "confidence")?.intValue.map { " (\($0) % zeker)" } ?? ""
        return "Zo staat het bericht op de afbeelding \(e.itemName) (bewijsstuk \(e.itemID)), "
            + origin(Origin(line: nil, offset: 0, length: 0, box: box))
            + ". De tekst hierboven is met OCR gelezen\(c) en kan fouten bevatten; de afbeelding is het bewijs."
    }
}
