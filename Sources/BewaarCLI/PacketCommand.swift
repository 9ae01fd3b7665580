import ArgumentParser
import Foundation
import BewaarKit

struct PacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet",
        abstract: "Maak het pakket voor een aangifte: rapport.pdf, rapport.html en aangifte-checklist.txt.",
        discussion: """
            Voor de afdelingsleider (stap 5). Het rapport toont betrokkenen en hun accounts, wat er gebeurde, \
            het patroon per dag, de gemarkeerde berichten met context, de stappen van de school, de bewijsstukken \
            met hun SHA-256 en het logboek. De checklist zegt wat de politie vraagt en wat nog ontbreekt.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: "Zaaknummer.") var caseID: String
    @Option(name: .customLong("out"), help: "De map waarin het pakket komt.") var outFolder: String
    @Option(help: "Naam van de school, voor het rapport.") var school: String?
    @Option(help: "Tijdzone voor tijden in het rapport.") var timezone: String = "Europe/Amsterdam"
    @Option(help: "Aantal berichten context voor en na elk gemarkeerd bericht.") var context: Int = 3

    func run() throws {
        let id = try parseCaseID(caseID, global)
        guard let zone = TimeZone(identifier: timezone) else {
            throw KitError(nl: "Onbekende tijdzone '\(TerminalText.safe(timezone))'.", en: "Unknown time zone '\(TerminalText.safe(timezone))'.")
        }
        let store = try global.openStore(create: false)
        var maker = PacketMaker(store: store, timeZone: zone, school: school)
        maker.contextSize = max(0, min(context, 50))
        let folder = outFolder.hasPrefix("/") ? outFolder : FileManager.default.currentDirectoryPath + "/" + outFolder
        let result = try maker.make(id, folder: folder, actor: global.actor)
        for f in result.files { out("\(folder)/\(f.name)  sha256 \(f.sha256)") }
        out(global.t("Pakket klaar. Het rapport staat in \(folder)/rapport.pdf", "Packet ready. The report is at \(folder)/rapport.pdf"))
    }
}
