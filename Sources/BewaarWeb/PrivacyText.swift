/// The words of the access-request page (afdelingsleider) and the processing-register page
/// (beheerder); part of ``PageText``, one table per language.
protocol PrivacyText: Sendable {
    var navAccessRequest: String { get }
    var accessRequestTitle: String { get }
    func accessRequestExplain(cases: Int) -> String
    var personLabel: String { get }
    var personHelp: String { get }
    var requestedByLabel: String { get }
    var requestedByHelp: String { get }
    var exportButton: String { get }
    var registerTitle: String { get }
    var registerLink: String { get }
}

struct DutchPrivacyText: PrivacyText {
    let navAccessRequest = "Inzageverzoek"
    let accessRequestTitle = "Inzageverzoek (AVG art. 15)"
    func accessRequestExplain(cases: Int) -> String {
        "Maak een overzicht van alles wat Bewaar bewaart over één leerling of ouder in de zaken waartoe u toegang heeft "
            + "(\(cases == 1 ? "1 zaak" : "\(cases) zaken")): een PDF en een JSON in één zip. Andere leerlingen en ouders staan erin onder "
            + "een schuilnaam (Leerling A, …); namen van medewerkers blijven staan. Het maken wordt vastgelegd in het logboek van elke "
            + "betrokken zaak, met wie erom vroeg. Een overzicht over alle zaken maakt de beheerder op de server met bewaar person export. "
            + "Lees het overzicht voordat u het geeft: een naam die Bewaar niet kent, kan het niet vervangen."
    }
    let personLabel = "Naam van de persoon"
    let personHelp = "Zoals de naam op de zaak staat, bijvoorbeeld Sanne de Vries."
    let requestedByLabel = "Gevraagd door"
    let requestedByHelp = "Wie om inzage vroeg, bijvoorbeeld de leerling zelf of de moeder van de leerling."
    let exportButton = "Overzicht maken en downloaden"
    let registerTitle = "Verwerkingsregister"
    let registerLink = "Verwerkingsregister (wat Bewaar bewaart, waarom, wie het ziet)"
}

struct EnglishPrivacyText: PrivacyText {
    let navAccessRequest = "Access request"
    let accessRequestTitle = "Access request (GDPR art. 15)"
    func accessRequestExplain(cases: Int) -> String {
        "Make an overview of everything Bewaar keeps about one pupil or parent in the cases you have access to "
            + "(\(cases == 1 ? "1 case" : "\(cases) cases")): a PDF and a JSON in one zip. Other pupils and parents appear under a "
            + "pseudonym (Leerling A, …); staff names stay. Making it is recorded in the log of every case involved, with who asked. "
            + "An overview over all cases is made by the administrator on the server with bewaar person export. "
            + "Read the overview before handing it over: a name Bewaar does not know cannot be replaced."
    }
    let personLabel = "Name of the person"
    let personHelp = "As the name is on the case, for example Sanne de Vries."
    let requestedByLabel = "Requested by"
    let requestedByHelp = "Who asked for access, for example the pupil or the pupil's mother."
    let exportButton = "Make and download the overview"
    let registerTitle = "Processing register"
    let registerLink = "Processing register (what Bewaar keeps, why, who sees it)"
}
