import ArgumentParser
import BewaarKit
import BewaarModel

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: CommandLineLanguage.text("Betrokkenen bij een zaak.", "People involved in a case."),
        subcommands: [Add.self, Link.self, Suggest.self, Handles.self, Export.self, Note.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text("Voeg iemand toe aan een zaak met zijn of haar rol.", "Add someone to a case with their role."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
        @Option(help: CommandLineLanguage.help("Naam.", "Name.")) var name: String
        @Option(help: CommandLineLanguage.help("Rol op de zaak.", "Role on the case.")) var role: Choice<Role>
        @Option(name: .customLong("of"), help: CommandLineLanguage.help("Bij een ouder/verzorger: van welke leerling.", "For a parent or carer: of which pupil.")) var relatedTo: String?
        @Option(help: CommandLineLanguage.help("Klas of groep, bijvoorbeeld 2B.", "Class or group, for example 2B.")) var group: String?

        func run() throws {
            guard let r = Role(parsing: role.typed) else {
                let role = role.typed
                throw KitError(nl: "Onbekende rol '\(TerminalText.safe(role))'. Kies uit: " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                               en: "Unknown role '\(TerminalText.safe(role))'. Choose from: " + Role.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            let p = try store.addPerson(Person(name: name, role: r, relatedTo: relatedTo, group: group), to: id, actor: global.actor)
            out(global.t("Toegevoegd aan \(id): \(TerminalText.line(p.name)) (\(r.rawValue))",
                         "Added to \(id): \(TerminalText.line(p.name)) (\(r.rawValue))"))
        }
    }
}
