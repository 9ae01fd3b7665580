import ArgumentParser
import Foundation
import BewaarKit

/// How evidence with local times is read.
struct ReadingOptions: ParsableArguments {
    @Option(help: CommandLineLanguage.help("Tijdzone waarin tijden zonder zone zijn geschreven.", "Time zone in which times without a zone were written."))
    var timezone: String = "Europe/Amsterdam"

    @Option(help: CommandLineLanguage.help("Datumvolgorde als die niet uit het bestand blijkt (dag-maand-jaar, maand-dag-jaar, jaar-maand-dag).",
                                           "Date order when the file does not tell (day-month-year, month-day-year, year-month-day)."))
    var dateOrder: DateOrder?

    func readOptions(_ g: GlobalOptions) throws -> ReadOptions {
        guard let zone = TimeZone(identifier: timezone) else {
            throw KitError(nl: "Onbekende tijdzone '\(TerminalText.safe(timezone))'. Gebruik bijvoorbeeld Europe/Amsterdam.",
                           en: "Unknown time zone '\(TerminalText.safe(timezone))'. Use for example Europe/Amsterdam.")
        }
        return ReadOptions(timeZone: zone, dateOrder: dateOrder?.rawValue)
    }
}
