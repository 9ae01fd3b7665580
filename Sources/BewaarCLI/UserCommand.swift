import ArgumentParser
import Foundation
import BewaarKit
import BewaarAccounts
#if canImport(Glibc)
import Glibc
#endif

/// `bewaar user add|list`: accounts of the web interface (`bewaar serve`).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Beheer de accounts van de webinterface (bewaar serve).",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Maak een account aan (of zet rol en wachtwoord van een bestaand account opnieuw).",
            discussion: """
                Het wachtwoord wordt gevraagd (twee keer) als invoer een terminal is, en anders gelezen als \
                eerste regel van de standaardinvoer. Het wordt bewaard als scrypt-hash, nooit leesbaar. \
                Rollen: \(AccountRole.allCases.map(\.rawValue).joined(separator: ", ")).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "De naam waarmee de persoon inlogt; voor mentoren en afdelingsleiders dezelfde naam als bij de zaak.")
        var name: String
        @Option(help: "mentor, afdelingsleider, systeembeheerder, ondersteuningscoordinator of beheerder.") var role: String

        func run() throws {
            guard let r = AccountRole(parsing: role) else {
                let all = AccountRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw KitError(nl: "Onbekende rol '\(TerminalText.safe(role))'. Kies uit: \(all).",
                               en: "Unknown role '\(TerminalText.safe(role))'. Choose from: \(all).")
            }
            let password = try Self.readPassword(global)
            let store = try global.openStore(create: true)
            do {
                try Accounts(store: store).add(name: name, role: r, password: password, actor: global.actor)
            } catch let e as AccountError {
                throw KitError(nl: e.dutch, en: e.english)
            }
            out(global.t("Account \(TerminalText.line(name)) (\(r.dutch)) opgeslagen.",
                         "Account \(TerminalText.line(name)) (\(r.rawValue)) saved."))
        }

        static func readPassword(_ g: GlobalOptions) throws -> String {
            if isatty(0) != 0 {
                let first = prompt(g.t("Wachtwoord: ", "Password: "))
                let second = prompt(g.t("Nog een keer: ", "Again: "))
                guard first == second else {
                    throw KitError(nl: "De wachtwoorden verschillen. Probeer het opnieuw.", en: "The passwords differ. Try again.")
                }
                return first
            }
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw KitError(nl: "Geen wachtwoord op de standaardinvoer. Geef het als eerste regel, bijvoorbeeld: printf '%s\\n' \"$WACHTWOORD\" | bewaar user add …",
                               en: "No password on standard input. Give it as the first line, for example: printf '%s\\n' \"$PASSWORD\" | bewaar user add …")
            }
            return line
        }

        static func prompt(_ text: String) -> String {
            guard let p = getpass(text) else { return "" }
            return String(cString: p)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Toon de accounts en hun rol (nooit wachtwoorden).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore(create: false)
            for a in try store.accounts() {
                out("\(TerminalText.line(a.name))\t\(a.role)")
            }
        }
    }
}
