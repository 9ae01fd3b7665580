import ArgumentParser
import Foundation
import BewaarKit
import BewaarAccounts
import BewaarStore
import BewaarStorePostgres
import BewaarWeb
#if canImport(Glibc)
import Glibc
#endif

/// `bewaar user add|list`: accounts of the web interface (`bewaar serve`).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: CommandLineLanguage.text(
            "Beheer de accounts van de webinterface (bewaar serve).", "Manage the accounts of the web interface (bewaar serve)."),
        subcommands: [Add.self, List.self, Reset.self, Disable.self, Enable.self, Remove.self, Email.self, Subject.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Maak een account aan (of zet rol en wachtwoord van een bestaand account opnieuw).",
                "Create an account (or set the role and password of an existing one again)."),
            discussion: CommandLineLanguage.text(
                """
                Het wachtwoord wordt gevraagd (twee keer) als invoer een terminal is, en anders gelezen als \
                eerste regel van de standaardinvoer. Het wordt bewaard als scrypt-hash, nooit leesbaar.
                """,
                """
                The password is asked for (twice) when the input is a terminal, and otherwise read as the \
                first line of standard input. It is kept as an scrypt hash, never readable.
                """))
        @OptionGroup var global: GlobalOptions
        @Argument(
            help: CommandLineLanguage.help(
                "De naam waarmee de persoon inlogt; voor mentoren en afdelingsleiders dezelfde naam als bij de zaak.",
                "The name the person signs in with; for mentors and afdelingsleiders the same name as on the case."))
        var name: String
        @Option(help: CommandLineLanguage.help("Rol van het account.", "The account's role.")) var role: Choice<AccountRole>

        func run() throws {
            guard let r = AccountRole(parsing: role.typed) else {
                let role = role.typed
                let all = AccountRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw KitError(
                    nl: "Onbekende rol '\(TerminalText.safe(role))'. Kies uit: \(all).",
                    en: "Unknown role '\(TerminalText.safe(role))'. Choose from: \(all).")
            }
            let store: CaseStore
            if r.isBoards {
                // The board's privacy officer is an account of the board's office, not of a school.
                guard global.databaseURL != nil else {
                    throw KitError(
                        nl: "De rol \(r.rawValue) (\(r.dutch)) hoort bij een schoolbestuur: geef de database met --database.",
                        en: "The role \(r.rawValue) (data protection officer) belongs to a school board: name the database with --database.")
                }
                let board = try global.openBoard()
                if let named = global.schoolName, (try board.school(named: named)).isOffice == false {
                    throw KitError(
                        nl: "De rol \(r.rawValue) hoort bij het bestuur, niet bij een school: laat --school weg.",
                        en: "The role \(r.rawValue) belongs to the board, not to a school: leave out --school.")
                }
                let password = try Self.readPassword(global)
                store = try board.store(school: try board.office(), modules: WebServer.storeModules)
                try Accounts(store: store).add(name: name, role: r, password: password, actor: global.actor)
            } else {
                let password = try Self.readPassword(global)
                store = try global.openStore(create: true)
                try Accounts(store: store).add(name: name, role: r, password: password, actor: global.actor)
            }
            out(
                global.t(
                    "Account \(TerminalText.line(name)) (\(r.dutch)) opgeslagen.",
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
                throw KitError(
                    nl:
                        "Geen wachtwoord op de standaardinvoer. Geef het als eerste regel, bijvoorbeeld: printf '%s\\n' \"$WACHTWOORD\" | bewaar user add …",
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
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Toon de accounts en hun rol (nooit wachtwoorden).", "Show the accounts and their role (never passwords)."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openStore(create: false, office: true)
            for a in try store.accounts() {
                let state =
                    a.disabledAt != nil
                    ? global.t("uitgeschakeld", "disabled") : a.passwordHash == "!" ? global.t("wacht op wachtwoord", "awaiting password") : ""
                let email = a.email.map { "\t" + TerminalText.line($0) } ?? ""
                out("\(TerminalText.line(a.name))\t\(a.role)" + (state.isEmpty ? "" : "\t" + state) + email)
            }
        }
    }

    /// Forces a new password: prints the one-time code with which the owner sets it (in the web
    /// interface, /wachtwoord-instellen). Sessions end at once.
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Dwing een nieuw wachtwoord af: het oude werkt niet meer en de eigenaar kiest zelf een nieuw met de getoonde code.",
                "Force a new password: the old one stops working and the owner chooses a new one with the code shown."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("De naam van het account.", "The account's name.")) var name: String

        func run() throws {
            let store = try global.openStore(create: false, office: true)
            let code = try Accounts(store: store).forceReset(name: name, actor: global.actor)
            out(
                global.t(
                    "Code voor \(TerminalText.line(name)): \(code.code) (geldig tot \(code.validUntil.utcMillisString)). Geef hem persoonlijk; de eigenaar kiest met de code een nieuw wachtwoord op /wachtwoord-instellen.",
                    "Code for \(TerminalText.line(name)): \(code.code) (valid until \(code.validUntil.utcMillisString)). Hand it over in person; the owner chooses a new password with it at /wachtwoord-instellen."
                ))
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Schakel een account uit (bijvoorbeeld bij verlof); sessies eindigen meteen.",
                "Disable an account (for example during leave); sessions end at once."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("De naam van het account.", "The account's name.")) var name: String

        func run() throws {
            try global.openStore(create: false, office: true).setDisabled(true, account: name, actor: global.actor)
            out(global.t("Account \(TerminalText.line(name)) uitgeschakeld.", "Account \(TerminalText.line(name)) disabled."))
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text("Schakel een uitgeschakeld account weer in.", "Enable a disabled account again."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("De naam van het account.", "The account's name.")) var name: String

        func run() throws {
            try global.openStore(create: false, office: true).setDisabled(false, account: name, actor: global.actor)
            out(global.t("Account \(TerminalText.line(name)) ingeschakeld.", "Account \(TerminalText.line(name)) enabled."))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text(
                "Verwijder een account (vertrokken personeel): sessies eindigen en alle toegang tot zaken wordt ingetrokken.",
                "Remove an account (staff who left): sessions end and all access to cases is revoked."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("De naam van het account.", "The account's name.")) var name: String

        func run() throws {
            try global.openStore(create: false, office: true).removeAccount(name, actor: global.actor)
            out(global.t("Account \(TerminalText.line(name)) verwijderd.", "Account \(TerminalText.line(name)) removed."))
        }
    }
}
