import BewaarModel
import ArgumentParser
import Foundation
import BewaarKit
import BewaarStore
import BewaarWeb

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: CommandLineLanguage.help("De opslagmap (anders $BEWAAR_STORE, anders ~/.local/share/bewaar).",
                                                        "The store folder (else $BEWAAR_STORE, else ~/.local/share/bewaar)."))
    var store: String?

    @Option(name: .long, help: CommandLineLanguage.help("Wie dit doet (anders $BEWAAR_USER, anders de gebruikersnaam).",
                                                        "Who does this (else $BEWAAR_USER, else the user name)."))
    var by: String?

    @Option(name: .long, help: Self.keyFileHelp)
    var keyFile: String?

    static let keyFileHelp = CommandLineLanguage.help(
        "Sleutelbestand van een versleutelde opslag (anders $BEWAAR_KEY_FILE, anders de wachtwoordzin in $BEWAAR_PASSPHRASE, "
            + "anders MAP.sleutel naast de opslagmap).",
        "Key file of an encrypted store (else $BEWAAR_KEY_FILE, else the passphrase in $BEWAAR_PASSPHRASE, "
            + "else FOLDER.sleutel beside the store folder).")

    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }
    var actor: String { CustodyActor.resolve(explicit: by) }
    var storePath: String { StoreLocation.resolve(explicit: store) }

    /// Opens the store with every module `bewaar` has (the web interface's include the
    /// accounts'); `create` for commands that write.
    func openStore(create: Bool) throws -> CaseStore {
        try CaseStore(path: storePath, create: create, modules: WebServer.storeModules, key: keySource)
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
        throw KitError(nl: "'\(TerminalText.safe(text))' is geen zaaknummer. Een zaaknummer ziet eruit als 2026-0001.",
                       en: "'\(TerminalText.safe(text))' is not a case number. A case number looks like 2026-0001.")
    }
    return id
}
