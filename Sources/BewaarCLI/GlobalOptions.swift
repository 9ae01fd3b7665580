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

    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }
    var actor: String { CustodyActor.resolve(explicit: by) }
    var storePath: String { StoreLocation.resolve(explicit: store) }

    /// Opens the store with every module `bewaar` has (the web interface's include the
    /// accounts'); `create` for commands that write.
    func openStore(create: Bool) throws -> CaseStore {
        try CaseStore(path: storePath, create: create, modules: WebServer.storeModules)
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
