import Foundation
import BewaarModel
import BewaarKit
import BewaarAccounts

/// One part of the register text: a heading and its lines.
public struct RegisterSection: Sendable, Hashable {
    public var title: String
    public var lines: [String]
}

extension ProcessingRegister {
    /// The register entry in `language` (Dutch first; English where the CLI or page asks).
    public func sections(_ language: Language) -> [RegisterSection] {
        func t(_ nl: String, _ en: String) -> String { language.pick(nl: nl, en: en) }
        let zone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        return [
            RegisterSection(
                title: t("Verwerking", "Processing"),
                lines: [
                    t(
                        "Naam: Bewaar, het bewaren van bewijs bij meldingen van (cyber)pesten.",
                        "Name: Bewaar, keeping evidence of reports of (cyber)bullying."),
                    t(
                        "Verwerkingsverantwoordelijke: de school (het bevoegd gezag); vragen via de functionaris gegevensbescherming van de school.",
                        "Controller: the school (its competent authority); questions through the school's data protection officer."),
                    t(
                        "Opgesteld \(Self.day(madeAt, zone, time: true)) uit de opslag zelf (bewaar privacy).",
                        "Made \(Self.day(madeAt, zone, time: true)) from the store itself (bewaar privacy)."),
                ]),
            RegisterSection(
                title: t("Doel", "Purpose"),
                lines: [
                    t(
                        "Het anti-pestprotocol van de school uitvoeren: berichten bewaren, de afzender blokkeren, de dader opsporen, ouders informeren, aangifte voorbereiden en doorverwijzen (stappenplan cyberpesten), en waar nodig de politie een controleerbaar pakket geven.",
                        "Carrying out the school's anti-bullying protocol: keeping messages, blocking the sender, tracing the bully, informing parents, preparing a police report and referring (the cyberbullying plan), and where needed giving the police a verifiable packet."
                    ),
                    t(
                        "Niet voor: beoordeling van leerlingen, andere doelen of doorverkoop. Een seksuele afbeelding van een minderjarige wordt nooit verzameld, alleen beschreven.",
                        "Not for: assessing pupils, other purposes or resale. A sexual image of a minor is never collected, only described."),
                ]),
            RegisterSection(
                title: t("Grondslag", "Legal basis"),
                lines: [
                    t(
                        "Wettelijke plicht en taak van algemeen belang: de zorgplicht voor sociale veiligheid op school (art. 6 lid 1 sub c en e AVG; art. 3b Wet voortgezet onderwijs).",
                        "Legal obligation and public task: the duty of care for social safety at school (GDPR art. 6(1)(c) and (e); Dutch Secondary Education Act art. 3b)."
                    ),
                    t(
                        "Strafrechtelijke gegevens (een aangifte, een vermoeden van een strafbaar feit): art. 10 AVG met art. 33 UAVG, alleen om de politie te informeren. Laat de functionaris gegevensbescherming dit bevestigen.",
                        "Criminal-offence data (a police report, a suspected offence): GDPR art. 10 with art. 33 of the Dutch GDPR Implementation Act, only to inform the police. Have the data protection officer confirm this."
                    ),
                    t(
                        "De betrokkenen zijn minderjarig: minste toegang, korte bewaartermijn.",
                        "The data subjects are minors: least access, short retention."),
                ]),
            RegisterSection(title: t("Gegevens in deze opslag", "Data in this store"), lines: holdingLines(t)),
            RegisterSection(title: t("Wie ziet wat", "Who sees what"), lines: roleLines(t)),
            RegisterSection(title: t("Bewaartermijn", "Retention"), lines: retentionLines(t, zone)),
            RegisterSection(
                title: t("Ontvangers", "Recipients"),
                lines: [
                    t(
                        "De politie: het aangiftepakket (rapport en bewijsbundel), alleen als de school aangifte adviseert; gemaakt door wie toegang tot de zaak heeft.",
                        "The police: the packet for a police report (report and evidence bundle), only when the school advises a report; made by whoever has access to the case."
                    ),
                    t(
                        "De leerling of ouder zelf: een inzage-overzicht (bewaar person export, of de pagina Inzageverzoek van de afdelingsleider).",
                        "The pupil or parent themselves: an access export (bewaar person export, or the afdelingsleider's Access request page)."),
                    t(
                        "Geen doorgifte buiten de school of buiten de EU; Bewaar gebruikt geen netwerk bij het lezen van bewijs.",
                        "No transfer outside the school or the EU; Bewaar uses no network when reading evidence."),
                ]),
            RegisterSection(
                title: t("Waar de gegevens staan", "Where the data lives"),
                lines: [
                    t("Opslagmap: \(storePath) (op de server van de school).", "Store folder: \(storePath) (on the school's server)."),
                    t(
                        "Database: \(storePath)/bewaar.sqlite; originelen: \(storePath)/objects/ (op SHA-256, nooit gewijzigd).",
                        "Database: \(storePath)/bewaar.sqlite; originals: \(storePath)/objects/ (by SHA-256, never changed)."),
                    t(
                        "Reservekopieën: bewaar backup maakt een kopie met manifest van hashes; bewaar restore zet hem terug. Bewaar de kopieën net zo beveiligd als de opslag.",
                        "Backups: bewaar backup makes a copy with a manifest of hashes; bewaar restore brings it back. Keep copies as protected as the store."
                    ),
                ]),
            RegisterSection(title: t("Beveiliging", "Security"), lines: securityLines(t)),
            RegisterSection(
                title: t("Rechten van betrokkenen", "Data subjects' rights"),
                lines: [
                    t(
                        "Inzage (art. 15): bewaar person export --person NAAM --requested-by WIE --out MAP; de afdelingsleider ook op de pagina Inzageverzoek.",
                        "Access (art. 15): bewaar person export --person NAME --requested-by WHO --out FOLDER; the afdelingsleider also on the Access request page."
                    ),
                    t(
                        "Correctie (art. 16): bewaar person note; het bewijs zelf blijft zoals het is, de notitie staat in elk later overzicht.",
                        "Rectification (art. 16): bewaar person note; the evidence itself stays as it is, the note shows in every later export."),
                    t(
                        "Verwijdering (art. 17): na de bewaartermijn, of eerder op verzoek: bewaar case destroy vernietigt een zaak met bewijs in het vernietigingslogboek (bewaar retention toont wat aan de beurt is).",
                        "Erasure (art. 17): after the retention period, or earlier on request: bewaar case destroy destroys a case with proof in the destruction log (bewaar retention shows what is due)."
                    ),
                ]),
        ]
    }

    func holdingLines(_ t: (String, String) -> String) -> [String] {
        func line(_ label: String, _ h: Holdings) -> String {
            t(
                "\(label): \(Plural.count(h.cases, "zaak", "zaken")); \(Plural.count(h.pupils, "leerling", "leerlingen")), "
                    + "\(Plural.count(h.parents, "ouder", "ouders")), \(Plural.count(h.staff, "medewerker", "medewerkers")) op de zaken; "
                    + "\(h.handles) namen, nummers en accounts; \(Plural.count(h.originals, "origineel", "originelen")) (\(Self.bytes(h.originalBytes))) "
                    + "met \(Plural.count(h.contained, "bestand", "bestanden")) daarin; \(Plural.count(h.records, "bericht", "berichten")); \(Plural.count(h.talks, "gesprek", "gesprekken")); "
                    + "\(Plural.count(h.statements, "verklaring", "verklaringen")); \(Plural.count(h.observations, "waarneming", "waarnemingen")); "
                    + "\(Plural.count(h.accessLinks, "toegang", "toegangen")) van accounts.",
                "\(label): \(Plural.count(h.cases, "case", "cases")); \(Plural.count(h.pupils, "pupil", "pupils")), "
                    + "\(Plural.count(h.parents, "parent", "parents")), \(h.staff) staff on the cases; "
                    + "\(h.handles) names, numbers and accounts; \(Plural.count(h.originals, "original", "originals")) (\(Self.bytes(h.originalBytes))) "
                    + "with \(Plural.count(h.contained, "file", "files")) inside; \(Plural.count(h.records, "record", "records")); \(Plural.count(h.talks, "talk", "talks")); "
                    + "\(Plural.count(h.statements, "statement", "statements")); \(Plural.count(h.observations, "observation", "observations")); "
                    + "\(Plural.count(h.accessLinks, "account access", "account accesses")).")
        }
        var lines = byStatus.map { line(t("status ", "status ") + Self.statusName($0.status, t), $0.holdings) }
        lines.append(line(t("totaal", "total"), total))
        lines.append(
            t(
                "Soorten gegevens: namen, klas en rol van leerlingen, ouders en medewerkers; telefoonnummers, e-mailadressen en accountnamen; "
                    + "berichten, e-mails, pagina's en afbeeldingen zoals ontvangen (die ook gezondheids-, seksuele of strafrechtelijke gegevens kunnen bevatten); "
                    + "verklaringen, gespreksverslagen en afspraken; herkomstonderzoek (IP-adressen, computernamen); het logboek (wie deed wat, wanneer).",
                "Kinds of data: names, class and role of pupils, parents and staff; phone numbers, e-mail addresses and account names; "
                    + "messages, e-mails, pages and images as received (which may also hold health, sexual or criminal data); "
                    + "statements, talk notes and agreements; sender traces (IP addresses, computer names); the log (who did what, when)."))
        return lines
    }

    func roleLines(_ t: (String, String) -> String) -> [String] {
        func n(_ r: AccountRole) -> String {
            t(" (\(Plural.count(accounts[r] ?? 0, "account", "accounts")))", " (\(Plural.count(accounts[r] ?? 0, "account", "accounts")))")
        }
        return [
            t(
                "Toegang tot een zaak is altijd een uitdrukkelijke koppeling van een account aan die zaak (door de mentor of afdelingsleider van de zaak, door escalatie of door de beheerder), vastgelegd in het logboek en in te trekken. Een naam op een zaak geeft nooit toegang.",
                "Access to a case is always an explicit link of an account to that case (by the case's mentor or afdelingsleider, by escalation or by the beheerder), logged and revocable. A name on a case never grants access."
            ),
            t("Mentor", "Mentor") + n(.mentor)
                + t(
                    ": de hele zaak (bewijs, gesprekken, verklaringen, pakket) van de zaken waaraan het account gekoppeld is; geeft en trekt toegang in, escaleert.",
                    ": the whole case (evidence, talks, statements, packet) of the cases the account is linked to; grants and revokes access, escalates."
                ),
            t("Afdelingsleider", "Afdelingsleider (department head)") + n(.afdelingsleider)
                + t(
                    ": als de mentor, voor de zaken die naar hem of haar geëscaleerd of gekoppeld zijn; beantwoordt inzageverzoeken over die zaken.",
                    ": like the mentor, for the cases escalated or linked to them; answers access requests about those cases."),
            t("Ondersteuningscoördinator", "Support coordinator") + n(.ondersteuningscoordinator)
                + t(
                    ": de zaken waarnaar verwezen of waaraan gekoppeld is.",
                    ": the cases referred or linked to them."),
            t("Systeembeheerder", "System administrator") + n(.systeembeheerder)
                + t(
                    ": de herkomstpagina's en de kopregels van e-mails, nooit de inhoud van berichten.",
                    ": the trace pages and the headers of e-mails, never message contents."),
            t("Beheerder", "Administrator (beheerder)") + n(.beheerder)
                + t(
                    ": accounts, welk account bij welk zaaknummer kan, het beveiligingslogboek en dit register; geen inhoud van zaken.",
                    ": accounts, which account reaches which case number, the security log and this register; no case contents."),
            t(
                "Op de server: wie het systeemaccount heeft dat Bewaar draait, kan met de opdrachtregel alles lezen. Beperk dat account tot de beheerder.",
                "On the server: whoever has the system account that runs Bewaar can read everything with the command line. Keep that account to the administrator."
            ),
        ]
    }

    func retentionLines(_ t: (String, String) -> String, _ zone: TimeZone) -> [String] {
        let policy = retentionMonths.map { m in
            t("\(Plural.count(m, "maand", "maanden")) na het sluiten van een zaak", "\(Plural.count(m, "month", "months")) after a case is closed")
        }
        var lines = [t("Beleid van de school: \(policy ?? "volgt").", "School policy: \(policy ?? "to follow").")]
        lines.append(
            t(
                "In gebruik: een zaak die loopt heeft nog geen datum; bij het sluiten krijgt zij de datum van het beleid. Daarna wordt zij met bewijs vernietigd, behalve met bewaarplicht (bijvoorbeeld na een aangifte).",
                "In force: a running case has no date yet; on closing it gets the policy's date. After it, the case is destroyed with proof, except under a legal hold (for example after a police report)."
            ))
        let passed = retention.filter(\.passed).count, held = retention.filter(\.onHold).count
        lines.append(
            t(
                "\(Plural.count(retention.count, "zaak", "zaken")), waarvan \(passed) met verstreken termijn en \(held) met bewaarplicht; \(Plural.count(destroyed, "zaak", "zaken")) vernietigd (vernietigingslogboek).",
                "\(Plural.count(retention.count, "case", "cases")), \(passed) of them past their date and \(held) under a legal hold; \(Plural.count(destroyed, "case", "cases")) destroyed (destruction log)."
            ))
        for r in retention {
            let until = r.until.map { Self.day($0, zone, time: false) }
            var nl = "\(r.id) (\(Self.statusName(r.status, { a, _ in a }))): " + (until.map { "bewaren tot \($0)" } ?? "loopt, nog geen datum")
            var en = "\(r.id) (\(Self.statusName(r.status, { _, b in b }))): " + (until.map { "keep until \($0)" } ?? "running, no date yet")
            if r.onHold {
                nl += " — bewaarplicht: niet vernietigen"
                en += " — legal hold: do not destroy"
            } else if r.passed {
                nl += " — verstreken: vernietigen"
                en += " — past: destroy"
            }
            lines.append(t(nl, en))
        }
        return lines
    }

    func securityLines(_ t: (String, String) -> String) -> [String] {
        [
            t(
                "Bestanden alleen voor de eigenaar (0600), mappen 0700, originelen alleen-lezen (0400). "
                    + (looseModes == 0
                        ? "Nu: alles in orde." : "Nu: \(looseModes) bestanden of mappen staan te ruim open; bewaar check noemt ze en het herstel."),
                "Files for their owner only (0600), folders 0700, originals read-only (0400). "
                    + (looseModes == 0
                        ? "Now: all in order." : "Now: \(looseModes) files or folders are too open; bewaar check names them and the fix.")),
            t(
                "Elk origineel staat onder zijn SHA-256 en wordt nooit herschreven; elke handeling staat in een logboek met hash-keten (\(Plural.count(chains, "logboek", "logboeken"))); bewaar check rekent alles na.",
                "Every original is kept under its SHA-256 and never rewritten; every action is in a hash-chained log (\(Plural.count(chains, "log", "logs"))); bewaar check recomputes it all."
            ),
            t(
                "Accounts: wachtwoorden met scrypt, sessies die verlopen, beperkt aantal inlogpogingen, elke geweigerde toegang gelogd.",
                "Accounts: passwords hashed with scrypt, sessions that expire, limited login attempts, every refused access logged."),
            encrypted
                ? t(
                    "Versleuteling van de opslag: aan. Originelen en alle vrije tekst van een zaak zijn versleuteld (AES-256-GCM) met een sleutel van die zaak, "
                        + "ingepakt door de hoofdsleutel die buiten de opslag staat; vernietigen wist de sleutel. Bewaar de hoofdsleutel apart van reservekopieën.",
                    "Encryption of the store: on. Originals and all free text of a case are encrypted (AES-256-GCM) with a key of that case, "
                        + "wrapped by the master key kept outside the store; destroying erases the key. Keep the master key apart from backups.")
                : t(
                    "Versleuteling van de opslag: uit. Zet haar aan met bewaar store encrypt.",
                    "Encryption of the store: off. Turn it on with bewaar store encrypt."),
        ]
    }

    static func statusName(_ status: String, _ t: (String, String) -> String) -> String {
        switch status {
        case CaseStatus.open.rawValue: return t("open", "open")
        case CaseStatus.escalated.rawValue: return t("geëscaleerd", "escalated")
        case CaseStatus.closed.rawValue: return t("gesloten", "closed")
        default: return status
        }
    }

    static func day(_ d: Date, _ zone: TimeZone, time: Bool) -> String {
        let s = Array(Timestamp(date: d, in: zone).rfc3339)
        let day = String(s[8..<10]) + "-" + String(s[5..<7]) + "-" + String(s[0..<4])
        return time ? day + " " + String(s[11..<16]) : day
    }

    static func bytes(_ n: Int64) -> String {
        if n < 1024 { return "\(n) bytes" }
        let units = ["KB", "MB", "GB", "TB"]
        var v = Double(n) / 1024, i = 0
        while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return String(format: "%.1f", v) + " " + units[i]
    }
}
