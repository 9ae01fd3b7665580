import BewaarModel

/// The words of records read from a screenshot (part of ``PageText``; one table per language):
/// the "read from an image" mark, the pixel box as a place, how the author and the day were
/// found, and the plain warning that OCR can misread. Evidence text never goes through here.
protocol ScreenshotText: Sendable {
    /// "uit afbeelding · 87 % zeker": the mark on every record read by OCR.
    func fromImage(confidence: Int?) -> String
    /// The mark on an author that was not read but assumed (the phone's owner).
    var assumed: String { get }
    /// A pixel box as a place in the image: "pixels 20,517 580×115".
    func pixels(_ box: PixelRect) -> String
    /// The box spelled out for the origin page.
    func boxLong(_ box: PixelRect) -> String
    func sourceIntro(name: String, sha256: String, box: PixelRect) -> HTML
    var inImageHeading: String { get }
    var readHeading: String { get }
    var wholeHeading: String { get }
    var wholeNote: String { get }
    /// OCR can misread: the image is the evidence.
    var ocrWarning: String { get }
    var colSide: String { get }
    var colShownTime: String { get }
    var colConfidence: String { get }
    var colAuthorBasis: String { get }
    var colDay: String { get }
    var colDaySeparator: String { get }
    func side(_ raw: String) -> String
    func authorBasis(_ raw: String) -> String
    func dayBasis(_ raw: String?) -> String
    func confidence(_ percent: Int) -> String
    var noShownTime: String { get }
    /// A time as a bubble shows it, for a record whose day is not known.
    func shownAs(_ time: String) -> String
    func cropAlt(_ n: Int64) -> String
    func pictureAlt(_ name: String) -> String
    /// The item page of an image: the messages read, beside the picture.
    var messagesHeading: String { get }
    var noneRead: String { get }
    func readCount(_ n: Int) -> String
    /// What Bewaar found comparing a record with the case's other evidence (``RecordLink``).
    var comparedHeading: String { get }
    func matchesExport(number: Int64, name: String, href: String, score: Int) -> HTML
    func missingFromExport(name: String) -> HTML
    func repeatOf(number: Int64, name: String, href: String) -> HTML
    func onScreenshot(number: Int64, name: String, href: String) -> HTML
    func looksLike(id: Int64, name: String, href: String, distance: Int) -> HTML
}

struct DutchScreenshotText: ScreenshotText {
    let comparedHeading = "Vergeleken met het andere bewijs"
    func matchesExport(number: Int64, name: String, href: String, score: Int) -> HTML {
        let alike = score < 100 ? " (tekst \(score) % gelijk)" : ""
        return "Komt overeen met <a href=\"\(href)\">bericht #\(number)</a> in <strong>\(name)</strong>\(alike)."
    }
    func missingFromExport(name: String) -> HTML {
        "<strong class=\"bevinding\">Niet gevonden in de export</strong> <strong>\(name)</strong>, die deze tijd wel beslaat: verwijderd, bewerkt, of uit een ander gesprek."
    }
    func repeatOf(number: Int64, name: String, href: String) -> HTML {
        "Stond al op <strong>\(name)</strong> (<a href=\"\(href)\">bericht #\(number)</a>): in de tijdlijn staat het één keer, daar."
    }
    func onScreenshot(number: Int64, name: String, href: String) -> HTML {
        "Ook te zien op de schermafbeelding <strong>\(name)</strong> (<a href=\"\(href)\">bericht #\(number)</a>)."
    }
    func looksLike(id: Int64, name: String, href: String, distance: Int) -> HTML {
        "Lijkt op <a href=\"\(href)\">[\(id)] \(name)</a> (perceptuele hash, \(distance) van 64 bits anders): dezelfde afbeelding opnieuw opgeslagen, verkleind of bijgesneden? Beide blijven bewaard, niets is samengevoegd."
    }
    func fromImage(confidence: Int?) -> String { "uit afbeelding" + (confidence.map { " · \($0) % zeker" } ?? "") }
    let assumed = "(aangenomen)"
    func pixels(_ box: PixelRect) -> String { "pixels \(box.x),\(box.y) \(box.width)×\(box.height)" }
    func boxLong(_ box: PixelRect) -> String {
        "\(box.width) × \(box.height) pixels, vanaf \(box.x) pixels van links en \(box.y) pixels van boven"
    }
    func sourceIntro(name: String, sha256: String, box: PixelRect) -> HTML {
        "Het bericht naast de plek in de afbeelding <strong>\(name)</strong> (SHA-256 <code>\(sha256)</code>) waar Bewaar het las: \(boxLong(box))."
    }
    let inImageHeading = "In de afbeelding"
    let readHeading = "Wat Bewaar las"
    let wholeHeading = "De hele afbeelding"
    let wholeNote = "Het bericht is rood omlijnd."
    let ocrWarning =
        "Bewaar las deze tekst met tekstherkenning (OCR). OCR kan letters en woorden verkeerd lezen: de afbeelding zelf is het bewijs. Vergelijk de tekst altijd met de afbeelding."
    let colSide = "Kant"
    let colShownTime = "Getoonde tijd"
    let colConfidence = "Zekerheid van het lezen"
    let colAuthorBasis = "Afzender gevonden via"
    let colDay = "Dag"
    let colDaySeparator = "Dagscheiding in het gesprek"
    func side(_ raw: String) -> String {
        switch raw {
        case "incoming": "binnenkomend (links)"
        case "outgoing": "verstuurd (rechts)"
        case "system": "melding van de app (midden)"
        default: raw
        }
    }
    func authorBasis(_ raw: String) -> String {
        switch raw {
        case "label": "de naam boven het bericht"
        case "label-above": "de naam boven een eerder bericht van dezelfde afzender"
        case "header": "de naam bovenaan het gesprek (een gesprek met één persoon)"
        case "assumed-owner": "aangenomen: de leerling van wie de afbeelding komt"
        default: raw
        }
    }
    func dayBasis(_ raw: String?) -> String {
        switch raw {
        case "separator": "uit de dagscheiding in het gesprek"
        case "separator+image-date": "uit de dagscheiding, geteld vanaf de datum waarop de afbeelding is gemaakt"
        case "separator+image-year": "uit de dagscheiding (dag en maand), het jaar van de datum waarop de afbeelding is gemaakt"
        case nil: "niet bekend: alleen de getoonde tijd is bewaard"
        case let other?: other
        }
    }
    func confidence(_ percent: Int) -> String { "\(percent) % zeker" + (percent < 60 ? " (laag: lees de afbeelding zelf)" : "") }
    let noShownTime = "geen tijd te zien"
    func shownAs(_ time: String) -> String { "getoond: \(time) (dag niet bekend)" }
    func cropAlt(_ n: Int64) -> String { "Uitsnede van bericht \(n) uit de afbeelding" }
    func pictureAlt(_ name: String) -> String { "Afbeelding \(name), met de gelezen berichten omlijnd en genummerd" }
    let messagesHeading = "Gelezen berichten"
    let noneRead = "Bewaar las geen tekst op deze afbeelding."
    func readCount(_ n: Int) -> String { n == 1 ? "1 bericht gelezen." : "\(n) berichten gelezen." }
}

struct EnglishScreenshotText: ScreenshotText {
    let comparedHeading = "Compared with the other evidence"
    func matchesExport(number: Int64, name: String, href: String, score: Int) -> HTML {
        let alike = score < 100 ? " (text \(score) % alike)" : ""
        return "Matches <a href=\"\(href)\">message #\(number)</a> in <strong>\(name)</strong>\(alike)."
    }
    func missingFromExport(name: String) -> HTML {
        "<strong class=\"bevinding\">Not found in the export</strong> <strong>\(name)</strong>, which does cover this time: deleted, edited, or from another conversation."
    }
    func repeatOf(number: Int64, name: String, href: String) -> HTML {
        "Already on <strong>\(name)</strong> (<a href=\"\(href)\">message #\(number)</a>): the timeline shows it once, there."
    }
    func onScreenshot(number: Int64, name: String, href: String) -> HTML {
        "Also seen on the screenshot <strong>\(name)</strong> (<a href=\"\(href)\">message #\(number)</a>)."
    }
    func looksLike(id: Int64, name: String, href: String, distance: Int) -> HTML {
        "Looks like <a href=\"\(href)\">[\(id)] \(name)</a> (perceptual hash, \(distance) of 64 bits differ): the same image saved again, resized or cropped? Both are kept; nothing was merged."
    }
    func fromImage(confidence: Int?) -> String { "read from an image" + (confidence.map { " · \($0) % sure" } ?? "") }
    let assumed = "(assumed)"
    func pixels(_ box: PixelRect) -> String { "pixels \(box.x),\(box.y) \(box.width)×\(box.height)" }
    func boxLong(_ box: PixelRect) -> String {
        "\(box.width) × \(box.height) pixels, starting \(box.x) pixels from the left and \(box.y) pixels from the top"
    }
    func sourceIntro(name: String, sha256: String, box: PixelRect) -> HTML {
        "The message beside the place in the image <strong>\(name)</strong> (SHA-256 <code>\(sha256)</code>) where Bewaar read it: \(boxLong(box))."
    }
    let inImageHeading = "In the image"
    let readHeading = "What Bewaar read"
    let wholeHeading = "The whole image"
    let wholeNote = "The message is outlined in red."
    let ocrWarning =
        "Bewaar read this text by text recognition (OCR). OCR can misread letters and words: the image itself is the evidence. Always compare the text with the image."
    let colSide = "Side"
    let colShownTime = "Time shown"
    let colConfidence = "Certainty of the reading"
    let colAuthorBasis = "Sender found from"
    let colDay = "Day"
    let colDaySeparator = "Day separator in the chat"
    func side(_ raw: String) -> String {
        switch raw {
        case "incoming": "received (left)"
        case "outgoing": "sent (right)"
        case "system": "notice of the app (middle)"
        default: raw
        }
    }
    func authorBasis(_ raw: String) -> String {
        switch raw {
        case "label": "the name above the message"
        case "label-above": "the name above an earlier message of the same sender"
        case "header": "the name at the top of the chat (a chat with one person)"
        case "assumed-owner": "assumed: the pupil the image came from"
        default: raw
        }
    }
    func dayBasis(_ raw: String?) -> String {
        switch raw {
        case "separator": "from the day separator in the chat"
        case "separator+image-date": "from the day separator, counted from the date the image was made"
        case "separator+image-year": "from the day separator (day and month), the year from the date the image was made"
        case nil: "not known: only the time shown is kept"
        case let other?: other
        }
    }
    func confidence(_ percent: Int) -> String { "\(percent) % sure" + (percent < 60 ? " (low: read the image itself)" : "") }
    let noShownTime = "no time visible"
    func shownAs(_ time: String) -> String { "shown: \(time) (day not known)" }
    func cropAlt(_ n: Int64) -> String { "Cut-out of message \(n) from the image" }
    func pictureAlt(_ name: String) -> String { "Image \(name), with the messages read outlined and numbered" }
    let messagesHeading = "Messages read"
    let noneRead = "Bewaar read no text in this image."
    func readCount(_ n: Int) -> String { n == 1 ? "1 message read." : "\(n) messages read." }
}
