import BewaarModel

/// The words of a case's end in the browser: closing, reopening, the legal hold, the retention
/// overview and the destruction with proof (part of ``PageText``; one table per language).
protocol LifecycleText: Sendable {
    var heading: String { get }
    var navRetention: String { get }
    func outcome(_ o: CaseOutcome) -> String
    var running: String { get }
    func keptUntil(_ day: String) -> String
    func duePassed(_ day: String) -> String
    func closedLine(at: String, by: String, outcome: String) -> String
    func holdLine(since: String, by: String, reason: String) -> String
    var holdBadge: String { get }
    var outcomeLabel: String { get }
    var reasonLabel: String { get }
    var closeButton: String { get }
    var closeExplain: String { get }
    var reopenButton: String { get }
    var holdButton: String { get }
    var holdExample: String { get }
    var releaseButton: String { get }
    var proposeHeading: String { get }
    var proposeExplain: String { get }
    var proposeButton: String { get }
    func proposal(by: String, at: String, outcome: String) -> String
    var onlyHeadCloses: String { get }
    var needReason: String { get }
    // The retention overview.
    var retentionTitle: String { get }
    func policy(months: Int) -> String
    var policyHeading: String { get }
    var changePolicy: String { get }
    var monthsLabel: String { get }
    var dueHeading: String { get }
    var dueExplain: String { get }
    var holdHeading: String { get }
    var holdExplain: String { get }
    var proposalsHeading: String { get }
    var destroyedHeading: String { get }
    var noneRow: String { get }
    var colClosed: String { get }
    var colDue: String { get }
    var colHold: String { get }
    var colBy: String { get }
    var colWhen: String { get }
    var colReason: String { get }
    var destroyLink: String { get }
    // Destroying.
    func destroyTitle(_ id: String) -> String
    var destroyExplain: String { get }
    var confirmLabel: String { get }
    var destroyReasonLabel: String { get }
    var destroyButton: String { get }
    func confirmMismatch(_ id: String) -> String
    var notDueYet: String { get }
    // The notice to those who had access.
    func destroyedTitle(_ id: String) -> String
    func destroyedNotice(_ id: String, at: String, by: String, reason: String) -> String
    func destroyedDone(_ id: String, originals: Int) -> String
}

struct DutchLifecycleText: LifecycleText {
    let heading = "Afsluiten en bewaren"
    let navRetention = "Bewaartermijn"
    func outcome(_ o: CaseOutcome) -> String { o.dutch }
    let running = "loopt nog: de bewaartermijn begint bij het sluiten"
    func keptUntil(_ day: String) -> String { "bewaren tot \(day)" }
    func duePassed(_ day: String) -> String { "bewaartermijn verstreken op \(day): vernietigen" }
    func closedLine(at: String, by: String, outcome: String) -> String { "Gesloten op \(at) door \(by): \(outcome)." }
    func holdLine(since: String, by: String, reason: String) -> String {
        "Bewaarplicht sinds \(since) (\(by)): \(reason). De zaak wordt niet vernietigd tot de bewaarplicht is opgeheven."
    }
    let holdBadge = "bewaarplicht"
    let outcomeLabel = "Uitkomst"
    let reasonLabel = "Reden (komt in het logboek)"
    let closeButton = "Zaak sluiten"
    let closeExplain =
        "Sluit de zaak als het pesten gestopt is, de leerlingen zijn doorverwezen of er aangifte is gedaan. Daarna wordt de zaak bewaard volgens het beleid van de school en dan vernietigd. Na een aangifte: zet de zaak ook op bewaarplicht."
    let reopenButton = "Zaak heropenen"
    let holdButton = "Bewaarplicht instellen"
    let holdExample = "bijvoorbeeld: aangifte gedaan"
    let releaseButton = "Bewaarplicht opheffen"
    let proposeHeading = "Sluiten voorstellen"
    let proposeExplain =
        "Volgens het protocol sluit de afdelingsleider de zaak. Stel het sluiten voor; de afdelingsleider ziet het voorstel bij de zaak en in het overzicht van de bewaartermijnen."
    let proposeButton = "Sluiten voorstellen"
    func proposal(by: String, at: String, outcome: String) -> String { "\(by) stelde op \(at) voor de zaak te sluiten: \(outcome)." }
    let onlyHeadCloses = "Alleen de afdelingsleider van de zaak sluit, heropent of zet op bewaarplicht."
    let needReason = "Vul een reden in: die komt in het logboek."
    let retentionTitle = "Bewaartermijnen"
    func policy(months: Int) -> String { "Beleid van de school: een zaak wordt \(months) maanden na het sluiten vernietigd." }
    let policyHeading = "Bewaarbeleid"
    let changePolicy = "Bewaarbeleid wijzigen"
    let monthsLabel = "Maanden na het sluiten (geldt voor zaken die daarna gesloten worden)"
    let dueHeading = "Bewaartermijn verstreken"
    let dueExplain =
        "Deze zaken zijn gesloten en hun bewaartermijn is verstreken: vernietig ze. Wat overblijft is alleen het bewijs van vernietiging."
    let holdHeading = "Op bewaarplicht"
    let holdExplain =
        "Niet vernietigen. Vraag na of de politie het bewijs nog nodig heeft; zo niet, dan heft de afdelingsleider van de zaak de bewaarplicht op."
    let proposalsHeading = "Voorstellen tot sluiten"
    let destroyedHeading = "Vernietigde zaken"
    let noneRow = "(geen)"
    let colClosed = "Gesloten"
    let colDue = "Bewaren tot"
    let colHold = "Bewaarplicht"
    let colBy = "Door"
    let colWhen = "Wanneer"
    let colReason = "Reden"
    let destroyLink = "Vernietigen…"
    func destroyTitle(_ id: String) -> String { "Zaak \(id) vernietigen" }
    let destroyExplain =
        "Alles van de zaak verdwijnt uit de opslag: berichten, originelen die geen andere zaak gebruikt, gesprekken, verklaringen, betrokkenen, het logboek van de zaak. Dit kan niet ongedaan worden gemaakt. Wat overblijft is één regel in het vernietigingslogboek: zaaknummer, laatste hash van het logboek, aantallen, de SHA-256 van elk vernietigd origineel, wie, wanneer en waarom. Een bundel die eerder is gemaakt blijft op zichzelf controleerbaar."
    let confirmLabel = "Typ ter bevestiging het zaaknummer"
    let destroyReasonLabel = "Reden (blijft altijd in het vernietigingslogboek: geen namen van leerlingen)"
    let destroyButton = "Definitief vernietigen"
    func confirmMismatch(_ id: String) -> String { "Het getypte zaaknummer is niet \(id): er is niets vernietigd." }
    let notDueYet = "Deze zaak kan nu niet worden vernietigd."
    func destroyedTitle(_ id: String) -> String { "Zaak \(id) is vernietigd" }
    func destroyedNotice(_ id: String, at: String, by: String, reason: String) -> String {
        "Zaak \(id) is vernietigd op \(at) door \(by) (\(reason)). Alleen het bewijs van vernietiging is bewaard."
    }
    func destroyedDone(_ id: String, originals: Int) -> String {
        "Zaak \(id) is vernietigd; \(originals) originelen verwijderd. Het bewijs staat in het vernietigingslogboek."
    }
}

struct EnglishLifecycleText: LifecycleText {
    let heading = "Closing and retention"
    let navRetention = "Retention"
    func outcome(_ o: CaseOutcome) -> String { o.english }
    let running = "still running: the retention period starts at closing"
    func keptUntil(_ day: String) -> String { "kept until \(day)" }
    func duePassed(_ day: String) -> String { "retention passed on \(day): destroy" }
    func closedLine(at: String, by: String, outcome: String) -> String { "Closed on \(at) by \(by): \(outcome)." }
    func holdLine(since: String, by: String, reason: String) -> String {
        "Legal hold since \(since) (\(by)): \(reason). The case is not destroyed until the hold is released."
    }
    let holdBadge = "legal hold"
    let outcomeLabel = "Outcome"
    let reasonLabel = "Reason (goes into the log)"
    let closeButton = "Close case"
    let closeExplain =
        "Close the case when the bullying stopped, the pupils were referred or a police report (aangifte) was made. The case is then kept by the school's policy and destroyed after it. After a police report: also put the case on legal hold."
    let reopenButton = "Reopen case"
    let holdButton = "Place legal hold"
    let holdExample = "for example: police report made"
    let releaseButton = "Release legal hold"
    let proposeHeading = "Propose closing"
    let proposeExplain =
        "Per the protocol the afdelingsleider closes the case. Propose closing; the afdelingsleider sees the proposal on the case and in the retention overview."
    let proposeButton = "Propose closing"
    func proposal(by: String, at: String, outcome: String) -> String { "\(by) proposed on \(at) to close the case: \(outcome)." }
    let onlyHeadCloses = "Only the case's afdelingsleider closes, reopens or places a legal hold."
    let needReason = "Fill in a reason: it goes into the log."
    let retentionTitle = "Retention"
    func policy(months: Int) -> String { "School policy: a case is destroyed \(months) months after closing." }
    let policyHeading = "Retention policy"
    let changePolicy = "Change the retention policy"
    let monthsLabel = "Months after closing (applies to cases closed afterwards)"
    let dueHeading = "Past their retention date"
    let dueExplain = "These cases are closed and their retention period has passed: destroy them. Only the proof of destruction remains."
    let holdHeading = "On legal hold"
    let holdExplain = "Do not destroy. Ask whether the police still need the evidence; if not, the case's afdelingsleider releases the hold."
    let proposalsHeading = "Proposals to close"
    let destroyedHeading = "Destroyed cases"
    let noneRow = "(none)"
    let colClosed = "Closed"
    let colDue = "Keep until"
    let colHold = "Legal hold"
    let colBy = "By"
    let colWhen = "When"
    let colReason = "Reason"
    let destroyLink = "Destroy…"
    func destroyTitle(_ id: String) -> String { "Destroy case \(id)" }
    let destroyExplain =
        "Everything of the case leaves the store: messages, originals no other case uses, talks, statements, people, the case's log. This cannot be undone. What remains is one entry in the destruction log: case number, last hash of its log, counts, the SHA-256 of each destroyed original, who, when and why. A bundle made earlier still verifies on its own."
    let confirmLabel = "Type the case number to confirm"
    let destroyReasonLabel = "Reason (stays in the destruction log for good: no pupils' names)"
    let destroyButton = "Destroy for good"
    func confirmMismatch(_ id: String) -> String { "The case number typed is not \(id): nothing was destroyed." }
    let notDueYet = "This case cannot be destroyed now."
    func destroyedTitle(_ id: String) -> String { "Case \(id) was destroyed" }
    func destroyedNotice(_ id: String, at: String, by: String, reason: String) -> String {
        "Case \(id) was destroyed on \(at) by \(by) (\(reason)). Only the proof of destruction is kept."
    }
    func destroyedDone(_ id: String, originals: Int) -> String {
        "Case \(id) was destroyed; \(originals) originals removed. The proof is in the destruction log."
    }
}
