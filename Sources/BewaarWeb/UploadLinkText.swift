import BewaarModel

/// How to save evidence from one app or kind of message: the steps the protocol asks the
/// school to tell pupils ("vertel leerlingen hoe ze dat kunnen doen"). Shown on the pupil's
/// upload page and printed on the instruction sheet, from the same text.
struct PlatformGuide: Sendable {
    /// Short id, used as the page anchor (`whatsapp-android`).
    var id: String
    var title: String
    var steps: [String]
    /// A warning or hint under the steps.
    var tip: String?
}

/// The words of the upload links: the mentor's section on the case page, the pupil's upload
/// page and receipt, and the printable instruction sheet (part of ``PageText``; one table per
/// language, checked by the compiler). The page shows nothing of the case: no title, no names.
protocol UploadLinkText: Sendable {
    // The mentor's section on the case page.
    var heading: String { get }
    var explain: String { get }
    var noLinks: String { get }
    func linkFor(_ person: String, role: String) -> String
    func madeBy(_ name: String, at: String) -> String
    func validUntil(_ when: String) -> String
    var stateActive: String { get }
    var stateExpired: String { get }
    func stateRevoked(by: String, at: String) -> String
    var stateMakerGone: String { get }
    /// "nog niets ontvangen", "1 bestand ontvangen", "3 bestanden ontvangen".
    func received(_ files: Int) -> String
    var revokeButton: String { get }
    func confirmRevoke(_ person: String) -> String
    var createHeading: String { get }
    var personLabel: String { get }
    var validForLabel: String { get }
    var unitLabel: String { get }
    var minutes: String { get }
    var hours: String { get }
    var days: String { get }
    var createButton: String { get }
    var noPeople: String { get }
    var pickPerson: String { get }
    var badValidity: String { get }
    func freshHeading(_ person: String) -> String
    var freshExplain: String { get }
    var linkLabel: String { get }
    var qrLabel: String { get }
    var sheetDownload: String { get }
    var sheetGone: String { get }

    // The pupil's page.
    var pageTitle: String { get }
    var intro: String { get }
    func worksUntil(_ when: String) -> String
    var howHeading: String { get }
    var guides: [PlatformGuide] { get }
    var importantHeading: String { get }
    var important: [String] { get }
    var sendHeading: String { get }
    func fileLabel(limit: String) -> String
    var sendButton: String { get }
    var otherLanguage: String { get }
    var otherLanguageCode: String { get }

    // Answers of the pupil's page.
    var invalidTitle: String { get }
    var invalid: String { get }
    var tooManyTitle: String { get }
    func tooMany(seconds: Int) -> String
    var staleTitle: String { get }
    var stale: String { get }
    var noFile: String { get }
    func tooLarge(limit: String) -> String
    var wrongForm: String { get }

    // The receipt.
    var receiptTitle: String { get }
    /// "Bewaar heeft 2 bestanden ontvangen op 12 mrt 2026 20:15."
    func receiptIntro(files: Int, at: String) -> String
    var colFile: String { get }
    var colSize: String { get }
    var colFingerprint: String { get }
    var colResult: String { get }
    var resultStored: String { get }
    var resultAlreadyThere: String { get }
    var resultEmpty: String { get }
    func resultFailed(_ why: String) -> String
    var receiptExplain: String { get }
    var sendMore: String { get }

    // The printed sheet (made in Dutch; the English table keeps it complete).
    var sheetTitle: String { get }
    var sheetIntro: String { get }
    var sheetLinkHeading: String { get }
    var sheetScan: String { get }
    var sheetFooter: String { get }
}

struct DutchUploadLinkText: UploadLinkText {
    let heading = "Uploadlinks voor leerlingen en ouders"
    let explain = "Met een uploadlink levert een leerling of ouder zelf bestanden in voor deze zaak, met uitleg per app. "
        + "De link toont niets van de zaak, kan alleen bestanden ontvangen, verloopt vanzelf en kan worden ingetrokken. "
        + "Elke upload komt in het logboek op naam van de leerling of ouder."
    let noLinks = "Er zijn nog geen uploadlinks gemaakt."
    func linkFor(_ person: String, role: String) -> String { "Voor \(person) (\(role))" }
    func madeBy(_ name: String, at: String) -> String { "gemaakt door \(name) op \(at)" }
    func validUntil(_ when: String) -> String { "geldig tot \(when)" }
    let stateActive = "actief"
    let stateExpired = "verlopen"
    func stateRevoked(by: String, at: String) -> String { "ingetrokken door \(by) op \(at)" }
    let stateMakerGone = "werkt niet meer: wie de link maakte, heeft geen toegang meer tot de zaak"
    func received(_ files: Int) -> String {
        files == 0 ? "nog niets ontvangen" : files == 1 ? "1 bestand ontvangen" : "\(files) bestanden ontvangen"
    }
    let revokeButton = "Link intrekken"
    func confirmRevoke(_ person: String) -> String { "De uploadlink voor \(person) intrekken? Daarna werkt hij niet meer." }
    let createHeading = "Nieuwe uploadlink"
    let personLabel = "Voor wie (leerling of ouder op deze zaak)"
    let validForLabel = "Geldig voor"
    let unitLabel = "Eenheid"
    let minutes = "minuten"
    let hours = "uur"
    let days = "dagen"
    let createButton = "Link maken"
    let noPeople = "Er staat nog geen leerling of ouder op deze zaak. Voeg die eerst toe bij Betrokkenen."
    let pickPerson = "Kies voor wie de link is: een leerling of ouder op deze zaak."
    let badValidity = "Kies hoe lang de link geldig is: minstens 1 minuut en hoogstens 30 dagen."
    func freshHeading(_ person: String) -> String { "Nieuwe link voor \(person)" }
    let freshExplain = "Geef deze link of QR-code alleen aan deze persoon, bijvoorbeeld op het instructieblad. "
        + "Bewaar slaat de link zelf niet op, alleen een vingerafdruk ervan: hij staat alleen op deze pagina. Haal nu het instructieblad "
        + "of kopieer de link; na het verlaten van deze pagina is hij niet meer te zien. "
        + "Kwijt? Trek hem in en maak een nieuwe."
    let linkLabel = "Link"
    let qrLabel = "QR-code met de uploadlink"
    let sheetDownload = "Instructieblad met link en QR-code (PDF)"
    let sheetGone = "Het instructieblad met deze link kan niet meer worden gemaakt: Bewaar bewaart de link zelf niet. "
        + "Trek de link in en maak een nieuwe als de leerling hem kwijt is."

    let pageTitle = "Bewijs inleveren"
    let intro = "Hier lever je bestanden in voor je mentor: chats, schermafbeeldingen, e-mails. Je kunt hier alleen iets sturen, "
        + "niets bekijken. Wat je stuurt, wordt precies zo bewaard als het is, en alleen gezien door de mensen van school die je helpen."
    func worksUntil(_ when: String) -> String { "Deze link werkt tot \(when)." }
    let howHeading = "Zo bewaar je berichten"
    var guides: [PlatformGuide] {
        [
            PlatformGuide(id: "whatsapp-android", title: "WhatsApp op Android", steps: [
                "Open de chat of groep in WhatsApp.",
                "Tik rechtsboven op ⋮ (drie puntjes), dan op Meer en op Chat exporteren.",
                "Kies Media toevoegen als er foto's, video's of spraakberichten bij horen; anders Zonder media.",
                "Bewaar het bestand in Bestanden of Drive (of mail het naar jezelf).",
                "Kom terug op deze pagina, tik op Bestanden kiezen en kies het bestand ‘WhatsApp-chat met …’ (.txt of .zip).",
            ], tip: "Verander niets aan het bestand en stuur het niet eerst door: lever het in zoals WhatsApp het maakte."),
            PlatformGuide(id: "whatsapp-iphone", title: "WhatsApp op iPhone", steps: [
                "Open de chat of groep in WhatsApp.",
                "Tik bovenaan op de naam van de persoon of de groep.",
                "Scrol naar beneden en tik op Exporteer chat.",
                "Kies Voeg media toe als er foto's, video's of spraakberichten bij horen; anders Zonder media.",
                "Kies Bewaar in Bestanden en een map, bijvoorbeeld Op mijn iPhone.",
                "Kom terug op deze pagina, tik op Kies bestanden, dan Blader, en kies het zip-bestand ‘WhatsApp Chat - …’.",
            ], tip: "Pak de zip niet uit: lever hem in zoals hij is."),
            PlatformGuide(id: "instagram", title: "Instagram", steps: [
                "Maak eerst schermafbeeldingen van de berichten, met de gebruikersnaam bovenaan in beeld (zie Schermafbeeldingen).",
                "Alles bewaren: ga naar je profiel, tik op ☰ (menu), Accountcentrum, Je informatie en toestemmingen, Je informatie downloaden.",
                "Kies Informatie downloaden of overdragen, je account, Sommige van je informatie, en vink Berichten aan.",
                "Kies Downloaden naar apparaat, formaat JSON en de periode waarin het gebeurde, en vraag de download aan.",
                "Instagram laat weten wanneer de download klaar is (soms pas na een paar uur of dagen). Download het zip-bestand en lever het hier in.",
            ], tip: "De knoppen heten soms net iets anders; zoek in de instellingen op ‘Je informatie downloaden’."),
            PlatformGuide(id: "snapchat", title: "Snapchat", steps: [
                "Berichten verdwijnen vanzelf. Houd een bericht ingedrukt en kies Opslaan in chat, en maak meteen schermafbeeldingen.",
                "Alles bewaren: tik op je profiel, dan op ⚙ (Instellingen) en op Mijn gegevens.",
                "Kies Chatgeschiedenis (en eventueel Herinneringen), kies JSON als daarom gevraagd wordt, en verstuur het verzoek.",
                "Snapchat mailt een link als de download klaar is. Download het zip-bestand en lever het hier in.",
            ], tip: "Alleen opgeslagen berichten zitten in de download. De ander ziet dat je een schermafbeelding maakte."),
            PlatformGuide(id: "tiktok", title: "TikTok", steps: [
                "Maak schermafbeeldingen of een schermopname van de berichten, reacties of video's. Kopieer ook de link van een video (Delen, Link kopiëren).",
                "Alles bewaren: ga naar je profiel, tik op ☰ (menu), Instellingen en privacy, Account, Je gegevens downloaden.",
                "Kies formaat JSON en tik op Gegevens aanvragen.",
                "Als de download klaar is (tabblad Gegevens downloaden), download het bestand en lever het hier in.",
            ], tip: "Video's zelf zitten niet in de download, alleen hun links: bewaar ze dus ook als schermopname."),
            PlatformGuide(id: "schermafbeeldingen", title: "Schermafbeeldingen", steps: [
                "Android: druk tegelijk kort op de aan/uit-knop en volume omlaag. iPhone: druk tegelijk op de zijknop en volume omhoog (iPhone met thuisknop: zijknop en thuisknop).",
                "Zorg dat de naam of het nummer van de afzender en de datum en tijd in beeld zijn.",
                "Scrol en maak meerdere schermafbeeldingen die een beetje overlappen, zodat er niets ontbreekt.",
                "Lever de schermafbeeldingen zelf in: niet bijgesneden, niet bewerkt, en niet eerst doorgestuurd via WhatsApp (dan gaan gegevens verloren).",
            ], tip: nil),
            PlatformGuide(id: "e-mail", title: "E-mail", steps: [
                "Alleen doorsturen is niet genoeg: dan gaan de gegevens verloren waarmee de school kan zien waar de mail vandaan kwam.",
                "Gmail (op een computer): open de mail, klik op ⋮ en op Bericht downloaden. Je krijgt een .eml-bestand.",
                "Outlook: open de mail, kies Bestand en Opslaan als (.msg). Outlook.com: klik op ⋯ en Downloaden (.eml).",
                "Lever dat bestand hier in. Heb je alleen een telefoon? Maak dan schermafbeeldingen en vertel je mentor dat er een e-mail is.",
            ], tip: nil),
        ]
    }
    let importantHeading = "Belangrijk"
    var important: [String] {
        [
            "Verwijder niets, ook niet na het inleveren: de berichten op je telefoon kunnen later nog nodig zijn.",
            "Blokkeer de afzender pas als je alles hebt bewaard, en reageer niet op de berichten.",
            "Stuur nooit een naaktfoto of seksuele foto of video van iemand onder de 18, ook niet hier en ook niet als bewijs: "
                + "dat is strafbaar. Vertel je mentor dat hij bestaat; de school legt dat vast zonder de foto.",
            "Twijfel je of iets belangrijk is? Lever het gewoon in, of vraag het je mentor.",
        ]
    }
    let sendHeading = "Bestanden sturen"
    func fileLabel(limit: String) -> String { "Kies een of meer bestanden (samen hoogstens \(limit))" }
    let sendButton = "Versturen"
    let otherLanguage = "English"
    let otherLanguageCode = "en"

    let invalidTitle = "Deze link werkt niet"
    let invalid = "Deze link werkt niet (meer): hij is verlopen, ingetrokken, of niet helemaal goed overgenomen. "
        + "Vraag je mentor om een nieuwe link."
    let tooManyTitle = "Even wachten"
    func tooMany(seconds: Int) -> String {
        "Er kwamen te veel verzoeken tegelijk. Probeer het over \(seconds) \(seconds == 1 ? "seconde" : "seconden") opnieuw."
    }
    let staleTitle = "Pagina verlopen"
    let stale = "Deze pagina stond te lang open, daarom is er niets verstuurd. Open de link opnieuw en kies de bestanden nog een keer."
    let noFile = "Je hebt geen bestand gekozen. Kies een of meer bestanden en tik op Versturen."
    func tooLarge(limit: String) -> String {
        "De bestanden zijn samen groter dan \(limit). Er is niets bewaard. Stuur ze in delen, of vraag je mentor om hulp."
    }
    let wrongForm = "Kies de bestanden met het formulier op de pagina van de link."

    let receiptTitle = "Ontvangen"
    func receiptIntro(files: Int, at: String) -> String {
        "Bewaar heeft \(files == 1 ? "1 bestand" : "\(files) bestanden") ontvangen op \(at). Je mentor kan ze nu zien."
    }
    let colFile = "Bestand"
    let colSize = "Grootte"
    let colFingerprint = "Vingerafdruk (SHA-256)"
    let colResult = "Resultaat"
    let resultStored = "bewaard"
    let resultAlreadyThere = "was al ontvangen"
    let resultEmpty = "bewaard, maar het bestand is leeg: klopt dat?"
    func resultFailed(_ why: String) -> String { "niet bewaard: \(why)" }
    let receiptExplain = "De vingerafdruk (SHA-256) hoort bij precies dit bestand: verandert er ook maar één teken, dan is hij anders. "
        + "Zo kan iedereen later nagaan dat er niets aan veranderd is. Maak een schermafbeelding van dit bewijs van ontvangst als je dat wilt."
    let sendMore = "Nog meer sturen"

    let sheetTitle = "Bewijs inleveren bij je mentor"
    let sheetIntro = "Voor leerlingen en ouders. Met de link of QR-code hieronder lever je bestanden in voor je mentor: chats, "
        + "schermafbeeldingen en e-mails. Op de pagina van de link staat dezelfde uitleg. Je kunt er alleen iets sturen, niets bekijken; "
        + "na het versturen krijg je een bewijs van ontvangst. Geef de link aan niemand anders."
    let sheetLinkHeading = "Je link"
    let sheetScan = "Scan de QR-code met de camera van je telefoon, of typ de link over:"
    let sheetFooter = "Bewaar — instructieblad uploadlink"
}

struct EnglishUploadLinkText: UploadLinkText {
    let heading = "Upload links for pupils and parents"
    let explain = "With an upload link a pupil or parent hands in files for this case themselves, with instructions per app. "
        + "The link shows nothing of the case, can only receive files, expires by itself and can be revoked. "
        + "Every upload goes into the log under the pupil's or parent's name."
    let noLinks = "No upload links have been made yet."
    func linkFor(_ person: String, role: String) -> String { "For \(person) (\(role))" }
    func madeBy(_ name: String, at: String) -> String { "made by \(name) on \(at)" }
    func validUntil(_ when: String) -> String { "valid until \(when)" }
    let stateActive = "active"
    let stateExpired = "expired"
    func stateRevoked(by: String, at: String) -> String { "revoked by \(by) on \(at)" }
    let stateMakerGone = "no longer works: whoever made the link no longer has access to the case"
    func received(_ files: Int) -> String {
        files == 0 ? "nothing received yet" : files == 1 ? "1 file received" : "\(files) files received"
    }
    let revokeButton = "Revoke link"
    func confirmRevoke(_ person: String) -> String { "Revoke the upload link for \(person)? It stops working at once." }
    let createHeading = "New upload link"
    let personLabel = "For whom (pupil or parent on this case)"
    let validForLabel = "Valid for"
    let unitLabel = "Unit"
    let minutes = "minutes"
    let hours = "hours"
    let days = "days"
    let createButton = "Make link"
    let noPeople = "There is no pupil or parent on this case yet. Add them first under People involved."
    let pickPerson = "Choose whom the link is for: a pupil or parent on this case."
    let badValidity = "Choose how long the link is valid: at least 1 minute and at most 30 days."
    func freshHeading(_ person: String) -> String { "New link for \(person)" }
    let freshExplain = "Give this link or QR code to this person only, for example on the instruction sheet. "
        + "Bewaar does not keep the link itself, only a fingerprint of it: it is on this page only. Get the instruction sheet or copy "
        + "the link now; once you leave this page it cannot be shown again. "
        + "Lost? Revoke it and make a new one."
    let linkLabel = "Link"
    let qrLabel = "QR code with the upload link"
    let sheetDownload = "Instruction sheet with link and QR code (PDF)"
    let sheetGone = "The instruction sheet with this link can no longer be made: Bewaar does not keep the link itself. "
        + "Revoke the link and make a new one if the pupil lost it."

    let pageTitle = "Hand in evidence"
    let intro = "Here you hand in files for your mentor: chats, screenshots, e-mails. You can only send things here, not see anything. "
        + "What you send is kept exactly as it is, and only seen by the people at school who help you."
    func worksUntil(_ when: String) -> String { "This link works until \(when)." }
    let howHeading = "How to save messages"
    var guides: [PlatformGuide] {
        [
            PlatformGuide(id: "whatsapp-android", title: "WhatsApp on Android", steps: [
                "Open the chat or group in WhatsApp.",
                "Tap ⋮ (three dots) at the top right, then More, then Export chat.",
                "Choose Include media when photos, videos or voice messages belong to it; otherwise Without media.",
                "Save the file in Files or Drive (or e-mail it to yourself).",
                "Come back to this page, tap Choose files and pick the file ‘WhatsApp Chat with …’ (.txt or .zip).",
            ], tip: "Do not change the file and do not forward it first: hand it in as WhatsApp made it."),
            PlatformGuide(id: "whatsapp-iphone", title: "WhatsApp on iPhone", steps: [
                "Open the chat or group in WhatsApp.",
                "Tap the name of the person or group at the top.",
                "Scroll down and tap Export chat.",
                "Choose Attach media when photos, videos or voice messages belong to it; otherwise Without media.",
                "Choose Save to Files and a folder, for example On my iPhone.",
                "Come back to this page, tap Choose files, then Browse, and pick the zip file ‘WhatsApp Chat - …’.",
            ], tip: "Do not unzip it: hand it in as it is."),
            PlatformGuide(id: "instagram", title: "Instagram", steps: [
                "First take screenshots of the messages, with the user name at the top in view (see Screenshots).",
                "To keep everything: go to your profile, tap ☰ (menu), Accounts Centre, Your information and permissions, Download your information.",
                "Choose Download or transfer information, your account, Some of your information, and tick Messages.",
                "Choose Download to device, format JSON and the period in which it happened, and request the download.",
                "Instagram tells you when the download is ready (sometimes only after a few hours or days). Download the zip file and hand it in here.",
            ], tip: "The buttons are sometimes named a little differently; search the settings for ‘Download your information’."),
            PlatformGuide(id: "snapchat", title: "Snapchat", steps: [
                "Messages disappear by themselves. Press and hold a message, choose Save in Chat, and take screenshots straight away.",
                "To keep everything: tap your profile, then ⚙ (Settings) and My Data.",
                "Choose Chat History (and Memories if needed), choose JSON when asked, and submit the request.",
                "Snapchat e-mails a link when the download is ready. Download the zip file and hand it in here.",
            ], tip: "Only saved messages are in the download. The other person sees that you took a screenshot."),
            PlatformGuide(id: "tiktok", title: "TikTok", steps: [
                "Take screenshots or a screen recording of the messages, comments or videos. Copy the link of a video too (Share, Copy link).",
                "To keep everything: go to your profile, tap ☰ (menu), Settings and privacy, Account, Download your data.",
                "Choose format JSON and tap Request data.",
                "When the download is ready (tab Download data), download the file and hand it in here.",
            ], tip: "Videos themselves are not in the download, only their links: keep them as a screen recording too."),
            PlatformGuide(id: "schermafbeeldingen", title: "Screenshots", steps: [
                "Android: briefly press the power button and volume down together. iPhone: press the side button and volume up together (iPhone with a home button: side button and home button).",
                "Make sure the name or number of the sender and the date and time are in view.",
                "Scroll and take several screenshots that overlap a little, so nothing is missing.",
                "Hand in the screenshots themselves: not cropped, not edited, and not forwarded through WhatsApp first (that loses information).",
            ], tip: nil),
            PlatformGuide(id: "e-mail", title: "E-mail", steps: [
                "Forwarding alone is not enough: it loses the information that lets the school see where the e-mail came from.",
                "Gmail (on a computer): open the e-mail, click ⋮ and Download message. You get an .eml file.",
                "Outlook: open the e-mail, choose File and Save as (.msg). Outlook.com: click ⋯ and Download (.eml).",
                "Hand in that file here. Only have a phone? Take screenshots and tell your mentor there is an e-mail.",
            ], tip: nil),
        ]
    }
    let importantHeading = "Important"
    var important: [String] {
        [
            "Do not delete anything, also not after handing it in: the messages on your phone may be needed later.",
            "Block the sender only after you have saved everything, and do not reply to the messages.",
            "Never send a nude or sexual photo or video of anyone under 18, not here and not as evidence: "
                + "that is a criminal offence. Tell your mentor it exists; the school records that without the photo.",
            "Not sure whether something matters? Just hand it in, or ask your mentor.",
        ]
    }
    let sendHeading = "Send files"
    func fileLabel(limit: String) -> String { "Choose one or more files (at most \(limit) together)" }
    let sendButton = "Send"
    let otherLanguage = "Nederlands"
    let otherLanguageCode = "nl"

    let invalidTitle = "This link does not work"
    let invalid = "This link does not work (any more): it expired, was revoked, or was not copied completely. Ask your mentor for a new link."
    let tooManyTitle = "Please wait"
    func tooMany(seconds: Int) -> String {
        "Too many requests at once. Try again in \(seconds) \(seconds == 1 ? "second" : "seconds")."
    }
    let staleTitle = "Page expired"
    let stale = "This page was open too long, so nothing was sent. Open the link again and choose the files once more."
    let noFile = "You did not choose a file. Choose one or more files and tap Send."
    func tooLarge(limit: String) -> String {
        "The files are larger than \(limit) together. Nothing was kept. Send them in parts, or ask your mentor for help."
    }
    let wrongForm = "Choose the files with the form on the link's page."

    let receiptTitle = "Received"
    func receiptIntro(files: Int, at: String) -> String {
        "Bewaar received \(files == 1 ? "1 file" : "\(files) files") on \(at). Your mentor can see them now."
    }
    let colFile = "File"
    let colSize = "Size"
    let colFingerprint = "Fingerprint (SHA-256)"
    let colResult = "Result"
    let resultStored = "kept"
    let resultAlreadyThere = "was already received"
    let resultEmpty = "kept, but the file is empty: is that right?"
    func resultFailed(_ why: String) -> String { "not kept: \(why)" }
    let receiptExplain = "The fingerprint (SHA-256) belongs to exactly this file: change a single character and it is different. "
        + "So anyone can check later that nothing was changed. Take a screenshot of this receipt if you like."
    let sendMore = "Send more"

    let sheetTitle = "Handing in evidence to your mentor"
    let sheetIntro = "For pupils and parents. With the link or QR code below you hand in files for your mentor: chats, screenshots "
        + "and e-mails. The link's page has the same instructions. You can only send things there, not see anything; after sending "
        + "you get a receipt. Do not give the link to anyone else."
    let sheetLinkHeading = "Your link"
    let sheetScan = "Scan the QR code with your phone's camera, or type the link:"
    let sheetFooter = "Bewaar — upload link instruction sheet"
}
