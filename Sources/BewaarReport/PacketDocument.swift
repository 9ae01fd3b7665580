import Foundation
import BewaarModel

/// Builds the report for the police (rapport) from a case's content: the one description that
/// both the HTML and the PDF render.
public enum PacketDocument {
    public static func build(_ p: PacketContent) -> ReportDocument {
        let c = p.caseInfo, z = p.timeZone
        var b: [ReportBlock] = []
        b.append(.heading("Rapport bij een melding van (cyber)pesten — zaak \(c.id)", level: 1))
        b.append(.facts([
            Fact("Zaak", c.id.description), Fact("Titel", c.title), Fact("School", p.school ?? "(niet ingesteld)"),
            Fact("Geopend", DutchTime.full(c.opened, z)), Fact("Status", c.status.rawValue),
            Fact("Opgesteld", "\(DutchTime.full(p.generatedAt, z)) door \(p.generatedBy), met Bewaar"),
            Fact("Tijdzone", "Tijden staan in \(z.identifier). Chatexports zonder tijdzone zijn in deze zone gelezen."),
        ]))
        b.append(.notice("""
            Wat dit rapport bewijst: dat de bewaarde bestanden sinds het moment van verzamelen niet zijn veranderd \
            (elk origineel is vastgelegd met zijn SHA-256-hash, elke handeling in een logboek met hash-keten). \
            Wat het NIET bewijst: dat een platform of afzender de inhoud werkelijk zo heeft gemaakt of verzonden, \
            en wie er achter een account of computer zat. Dit rapport geeft aanwijzingen voor de politie, geen juridische conclusies.
            """))

        b.append(.heading("Betrokkenen", level: 2))
        b.append(.table(headers: ["Naam", "Rol", "Klas", "Namen, nummers en accounts in het bewijs"],
                        rows: p.people.map { person in
                            let role = person.role.rawValue + (person.relatedTo.map { " van \($0)" } ?? "")
                            let handles = p.handles(of: person).map { h in
                                h.value + " (\(h.kind.rawValue))" + (h.profileURL.map { " \($0)" } ?? "")
                            }.joined(separator: "; ")
                            return [person.name, role, person.group ?? "", handles]
                        }, widths: [2, 1.6, 0.6, 3.4]))

        b.append(.heading("Wat er gebeurde", level: 2))
        b.append(.paragraph(c.summary.isEmpty ? "(De mentor heeft nog geen samenvatting vastgelegd.)" : c.summary))
        for s in p.statements.sorted(by: { ($0.kind == .slachtoffer ? 0 : 1, $0.date) < ($1.kind == .slachtoffer ? 0 : 1, $1.date) }) {
            b.append(.heading((s.kind == .slachtoffer ? "Verklaring van de gepeste leerling: " : "Verklaring van getuige: ") + s.person
                              + " (\(s.date))", level: 3))
            b.append(.paragraph(s.text))
            var facts: [Fact] = []
            if let since = s.since { facts.append(Fact("Sinds", since)) }
            if let effect = s.effect { facts.append(Fact("Gevolgen", effect)) }
            if !facts.isEmpty { b.append(.facts(facts)) }
        }

        b.append(.heading("Patroon: berichten per dag", level: 2))
        let total = p.perDay.reduce(0) { $0 + $1.count }
        let active = p.perDay.filter { $0.count > 0 }
        if p.chartAuthors.isEmpty || active.isEmpty {
            b.append(.paragraph("Geen berichten van een vermoedelijke dader gevonden. Koppel de namen, nummers en accounts uit het bewijs aan de vermoedelijke dader(s) (bewaar person link) om het patroon te zien."))
        } else {
            b.append(.chart(BarChart(
                title: "Berichten per dag van \(p.chartAuthors.joined(separator: ", "))",
                labels: p.perDay.map(\.day), values: p.perDay.map(\.count),
                caption: "\(Plural.count(total, "bericht", "berichten")) op \(active.count) van de \(p.perDay.count) dagen, van \(dayNL(active.first!.day)) tot en met \(dayNL(active.last!.day)). Geteld over al het bewijs in deze zaak. Veel contact over een lange periode kan wijzen op stelselmatigheid (belaging, art. 285b Sr).")))
        }

        b.append(.heading("Gemarkeerde berichten, met wat ervoor en erna kwam", level: 2))
        if p.marked.isEmpty { b.append(.paragraph("(Er zijn nog geen berichten gemarkeerd.)")) }
        for m in p.marked { b.append(.evidence(excerpt(m, z))) }

        b.append(.heading("Herkomstonderzoek (stap 3)", level: 2))
        let step3 = p.checklist.first { $0.step == .daderOpsporen }
        if p.traces.isEmpty {
            var text = "Er is geen herkomstonderzoek vastgelegd."
            if let s = step3, s.status != .open { text = "Stap 3 staat op '\(s.status.rawValue)'" + (s.note.map { ": \($0)" } ?? ".") }
            if let r = step3?.fields["result"] { text += " Uitkomst: \(r)" }
            b.append(.paragraph(text))
        } else {
            b.append(.bullets(p.traces))
        }

        b.append(.heading("Stappen die de school zette", level: 2))
        b.append(.table(headers: ["Stap", "Status", "Door, wanneer", "Notitie en gegevens"], rows: p.checklist.map { s in
            let fields = s.step.fieldKeys.compactMap { k in s.fields[k.key].map { "\(k.labelNL): \($0)" } }
            return ["\(s.step.rawValue). \(s.step.titleNL)", s.status.rawValue,
                    [s.by, s.at.map { DutchTime.full($0, z) }].compactMap { $0 }.joined(separator: ", "),
                    ([s.note].compactMap { $0 } + fields).joined(separator: "\n")]
        }, widths: [2.2, 1, 1.6, 3.2]))
        if !p.talks.isEmpty {
            b.append(.heading("Gesprekken en afspraken", level: 3))
            b.append(.table(headers: ["Datum", "Met", "Samenvatting", "Afspraken"], rows: p.talks.map {
                [$0.date, $0.withWhom.joined(separator: ", "), $0.summary, $0.agreements.map { "• " + $0 }.joined(separator: "\n")]
            }, widths: [1, 1.5, 2.5, 2.8]))
        }
        if !p.escalations.isEmpty {
            b.append(.bullets(p.escalations.map { "Overgedragen aan afdelingsleider \($0.to) op \(DutchTime.full($0.at, z)) door \($0.by): \($0.reason.dutch)" + ($0.note.map { " (\($0))" } ?? "") }))
        }

        b.append(.heading("Vastgelegd zonder origineel", level: 2))
        if p.observations.isEmpty {
            b.append(.paragraph("Niets."))
        } else {
            b.append(.table(headers: ["Soort", "Van", "Aan", "Wanneer", "Waar", "Beschrijving"], rows: p.observations.map {
                [$0.kind == .seksueleAfbeelding ? "seksuele afbeelding (niet bewaard)" : "gezien, niet bewaard",
                 $0.sender ?? "", $0.recipients ?? "", $0.when ?? "", $0.place ?? "", $0.description]
            }, widths: [1.4, 1, 1, 1, 1, 2.4]))
            if p.observations.contains(where: { $0.kind == .seksueleAfbeelding }) {
                b.append(.notice("Een seksuele afbeelding van een minderjarige is door de school niet bewaard of doorgestuurd: bezit en verspreiding zijn strafbaar (art. 240b/252 Sr), ook voor een mentor. Alleen vastgelegd is dat het beeld bestaat, wie het stuurde, aan wie, wanneer en waar. De politie stelt het beeld zelf veilig."))
            }
        }

        b.append(.heading("Bewijsstukken", level: 2))
        b.append(.paragraph("\(Plural.count(p.items.filter { $0.parentID == nil }.count, "origineel", "originelen")) (en \(Plural.count(p.items.filter { $0.parentID != nil }.count, "bestand", "bestanden")) daarin), samen \(Plural.count(p.recordCount, "bericht", "berichten")), waarvan \(p.datedRecordCount) met datum en tijd."))
        let top = p.items.filter { $0.parentID == nil }
        b.append(.table(headers: ["Nr", "Bestand", "Soort", "Grootte", "Verzameld"], rows: top.map { i in
            ["\(i.id)", i.name, i.format + (i.warningCount > 0 ? " (\(Plural.count(i.warningCount, "waarschuwing", "waarschuwingen")))" : ""), "\(i.size) bytes",
             "\(DutchTime.full(i.collectedAt, z)) door \(i.collectedBy)" + (i.collectedFrom.map { ", van \($0)" } ?? "")]
        }, widths: [0.5, 2.6, 1.3, 1.1, 2.6]))
        b.append(.code(p.items.map { "[\($0.id)] \($0.sha256.hex)  \($0.pathInParent ?? $0.name)" }.joined(separator: "\n")))
        b += screenshotBlocks(p)

        b.append(.heading("Logboek (chain of custody)", level: 2))
        b.append(.facts([
            Fact("Gebeurtenissen", "\(p.custody.events)"),
            Fact("Keten", p.custody.intact ? "intact: elke gebeurtenis verwijst naar de vorige en elke hash klopt" : "NIET intact — zie bewaar check"),
            Fact("Eerste", p.custody.first.map { DutchTime.full($0, z) } ?? "-"),
            Fact("Laatste", p.custody.last.map { DutchTime.full($0, z) } ?? "-"),
        ]))
        b.append(.code("Kop van het logboek (laatste hash):\n\(p.custody.headHash)"))

        b.append(.heading("Zelf controleren", level: 2))
        if let bundle = p.bundle {
            b.append(.facts([Fact("Bundel", bundle.fileName)]))
            b.append(.code("SHA-256 van de bundel:\n\(bundle.sha256)" + (bundle.tagManifestSHA256.map { "\nSHA-256 van tagmanifest-sha256.txt:\n\($0)" } ?? "")))
            b.append(.paragraph("De bundel is een BagIt-zak (RFC 8493) in een zip. Pak hem uit en controleer hem met elk BagIt-programma (bijvoorbeeld: bagit.py --validate MAP) of met sha256sum -c manifest-sha256.txt in de uitgepakte map. bewaar verify BUNDEL.zip doet alle controles in één keer, ook die van het logboek."))
        } else {
            b.append(.paragraph("Bij dit rapport hoort geen bundel. Elk origineel is te controleren met zijn SHA-256 hierboven: sha256sum BESTAND moet dezelfde waarde geven."))
        }

        b.append(.heading("Wat niet in dit pakket zit", level: 2))
        var left: [String] = []
        if p.observations.contains(where: { $0.kind == .seksueleAfbeelding }) {
            left.append("Seksuele afbeeldingen van minderjarigen: niet verzameld, alleen beschreven (zie boven).")
        }
        if p.observations.contains(where: { $0.kind == .nietBewaard }) {
            left.append("Berichten die gezien maar niet bewaard zijn (zie boven).")
        }
        left.append("Telefoons en accounts zelf: de politie kan die zelf uitlezen. Vraag de leerling de telefoon niet te wissen.")
        b.append(.bullets(left))
        return ReportDocument(title: "Rapport zaak \(c.id)", footer: "Bewaar — zaak \(c.id) — vertrouwelijk", blocks: b)
    }

    static func dayNL(_ day: String) -> String {
        let p = day.split(separator: "-")
        return p.count == 3 ? "\(p[2])-\(p[1])-\(p[0])" : day
    }
}
