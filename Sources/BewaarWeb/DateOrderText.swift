import BewaarModel

/// The words of the date-order question on a chat whose dates may be day-month or month-day
/// (part of ``PageText``; one table per language).
protocol DateOrderText: Sendable {
    var heading: String { get }
    /// The question, with a date as the file writes it.
    func question(asWritten: String) -> String
    /// The question when no date in the file reads as two different days.
    var questionWithoutExample: String { get }
    /// Above the two choices.
    var legend: String { get }
    var dayFirst: String { get }
    var monthFirst: String { get }
    var button: String { get }
    var explain: String { get }
    /// After the answer: the chat was read again.
    func done(order: String, messages: Int, before: Int, marksDropped: Int) -> String
    /// In the facts of a chat: the order used and whether someone confirmed it.
    var factLabel: String { get }
    func fact(order: String, confirmed: Bool, assumed: Bool) -> String
    /// In the list of files and the upload result: the question is still open.
    var openNotice: String { get }
    /// The overruled-option warning, in words.
    var overruled: String { get }
    var fullMonths: [String] { get }
    var chooseOne: String { get }
}

extension DateOrderText {
    /// "3 april 2026".
    func day(_ ymd: (Int, Int, Int)) -> String {
        "\(ymd.2) \(fullMonths[max(0, min(11, ymd.1 - 1))]) \(ymd.0)"
    }

    func orderName(_ order: String) -> String {
        switch order {
        case "dmy": return dayFirst
        case "mdy": return monthFirst
        default: return order
        }
    }
}

struct DutchDateOrderText: DateOrderText {
    let heading = "In welke volgorde staan de datums?"
    func question(asWritten: String) -> String {
        "In dit bestand staat bijvoorbeeld \u{201C}\(asWritten)\u{201D}. Uit het bestand zelf blijkt niet of het eerste getal de dag of de maand is."
    }
    let questionWithoutExample = "Uit het bestand zelf blijkt niet of het eerste getal van een datum de dag of de maand is. Welke volgorde gebruikt de telefoon?"
    let legend = "Welke datum bedoelt de telefoon?"
    let dayFirst = "dag-maand-jaar"
    let monthFirst = "maand-dag-jaar"
    let button = "Opnieuw lezen met deze volgorde"
    let explain = "Kijk op de telefoon van de leerling bij een bericht uit het begin van de chat, of vraag het de leerling. Het bestand zelf verandert niet; alleen de datums in de tijdlijn worden opnieuw gelezen, en dat wordt vastgelegd in het logboek."
    func done(order: String, messages: Int, before: Int, marksDropped: Int) -> String {
        "Opnieuw gelezen als \(orderName(order)): \(Plural.count(messages, "bericht", "berichten"))"
            + (messages != before ? " (eerst \(before))" : "") + "."
            + (marksDropped > 0 ? " \(Plural.count(marksDropped, "markering kon", "markeringen konden")) niet blijven staan: kijk ze na." : "")
    }
    let factLabel = "Datumvolgorde"
    func fact(order: String, confirmed: Bool, assumed: Bool) -> String {
        orderName(order) + (confirmed ? " (bevestigd)" : assumed ? " (aangenomen, nog niet bevestigd)" : " (blijkt uit het bestand)")
    }
    let openNotice = "De datums kunnen dag-maand of maand-dag zijn: open het bestand en kies de juiste volgorde."
    let overruled = "De gekozen datumvolgorde is niet gebruikt: het bestand zelf laat een andere zien."
    let fullMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    let chooseOne = "Kies een van de twee datums."
}

struct EnglishDateOrderText: DateOrderText {
    let heading = "In which order are the dates written?"
    func question(asWritten: String) -> String {
        "This file has for example \u{201C}\(asWritten)\u{201D}. The file itself does not show whether the first number is the day or the month."
    }
    let questionWithoutExample = "The file itself does not show whether the first number of a date is the day or the month. Which order does the phone use?"
    let legend = "Which date does the phone mean?"
    let dayFirst = "day-month-year"
    let monthFirst = "month-day-year"
    let button = "Read again in this order"
    let explain = "Look at a message from the start of the chat on the pupil's phone, or ask the pupil. The file itself does not change; only the dates in the timeline are read again, and that is recorded in the log."
    func done(order: String, messages: Int, before: Int, marksDropped: Int) -> String {
        "Read again as \(orderName(order)): \(Plural.count(messages, "message", "messages"))"
            + (messages != before ? " (\(before) before)" : "") + "."
            + (marksDropped > 0 ? " \(Plural.count(marksDropped, "mark", "marks")) could not stay: check them." : "")
    }
    let factLabel = "Date order"
    func fact(order: String, confirmed: Bool, assumed: Bool) -> String {
        orderName(order) + (confirmed ? " (confirmed)" : assumed ? " (assumed, not confirmed yet)" : " (shown by the file)")
    }
    let openNotice = "The dates may be day-month or month-day: open the file and choose the right order."
    let overruled = "The date order chosen was not used: the file itself shows another."
    let fullMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    let chooseOne = "Choose one of the two dates."
}
