import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarAccounts

extension UserCommand {
    /// `bewaar user email NAME ADDRESS`: the address with which the account's owner signs in with
    /// the school's account (OpenID Connect) the first time.
    struct Email: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Zet het e-mailadres van een account (voor inloggen met het schoolaccount).",
                "Set an account's e-mail address (for signing in with the school account)."),
            discussion: CommandLineLanguage.text(
                """
                Bij de eerste keer inloggen met het schoolaccount vindt Bewaar het account aan dit adres, \
                als de inlogdienst van de school zegt dat het adres gecontroleerd is; daarna aan de vaste \
                code van die dienst. Een ander adres zetten laat Bewaar het account opnieuw aan het adres zoeken.
                """,
                """
                On the first sign-in with the school account Bewaar finds the account by this address, when \
                the school's sign-in service says it verified the address; after that by that service's fixed \
                id. Setting another address makes Bewaar find the account by address again.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("De naam van het account.", "The account's name.")) var name: String
        @Argument(help: CommandLineLanguage.help("Het e-mailadres (leeg laten met --clear).", "The e-mail address (leave out with --clear)."))
        var address: String?
        @Flag(help: CommandLineLanguage.help("Wis het e-mailadres.", "Clear the e-mail address.")) var clear = false

        func validate() throws {
            guard clear != (address != nil) else {
                throw ValidationError(global.t("Geef een e-mailadres of --clear.", "Give an e-mail address or --clear."))
            }
        }

        func run() throws {
            var email: String?
            if let address {
                guard let plausible = EmailAddress.plausible(address) else {
                    throw KitError(
                        nl:
                            "'\(TerminalText.safe(address))' is geen bruikbaar e-mailadres (één @, geen spaties, hoogstens \(EmailAddress.limit) tekens).",
                        en:
                            "'\(TerminalText.safe(address))' is no usable e-mail address (one @, no spaces, at most \(EmailAddress.limit) characters)."
                    )
                }
                email = plausible
            }
            let store = try global.openStore(create: false, office: true)
            guard let stored = try store.account(named: name) else {
                throw KitError(
                    nl: "Account \(TerminalText.line(name)) bestaat niet. Zie: bewaar user list",
                    en: "Account \(TerminalText.line(name)) does not exist. See: bewaar user list")
            }
            try store.setEmail(email, account: stored.name, actor: global.actor)
            out(
                global.t(
                    "E-mailadres van \(TerminalText.line(stored.name)): \(email.map { TerminalText.line($0) } ?? "gewist").",
                    "E-mail address of \(TerminalText.line(stored.name)): \(email.map { TerminalText.line($0) } ?? "cleared")."))
        }
    }
}
