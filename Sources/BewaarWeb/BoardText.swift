/// The words of the board's overview (`/bestuur`, the privacy officer's page); part of
/// ``PageText``, one table per language.
protocol BoardText: Sendable {
    var nav: String { get }
    var title: String { get }
    var explain: String { get }
    var noBoard: String { get }
    var schoolsHeading: String { get }
    var colSchool: String { get }
    var colOpen: String { get }
    var colClosed: String { get }
    var colOnHold: String { get }
    var colOverdue: String { get }
    var colDestroyed: String { get }
    var overdueHeading: String { get }
    var overdueExplain: String { get }
    var casesHeading: String { get }
    var colCase: String { get }
    var colStatus: String { get }
    var colOpened: String { get }
    var colUntil: String { get }
    var onHold: String { get }
    var destroyedHeading: String { get }
    var colWhen: String { get }
    var colBy: String { get }
    var colOriginals: String { get }
    var early: String { get }
    var none: String { get }
}

struct DutchBoardText: BoardText {
    let nav = "Bestuur"
    let title = "Overzicht van het bestuur"
    let explain =
        "Per school de zaken met hun status en bewaartermijn, en het vernietigingslogboek: nummers, data en namen van medewerkers, nooit een titel, een leerling of een reden. Elke keer dat u deze pagina opent, staat in het logboek van het bestuur."
    let noBoard = "Deze server is van één school; een overzicht van het bestuur is er alleen bij een database van een schoolbestuur."
    let schoolsHeading = "Scholen"
    let colSchool = "School"
    let colOpen = "Lopend"
    let colClosed = "Gesloten"
    let colOnHold = "Bewaarplicht"
    let colOverdue = "Termijn verstreken"
    let colDestroyed = "Vernietigd"
    let overdueHeading = "Bewaartermijn verstreken, nog niet vernietigd"
    let overdueExplain = "Deze zaken hadden vernietigd moeten zijn. De afdelingsleider van de school vernietigt ze (Bewaartermijn)."
    let casesHeading = "Alle zaken"
    let colCase = "Zaak"
    let colStatus = "Status"
    let colOpened = "Geopend"
    let colUntil = "Bewaren tot"
    let onHold = "bewaarplicht"
    let destroyedHeading = "Vernietigingslogboek"
    let colWhen = "Wanneer"
    let colBy = "Door"
    let colOriginals = "Originelen"
    let early = "voor het einde van de termijn"
    let none = "Geen."
}

struct EnglishBoardText: BoardText {
    let nav = "Board"
    let title = "The board's overview"
    let explain =
        "Per school the cases with their status and retention, and the destruction log: numbers, dates and staff names, never a title, a pupil or a reason. Every time you open this page is recorded in the board's log."
    let noBoard = "This server is one school's; a board's overview exists only with a school board's database."
    let schoolsHeading = "Schools"
    let colSchool = "School"
    let colOpen = "Open"
    let colClosed = "Closed"
    let colOnHold = "On hold"
    let colOverdue = "Retention passed"
    let colDestroyed = "Destroyed"
    let overdueHeading = "Retention passed, not yet destroyed"
    let overdueExplain = "These cases should have been destroyed. The school's afdelingsleider destroys them (Retention)."
    let casesHeading = "All cases"
    let colCase = "Case"
    let colStatus = "Status"
    let colOpened = "Opened"
    let colUntil = "Keep until"
    let onHold = "on hold"
    let destroyedHeading = "Destruction log"
    let colWhen = "When"
    let colBy = "By"
    let colOriginals = "Originals"
    let early = "before the end of the retention"
    let none = "None."
}
