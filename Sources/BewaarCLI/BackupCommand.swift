import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarWeb
import BewaarStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: CommandLineLanguage.text(
            "Maak een reservekopie van de opslag, ook terwijl bewaar serve draait.",
            "Make a backup of the store, also while bewaar serve runs."),
        discussion: CommandLineLanguage.text(
            """
            Eerst de database met SQLite's online backup (de stand van één moment; wie schrijft kan doorgaan), dan elk origineel \
            dat die kopie noemt, byte voor byte en nagerekend. backup.json en manifest-sha256.txt (voor sha256sum -c) komen als \
            laatste: een map zonder is geen reservekopie. Ontbreekt een origineel in de opslag, dan staat dat in het manifest en \
            eindigt het commando met afsluitcode 1. Terugzetten: bewaar restore --from MAP --store OPSLAG.
            """,
            """
            First the database through SQLite's online backup (the state of one moment; writers go on), then every original that \
            copy names, byte for byte and checked. backup.json and manifest-sha256.txt (for sha256sum -c) come last: a folder \
            without them is no backup. When an original is missing from the store, the manifest says so and the command exits \
            with status 1. Restore: bewaar restore --from FOLDER --store STORE.
            """))
    @OptionGroup var global: GlobalOptions
    @Option(
        name: .customLong("out"),
        help: CommandLineLanguage.help(
            "Nieuwe of lege map voor de reservekopie (liefst op een andere schijf).",
            "New or empty folder for the backup (preferably on another disk).")) var outFolder: String

    func run() throws {
        guard global.databaseURL == nil else {
            throw KitError(
                nl:
                    "Een reservekopie met `bewaar backup` is voor een SQLite-opslag. Van de database van een schoolbestuur maak je er een met pg_dump (als eigenaar), en daarna een kopie van de map met originelen; zie README.",
                en:
                    "`bewaar backup` is for a SQLite store. Back up a school board's database with pg_dump (as its owner), then copy the folder of originals; see README."
            )
        }
        let store = try global.openStore(create: false)
        let folder = outFolder.hasPrefix("/") ? outFolder : FileManager.default.currentDirectoryPath + "/" + outFolder
        let m = try StoreBackup(store: store).make(in: folder, actor: global.actor)
        let bytes = m.objects.reduce(m.database.size) { $0 + $1.size }
        out(
            global.t(
                "Reservekopie in \(TerminalText.safe(folder)): database en \(Plural.count(m.objects.count, "origineel", "originelen")), \(bytes) bytes.",
                "Backup in \(TerminalText.safe(folder)): database and \(Plural.count(m.objects.count, "original", "originals")), \(bytes) bytes."))
        out("  database sha256 \(m.database.sha256.hex)")
        guard m.complete else {
            for d in m.missing.prefix(20) {
                printError(global.t("ontbreekt in de opslag: origineel \(d.hex)", "missing from the store: original \(d.hex)"))
            }
            printError(
                global.t(
                    "Onvolledig: \(Plural.count(m.missing.count, "origineel ontbrak", "originelen ontbraken")) in de opslag. Voer bewaar check uit en meld dit aan de beheerder; de rest staat in de reservekopie.",
                    "Incomplete: \(Plural.count(m.missing.count, "original was", "originals were")) missing from the store. Run bewaar check and tell the administrator; the rest is in the backup."
                ))
            throw ExitCode(1)
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: CommandLineLanguage.text("Zet een reservekopie terug als opslag.", "Bring a backup back as a store."),
        discussion: CommandLineLanguage.text(
            """
            Elk bestand wordt nagerekend tegen het manifest en in een nieuwe map naast de opslag gezet; het logboek van vernietigde \
            zaken wordt opnieuw toegepast; bewaar check moet in orde zijn; pas dan komt de map op zijn plaats. Een opslag die er al \
            is, wordt alleen vervangen met --replace (stop eerst bewaar serve).
            """,
            """
            Every file is checked against the manifest and put into a new folder next to the store; the log of destroyed cases is \
            applied again; bewaar check must pass; only then the folder is moved into place. An existing store is only replaced \
            with --replace (stop bewaar serve first).
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("from"), help: CommandLineLanguage.help("De map van bewaar backup.", "The folder bewaar backup made.")) var from: String
    @Flag(help: CommandLineLanguage.help("Vervang een opslag die er al is.", "Replace a store that exists.")) var replace = false
    @Option(
        name: .customLong("log-from"),
        help: CommandLineLanguage.help(
            "Nog een opslag waarvan het vernietigingslogboek opnieuw wordt toegepast (als de vervangen opslag weg is).",
            "Another store whose destruction log is applied again (when the store being replaced is gone).")) var logFrom: String?
    @Flag(
        help: CommandLineLanguage.help(
            "Zet ook een onvolledige reservekopie terug (ontbrekende originelen blijven ontbreken).",
            "Also restore an incomplete backup (missing originals stay missing).")) var allowIncomplete = false

    func run() throws {
        guard global.databaseURL == nil else {
            throw KitError(
                nl:
                    "Terugzetten is voor een SQLite-opslag (een map). Een schoolbestuur zet de database terug met pg_restore en de map met originelen met een kopie; daarna `bewaar check` per school.",
                en:
                    "Restoring is for a SQLite store (a folder). A school board restores the database with pg_restore and the folder of originals from a copy; then `bewaar check` for each school."
            )
        }
        let from = self.from.hasPrefix("/") ? self.from : FileManager.default.currentDirectoryPath + "/" + self.from
        let r = try StoreRestore(modules: WebServer.storeModules, key: global.keySource).restore(
            from: from, to: global.storePath, replace: replace, allowIncomplete: allowIncomplete,
            logFrom: logFrom.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }, actor: global.actor)
        let events = r.report.chains.reduce(0) { $0 + $1.eventCount }
        out(
            global.t(
                "Teruggezet in \(TerminalText.safe(r.store)): \(Plural.count(r.manifest.objects.count, "origineel", "originelen")), \(Plural.count(r.report.chains.count, "logboek", "logboeken")) met \(Plural.count(events, "gebeurtenis", "gebeurtenissen")), gecontroleerd.",
                "Restored in \(TerminalText.safe(r.store)): \(Plural.count(r.manifest.objects.count, "original", "originals")), \(Plural.count(r.report.chains.count, "log", "logs")) with \(Plural.count(events, "event", "events")), checked."
            ))
        if !r.destroyedAgain.isEmpty {
            out(
                global.t("Opnieuw vernietigd (na de reservekopie vernietigd): ", "Destroyed again (destroyed after the backup): ")
                    + r.destroyedAgain.map(\.description).joined(separator: ", "))
        }
        let keyFile = StoreKeySource.defaultKeyFile(forStore: r.store)
        if r.encrypted && global.keySource != nil && !FileManager.default.fileExists(atPath: keyFile) {
            out(
                global.t(
                    "De opslag is versleuteld: zet het sleutelbestand naast de opslag (\(TerminalText.safe(keyFile))) of geef steeds --key-file.",
                    "The store is encrypted: put the key file beside the store (\(TerminalText.safe(keyFile))) or give --key-file each time."))
        }
        if let kept = r.replacedKeptAt {
            printError(
                global.t(
                    "De vervangen opslag kon niet worden verwijderd en staat nog in \(TerminalText.safe(kept)); verwijder die map zelf.",
                    "The replaced store could not be removed and is still in \(TerminalText.safe(kept)); remove that folder yourself."))
        }
    }
}
