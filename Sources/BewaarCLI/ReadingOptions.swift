import ArgumentParser
import Foundation
import BewaarKit

/// How evidence with local times is read.
struct ReadingOptions: ParsableArguments {
    @Option(help: "Tijdzone waarin tijden zonder zone zijn geschreven (standaard Europe/Amsterdam).")
    var timezone: String = "Europe/Amsterdam"

    @Option(help: "Datumvolgorde als die niet uit het bestand blijkt: dmy, mdy of ymd.")
    var dateOrder: String?

    func readOptions(_ g: GlobalOptions) throws -> ReadOptions {
        guard let zone = TimeZone(identifier: timezone) else {
            throw KitError(nl: "Onbekende tijdzone '\(TerminalText.safe(timezone))'. Gebruik bijvoorbeeld Europe/Amsterdam.",
                           en: "Unknown time zone '\(TerminalText.safe(timezone))'. Use for example Europe/Amsterdam.")
        }
        if let d = dateOrder, !["dmy", "mdy", "ymd"].contains(d) {
            throw KitError(nl: "--date-order is dmy, mdy of ymd.", en: "--date-order is dmy, mdy or ymd.")
        }
        return ReadOptions(timeZone: zone, dateOrder: dateOrder)
    }
}
