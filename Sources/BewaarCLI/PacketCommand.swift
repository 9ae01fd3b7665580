import ArgumentParser
import Foundation
import BewaarKit

struct PacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet",
        abstract: CommandLineLanguage.text(
            "Maak het pakket voor een aangifte: bewijsbundel, rapport.pdf, rapport.html en aangifte-checklist.txt.",
            "Make the packet for a police report: evidence bundle, rapport.pdf, rapport.html and aangifte-checklist.txt."),
        discussion: CommandLineLanguage.text(
            """
            Voor de afdelingsleider (stap 5). Het rapport toont betrokkenen en hun accounts, wat er gebeurde, \
            het patroon per dag, de gemarkeerde berichten met context, de stappen van de school, de bewijsstukken \
            met hun SHA-256 en het logboek. De checklist zegt wat de politie vraagt en wat nog ontbreekt.
            """,
            """
            For the afdelingsleider (step 5). The report shows the people involved and their accounts, what \
            happened, the pattern per day, the marked messages with context, the school's steps, the evidence \
            with its SHA-256 and the log. The checklist says what the police ask for and what is still missing.
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Option(name: .customLong("out"), help: CommandLineLanguage.help("De map waarin het pakket komt.", "The folder the packet goes into."))
    var outFolder: String
    @Option(help: CommandLineLanguage.help("Tijdzone voor tijden in het rapport.", "Time zone for times in the report.")) var timezone: String =
        "Europe/Amsterdam"
    @Option(
        help: CommandLineLanguage.help(
            "Aantal berichten context voor en na elk gemarkeerd bericht.", "Number of context messages before and after each marked message."))
    var context: Int = 3
    @Flag(
        name: .customLong("zonder-bundel"),
        help: CommandLineLanguage.help(
            "Alleen het rapport en de checklist, zonder bewijsbundel.", "Only the report and the checklist, without an evidence bundle."))
    var withoutBundle = false

    func run() throws {
        let id = try parseCaseID(caseID, global)
        guard let zone = TimeZone(identifier: timezone) else {
            throw KitError(nl: "Onbekende tijdzone '\(TerminalText.safe(timezone))'.", en: "Unknown time zone '\(TerminalText.safe(timezone))'.")
        }
        let store = try global.openStore(create: false)
        var maker = PacketMaker(store: store, timeZone: zone, school: global.schoolName)
        maker.contextSize = max(0, min(context, 50))
        let folder = outFolder.hasPrefix("/") ? outFolder : FileManager.default.currentDirectoryPath + "/" + outFolder
        let result = try maker.make(id, folder: folder, actor: global.actor, bewaarVersion: withoutBundle ? nil : BewaarVersion.string)
        for f in result.files { out("\(folder)/\(f.name)  sha256 \(f.sha256)") }
        out(global.t("Pakket klaar. Het rapport staat in \(folder)/rapport.pdf", "Packet ready. The report is at \(folder)/rapport.pdf"))
    }
}
