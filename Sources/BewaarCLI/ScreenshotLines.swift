import BewaarModel
import BewaarKit

/// The lines `ingest` prints about screenshots checked against each other and the exports.
enum ScreenshotLines {
    static func lines(_ checks: [ScreenshotCheck], ingested: Int64, _ global: GlobalOptions) -> [String] {
        var out: [String] = []
        for c in checks {
            let name = c.item.id == ingested ? "" : " [\(c.item.id)] \(TerminalText.line(c.item.name))"
            for r in c.repeated {
                out.append(
                    global.t(
                        "  = schermafbeelding\(name): \(Plural.count(r.count, "bericht", "berichten")) stond al op [\(r.earlier.id)] "
                            + "\(TerminalText.line(r.earlier.name)) (overlap; één keer in de tijdlijn)",
                        "  = screenshot\(name): \(Plural.count(r.count, "message", "messages")) already on [\(r.earlier.id)] "
                            + "\(TerminalText.line(r.earlier.name)) (overlap; once in the timeline)"))
            }
            for e in c.exports {
                var nl =
                    "  = schermafbeelding\(name): \(e.matched) van \(c.records) berichten gevonden in [\(e.export.id)] \(TerminalText.line(e.export.name))"
                var en = "  = screenshot\(name): \(e.matched) of \(c.records) messages found in [\(e.export.id)] \(TerminalText.line(e.export.name))"
                if e.missing > 0 {
                    nl += "; \(e.missing) niet gevonden in de export: verwijderd, bewerkt, of uit een ander gesprek"
                    en += "; \(e.missing) not found in the export: deleted, edited, or from another conversation"
                }
                out.append(global.t(nl, en))
            }
        }
        return out
    }

    static func lookalikes(_ items: [(item: EvidenceItem, distance: Int)], _ global: GlobalOptions) -> [String] {
        items.map { l in
            global.t(
                "  ~ lijkt op [\(l.item.id)] \(TerminalText.line(l.item.name)) (perceptuele hash, \(l.distance) van 64 bits anders): "
                    + "dezelfde afbeelding opnieuw opgeslagen, verkleind of bijgesneden? Beide blijven bewaard.",
                "  ~ looks like [\(l.item.id)] \(TerminalText.line(l.item.name)) (perceptual hash, \(l.distance) of 64 bits differ): "
                    + "the same image saved again, resized or cropped? Both are kept.")
        }
    }
}
