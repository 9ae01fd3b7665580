import ArgumentParser
import BewaarKit

/// `--lang`, the one declaration every command shares (through ``GlobalOptions`` or on its own).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: CommandLineLanguage.help("Taal (anders wat LANG zegt, anders nl).", "Language (else what LANG says, else nl)."))
    var lang: Language?

    /// The language chosen: `--lang`, else `LANG` and its kin, else Dutch.
    var language: Language { Language.resolve(explicit: lang?.rawValue) }
}
