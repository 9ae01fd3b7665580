import BewaarModel
import BewaarKit
import BewaarAccounts

/// The pages in Dutch (the default).
struct DutchText: PageText {
    var access: any AccessText { DutchAccessText() }
    var signOn: any SignOnText { DutchSignOnText() }
    var evidence: any EvidenceText { DutchEvidenceText() }
    var work: any CaseWorkText { DutchCaseWorkText() }
    var lifecycle: any LifecycleText { DutchLifecycleText() }
    var uploadLink: any UploadLinkText { DutchUploadLinkText() }
    var dateOrder: any DateOrderText { DutchDateOrderText() }
    var screenshot: any ScreenshotText { DutchScreenshotText() }
    var privacy: any PrivacyText { DutchPrivacyText() }
    var board: any BoardText { DutchBoardText() }
    let language = Language.nl

    // MARK: Frame
    let skipToContent = "Naar de inhoud"
    let mainMenu = "Hoofdmenu"
    let navCases = "Mijn zaken"
    let navTrace = "Herkomst e-mail"
    let navAccounts = "Accounts"
    let navSettings = "Instellingen"
    func caseMenu(_ id: String) -> String { "Zaak \(id)" }
    let navCase = "Zaak"
    let navTimeline = "Tijdlijn"
    let navPacket = "Pakket"
    let navLog = "Logboek"
    func signedInAs(_ name: String, _ role: String) -> HTML { "Ingelogd als <strong>\(name)</strong> (\(role))" }
    let logout = "Uitloggen"
    let footer = "Bewaar – bewijs van (cyber)pesten bewaren volgens het anti-pestprotocol. Alles blijft op deze schoolcomputer."
    let back = "Terug"
    let toStart = "Naar het begin"
    let months = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    let decimalSeparator = ","
    let noTime = "zonder tijd"

    // MARK: Words of the model
    func role(_ r: AccountRole) -> String { r.dutch }
    func personRole(_ r: Role) -> String {
        switch r {
        case .slachtoffer: return "slachtoffer"
        case .vermoedelijkeDader: return "vermoedelijke dader"
        case .melder: return "melder"
        case .mentor: return "mentor"
        case .afdelingsleider: return "afdelingsleider"
        case .ouder: return "ouder"
        case .ondersteuningscoordinator: return "ondersteuningscoördinator"
        case .systeembeheerder: return "systeembeheerder"
        case .getuige: return "getuige"
        case .omstander: return "omstander"
        }
    }
    func handleKind(_ k: HandleKind) -> String {
        switch k {
        case .email: return "e-mail"
        case .x: return "X"
        case .telefoon: return "telefoonnummer"
        default: return k.rawValue
        }
    }
    func caseStatus(_ s: CaseStatus) -> String {
        switch s {
        case .open: return "open"
        case .escalated: return "geëscaleerd"
        case .closed: return "gesloten"
        }
    }
    func stepStatus(_ s: StepStatus) -> String {
        switch s {
        case .open: return "open"
        case .gedaan: return "gedaan"
        case .nietVanToepassing: return "niet van toepassing"
        }
    }
    func stepTitle(_ s: CyberpestenStep) -> String { s.titleNL }
    func stepGuidance(_ s: CyberpestenStep) -> String { s.guidanceNL }
    func fieldLabel(nl: String, en: String) -> String { nl }
    func markReason(_ r: MarkReason) -> String { r.dutch }
    func escalationReason(_ r: EscalationReason) -> String { r.dutch }

    // MARK: Errors and refusals
    let notFoundTitle = "Niet gevonden"
    let noSuchStep = "Deze stap bestaat niet."
    let noSuchCaseNumber = "Dit zaaknummer bestaat niet."
    func noSuchCase(_ id: String) -> String { "Zaak \(id) bestaat niet." }
    let itemNotInCase = "Dit bewijsstuk hoort niet bij deze zaak."
    let messageNotInCase = "Dit bericht hoort niet bij deze zaak."
    let notAMail = "Dit is geen e-mail in de opslag."
    let packetFileMissing = "Dit bestand is er (nog) niet. Maak eerst het pakket."
    let refusedTitle = "Geen toegang"
    func refused(role: String) -> String {
        "Als \(role) heeft u geen toegang tot deze pagina. Dat is vastgelegd in het logboek. "
            + "Denkt u dat u toegang nodig hebt, vraag het dan aan de afdelingsleider."
    }
    let formExpiredTitle = "Formulier verlopen"
    let formExpired = "Dit formulier is verlopen of kwam niet van deze site. Laad de pagina opnieuw en probeer het nog eens."
    let formTooLargeTitle = "Te veel tekst"
    let formTooLarge = "Dit formulier is te groot om te bewaren."
    let failedTitle = "Niet gelukt"
    func somethingWentWrong(_ detail: String) -> String { "Er ging iets mis: \(detail)" }
    func errorTitle(_ code: Int) -> String { "Fout \(code)" }
    let httpNotFound = "Deze pagina bestaat niet."
    let httpNotAllowed = "Deze handeling kan hier niet."
    let httpTooLarge = "Het verzoek is te groot."
    func httpOther(_ code: Int) -> String { "Er ging iets mis (\(code))." }
    let notAvailableTitle = "Nog niet beschikbaar"
    let bundleMakeUnavailable = "De bundel maken kan in deze versie nog niet via de webinterface."
    let bundleVerifyUnavailable = "Een bundel controleren kan in deze versie nog niet via de webinterface."
    let tooLargeTitle = "Bestand te groot"
    func tooLarge(limit: String) -> String {
        "De bestanden zijn samen groter dan \(limit), de grens van deze server. Er is niets bewaard. "
            + "Upload de bestanden los, of vraag de systeembeheerder de grens te verhogen (bewaar serve --max-upload-mb)."
    }
    let diskProblem = "De schijf van de opslag is vol of niet beschrijfbaar. Er is niets bewaard; vraag de systeembeheerder."
    let uploadBrokenTitle = "Upload afgebroken"
    let uploadBroken = "Het uploaden is afgebroken. Er is niets half bewaard; wat al bewaard was, blijft bewaard. Probeer het opnieuw."
    let chooseFilesOnCasePage = "Kies de bestanden met het formulier op de zaakpagina."

    // MARK: Login
    let loginTitle = "Inloggen"
    let name = "Naam"
    let password = "Wachtwoord"
    let loginButton = "Inloggen"
    let loginHelp: HTML = "Een account krijgt u van de beheerder. Na vijf mislukte pogingen wordt een account een kwartier geblokkeerd."
    let wrongCredentials = "Naam of wachtwoord klopt niet."
    func locked(until: String) -> String {
        "Te veel mislukte pogingen. Dit account is tijdelijk geblokkeerd tot \(until). De beheerder kan het wachtwoord opnieuw instellen."
    }
    let sessionExpired = "Uw sessie was verlopen. Log opnieuw in."

    // MARK: Cases
    let myCasesTitle = "Mijn zaken"
    func caseTitle(_ id: String, _ title: String) -> String { "Zaak \(id): \(title)" }
    let noCases = "U staat bij geen enkele zaak. Een zaak verschijnt hier zodra u erbij bent gezet of als hij naar u is geëscaleerd."
    let casesCaption = "Zaken waar u bij staat of die naar u zijn geëscaleerd"
    let colCase = "Zaak"
    let colTitle = "Titel"
    let colStatus = "Status"
    let colSteps = "Stappen"
    let colLastAction = "Laatste handeling"
    func stepsDone(_ n: Int) -> String { "\(n) van 6" }
    let formatUnknown = "onbekend formaat (wel bewaard)"

    // MARK: Case page
    let peopleHeading = "Betrokkenen"
    let colName = "Naam"
    let colRole = "Rol"
    let colRelatedTo = "Hoort bij"
    let colGroup = "Groep"
    let colHandles = "Accounts en nummers"
    let planHeading = "Stappenplan cyberpesten"
    func stepHeading(_ n: Int, _ title: String) -> String { "Stap \(n). \(title)" }
    func lastUpdated(by: String, at: String) -> String { "Laatst bijgewerkt door \(by) op \(at)." }
    func statusOfStep(_ n: Int) -> String { "Status van stap \(n)" }
    let note = "Notitie"
    func saveStep(_ n: Int) -> String { "Stap \(n) opslaan" }
    let evidenceHeading = "Bewijs"
    let colFileDownload = "Bestand (download)"
    let colKind = "Soort"
    let colContent = "Inhoud"
    let colSize = "Grootte"
    let colStoredBy = "Bewaard door"
    func itemContent(messages: Int, warnings: Int) -> String { work.messagesAndWarnings(messages: messages, warnings: warnings) }
    let uploadStored = "Bewaard."
    let uploadAlreadyThere = "Dit bestand zat al in de zaak; de ontvangst is erbij gezet."
    let uploadNoFile = "Er was geen bestand gekozen."
    func notStored(_ detail: String) -> String { "Niet bewaard: \(detail)" }
    func uploadLabel(limit: String) -> String {
        "Bestanden toevoegen (WhatsApp-export, e-mail, opgeslagen pagina, schermafbeelding; meerdere tegelijk mag; samen hoogstens \(limit))"
    }
    let dropHint = "U kunt bestanden ook hierheen slepen."
    let whereFrom = "Waar komt het vandaan?"
    let whereFromExample = "bijvoorbeeld: telefoon van Sanne, via AirDrop"
    let storeButton = "Bewaren"
    let uploadProgress = "Voortgang van het uploaden"
    let jsSent = "% verzonden"
    let jsFailed = "Uploaden mislukt ({status}). Het bestand is niet bewaard; probeer het opnieuw of kies een kleiner bestand."
    let jsBroken = "De verbinding is verbroken; er is niets half bewaard. Probeer het opnieuw."
    func reading(file: Int, of files: Int, name: String, messages: Int, percent: Int?) -> String {
        "Bestand \(file) van \(files) wordt gelezen (\(name)): \(Plural.count(messages, "bericht", "berichten"))"
            + (percent.map { ", \($0) %" } ?? "") + "."
    }
    func readingDone(files: Int) -> String { "\(Plural.count(files, "bestand", "bestanden")) gelezen; de zaak wordt geopend." }
    let imageHeading = "Seksuele afbeelding: alleen vastleggen, nooit uploaden"
    let imageWarning =
        "Een seksuele afbeelding van een minderjarige mag u niet bewaren, doorsturen of uploaden, ook niet als bewijs: "
        + "bezit en verspreiding zijn strafbaar, ook voor een mentor. Leg hier alleen vast dát de afbeelding bestaat, "
        + "wie hem stuurde en waar, en schakel de politie in. Beschrijf neutraal, zonder de inhoud."
    let imageRecorded = "Seksuele afbeelding (niet bewaard)"
    let notStoredObservation = "Niet bewaard"
    let senderWord = "afzender"
    let unknown = "onbekend"
    func recordedBy(_ by: String, at: String) -> String { "(vastgelegd door \(by), \(at))" }
    let sender = "Afzender"
    let recipients = "Ontvangers"
    let when = "Wanneer"
    let place = "Waar (groep, platform)"
    let neutralDescription = "Neutrale beschrijving"
    let recordWithoutImage = "Vastleggen (zonder afbeelding)"
    let talksHeading = "Gesprekken en afspraken"
    let withWord = "met"
    let dateLabel = "Datum (jjjj-mm-dd)"
    let withWhom = "Met wie (komma's ertussen)"
    let present = "Aanwezig (komma's ertussen)"
    let summary = "Samenvatting"
    let agreements = "Afspraken (één per regel)"
    let followUp = "Vervolg"
    let recordTalk = "Gesprek vastleggen"
    let escalationHeading = "Escalatie naar de afdelingsleider"
    func escalationLine(to: String, reason: String, by: String, at: String, note: String) -> HTML {
        "Naar <strong>\(to)</strong> (\(reason)) door \(by), \(at). \(note)"
    }
    let headName = "Naam van de afdelingsleider"
    let reason = "Reden"
    let explanation = "Toelichting"
    let escalateButton = "Escaleren"
    let fillEscalation = "Vul de naam van de afdelingsleider in en kies een reden."

    // MARK: Timeline
    func timelineTitle(_ id: String, _ title: String) -> String { "Tijdlijn van zaak \(id): \(title)" }
    func sourceTitle(_ n: Int64) -> String { "Bron van bericht \(n)" }
    let chooseMarkReason = "Kies een reden om te markeren."
    let markedWord = "Gemarkeerd"
    let attachments = "Bijlagen"
    func previousPage(_ n: Int) -> String { "Vorige \(n)" }
    func nextPage(_ n: Int) -> String { "Volgende \(n)" }
    let everyone = "iedereen"
    let searchLabel = "Zoeken in de berichten"
    let fromWhom = "Van wie"
    let fromDate = "Vanaf (datum)"
    let toDate = "Tot en met (datum)"
    let onlyMarked = "Alleen gemarkeerde berichten"
    let show = "Toon"
    func shown(_ count: Int, page: Int, total: Int) -> String {
        "\(Plural.count(count, "bericht", "berichten")) getoond (pagina \(page)); de zaak heeft \(Plural.count(total, "bericht", "berichten")) in totaal. Tijden in Nederlandse tijd."
    }
    let colTime = "Tijd"
    let colFrom = "Van"
    let colMessage = "Bericht"
    let colSource = "Bron"
    let colMark = "Markeren"
    let pages = "Pagina's"
    let unreadable = "(niet te lezen)"
    func inPart(_ part: String) -> String {
        "(de bytes staan in onderdeel \(part) van het origineel; download het origineel om ze te zien)"
    }
    func sourceIntro(name: String, sha256: String, from: Int64, to: Int64, line: Int?) -> HTML {
        let lineText = line.map { ", regel \($0)" } ?? ""
        return
            "Het genormaliseerde bericht naast de oorspronkelijke bytes uit <strong>\(name)</strong> (SHA-256 <code>\(sha256)</code>), bytes \(from) tot \(to)\(lineText)."
    }
    let normalised = "Genormaliseerd"
    let originalBytes = "Oorspronkelijke bytes (als tekst)"
    let downloadWhole = "Het hele origineel downloaden"
    let backToTimeline = "Terug naar de tijdlijn"

    // MARK: Packet and bundle
    func packetTitle(_ id: String) -> String { "Pakket voor de politie – zaak \(id)" }
    func packetIntro(marked: Int) -> String {
        "Het pakket is wat u de politie of de ouders meegeeft bij een aangifte: een rapport (PDF en HTML) met de \(marked) "
            + "gemarkeerde berichten en hun context, de tijdlijn per dag, de stappen, gesprekken, het herkomstonderzoek en het logboek, "
            + "plus een checklist voor de aangifte."
    }
    let noMarks = "Er zijn nog geen berichten gemarkeerd. Markeer in de tijdlijn wat ertoe doet."
    let makePacket = "Pakket maken"
    let filesHeading = "Bestanden"
    let noPacketYet = "Er is nog geen pakket gemaakt."
    func lastMade(at: String, by: String) -> String { "Laatst gemaakt: \(at) door \(by)." }
    let bundleHeading = "Bundel"
    let bundleExplain =
        "De bewijsbundel is één zip met alle originelen byte voor byte, wat eruit gelezen is, het logboek en "
        + "controlegetallen (BagIt). Iedereen kan hem controleren, ook zonder Bewaar. Het maken ervan komt in het logboek."
    let bundleNotInBuild =
        "De verzegelde bundel (met alle originelen en het logboek) en het controleren van een bundel zitten niet in deze versie van de webinterface; gebruik de opdrachtregel (bewaar bundle, bewaar verify)."
    let makeBundle = "Bundel maken"
    let verifyBundleLabel = "Een bundel controleren"
    let verifyButton = "Controleren"
    let bundleVerifiedTitle = "Bundel gecontroleerd"
    let chooseBundle = "Kies de bundel met het formulier."
    func bundleResult(_ name: String, intact: Bool) -> String {
        intact ? "\(name): de bundel is heel." : "\(name): de bundel is NIET heel."
    }
    let backToPacket = "Terug naar het pakket"

    // MARK: Custody log
    func logTitle(_ id: String) -> String { "Logboek van zaak \(id)" }
    func chainIntact(events: Int, head: String) -> HTML {
        "De keten is heel: \(Plural.count(events, "gebeurtenis", "gebeurtenissen")), elk verwijst naar de vorige. Laatste hash <code>\(head)</code>."
    }
    func chainBroken(_ problems: String) -> String { "De keten is NIET heel: \(problems)" }
    let logExplain =
        "Elke handeling op deze zaak, ook elk bekijken en downloaden, staat hier: wie, wat en wanneer. Het logboek kan niet ongemerkt worden gewijzigd."
    func newest500(of total: Int) -> HTML {
        "De nieuwste 500 van \(Plural.count(total, "gebeurtenis", "gebeurtenissen")); <code>bewaar log</code> toont ze allemaal."
    }
    let colNumber = "Nr."
    let colWho = "Wie"
    let colAction = "Handeling"
    let colDetails = "Gegevens"
    let colHash = "Hash"

    // MARK: Trace (herkomst)
    let traceTitle = "Herkomst van e-mail"
    func traceOf(_ name: String) -> String { "Herkomst: \(name)" }
    let sysadminNote =
        "Als systeembeheerder ziet u alleen de kopregels (headers) van e-mails, niet de tekst of de bijlagen, en geen andere gegevens van de zaak."
    let traceUploadHeading = "Een e-mail met de logboeken van de school onderzoeken"
    let mailToTrace = "E-mail (.eml) om te onderzoeken (wordt alleen gelezen, niet bewaard)"
    let logsLabel = "Logboeken van de school (meerdere mag)"
    let logsHelp =
        "Bewaar herkent de soort aan de inhoud: ISC dhcpd.leases, dnsmasq, Windows DhcpSrvLog, Squid access.log, "
        + "een firewall-NAT-export (CSV), een aanmeldlogboek van Microsoft 365/Entra ID (CSV/JSON) en een inventarislijst "
        + "(CSV met mac en werkplek). De logboeken worden na het onderzoek weer verwijderd; alleen hun naam en SHA-256 blijven in de uitkomst."
    let traceButton = "Herkomst onderzoeken"
    let pickIntro =
        "Of kies een bewaarde e-mail om de route te zien: via welke servers hij kwam en vanaf welk IP-adres. Dat helpt bij stap 3 van het stappenplan (dader opsporen)."
    let noMails = "Er zijn nog geen e-mails bewaard."
    let colMail = "E-mail"
    let colStored = "Bewaard"
    func mailReadNotStored(name: String, sha256: String) -> HTML {
        "E-mail <strong>\(name)</strong>, SHA-256 <code>\(sha256)</code>. Alleen gelezen, niet bewaard: bewaar de e-mail bij de zaak (pagina van de zaak) als hij bewijs is. Alleen de kopregels worden getoond."
    }
    func mailStoredIntro(name: String, sha256: String) -> HTML {
        "E-mail <strong>\(name)</strong>, SHA-256 <code>\(sha256)</code>. Alleen de kopregels worden getoond."
    }
    func step3Line(case id: String, status: String, trace: String, result: String) -> String {
        "Stap 3 (dader opsporen) van zaak \(id): \(status). Herkomstonderzoek: \(trace). Uitkomst: \(result)."
    }
    let conclusionHeading = "Conclusie"
    let noConclusion: HTML =
        "<p class=\"uitleg\">Het herkomstonderzoek zit niet in deze versie van de webinterface; gebruik <code>bewaar trace</code> op de opdrachtregel en vul de uitkomst in bij stap 3 van de zaak.</p>"
    let certainty = "Zekerheid"
    func certaintyWord(_ raw: String) -> String { raw }
    let why = "Waarom"
    let notProven = "Wat dit NIET bewijst"
    let findings = "Bevindingen"
    let routeHeading = "Route (nieuwste regel eerst; ‘beweerd’ = onder de vertrouwensgrens, niet gecontroleerd)"
    let colHop = "Regel"
    let colBy = "Door"
    let colIP = "IP-adres"
    let colTrusted = "Vertrouwd?"
    func hopStatus(_ raw: String) -> String { raw }
    let inputsHeading = "Invoer"
    let networkDefaults =
        "Netwerkbestand: geen (standaardwaarden). Leg het netwerkbestand van de school als network.toml in de opslagmap (bewaar trace --init) zodat de netwerken en mailservers van de school bekend zijn."
    func networkFile(_ name: String, sha256: String) -> String { "Netwerkbestand \(name), SHA-256 \(sha256)" }
    func logInput(name: String, kind: String, records: Int, warnings: Int, sha256: String) -> String {
        "\(name) (\(kind)): \(Plural.count(records, "regel", "regels")) gelezen"
            + (warnings > 0 ? ", \(Plural.count(warnings, "waarschuwing", "waarschuwingen"))" : "") + ", SHA-256 \(sha256)"
    }
    let headersHeading = "Kopregels"
    let itemLogsHeading = "Onderzoeken met de logboeken van de school"
    let itemLogsLabel = "Logboeken van de school bij deze e-mail (meerdere mag)"
    func traceAndRecord(_ id: String) -> String { "Onderzoeken en vastleggen bij zaak \(id)" }
    func recorded(case id: String, trace: Int64) -> String {
        "Vastgelegd bij zaak \(id) als herkomstonderzoek \(trace); stap 3 van het stappenplan verwijst ernaar en het pakket voor de politie toont het."
    }
    let traceFailedTitle = "Herkomstonderzoek niet gelukt"
    let nothingRecorded = "Er is niets vastgelegd."
    let needMail = "Kies een e-mail (.eml) om te onderzoeken."
    func traceUploadBroken(limit: String) -> String {
        "De bestanden kwamen niet (helemaal) aan, of zijn samen groter dan \(limit). Er is niets bewaard."
    }

    // MARK: Accounts
    let accountsTitle = "Accounts"
    let adminExplain =
        "Als beheerder beheert u accounts en wie toegang heeft tot welk zaaknummer; zaken en bewijs kunt u niet inzien, en u stelt nooit het wachtwoord van een ander in: u dwingt een nieuw wachtwoord af en de eigenaar kiest het zelf met de code. Alles wat u doet komt onder uw naam in het logboek."
    let colCreated = "Aangemaakt"
    let colLock = "Blokkade"
    func lockedUntil(_ when: String) -> String { "geblokkeerd tot \(when)" }
    let addAccountHeading = "Account toevoegen of wachtwoord opnieuw instellen"
    func passwordMinimum(_ n: Int) -> String { "Wachtwoord (minstens \(n) tekens)" }
    let save = "Opslaan"
    let fillNameRolePassword = "Vul naam, rol en wachtwoord in."

    // MARK: Settings
    let settingsTitle = "Instellingen"
    let languageLegend = "Taal van de pagina's"
    let languageHelp = "De adressen van de pagina's blijven Nederlands, en bewijs (berichten, namen, bestandsnamen) wordt nooit vertaald."
    let saved = "Opgeslagen."
    let chooseLanguage = "Kies Nederlands of English en sla de instelling opnieuw op."
}
