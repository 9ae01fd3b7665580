import Foundation
import BewaarModel

/// The PDF of an access request (inzageverzoek): what Bewaar holds about one person, per case.
/// The same ``AccessExportContent`` gives the JSON, so the two never disagree.
public enum AccessExportDocument {
    public static func build(_ p: AccessExportContent) -> ReportDocument {
        let z = p.timeZone
        var b: [ReportBlock] = []
        b.append(.heading("Inzageverzoek: gegevens over \(p.subject)", level: 1))
        b.append(
            .facts([
                Fact("Over", p.subject), Fact("Gevraagd door", p.requestedBy),
                Fact("Opgesteld", "\(DutchTime.full(p.madeAt, z)) door \(p.madeBy), met Bewaar"),
                Fact("Doorzocht", p.allCases ? "alle zaken in de opslag" : "de zaken waartoe \(p.madeBy) toegang heeft"),
                Fact("Zaken", p.cases.isEmpty ? "geen" : p.cases.map(\.id.description).joined(separator: ", ")),
                Fact("Tijdzone", z.identifier),
            ]))
        b.append(
            .notice(
                """
                Dit overzicht geeft, volgens artikel 15 van de AVG, alles wat Bewaar over \(p.subject) bewaart: de rollen op zaken, \
                namen en accounts, berichten die \(p.subject) schreef of waarin \(p.subject) genoemd wordt, gesprekken en afspraken, \
                verklaringen, waarnemingen en de gebeurtenissen in het logboek die over \(p.subject) gaan. \
                \(AccessExportContent.pseudonymRule) Klopt er iets niet? Vraag de school om een correctie: die wordt als notitie \
                toegevoegd (artikel 16 AVG); het bewaarde bewijs zelf wordt nooit veranderd.
                """))
        if p.cases.isEmpty { b.append(.paragraph("Bewaar bewaart geen gegevens over \(p.subject).")) }
        for c in p.cases { b += caseBlocks(c, p) }
        return ReportDocument(title: "Inzageverzoek \(p.subject)", footer: "Inzage \(p.subject) — \(DutchTime.day(p.madeAt, z))", blocks: b)
    }

    static func caseBlocks(_ c: AccessExportCase, _ p: AccessExportContent) -> [ReportBlock] {
        let z = p.timeZone
        var b: [ReportBlock] = [.pageBreak, .heading("Zaak \(c.id): \(c.title)", level: 2)]
        let roles = c.roles.map { r in
            r.role.rawValue + (r.relatedTo.map { " van \($0)" } ?? "") + (r.group.map { ", klas \($0)" } ?? "")
        }
        b.append(
            .facts([
                Fact("Status", c.status), Fact("Geopend", DutchTime.full(c.opened, z)),
                Fact("Bewaren tot", c.retentionUntil.map { DutchTime.day($0, z) } ?? "de zaak loopt nog; de bewaartermijn begint bij het sluiten"),
                Fact("Rol", roles.isEmpty ? "geen: \(p.subject) wordt in deze zaak alleen genoemd" : roles.joined(separator: "; ")),
                Fact(
                    "Namen en accounts",
                    c.handles.isEmpty
                        ? "geen gekoppeld"
                        : c.handles.map { $0.value + " (\($0.kind.rawValue))" + ($0.profileURL.map { " \($0)" } ?? "") }.joined(separator: "; ")),
            ]))
        if !c.summary.isEmpty {
            b.append(.heading("Samenvatting van de zaak", level: 3))
            b.append(.paragraph(c.summary))
        }
        if !c.corrections.isEmpty {
            b.append(.heading("Correcties", level: 3))
            b.append(.bullets(c.corrections.map { "\(DutchTime.full($0.at, z)), vastgelegd door \($0.by): \($0.text)" }))
        }
        b.append(.heading("Berichten (\(c.messages.count))", level: 3))
        if c.messages.isEmpty {
            b.append(.paragraph("Geen."))
        } else {
            b.append(
                .table(
                    headers: ["Tijd", "Van", "Tekst", "Waarom", "Bron"],
                    rows: c.messages.map { m in
                        [
                            DutchTime.message(m.time, z), m.author ?? "(systeem)", m.text + (m.mark.map { "\n[gemarkeerd: \($0)]" } ?? ""),
                            m.relations.map(\.rawValue).joined(separator: ", "), "\(m.sourceName) \(m.origin)",
                        ]
                    }, widths: [1.3, 1.1, 3.0, 1.0, 1.4]))
        }
        if !c.talks.isEmpty {
            b.append(.heading("Gesprekken en afspraken", level: 3))
            b.append(
                .table(
                    headers: ["Datum", "Namens school", "Met", "Samenvatting", "Afspraken"],
                    rows: c.talks.map { t in
                        [
                            t.talk.date, t.talk.participants.joined(separator: ", "), t.talk.withWhom.joined(separator: ", "), t.talk.summary,
                            t.talk.agreements.map { "• " + $0 }.joined(separator: "\n") + (t.talk.followUp.map { "\nevaluatie: \($0)" } ?? ""),
                        ]
                    }, widths: [0.9, 1.2, 1.2, 2.4, 2.2]))
        }
        if !c.statements.isEmpty {
            b.append(.heading("Verklaringen", level: 3))
            for s in c.statements {
                b.append(.facts([Fact("Van", "\(s.person) (\(s.kind.rawValue)), \(s.date)"), Fact("Vastgelegd door", s.recordedBy)]))
                b.append(.paragraph(s.text))
                if let since = s.since { b.append(.facts([Fact("Sinds", since)])) }
                if let effect = s.effect { b.append(.facts([Fact("Gevolgen", effect)])) }
            }
        }
        if !c.observations.isEmpty {
            b.append(.heading("Vastgelegd zonder origineel", level: 3))
            b.append(
                .table(
                    headers: ["Soort", "Van", "Aan", "Wanneer", "Waar", "Beschrijving"],
                    rows: c.observations.map {
                        [$0.kind.rawValue, $0.sender ?? "", $0.recipients ?? "", $0.when ?? "", $0.place ?? "", $0.description]
                    }, widths: [1.2, 1, 1, 1, 1, 2.4]))
        }
        b.append(.heading("Logboek: gebeurtenissen over \(p.subject) (\(c.events.count))", level: 3))
        if c.events.isEmpty {
            b.append(.paragraph("Geen."))
        } else {
            b.append(
                .table(
                    headers: ["Nr", "Tijd", "Door", "Handeling", "Gegevens"],
                    rows: c.events.map { e in
                        [
                            "\(e.sequence)", DutchTime.full(e.time, z), e.actor, e.action.rawValue,
                            e.details.keys.sorted().map { "\($0): \(e.details[$0] ?? "")" }.joined(separator: "\n"),
                        ]
                    }, widths: [0.4, 1.1, 1, 1.3, 3.2]))
        }
        return b
    }
}
