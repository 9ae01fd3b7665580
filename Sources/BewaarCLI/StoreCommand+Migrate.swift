import ArgumentParser
import Foundation
import BewaarModel
import BewaarKit
import BewaarStore
import BewaarStorePostgres
import BewaarWeb

extension StoreCommand {
    /// Moves a school's own SQLite store into a school of the board's database.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Verhuis de SQLite-opslag van een school naar de database van het schoolbestuur (in één keer; opnieuw uitvoeren kan veilig).",
                "Move a school's SQLite store into the school board's database (all at once; safe to run again)."),
            discussion: CommandLineLanguage.text(
                """
                Kopieert elke zaak, elk logboek en elk origineel naar de school die --school noemt (maak die eerst met \
                `bewaar school add`; ze moet nog leeg zijn). Elke zaak houdt haar nummer, haar sleutel en haar logboek: \
                elke hash blijft gelijk. --store en --key-file zijn die van het bestuur; de opslag zelf wordt niet \
                veranderd. Na afloop controleert Bewaar de school in de database zoals `bewaar check` doet.
                """,
                """
                Copies every case, log and original into the school --school names (make it first with `bewaar school \
                add`; it must have nothing yet). Every case keeps its number, its key and its log: every hash stays the \
                same. --store and --key-file are the board's; the store itself is not changed. Afterwards Bewaar checks \
                the school in the database as `bewaar check` does.
                """))
        @OptionGroup var global: GlobalOptions

        @Option(
            name: .long,
            help: CommandLineLanguage.help(
                "De SQLite-opslag van de school (de map met bewaar.sqlite).", "The school's SQLite store (the folder holding bewaar.sqlite)."))
        var from: String

        @Option(
            name: .long,
            help: CommandLineLanguage.help(
                "Het sleutelbestand van die opslag (anders MAP.sleutel ernaast; anders de wachtwoordzin in $BEWAAR_FROM_PASSPHRASE).",
                "That store's key file (else FOLDER.sleutel beside it; else the passphrase in $BEWAAR_FROM_PASSPHRASE)."))
        var fromKeyFile: String?

        @Option(
            name: .long,
            help: CommandLineLanguage.help(
                "De database van het bestuur (postgres://…; anders --database of $BEWAAR_DATABASE).",
                "The board's database (postgres://…; else --database or $BEWAAR_DATABASE)."))
        var to: String?

        func run() throws {
            var global = self.global
            if let to, !to.isEmpty { global.database = to }
            guard let name = global.schoolName else {
                throw KitError(nl: "Noem de school met --school.", en: "Name the school with --school.")
            }
            let folder = (from as NSString).standardizingPath
            guard FileManager.default.fileExists(atPath: folder + "/" + CaseStore.databaseName) else {
                throw KitError(
                    nl: "In \(TerminalText.safe(folder)) staat geen opslag (geen \(CaseStore.databaseName)). Noem met --from de map van de school.",
                    en: "There is no store in \(TerminalText.safe(folder)) (no \(CaseStore.databaseName)). Name the school's folder with --from.")
            }
            let board = try global.openBoard()
            let school = try board.school(named: name)
            let source = try CaseStore(path: folder, create: false, modules: WebServer.storeModules, key: sourceKey)
            let (outcome, store) = try board.moveIn(source, to: school, modules: WebServer.storeModules, actor: global.actor)
            let schoolName = TerminalText.safe(school.name)
            if !outcome.copiedNow {
                out(
                    global.t(
                        "Deze opslag is al eerder naar \(schoolName) verhuisd: elk logboek staat er, tot dezelfde laatste gebeurtenis. Er is niets veranderd.",
                        "This store was moved to \(schoolName) before: every log is there, up to the same last event. Nothing was changed."))
            } else {
                out(
                    global.t(
                        "Verhuisd naar \(schoolName): \(Plural.count(outcome.cases, "zaak", "zaken")), \(Plural.count(outcome.records, "bericht", "berichten")), "
                            + "\(Plural.count(outcome.chains, "logboek", "logboeken")), \(Plural.count(outcome.originals, "origineel", "originelen"))"
                            + (outcome.sealedOnTheWay > 0 ? " (\(outcome.sealedOnTheWay) onderweg versleuteld)" : "")
                            + ", \(Plural.count(outcome.accounts, "account", "accounts")).",
                        "Moved to \(schoolName): \(Plural.count(outcome.cases, "case", "cases")), \(Plural.count(outcome.records, "record", "records")), "
                            + "\(Plural.count(outcome.chains, "log", "logs")), \(Plural.count(outcome.originals, "original", "originals"))"
                            + (outcome.sealedOnTheWay > 0 ? " (\(outcome.sealedOnTheWay) encrypted on the way)" : "")
                            + ", \(Plural.count(outcome.accounts, "account", "accounts"))."))
                for kept in outcome.accountsKept {
                    out(
                        global.t(
                            "  - Account \(TerminalText.safe(kept)) had de school al in de database; dat is gebleven zoals het was.",
                            "  - The school already had account \(TerminalText.safe(kept)) in the database; it was left as it was."))
                }
                for missing in outcome.missing {
                    out(
                        global.t(
                            "  ✗ Origineel \(missing) ontbrak al in de opslag (`bewaar check` daar noemt het ook).",
                            "  ✗ Original \(missing) was already missing from the store (`bewaar check` there names it too)."))
                }
            }
            try checkAfterwards(store, school: schoolName, global)
        }

        /// The source store's key: `--from-key-file`, else `$BEWAAR_FROM_PASSPHRASE`, else the key
        /// file beside it (nil: the store's own default).
        private var sourceKey: StoreKeySource? {
            if let fromKeyFile, !fromKeyFile.isEmpty { return .keyFile(fromKeyFile) }
            if let phrase = ProcessInfo.processInfo.environment["BEWAAR_FROM_PASSPHRASE"], !phrase.isEmpty { return .passphrase(phrase) }
            return nil
        }

        /// What `bewaar check` says of the school in the database; exit status 1 when it is not intact.
        private func checkAfterwards(_ store: CaseStore, school: String, _ global: GlobalOptions) throws {
            let report = try store.check()
            for p in report.problems { out((p.isHarmless ? "  - " : "  ✗ ") + global.t(p.dutch, p.english)) }
            let events = report.chains.reduce(0) { $0 + $1.eventCount }
            if report.intact {
                out(
                    global.t(
                        "Controle van \(school) in de database: \(Plural.count(report.objectsChecked, "origineel", "originelen")) opnieuw gehasht, "
                            + "\(Plural.count(report.chains.count, "logboek", "logboeken")) met \(Plural.count(events, "gebeurtenis", "gebeurtenissen")) intact.",
                        "Check of \(school) in the database: \(Plural.count(report.objectsChecked, "original", "originals")) re-hashed, "
                            + "\(Plural.count(report.chains.count, "log", "logs")) with \(Plural.count(events, "event", "events")) intact."))
            } else {
                out(
                    global.t(
                        "NIET in orde na de verhuizing. Gebruik de school nog niet; voer `bewaar check` uit op de opslag en meld dit aan de beheerder.",
                        "NOT OK after the move. Do not use the school yet; run `bewaar check` on the store and tell the administrator."))
                throw ExitCode(1)
            }
        }
    }
}
