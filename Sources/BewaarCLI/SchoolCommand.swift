import ArgumentParser
import BewaarKit
import BewaarStore
import BewaarStorePostgres

/// The schools of a school board's database (`--database`): each is a tenant with its own cases,
/// case numbers, custody chains and folder of originals.
struct SchoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school",
        abstract: CommandLineLanguage.text(
            "De scholen in de database van een schoolbestuur (--database).", "The schools in a school board's database (--database)."),
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text("Voeg een school toe.", "Add a school."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: CommandLineLanguage.help("De naam van de school.", "The school's name."))
        var name: String

        func run() throws {
            let school = try global.openBoard().addSchool(named: name)
            out(
                global.t(
                    "School '\(TerminalText.safe(school.name))' toegevoegd (nummer \(school.id)). Werk ervoor met --school of BEWAAR_SCHOOL.",
                    "School '\(TerminalText.safe(school.name))' added (number \(school.id)). Work for it with --school or BEWAAR_SCHOOL."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text("Toon de scholen.", "Show the schools."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let schools = try global.openBoard().schools()
            if schools.isEmpty {
                out(global.t("Nog geen scholen: voeg er een toe met `bewaar school add`.", "No schools yet: add one with `bewaar school add`."))
            }
            for school in schools { out("\(school.id)\t\(TerminalText.safe(school.name))") }
        }
    }
}
