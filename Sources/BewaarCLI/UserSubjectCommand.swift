import ArgumentParser
import Foundation
import BewaarKit
import BewaarAccounts
import BewaarSignOn

extension UserCommand {
    /// `bewaar user subject NAME --issuer URL --subject SUB`: links an account to a school account
    /// by hand, for a sign-in service that sends no verified e-mail address (so Bewaar cannot find
    /// the account by its address). `--clear` unlinks it; without options it shows the link.
    struct Subject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Koppel een account met de hand aan een schoolaccount (of ontkoppel het).",
                "Link an account to a school account by hand (or unlink it)."),
            discussion: CommandLineLanguage.text(
                """
                Voor een inlogdienst die geen gecontroleerd e-mailadres meestuurt (Microsoft Entra ID doet dat \
                vaak niet, SURFconext nooit): wie zonder account in Bewaar inlogt, ziet op de pagina \
                "Geen account in Bewaar" de uitgever (issuer) en de vaste code (subject) die de dienst stuurt, \
                met de opdracht die de beheerder uitvoert. Controleer eerst wie het is: de rol komt uit Bewaar, \
                dus wie u koppelt, krijgt alles wat het account mag zien. Met --clear wordt de koppeling \
                verwijderd en eindigen de sessies van het account meteen.
                """,
                """
                For a sign-in service that sends no verified e-mail address (Microsoft Entra ID often does not, \
                SURFconext never does): whoever signs in without an account in Bewaar sees, on the page \
                "No account in Bewaar", the issuer and the fixed id (subject) the service sends, with the \
                command the administrator runs. Check who it is first: the role comes from Bewaar, so whoever \
                you link gets everything the account may see. --clear removes the link and ends the account's \
                sessions at once.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("De naam van het account.", "The account's name.")) var name: String
        @Option(
            help: CommandLineLanguage.help(
                "De uitgever (issuer) van de inlogdienst, precies zoals de pagina hem toont.",
                "The sign-in service's issuer, exactly as the page shows it."))
        var issuer: String?
        @Option(
            help: CommandLineLanguage.help(
                "De vaste code (subject) van de persoon bij die dienst, precies zoals de pagina hem toont.",
                "The person's fixed id (subject) at that service, exactly as the page shows it."))
        var subject: String?
        @Flag(
            help: CommandLineLanguage.help(
                "Verwijder de koppeling (de sessies van het account eindigen).", "Remove the link (the account's sessions end).")) var clear = false

        func validate() throws {
            if clear {
                guard issuer == nil, subject == nil else {
                    throw ValidationError(global.t("Geef --clear zonder --issuer en --subject.", "Give --clear without --issuer and --subject."))
                }
            } else if (issuer == nil) != (subject == nil) {
                throw ValidationError(
                    global.t("Geef --issuer en --subject samen (of --clear).", "Give --issuer and --subject together (or --clear)."))
            }
        }

        func run() throws {
            let store = try global.openStore(create: false, office: true)
            guard let stored = try store.account(named: name) else {
                throw KitError(
                    nl: "Account \(TerminalText.line(name)) bestaat niet. Zie: bewaar user list",
                    en: "Account \(TerminalText.line(name)) does not exist. See: bewaar user list")
            }
            let who = TerminalText.line(stored.name)
            if clear {
                let done = try store.unlinkSubject(account: stored.name, actor: global.actor)
                out(
                    done
                        ? global.t(
                            "Account \(who) is ontkoppeld van het schoolaccount; zijn sessies zijn beëindigd.",
                            "Account \(who) was unlinked from the school account; its sessions ended.")
                        : global.t("Account \(who) was niet aan een schoolaccount gekoppeld.", "Account \(who) was not linked to a school account."))
                return
            }
            guard let issuer, let subject else {
                if let s = stored.oidcSubject {
                    out(
                        global.t("Account \(who) is gekoppeld aan", "Account \(who) is linked to")
                            + " --issuer \(TerminalText.line(stored.oidcIssuer ?? "", limit: 300)) --subject \(TerminalText.line(s, limit: 300))")
                } else {
                    out(global.t("Account \(who) is niet aan een schoolaccount gekoppeld.", "Account \(who) is not linked to a school account."))
                }
                return
            }
            _ = try ProviderAddress.checked(issuer, what: "--issuer")
            guard IDTokenCheck.acceptableSubject(subject) else {
                throw KitError(
                    nl:
                        "--subject moet 1 tot \(IDTokenCheck.claimLimit) tekens zijn, zonder regeleinden of stuurtekens; kopieer hem precies van de pagina.",
                    en:
                        "--subject must be 1 to \(IDTokenCheck.claimLimit) characters, without line breaks or control characters; copy it exactly from the page."
                )
            }
            let changed = try store.linkSubject(issuer: issuer, subject: subject, account: stored.name, actor: global.actor)
            out(
                changed
                    ? global.t(
                        "Account \(who) is gekoppeld aan het schoolaccount \(TerminalText.line(subject, limit: 300)) van \(TerminalText.line(issuer, limit: 300)).",
                        "Account \(who) is linked to school account \(TerminalText.line(subject, limit: 300)) of \(TerminalText.line(issuer, limit: 300))."
                    )
                    : global.t("Account \(who) was al aan dit schoolaccount gekoppeld.", "Account \(who) was linked to this school account already."))
        }
    }
}
