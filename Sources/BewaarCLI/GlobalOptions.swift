import BewaarModel
import ArgumentParser
import Foundation
import BewaarKit
import BewaarStore
import BewaarStorePostgres
import BewaarWeb

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: CommandLineLanguage.help(
            "De opslagmap (anders $BEWAAR_STORE, anders ~/.local/share/bewaar).",
            "The store folder (else $BEWAAR_STORE, else ~/.local/share/bewaar)."))
    var store: String?

    @Option(
        name: .long,
        help: CommandLineLanguage.help(
            "Wie dit doet (anders $BEWAAR_USER, anders de gebruikersnaam).",
            "Who does this (else $BEWAAR_USER, else the user name)."))
    var by: String?

    @Option(name: .long, help: Self.keyFileHelp)
    var keyFile: String?

    @Option(
        name: .long,
        help: CommandLineLanguage.help(
            "Een schoolbestuur: de PostgreSQL-database (postgres://…; anders $BEWAAR_DATABASE). --store is dan de gedeelde map met originelen.",
            "A school board: the PostgreSQL database (postgres://…; else $BEWAAR_DATABASE). --store is then the shared folder of originals."))
    var database: String?

    @Option(
        name: .long,
        help: CommandLineLanguage.help(
            "De school (anders $BEWAAR_SCHOOL): haar naam in pakketten en bundels; met --database de school waarvoor je werkt.",
            "The school (else $BEWAAR_SCHOOL): its name in packets and bundles; with --database the school you work for.")
    )
    var school: String?

    static let keyFileHelp = CommandLineLanguage.help(
        "Sleutelbestand van een versleutelde opslag (anders $BEWAAR_KEY_FILE, anders de wachtwoordzin in $BEWAAR_PASSPHRASE, "
            + "anders MAP.sleutel naast de opslagmap).",
        "Key file of an encrypted store (else $BEWAAR_KEY_FILE, else the passphrase in $BEWAAR_PASSPHRASE, "
            + "else FOLDER.sleutel beside the store folder).")

    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }
    var actor: String { CustodyActor.resolve(explicit: by) }
    var storePath: String { StoreLocation.resolve(explicit: store) }

    /// The board's database (`--database`, else `$BEWAAR_DATABASE`); nil for a SQLite store.
    var databaseURL: String? {
        if let database, !database.isEmpty { return database }
        if let env = ProcessInfo.processInfo.environment["BEWAAR_DATABASE"], !env.isEmpty { return env }
        return nil
    }

    /// The school named with `--school`, else `$BEWAAR_SCHOOL`.
    var schoolName: String? {
        if let school, !school.isEmpty { return school }
        if let env = ProcessInfo.processInfo.environment["BEWAAR_SCHOOL"], !env.isEmpty { return env }
        return nil
    }

    /// The board whose database `--database` names, its originals in the `--store` folder; an
    /// error for a SQLite store.
    func openBoard(connections: Int = 4) throws -> PostgresBoard {
        guard let url = databaseURL else {
            throw KitError(
                nl: "Dit is voor een schoolbestuur: geef de PostgreSQL-database met --database of BEWAAR_DATABASE.",
                en: "This is for a school board: name the PostgreSQL database with --database or BEWAAR_DATABASE.")
        }
        return try PostgresBoard(url: PostgresURL(url), folder: storePath, key: keySource, connections: connections)
    }

    /// Opens the store with every module `bewaar` has (the web interface's include the
    /// accounts'); `create` for commands that write. With a board's database, the store of the
    /// school `--school` names; the board's office (`--school "(bestuur)"`) only for commands
    /// that manage its accounts (`office`), as it holds no case.
    func openStore(create: Bool, office: Bool = false) throws -> CaseStore {
        guard databaseURL != nil else {
            return try CaseStore(path: storePath, create: create, modules: WebServer.storeModules, key: keySource)
        }
        let board = try openBoard()
        guard let name = schoolName else {
            let known = (try? board.schools().map(\.name).joined(separator: ", ")) ?? ""
            throw KitError(
                nl: "Noem de school met --school of BEWAAR_SCHOOL"
                    + (known.isEmpty ? "; maak er een met `bewaar school add`." : " (scholen: \(known))."),
                en: "Name the school with --school or BEWAAR_SCHOOL"
                    + (known.isEmpty ? "; make one with `bewaar school add`." : " (schools: \(known))."))
        }
        let school = try board.school(named: name)
        guard !school.isOffice || office else {
            throw KitError(
                nl: "\(PostgresBoard.officeName) is het bestuur zelf: het heeft alleen de accounts van het bestuur, geen zaken. Noem een school.",
                en: "\(PostgresBoard.officeName) is the board itself: it holds only the board's accounts, no cases. Name a school.")
        }
        return try board.store(school: school, modules: WebServer.storeModules)
    }

    /// Where the master key of an encrypted store comes from, as given (nil: the key file beside
    /// the store folder).
    var keySource: StoreKeySource? {
        let env = ProcessInfo.processInfo.environment
        if let keyFile, !keyFile.isEmpty { return .keyFile(keyFile) }
        if let file = env["BEWAAR_KEY_FILE"], !file.isEmpty { return .keyFile(file) }
        if let phrase = env["BEWAAR_PASSPHRASE"], !phrase.isEmpty { return .passphrase(phrase) }
        return nil
    }

    func t(_ nl: String, _ en: String) -> String { language.pick(nl: nl, en: en) }
}

/// Reads a case id argument or explains the form.
func parseCaseID(_ text: String, _ g: GlobalOptions) throws -> CaseID {
    guard let id = CaseID(text) else {
        throw KitError(
            nl: "'\(TerminalText.safe(text))' is geen zaaknummer. Een zaaknummer ziet eruit als 2026-0001.",
            en: "'\(TerminalText.safe(text))' is not a case number. A case number looks like 2026-0001.")
    }
    return id
}
