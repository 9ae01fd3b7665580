import Foundation
import BewaarModel

/// `aangifte-checklist.txt`: what the police ask a victim to bring for a report of online
/// harassment, ticked off from the case, with what is still missing. Pointers for the police,
/// not legal conclusions.
public enum AangifteChecklist {
    public static func render(_ p: PacketContent) -> String {
        let c = p.caseInfo
        var out: [String] = []
        func item(_ ok: Bool, _ text: String, _ details: [String] = []) {
            out.append((ok ? "[x] " : "[ ] ") + clean(text))
            for d in details { out.append("      " + clean(d)) }
        }
        out.append("AANGIFTE-CHECKLIST — zaak \(c.id): \(clean(c.title))")
        out.append("Gemaakt met Bewaar op \(DutchTime.full(p.generatedAt, p.timeZone)) door \(clean(p.generatedBy)).")
        out.append("[x] = aanwezig in de zaak, [ ] = ontbreekt nog. Dit zijn aanwijzingen voor de politie, geen juridische conclusies.")
        out.append("")

        out.append("1. WIE")
        let victims = p.people(.slachtoffer)
        item(!victims.isEmpty, "Gepeste leerling: " + (victims.isEmpty ? "nog niet vastgelegd" : victims.map { $0.name + ($0.group.map { " (klas \($0))" } ?? "") }.joined(separator: ", ")))
        let parents = p.people(.ouder)
        item(!parents.isEmpty, "Ouders/verzorgers (onder 16 jaar doen zij de aangifte en dienen zij de klacht in): "
             + (parents.isEmpty ? "nog niet vastgelegd" : parents.map(\.name).joined(separator: ", ")))
        let suspects = p.people(.vermoedelijkeDader)
        item(!suspects.isEmpty, "Vermoedelijke dader(s): " + (suspects.isEmpty ? "nog niet vastgelegd" : suspects.map(\.name).joined(separator: ", ")))
        for s in suspects {
            let hs = p.handles(of: s)
            let phones = hs.filter { $0.kind == .telefoon }
            let names = hs.filter { $0.kind == .naam }
            let accounts = hs.filter { [.instagram, .tiktok, .snapchat, .facebook, .x].contains($0.kind) }
            let mails = hs.filter { $0.kind == .email }
            out.append("    Kenmerken van \(clean(s.name)):")
            item(!phones.isEmpty, "  telefoonnummer: " + (phones.isEmpty ? "onbekend" : phones.map(\.value).joined(separator: ", ")))
            item(!names.isEmpty, "  schermnamen (bijv. WhatsApp-naam): " + (names.isEmpty ? "geen gekoppeld" : names.map(\.value).joined(separator: ", ")))
            item(!accounts.isEmpty && accounts.allSatisfy { $0.profileURL != nil },
                 "  accounts met profiel-URL: " + (accounts.isEmpty ? "geen gekoppeld" : accounts.map { "\($0.kind.rawValue) \($0.value) " + ($0.profileURL ?? "(profiel-URL ontbreekt)") }.joined(separator: "; ")))
            item(!mails.isEmpty, "  e-mailadres: " + (mails.isEmpty ? "onbekend" : mails.map(\.value).joined(separator: ", ")))
        }
        let witnesses = p.people(.getuige)
        let witnessStatements = p.statements.filter { $0.kind == .getuige }
        item(!witnesses.isEmpty, "Getuigen: " + (witnesses.isEmpty ? "geen vastgelegd" : witnesses.map(\.name).joined(separator: ", ")),
             witnesses.isEmpty ? [] : ["verklaringen van getuigen: \(witnessStatements.count)"])
        let staff = p.people.filter { $0.role == .afdelingsleider || $0.role == .mentor }
        item(!staff.isEmpty, "Contactpersoon school: " + (staff.isEmpty ? "nog niet vastgelegd" : staff.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", ")))
        out.append("")

        out.append("2. WAT EN WANNEER")
        let victimStatements = p.statements.filter { $0.kind == .slachtoffer }
        item(!victimStatements.isEmpty, "Eigen verhaal van de gepeste leerling (wat, sinds wanneer, gevolgen voor school en thuis)",
             victimStatements.map { "verklaring van \($0.date)" + ($0.since.map { ", sinds \($0)" } ?? "") + ($0.effect == nil ? ", gevolgen nog niet beschreven" : "") })
        item(p.datedRecordCount > 0, "Datums en exacte tijden: \(p.datedRecordCount) van de \(Plural.count(p.recordCount, "bericht", "berichten")) hebben datum en tijd (\(p.timeZone.identifier))")
        // A screenshot shows a part of a conversation: it is counted with the screenshots below.
        let conversations = p.items.filter { $0.parentID == nil && $0.messageCount > 0 && $0.format != "image" }
        item(!conversations.isEmpty, "Hele gesprekken, niet alleen losse berichten: "
             + (conversations.isEmpty ? "nog geen export (WhatsApp-export, e-mail, opgeslagen pagina)" : conversations.map { "\($0.name) (\(Plural.count($0.messageCount, "bericht", "berichten")))" }.joined(separator: ", ")))
        let screenshots = p.items.filter { $0.parentID == nil && $0.format == "image" }
        if !screenshots.isEmpty {
            let read = screenshots.reduce(0) { $0 + $1.messageCount }
            let names = conversations.map(\.name).joined(separator: ", ")
            let next = conversations.isEmpty ? " — geen export om naast te leggen" : " — leg naast: " + names
            let title =
                "Schermafbeeldingen, gelezen met tekstherkenning (OCR): \(Plural.count(read, "bericht", "berichten")) van "
                + "\(Plural.count(screenshots.count, "afbeelding", "afbeeldingen")), elk met kant, getoonde tijd en zekerheid (zie het rapport). "
                + "OCR kan letters en woorden verkeerd lezen: de afbeelding zelf is het bewijs."
            item(read > 0, title, screenshots.map { "\($0.name) (sha256 \($0.sha256.short)…): " + readSummary($0, p) + next })
        }
        item(!p.marked.isEmpty, "Gemarkeerde berichten met context: \(p.marked.count)")
        let activeDays = p.perDay.filter { $0.count > 0 }.count
        item(activeDays > 0, "Patroon over de hele periode (grafiek in het rapport): \(activeDays) dagen met berichten van de vermoedelijke dader(s)")
        out.append("")

        out.append("3. HERKOMST EN STAPPEN VAN DE SCHOOL")
        let step = { (s: CyberpestenStep) in p.checklist.first { $0.step == s } }
        let s3 = step(.daderOpsporen)
        item(!p.traces.isEmpty || s3?.status == .gedaan, "Herkomstonderzoek (stap 3): " + (p.traces.first ?? s3?.fields["result"] ?? "niet gedaan"))
        let s2 = step(.blokkeren)
        item(s2?.status == .gedaan, "Afzender geblokkeerd (stap 2): " + (s2?.status == .gedaan ? [s2?.fields["platform"], s2?.fields["account"], s2?.at.map { DutchTime.full($0, p.timeZone) }].compactMap { $0 }.joined(separator: ", ") : "nog niet vastgelegd"))
        let agreements = p.talks.reduce(0) { $0 + $1.agreements.count }
        item(!p.talks.isEmpty, "Gesprekken en afspraken: \(Plural.count(p.talks.count, "gesprek", "gesprekken")), \(Plural.count(agreements, "afspraak", "afspraken"))")
        let s4 = step(.oudersContact)
        item(s4?.status == .gedaan, "Ouders ingelicht (stap 4): " + (s4?.status == .gedaan ? [s4?.fields["ouders"], s4?.fields["wanneer"]].compactMap { $0 }.joined(separator: ", ") : "nog niet vastgelegd"))
        let s5 = step(.doorverwijzenAangifte), s6 = step(.ondersteuning)
        item(s5?.status == .gedaan || s6?.status == .gedaan, "Doorverwijzingen (stap 5 en 6): "
             + ([s5?.fields["doorverwijzing"], s5?.fields["slachtofferhulp"] == "ja" ? "Slachtofferhulp" : nil, s6?.fields["verwezen-naar"]].compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "nog niet vastgelegd"))
        out.append("")

        out.append("4. KLACHT")
        let wish = s5?.fields["klacht-gewenst"]
        item(wish != nil, "Willen de leerling en de ouders een klacht indienen? " + (wish.map { $0 == "ja" ? "ja" : "nee" } ?? "nog niet gevraagd")
             + ". Belaging, smaad, laster en belediging worden alleen vervolgd na een klacht van het slachtoffer; onder 16 jaar door de ouders.")
        out.append("")

        out.append("5. MOGELIJK STRAFBARE FEITEN (aanwijzingen voor de politie, geen conclusie)")
        let reasons = Set(p.marked.compactMap { $0.entry.mark?.reason })
        out.append("  - Belaging (art. 285b Sr): vraagt om stelselmatigheid. In de zaak: \(activeDays) dagen met berichten; zie de grafiek, herhaling na afspraken en na blokkeren.")
        if reasons.contains(.bedreiging) { out.append("  - Bedreiging (art. 285 Sr): gemarkeerde bedreigingen met afzender, datum en tijd; is de dreiging serieus bedoeld en opgevat?") }
        if reasons.contains(.belediging) || reasons.contains(.doxing) {
            out.append("  - Smaad/laster (art. 261–262 Sr) en belediging (art. 266 Sr): vraagt om het publiek (groepsleden, volgers) en de plaats; zie de gemarkeerde berichten.")
        }
        if reasons.contains(.discriminatie) { out.append("  - Discriminatie (art. 137c–137e Sr): letterlijke tekst, plaats en publiek.") }
        if reasons.contains(.priveFotos) || reasons.contains(.seksueel) || p.observations.contains(where: { $0.kind == .seksueleAfbeelding }) {
            out.append("  - Misbruik van seksueel beeldmateriaal (art. 139h, sinds 1-7-2024 art. 254ba Sr): wie stuurde wat aan wie, wanneer en waar. Beelden van minderjarigen zijn niet verzameld.")
        }
        out.append("")
        out.append("Neem mee: dit rapport (rapport.pdf), de bundel met de originelen, en de telefoon van de leerling (niet wissen).")
        out.append("Maak een afspraak via 0900-8844; bij acuut gevaar 112.")
        return out.joined(separator: "\n") + "\n"
    }

    /// What was read from one image: how many messages, how many with a day, how sure.
    static func readSummary(_ i: EvidenceItem, _ p: PacketContent) -> String {
        guard i.messageCount > 0 else { return "geen tekst gelezen" }
        let records = p.screenshots.first { $0.item.id == i.id }?.records ?? []
        let confidences = records.compactMap { $0.message.extra["screenshot"]?["confidence"]?.intValue }
        var s = Plural.count(i.messageCount, "bericht", "berichten") + " gelezen"
        if !records.isEmpty { s += ", \(records.filter { $0.message.timestamp != nil }.count) met dag en tijd" }
        if let low = confidences.min(), !confidences.isEmpty {
            s += ", zekerheid \(Int64(confidences.reduce(0, +)) / Int64(confidences.count)) % gemiddeld, laagste \(low) %"
        }
        return s
    }

    /// One line of plain text: control characters become spaces.
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) ? " " : $0 }))
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
