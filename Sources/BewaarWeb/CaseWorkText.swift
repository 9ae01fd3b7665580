import BewaarModel

/// The words of the mentor's work on a case in the browser: opening a case, people and
/// handles, summary and statements, talks, withdrawing a file, the next step, the overview of an
/// afdelingsleider (part of ``PageText``; one table per language, checked by the compiler).
protocol CaseWorkText: Sendable {
    // Opening a case.
    var newCaseButton: String { get }
    var newCaseTitle: String { get }
    var newCaseExplain: String { get }
    var caseTitleLabel: String { get }
    var caseTitleExample: String { get }
    var pupilsLegend: String { get }
    func pupilRow(_ n: Int) -> String
    var classLabel: String { get }
    var openCaseButton: String { get }
    var needTitle: String { get }
    // Sections of the case page.
    var sectionOverview: String { get }
    var caseSections: String { get }
    var nextStepHeading: String { get }
    func nextStep(_ step: Int, _ title: String) -> String
    var allStepsDone: String { get }
    var escalatedBanner: String { get }
    func escalatedTo(_ name: String, reason: String, by: String) -> String
    var saved: String { get }
    // People and handles.
    var addPersonHeading: String { get }
    var relatedToLabel: String { get }
    var addPersonButton: String { get }
    var editPerson: String { get }
    var linkHandleHeading: String { get }
    var handleLabel: String { get }
    var handleKindLabel: String { get }
    var linkHandleButton: String { get }
    var suggestionsHeading: String { get }
    func suggestion(_ author: String, messages: Int) -> String
    var noSuggestions: String { get }
    // Summary and statements.
    var summaryHeading: String { get }
    var summaryLabel: String { get }
    var saveSummary: String { get }
    var statementsHeading: String { get }
    var statementKind: String { get }
    var whoseStatement: String { get }
    var statementText: String { get }
    var sinceWhen: String { get }
    var addStatement: String { get }
    func statementLine(kind: String, person: String, date: String) -> String
    // Talks.
    var followUpHelp: String { get }
    var agreementsHelp: String { get }
    var magisterHeading: String { get }
    var magisterExplain: String { get }
    var copyButton: String { get }
    var copied: String { get }
    func agreementsCount(_ n: Int) -> String
    // Files.
    var withdrawButton: String { get }
    var withdrawReason: String { get }
    func withdrawn(by: String, at: String, reason: String) -> String
    var emptyFileWarning: String { get }
    var emptyFile: String { get }
    var unknownFormatWarning: String { get }
    /// After a possible repetition: what the protocol asks, in the browser's words.
    var repetitionAdvice: String { get }
    func smallImageWarning(width: Int, height: Int) -> String
    func messagesAndWarnings(messages: Int, warnings: Int) -> String
    func formatName(_ format: String) -> String
    // The afdelingsleider's overview.
    var escalatedCasesHeading: String { get }
    var newBadge: String { get }
    func openSteps(_ n: Int) -> String
    var retentionPassed: String { get }
    var pupilsHeading: String { get }
    func pupilCases(_ n: Int) -> String
    func eventLabel(_ action: String) -> String
    var colNextStep: String { get }
}

struct DutchCaseWorkText: CaseWorkText {
    let newCaseButton = "Nieuwe zaak openen"
    let newCaseTitle = "Nieuwe zaak"
    let newCaseExplain = "Open een zaak na een melding. U wordt de mentor van de zaak; alleen u (en wie u later toegang geeft) kunt de zaak lezen."
    let caseTitleLabel = "Korte titel"
    let caseTitleExample = "bijvoorbeeld: Pesten in groepsapp 2B"
    let pupilsLegend = "Betrokken leerlingen"
    func pupilRow(_ n: Int) -> String { "Leerling \(n)" }
    let classLabel = "Klas"
    let openCaseButton = "Zaak openen"
    let needTitle = "Geef de zaak een korte titel."
    let sectionOverview = "Overzicht"
    let caseSections = "Onderdelen van de zaak"
    let nextStepHeading = "Volgende stap"
    func nextStep(_ step: Int, _ title: String) -> String { "Het protocol vraagt nu stap \(step): \(title)." }
    let allStepsDone = "Alle zes stappen zijn afgehandeld. Houd de afspraken in de gaten en sluit de zaak als het pesten is gestopt."
    let escalatedBanner = "Deze zaak is geëscaleerd"
    func escalatedTo(_ name: String, reason: String, by: String) -> String { "Overgedragen aan \(name) (\(reason)) door \(by)." }
    let saved = "Opgeslagen."
    let addPersonHeading = "Persoon toevoegen"
    let relatedToLabel = "Hoort bij (bij een ouder: de naam van de leerling)"
    let addPersonButton = "Persoon toevoegen"
    let editPerson = "Wijzigen"
    let linkHandleHeading = "Account of nummer koppelen"
    let handleLabel = "Naam, nummer of account zoals in het bewijs"
    let handleKindLabel = "Soort"
    let linkHandleButton = "Koppelen"
    let suggestionsHeading = "Afzenders in het bewijs die nog bij niemand horen"
    func suggestion(_ author: String, messages: Int) -> String { "\(author) (\(Plural.count(messages, "bericht", "berichten")))" }
    let noSuggestions = "Alle afzenders in het bewijs horen bij een persoon."
    let summaryHeading = "Samenvatting"
    let summaryLabel = "Wat is er gebeurd? (feitelijk, kort)"
    let saveSummary = "Samenvatting opslaan"
    let statementsHeading = "Verklaringen"
    let statementKind = "Verklaring van"
    let whoseStatement = "Naam"
    let statementText = "Wat er gebeurde, in eigen woorden"
    let sinceWhen = "Sinds wanneer (als bekend)"
    let addStatement = "Verklaring vastleggen"
    func statementLine(kind: String, person: String, date: String) -> String { "Verklaring van \(person) (\(kind)), \(date)" }
    let followUpHelp = "Een datum, of in woorden (bijvoorbeeld: na de kerstvakantie)."
    let agreementsHelp = "Eén afspraak per regel."
    let magisterHeading = "Tekst voor Magister"
    let magisterExplain = "Kopieer deze tekst naar het logboek van de leerling in Magister."
    let copyButton = "Kopieer"
    let copied = "Gekopieerd."
    func agreementsCount(_ n: Int) -> String { Plural.count(n, "afspraak", "afspraken") }
    let withdrawButton = "Terugtrekken"
    let withdrawReason = "Reden (bijvoorbeeld: verkeerd bestand)"
    func withdrawn(by: String, at: String, reason: String) -> String {
        "Teruggetrokken door \(by) op \(at): \(reason). Het origineel blijft bewaard, maar staat niet in de tijdlijn en het rapport."
    }
    let emptyFileWarning = "Het bestand is leeg (0 bytes). Het is bewaard, maar er staat niets in: vraag de leerling het opnieuw te sturen."
    let emptyFile = "leeg bestand (0 bytes)"
    let repetitionAdvice = "Volgens het protocol draagt de mentor de zaak dan over aan de afdelingsleider: kies \u{201C}Escaleren\u{201D} bij de zaak, met als reden herhaling."
    let unknownFormatWarning = "Bewaar herkent dit bestand niet. Het is ongewijzigd bewaard, maar er is niets uit gelezen: het staat niet in de tijdlijn."
    func smallImageWarning(width: Int, height: Int) -> String {
        "De afbeelding is maar \(width) × \(height) pixels: waarschijnlijk te klein om te lezen. Vraag om de oorspronkelijke schermafbeelding."
    }
    func messagesAndWarnings(messages: Int, warnings: Int) -> String {
        Plural.count(messages, "bericht", "berichten") + ", " + Plural.count(warnings, "waarschuwing", "waarschuwingen")
    }
    func formatName(_ format: String) -> String {
        switch format {
        case "whatsapp": return "WhatsApp-chat"
        case "email": return "e-mail"
        case "image": return "afbeelding"
        case "html", "webpage", "saved-page": return "opgeslagen webpagina"
        case "mhtml": return "opgeslagen webpagina (MHTML)"
        case "container": return "map of zip"
        case "contained": return "bestand uit een zip of export"
        case "unknown", "": return "onbekend formaat (wel bewaard)"
        default:
            if format.hasPrefix("instagram") { return "Instagram-export" }
            if format.hasPrefix("facebook") || format.hasPrefix("meta") { return "Facebook-export" }
            if format.hasPrefix("tiktok") { return "TikTok-export" }
            if format.hasPrefix("snapchat") { return "Snapchat-export" }
            if format.hasPrefix("x-") || format.hasPrefix("twitter") || format == "x" { return "X-export" }
            return "ander formaat"
        }
    }
    let escalatedCasesHeading = "Naar mij geëscaleerd"
    let newBadge = "nieuw"
    func openSteps(_ n: Int) -> String { n == 0 ? "alle stappen afgehandeld" : Plural.count(n, "stap open", "stappen open") }
    let retentionPassed = "bewaartermijn verstreken"
    let pupilsHeading = "Leerlingen in mijn zaken"
    func pupilCases(_ n: Int) -> String { Plural.count(n, "zaak", "zaken") }
    func eventLabel(_ action: String) -> String {
        switch action {
        case "case-opened": return "zaak geopend"
        case "person-added": return "persoon toegevoegd"
        case "item-ingested", "item-reingested": return "bewijs bewaard"
        case "item-withdrawn": return "bestand teruggetrokken"
        case "item-reread": return "bestand opnieuw gelezen"
        case "checklist-step-changed": return "stap bijgewerkt"
        case "talk-recorded": return "gesprek vastgelegd"
        case "case-escalated": return "geëscaleerd"
        case "escalation-undone": return "escalatie teruggedraaid"
        case "handle-linked": return "account gekoppeld"
        case "observation-recorded": return "waarneming vastgelegd"
        case "statement-recorded": return "verklaring vastgelegd"
        case "entry-marked": return "bericht gemarkeerd"
        case "mark-changed": return "markering gewijzigd"
        case "mark-removed": return "markering weggehaald"
        case "packet-made": return "pakket gemaakt"
        case "export-made", "export-sealed": return "bundel gemaakt"
        case "page-viewed": return "bekeken"
        case "original-downloaded": return "origineel gedownload"
        case "packet-downloaded": return "pakket gedownload"
        case "access-granted": return "toegang gegeven"
        case "access-revoked": return "toegang ingetrokken"
        case "access-refused": return "toegang geweigerd"
        case "trace-recorded": return "herkomst vastgelegd"
        case "headers-viewed": return "kopregels bekeken"
        case "case-edited": return "zaak bijgewerkt"
        case "bundle-verified": return "bundel gecontroleerd"
        case "upload-link-made": return "uploadlink gemaakt"
        case "upload-link-used": return "aangeleverd via uploadlink"
        case "upload-link-revoked": return "uploadlink ingetrokken"
        case "person-changed": return "persoon gewijzigd"
        default: return "gebeurtenis"
        }
    }
    let colNextStep = "Volgende stap"
}

struct EnglishCaseWorkText: CaseWorkText {
    let newCaseButton = "Open a new case"
    let newCaseTitle = "New case"
    let newCaseExplain = "Open a case after a report. You become the case's mentor; only you (and whoever you give access later) can read it."
    let caseTitleLabel = "Short title"
    let caseTitleExample = "for example: Bullying in group chat 2B"
    let pupilsLegend = "Pupils involved"
    func pupilRow(_ n: Int) -> String { "Pupil \(n)" }
    let classLabel = "Class"
    let openCaseButton = "Open case"
    let needTitle = "Give the case a short title."
    let sectionOverview = "Overview"
    let caseSections = "Parts of the case"
    let nextStepHeading = "Next step"
    func nextStep(_ step: Int, _ title: String) -> String { "The protocol now asks for step \(step): \(title)." }
    let allStepsDone = "All six steps are done. Keep an eye on the agreements and close the case when the bullying has stopped."
    let escalatedBanner = "This case was escalated"
    func escalatedTo(_ name: String, reason: String, by: String) -> String { "Handed to \(name) (\(reason)) by \(by)." }
    let saved = "Saved."
    let addPersonHeading = "Add a person"
    let relatedToLabel = "Belongs to (for a parent: the pupil's name)"
    let addPersonButton = "Add person"
    let editPerson = "Change"
    let linkHandleHeading = "Link an account or number"
    let handleLabel = "Name, number or account as in the evidence"
    let handleKindLabel = "Kind"
    let linkHandleButton = "Link"
    let suggestionsHeading = "Senders in the evidence that belong to nobody yet"
    func suggestion(_ author: String, messages: Int) -> String { "\(author) (\(messages) \(messages == 1 ? "message" : "messages"))" }
    let noSuggestions = "Every sender in the evidence belongs to a person."
    let summaryHeading = "Summary"
    let summaryLabel = "What happened? (factual, short)"
    let saveSummary = "Save summary"
    let statementsHeading = "Statements"
    let statementKind = "Statement by"
    let whoseStatement = "Name"
    let statementText = "What happened, in their own words"
    let sinceWhen = "Since when (if known)"
    let addStatement = "Record statement"
    func statementLine(kind: String, person: String, date: String) -> String { "Statement by \(person) (\(kind)), \(date)" }
    let followUpHelp = "A date, or in words (for example: after the Christmas holiday)."
    let agreementsHelp = "One agreement per line."
    let magisterHeading = "Text for Magister"
    let magisterExplain = "Copy this text into the pupil's logbook in Magister."
    let copyButton = "Copy"
    let copied = "Copied."
    func agreementsCount(_ n: Int) -> String { "\(n) \(n == 1 ? "agreement" : "agreements")" }
    let withdrawButton = "Withdraw"
    let withdrawReason = "Reason (for example: wrong file)"
    func withdrawn(by: String, at: String, reason: String) -> String {
        "Withdrawn by \(by) on \(at): \(reason). The original stays stored but is not in the timeline or the report."
    }
    let emptyFileWarning = "The file is empty (0 bytes). It was stored, but holds nothing: ask the pupil to send it again."
    let emptyFile = "empty file (0 bytes)"
    let repetitionAdvice = "The protocol then has the mentor hand the case to the afdelingsleider: choose \u{201C}Escalate\u{201D} on the case, with repetition as the reason."
    let unknownFormatWarning = "Bewaar does not recognise this file. It was stored unchanged, but nothing was read from it: it is not in the timeline."
    func smallImageWarning(width: Int, height: Int) -> String {
        "The image is only \(width) × \(height) pixels: probably too small to read. Ask for the original screenshot."
    }
    func messagesAndWarnings(messages: Int, warnings: Int) -> String {
        "\(messages) \(messages == 1 ? "message" : "messages"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
    func formatName(_ format: String) -> String {
        switch format {
        case "whatsapp": return "WhatsApp chat"
        case "email": return "e-mail"
        case "image": return "image"
        case "html", "webpage", "saved-page": return "saved web page"
        case "mhtml": return "saved web page (MHTML)"
        case "container": return "folder or zip"
        case "contained": return "file from a zip or export"
        case "unknown", "": return "unknown format (stored all the same)"
        default:
            if format.hasPrefix("instagram") { return "Instagram export" }
            if format.hasPrefix("facebook") || format.hasPrefix("meta") { return "Facebook export" }
            if format.hasPrefix("tiktok") { return "TikTok export" }
            if format.hasPrefix("snapchat") { return "Snapchat export" }
            if format.hasPrefix("x-") || format.hasPrefix("twitter") || format == "x" { return "X export" }
            return "other format"
        }
    }
    let escalatedCasesHeading = "Escalated to me"
    let newBadge = "new"
    func openSteps(_ n: Int) -> String { n == 0 ? "all steps done" : "\(n) \(n == 1 ? "step" : "steps") open" }
    let retentionPassed = "retention period passed"
    let pupilsHeading = "Pupils in my cases"
    func pupilCases(_ n: Int) -> String { "\(n) \(n == 1 ? "case" : "cases")" }
    func eventLabel(_ action: String) -> String {
        switch action {
        case "case-opened": return "case opened"
        case "person-added": return "person added"
        case "item-ingested", "item-reingested": return "evidence stored"
        case "item-withdrawn": return "file withdrawn"
        case "item-reread": return "file read again"
        case "checklist-step-changed": return "step updated"
        case "talk-recorded": return "talk recorded"
        case "case-escalated": return "escalated"
        case "escalation-undone": return "escalation undone"
        case "handle-linked": return "account linked"
        case "observation-recorded": return "observation recorded"
        case "statement-recorded": return "statement recorded"
        case "entry-marked": return "message marked"
        case "mark-changed": return "mark changed"
        case "mark-removed": return "mark removed"
        case "packet-made": return "packet made"
        case "export-made", "export-sealed": return "bundle made"
        case "page-viewed": return "viewed"
        case "original-downloaded": return "original downloaded"
        case "packet-downloaded": return "packet downloaded"
        case "access-granted": return "access given"
        case "access-revoked": return "access revoked"
        case "access-refused": return "access refused"
        case "trace-recorded": return "trace recorded"
        case "headers-viewed": return "headers viewed"
        case "case-edited": return "case updated"
        case "bundle-verified": return "bundle checked"
        case "upload-link-made": return "upload link made"
        case "upload-link-used": return "handed in through an upload link"
        case "upload-link-revoked": return "upload link revoked"
        case "person-changed": return "person changed"
        default: return "event"
        }
    }
    let colNextStep = "Next step"
}
