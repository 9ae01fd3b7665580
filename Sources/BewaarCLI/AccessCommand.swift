import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarStore
import BewaarAccounts

/// `bewaar access grant|revoke|list`: which accounts may read a case in the web interface.
/// Access follows an explicit link between an account and its staff role on the case; a name
/// on the case never gives access.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: CommandLineLanguage.text("Geef, toon of trek de toegang van accounts tot een zaak in (webinterface).", "Grant, show or revoke accounts' access to a case (web interface)."),
        discussion: CommandLineLanguage.text("""
            Alleen een mentor-, afdelingsleider- of ondersteuningscoördinator-account kan toegang krijgen, \
            en alleen in de eigen rol. Elke wijziging komt in het logboek van de zaak.
            """, """
            Only a mentor, afdelingsleider or ondersteuningscoördinator account can be given access, and \
            only in its own role. Every change goes into the case's log.
            """),
        subcommands: [Grant.self, Revoke.self, List.self])

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Geef een account toegang tot een zaak, in de rol van het account.", "Give an account access to a case, in the account's role."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(help: CommandLineLanguage.help("De naam van het account.", "The account's name.")) var account: String
        @Option(help: CommandLineLanguage.help("Waarom (komt in het logboek).", "Why (goes into the log).")) var reason: String?

        func run() throws {
            let caseID = try parseCaseID(id, global)
            let store = try global.openStore(create: false)
            guard let stored = try store.account(named: account) else {
                throw KitError(nl: "Account '\(TerminalText.safe(account))' bestaat niet. `bewaar user list` toont de accounts.",
                               en: "Account '\(TerminalText.safe(account))' does not exist. `bewaar user list` shows the accounts.")
            }
            let link = try store.grantAccess(caseID, account: stored.name, role: stored.role, actor: global.actor, reason: reason)
            out(global.t("Toegang \(link.id): \(TerminalText.line(link.account)) (\(link.role)) tot zaak \(caseID).",
                         "Access \(link.id): \(TerminalText.line(link.account)) (\(link.role)) to case \(caseID)."))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Trek een toegang in (het nummer staat bij `bewaar access list`).", "Revoke an access (its number is in `bewaar access list`)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String
        @Option(help: CommandLineLanguage.help("Nummer van de toegang.", "Number of the access.")) var link: Int64
        @Option(help: CommandLineLanguage.help("Waarom (komt in het logboek).", "Why (goes into the log).")) var reason: String

        func run() throws {
            let caseID = try parseCaseID(id, global)
            let store = try global.openStore(create: false)
            try store.revokeAccess(caseID, link: link, actor: global.actor, reason: reason)
            out(global.t("Toegang \(link) tot zaak \(caseID) ingetrokken.", "Access \(link) to case \(caseID) revoked."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Toon wie toegang heeft (en had) tot een zaak.", "Show who has (and had) access to a case."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var id: String

        func run() throws {
            let caseID = try parseCaseID(id, global)
            let store = try global.openStore(create: false)
            for l in try store.accessLinks(caseID) {
                let state = l.isActive ? global.t("actief", "active")
                    : global.t("ingetrokken door \(TerminalText.line(l.revokedBy ?? "—"))", "revoked by \(TerminalText.line(l.revokedBy ?? "—"))")
                out("\(l.id)\t\(TerminalText.line(l.account))\t\(l.role)\t\(TerminalText.line(l.grantedBy))\t\(state)")
            }
        }
    }
}
