import ArgumentParser
import BewaarKit

/// The language of this run of `bewaar`, for what is said before any command runs: its help
/// (`--help`, usage, abstracts) and the error of a command that failed. Chosen the same way
/// as everything else (`Language.resolve`): `--lang` anywhere on the command line, else `LANG`
/// and its kin, else Dutch. argument-parser's own headings ("USAGE:", "OPTIONS:") stay English.
enum CommandLineLanguage {
    /// The value of `--lang` (`--lang en` or `--lang=en`) anywhere in `arguments`, if given.
    static func explicit(in arguments: [String]) -> String? {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count { return arguments[i + 1] }
            if a.hasPrefix("--lang=") { return String(a.dropFirst("--lang=".count)) }
        }
        return nil
    }

    /// The language of this process's command line.
    static let current = Language.resolve(explicit: explicit(in: Array(CommandLine.arguments.dropFirst())))

    /// A text of the help (an abstract, a discussion) in this run's language.
    static func text(_ nl: String, _ en: String) -> String { current.pick(nl: nl, en: en) }

    /// An option's or argument's help in this run's language.
    static func help(_ nl: String, _ en: String) -> ArgumentHelp { ArgumentHelp(text(nl, en)) }
}
