/// The words of the evidence pages — an item as a conversation, an e-mail, a saved page or an
/// image; marking a message; a message's original bytes (part of ``PageText``; one table per
/// language, checked by the compiler). Evidence itself (messages, names, file names, headers)
/// never goes through here.
protocol EvidenceText: Sendable {
    // An item of evidence.
    func itemTitle(_ name: String) -> String
    var aboutFile: String { get }
    var colFormat: String { get }
    var colSize: String { get }
    var colCollected: String { get }
    var colCollectedFrom: String { get }
    var colNote: String { get }
    var colInside: String { get }
    func collected(by: String, at: String) -> String
    var downloadOriginal: String { get }
    var download: String { get }
    var noRecords: String { get }
    // The conversation.
    var sideLabel: String { get }
    var sideNobody: String { get }
    var sideNobodyChosen: String { get }
    var sideButton: String { get }
    func sideChosen(_ author: String) -> String
    func sideCollectedFrom(_ author: String, from: String) -> String
    func sideVictim(_ author: String) -> String
    var sideNone: String { get }
    var earlier: String { get }
    var later: String { get }
    func position(first: Int64, last: Int64, total: Int) -> String
    var deleted: String { get }
    var media: String { get }
    var viewOnce: String { get }
    var mediaOmitted: String { get }
    func imageAlt(_ name: String) -> String
    var edited: String { get }
    var markLink: String { get }
    var changeMarkLink: String { get }
    var sourceLink: String { get }
    var inConversation: String { get }
    func markedAs(_ reason: String, note: String?, by: String) -> String
    // Marking.
    func markTitle(_ n: Int64) -> String
    var reasonQuestion: String { get }
    var noteLabel: String { get }
    var markSubmit: String { get }
    var changeSubmit: String { get }
    func currentMark(_ reason: String, by: String, at: String) -> String
    var removeWhy: String { get }
    var removeSubmit: String { get }
    var removeConfirm: String { get }
    var cancel: String { get }
    // The original bytes of a message.
    func inMember(_ member: String, of container: String) -> String
    var hexHeading: String { get }
    var hexRegion: String { get }
    func hexCut(shown: Int, total: Int64) -> String
    // An e-mail.
    var mailFrom: String { get }
    var mailTo: String { get }
    var mailCc: String { get }
    var mailDate: String { get }
    var noSubject: String { get }
    var allHeaders: String { get }
    var colHeaderName: String { get }
    var colHeaderValue: String { get }
    var mailBody: String { get }
    var attachmentsHeading: String { get }
    var noAttachments: String { get }
    var htmlPartsNote: String { get }
    var traceButton: String { get }
    // A saved page.
    var pageAbout: String { get }
    var pageTitle: String { get }
    var pageAddress: String { get }
    var pageSaved: String { get }
    var pageTool: String { get }
    var pageEncoding: String { get }
    var pagePlatform: String { get }
    var pageNotShown: String { get }
    var pageText: String { get }
    // An image.
    func pixels(width: Int64, height: Int64) -> String
    /// The heading over an image's metadata (EXIF, PNG text, XMP) and the name of one field.
    var imageMetadataHeading: String { get }
    func metadataField(_ key: String) -> String
    var notAnImage: String { get }
}

struct DutchEvidenceText: EvidenceText {
    func itemTitle(_ name: String) -> String { "Bewijsstuk \(name)" }
    let aboutFile = "Over dit bestand (soort, grootte, SHA-256, wie het bewaarde)"
    let colFormat = "Soort"
    let colSize = "Grootte"
    let colCollected = "Bewaard"
    let colCollectedFrom = "Afkomstig van"
    let colNote = "Notitie"
    let colInside = "Zit in"
    func collected(by: String, at: String) -> String { "door \(by) op \(at)" }
    let downloadOriginal = "Het origineel downloaden"
    let download = "downloaden"
    let noRecords = "Bewaar kon in dit bestand geen berichten lezen. Het origineel is wel bewaard en te downloaden."
    let sideLabel = "Wie staat rechts (de eigen kant)?"
    let sideNobody = "niemand: iedereen links"
    let sideNobodyChosen = "Iedereen staat links, zoals u hebt gekozen."
    let sideButton = "Tonen"
    func sideChosen(_ author: String) -> String { "Rechts staat \(author), zoals u hebt gekozen." }
    func sideCollectedFrom(_ author: String, from: String) -> String {
        "Rechts staat \(author): dit bewijs komt van “\(from)”. Klopt dat niet, kies dan hieronder een ander."
    }
    func sideVictim(_ author: String) -> String {
        "Rechts staat \(author), het slachtoffer in deze zaak. Is dit bewijs van iemand anders, kies dan hieronder wie."
    }
    let sideNone = "Bewaar weet niet van wie dit gesprek komt, dus staat iedereen links. Kies hieronder wiens kant rechts staat."
    let earlier = "Eerdere berichten"
    let later = "Latere berichten"
    func position(first: Int64, last: Int64, total: Int) -> String {
        total == 1 ? "Het enige bericht van dit gesprek." : "Bericht \(first) tot en met \(last) van \(total)."
    }
    let deleted = "Verwijderd bericht"
    let media = "Foto, video of ander bestand"
    let viewOnce = "Foto of video om één keer te bekijken"
    let mediaOmitted = "Het bestand zat niet in de export."
    func imageAlt(_ name: String) -> String { "Afbeelding \(name) uit het bewijs" }
    let edited = "bewerkt"
    let markLink = "Markeren"
    let changeMarkLink = "Markering wijzigen"
    let sourceLink = "Bron"
    let inConversation = "In het gesprek"
    func markedAs(_ reason: String, note: String?, by: String) -> String {
        "Gemarkeerd: \(reason)\(note.map { " – \($0)" } ?? "") (\(by))"
    }
    func markTitle(_ n: Int64) -> String { "Bericht \(n) markeren" }
    let reasonQuestion = "Waarom is dit bericht van belang?"
    let noteLabel = "Toelichting (mag leeg blijven)"
    let markSubmit = "Markeren"
    let changeSubmit = "Markering wijzigen"
    func currentMark(_ reason: String, by: String, at: String) -> String { "Nu gemarkeerd als \(reason), door \(by) op \(at)." }
    let removeWhy = "Waarom haalt u de markering weg? (komt in het logboek)"
    let removeSubmit = "Markering weghalen"
    let removeConfirm = "De markering van dit bericht weghalen?"
    let cancel = "Terug zonder iets te veranderen"
    func inMember(_ member: String, of container: String) -> String { "\(member), in \(container)" }
    let hexHeading = "Oorspronkelijke bytes (hex)"
    let hexRegion = "Bytes in hexadecimaal, met de plaats in het origineel"
    func hexCut(shown: Int, total: Int64) -> String {
        "Alleen de eerste \(shown) van \(total) bytes staan hier; download het origineel voor de rest."
    }
    let mailFrom = "Van"
    let mailTo = "Aan"
    let mailCc = "Cc"
    let mailDate = "Datum"
    let noSubject = "(geen onderwerp)"
    let allHeaders = "Alle kopregels"
    let colHeaderName = "Kopregel"
    let colHeaderValue = "Waarde"
    let mailBody = "Tekst"
    let attachmentsHeading = "Bijlagen"
    let noAttachments = "Geen bijlagen."
    let htmlPartsNote = "De opmaak (HTML) van de mail wordt niet getoond; de tekst hierboven is eruit gelezen. Download het deel om het te bekijken:"
    let traceButton = "Herkomst"
    let pageAbout = "Over de pagina"
    let pageTitle = "Titel"
    let pageAddress = "Adres"
    let pageSaved = "Opgeslagen op"
    let pageTool = "Opgeslagen met"
    let pageEncoding = "Tekenset"
    let pagePlatform = "Website"
    let pageNotShown = "De pagina zelf wordt hier niet getoond: ze kan scripts, trackers en verborgen inhoud bevatten. Hieronder staat de tekst die Bewaar eruit las; het origineel is te downloaden."
    let pageText = "Tekst van de pagina"
    func pixels(width: Int64, height: Int64) -> String { "\(width) × \(height) pixels" }
    let imageMetadataHeading = "Metadata in het bestand (EXIF, PNG-tekst, XMP), zoals het bestand ze schrijft"
    func metadataField(_ key: String) -> String {
        [
            "container": "Bestandsvorm", "dateTimeOriginal": "Opnamedatum", "modifyDate": "Gewijzigd op",
            "dateTimeDigitized": "Gedigitaliseerd op", "offsetTime": "Tijdzone", "offsetTimeOriginal": "Tijdzone van de opname",
            "offsetTimeDigitized": "Tijdzone van het digitaliseren", "make": "Merk", "model": "Toestel", "software": "Software",
            "userComment": "Opmerking", "imageDescription": "Beschrijving", "orientation": "Oriëntatie", "pixelWidth": "Breedte volgens EXIF",
            "pixelHeight": "Hoogte volgens EXIF", "gps": "GPS-gegevens aanwezig", "pngText": "PNG-tekst", "xmp": "XMP",
        ][key] ?? key
    }
    let notAnImage = "Dit bestand is geen PNG-, JPEG-, GIF- of WebP-afbeelding en wordt daarom niet getoond. Download het om het te openen."
}

struct EnglishEvidenceText: EvidenceText {
    func itemTitle(_ name: String) -> String { "Evidence item \(name)" }
    let aboutFile = "About this file (kind, size, SHA-256, who stored it)"
    let colFormat = "Kind"
    let colSize = "Size"
    let colCollected = "Stored"
    let colCollectedFrom = "Came from"
    let colNote = "Note"
    let colInside = "Inside"
    func collected(by: String, at: String) -> String { "by \(by) on \(at)" }
    let downloadOriginal = "Download the original"
    let download = "download"
    let noRecords = "Bewaar could not read any messages in this file. The original is stored all the same and can be downloaded."
    let sideLabel = "Who is on the right (their own side)?"
    let sideNobody = "nobody: everyone on the left"
    let sideNobodyChosen = "Everyone is on the left, as you chose."
    let sideButton = "Show"
    func sideChosen(_ author: String) -> String { "\(author) is on the right, as you chose." }
    func sideCollectedFrom(_ author: String, from: String) -> String {
        "\(author) is on the right: this evidence came from “\(from)”. If that is wrong, pick someone else below."
    }
    func sideVictim(_ author: String) -> String {
        "\(author), the victim in this case, is on the right. If this evidence came from someone else, pick them below."
    }
    let sideNone = "Bewaar does not know whose conversation this is, so everyone is on the left. Pick below whose side is on the right."
    let earlier = "Earlier messages"
    let later = "Later messages"
    func position(first: Int64, last: Int64, total: Int) -> String {
        total == 1 ? "The only message of this conversation." : "Messages \(first) to \(last) of \(total)."
    }
    let deleted = "Deleted message"
    let media = "Photo, video or other file"
    let viewOnce = "Photo or video to be viewed once"
    let mediaOmitted = "The file was not in the export."
    func imageAlt(_ name: String) -> String { "Image \(name) from the evidence" }
    let edited = "edited"
    let markLink = "Mark"
    let changeMarkLink = "Change mark"
    let sourceLink = "Source"
    let inConversation = "In the conversation"
    func markedAs(_ reason: String, note: String?, by: String) -> String {
        "Marked: \(reason)\(note.map { " – \($0)" } ?? "") (\(by))"
    }
    func markTitle(_ n: Int64) -> String { "Mark message \(n)" }
    let reasonQuestion = "Why does this message matter?"
    let noteLabel = "Explanation (may stay empty)"
    let markSubmit = "Mark"
    let changeSubmit = "Change mark"
    func currentMark(_ reason: String, by: String, at: String) -> String { "Marked now as \(reason), by \(by) on \(at)." }
    let removeWhy = "Why are you removing the mark? (goes into the log)"
    let removeSubmit = "Remove mark"
    let removeConfirm = "Remove the mark of this message?"
    let cancel = "Back without changing anything"
    func inMember(_ member: String, of container: String) -> String { "\(member), inside \(container)" }
    let hexHeading = "Original bytes (hex)"
    let hexRegion = "Bytes in hexadecimal, with their position in the original"
    func hexCut(shown: Int, total: Int64) -> String {
        "Only the first \(shown) of \(total) bytes are shown here; download the original for the rest."
    }
    let mailFrom = "From"
    let mailTo = "To"
    let mailCc = "Cc"
    let mailDate = "Date"
    let noSubject = "(no subject)"
    let allHeaders = "All header lines"
    let colHeaderName = "Header"
    let colHeaderValue = "Value"
    let mailBody = "Text"
    let attachmentsHeading = "Attachments"
    let noAttachments = "No attachments."
    let htmlPartsNote = "The mail's layout (HTML) is not shown; the text above was read from it. Download the part to see it:"
    let traceButton = "Herkomst (trace the sender)"
    let pageAbout = "About the page"
    let pageTitle = "Title"
    let pageAddress = "Address"
    let pageSaved = "Saved on"
    let pageTool = "Saved with"
    let pageEncoding = "Character set"
    let pagePlatform = "Website"
    let pageNotShown = "The page itself is not shown here: it can hold scripts, trackers and hidden content. Below is the text Bewaar read from it; the original can be downloaded."
    let pageText = "Text of the page"
    func pixels(width: Int64, height: Int64) -> String { "\(width) × \(height) pixels" }
    let imageMetadataHeading = "Metadata in the file (EXIF, PNG text, XMP), as the file writes them"
    func metadataField(_ key: String) -> String {
        [
            "container": "File form", "dateTimeOriginal": "Taken on", "modifyDate": "Modified on", "dateTimeDigitized": "Digitised on",
            "offsetTime": "Time zone", "offsetTimeOriginal": "Time zone when taken", "offsetTimeDigitized": "Time zone when digitised",
            "make": "Make", "model": "Device", "software": "Software", "userComment": "Comment", "imageDescription": "Description",
            "orientation": "Orientation", "pixelWidth": "Width per EXIF", "pixelHeight": "Height per EXIF", "gps": "GPS data present",
            "pngText": "PNG text", "xmp": "XMP",
        ][key] ?? key
    }
    let notAnImage = "This file is not a PNG, JPEG, GIF or WebP image, so it is not shown. Download it to open it."
}
