import ArgumentParser
import Foundation
import BewaarModel
import BewaarKit
import BewaarStore
import BewaarStorePostgres
import BewaarWeb

/// The store itself: making an encrypted one, encrypting a plain one.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: CommandLineLanguage.text(
            "De opslag zelf: versleuteld aanmaken, een bestaande versleutelen, de sleutel vervangen, naar een schoolbestuur verhuizen.",
            "The store itself: create it encrypted, encrypt an existing one, replace its key, move it to a school board."),
        subcommands: [Init.self, Encrypt.self, Rekey.self, Migrate.self])

    /// Where a new master key goes: the passphrase in $BEWAAR_PASSPHRASE, else the key file.
    static func newKeySource(_ global: GlobalOptions) -> StoreKeySource {
        global.keySource ?? .keyFile(StoreKeySource.defaultKeyFile(forStore: global.storePath))
    }

    static func keyWarning(_ source: StoreKeySource, _ global: GlobalOptions) {
        switch source {
        case .keyFile(let file):
            out(global.t("Sleutelbestand: \(file) (alleen voor jou leesbaar).", "Key file: \(file) (readable by you only)."))
            out(
                global.t(
                    "LET OP: maak nu een reservekopie van dit sleutelbestand en bewaar die gescheiden van de opslag. Zonder sleutel is de opslag voorgoed onleesbaar; wie de sleutel én de opslag heeft, kan alles lezen.",
                    "NOTE: back up this key file now and keep the copy apart from the store. Without the key the store is unreadable for good; whoever has both the key and the store can read everything."
                ))
        case .passphrase:
            out(
                global.t(
                    "De hoofdsleutel komt uit de wachtwoordzin (scrypt). Zonder die wachtwoordzin is de opslag voorgoed onleesbaar.",
                    "The master key comes from the passphrase (scrypt). Without that passphrase the store is unreadable for good."))
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Maak een nieuwe, versleutelde opslag met een nieuw sleutelbestand (of een wachtwoordzin).",
                "Create a new, encrypted store with a new key file (or a passphrase)."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            if global.databaseURL != nil {
                // A board's database: its schema, and the master key of every school's cases.
                let board = try global.openBoard()
                if try board.hasMasterKey {
                    // Run again on a board that has its key: the schema brought up to date (a new
                    // version of Bewaar), the key left as it is.
                    guard !board.migrated.isEmpty else {
                        throw KitError(
                            nl: "Deze database heeft al een hoofdsleutel en is bij; er is niets veranderd.",
                            en: "This database has a master key already and is up to date; nothing was changed.")
                    }
                    out(
                        global.t(
                            "Het schema van de database is bijgewerkt (\(board.migrated.joined(separator: ", "))); de hoofdsleutel bestond al en is niet veranderd.",
                            "The database's schema was brought up to date (\(board.migrated.joined(separator: ", "))); the master key existed already and was not changed."
                        ))
                    return
                }
                try board.makeMasterKey()
                out(
                    global.t(
                        "De database van het schoolbestuur is klaar; originelen komen in \(board.folder). Voeg scholen toe met `bewaar school add`.",
                        "The school board's database is ready; originals go in \(board.folder). Add schools with `bewaar school add`."))
                StoreCommand.keyWarning(board.key ?? .keyFile(board.keyFile), global)
                return
            }
            let dbPath = global.storePath + "/" + CaseStore.databaseName
            if FileManager.default.fileExists(atPath: dbPath) {
                throw KitError(
                    nl: "Er staat al een opslag in \(global.storePath). Versleutel die met `bewaar store encrypt`.",
                    en: "There is a store in \(global.storePath) already. Encrypt it with `bewaar store encrypt`.")
            }
            let source = StoreCommand.newKeySource(global)
            let store = try CaseStore(path: global.storePath, create: true, modules: WebServer.storeModules)
            _ = try store.encrypt(with: source, actor: global.actor)
            out(global.t("Versleutelde opslag gemaakt in \(global.storePath).", "Encrypted store created in \(global.storePath)."))
            StoreCommand.keyWarning(source, global)
        }
    }

    struct Encrypt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Versleutel een bestaande opslag ter plekke (in één keer: lukt het niet, dan is er niets veranderd).",
                "Encrypt an existing store in place (all at once: if it fails, nothing has changed)."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let source = StoreCommand.newKeySource(global)
            let store = try CaseStore(path: global.storePath, create: false, modules: WebServer.storeModules)
            let cases = try store.encrypt(with: source, actor: global.actor)
            out(
                global.t(
                    "Opslag versleuteld: \(Plural.count(cases, "zaak", "zaken")), elk met een eigen sleutel.",
                    "Store encrypted: \(Plural.count(cases, "case", "cases")), each with a key of its own."))
            StoreCommand.keyWarning(source, global)
            let report = try store.check()
            guard report.intact else {
                throw KitError(
                    nl: "De controle na het versleutelen vond problemen: voer `bewaar check` uit.",
                    en: "The check after encrypting found problems: run `bewaar check`.")
            }
        }
    }

    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Vervang de hoofdsleutel: een nieuw sleutelbestand (of de wachtwoordzin in BEWAAR_NEW_PASSPHRASE).",
                "Replace the master key: a new key file (or the passphrase in BEWAAR_NEW_PASSPHRASE)."))
        @OptionGroup var global: GlobalOptions
        @Option(
            help: CommandLineLanguage.help(
                "Waar het nieuwe sleutelbestand komt (anders in de plaats van het oude).",
                "Where the new key file goes (else in the old one's place)."))
        var newKeyFile: String?

        func run() throws {
            let old: String? = {
                if case .keyFile(let f) = global.keySource ?? .keyFile(StoreKeySource.defaultKeyFile(forStore: global.storePath)) { return f }
                return nil
            }()
            let target: StoreKeySource
            if let phrase = ProcessInfo.processInfo.environment["BEWAAR_NEW_PASSPHRASE"], !phrase.isEmpty {
                target = .passphrase(phrase)
            } else if let file = newKeyFile ?? old {
                target = .keyFile(file)
            } else {
                throw KitError(
                    nl: "Noem het nieuwe sleutelbestand met --new-key-file, of geef een nieuwe wachtwoordzin in BEWAAR_NEW_PASSPHRASE.",
                    en: "Name the new key file with --new-key-file, or give a new passphrase in BEWAAR_NEW_PASSPHRASE.")
            }
            if global.databaseURL != nil && global.schoolName == nil {
                // A board's key: every school's case keys at once.
                let count = try global.openBoard().rekey(to: target, replacing: old, modules: WebServer.storeModules, actor: global.actor)
                out(
                    global.t(
                        "Het schoolbestuur heeft een nieuwe hoofdsleutel (\(Plural.count(count, "zaaksleutel", "zaaksleutels")) opnieuw verpakt, alle scholen); de oude opent niets meer. Geef elke server het nieuwe sleutelbestand en start hem opnieuw.",
                        "The school board has a new master key (\(Plural.count(count, "case key", "case keys")) wrapped again, every school); the old one opens nothing any more. Give every server the new key file and restart it."
                    ))
                StoreCommand.keyWarning(target, global)
                return
            }
            let store = try global.openStore(create: false)
            try store.rekey(to: target, replacing: old, actor: global.actor)
            out(
                global.t(
                    "De opslag heeft een nieuwe hoofdsleutel; de oude opent hem niet meer.",
                    "The store has a new master key; the old one no longer opens it."))
            StoreCommand.keyWarning(target, global)
        }
    }
}
