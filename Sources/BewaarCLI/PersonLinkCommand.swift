import ArgumentParser
import BewaarKit
import BewaarModel

extension PersonCommand {
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandLineLanguage.text("Koppel een naam, telefoonnummer, account of e-mailadres uit het bewijs aan een persoon.", "Link a name, phone number, account or e-mail address in the evidence to a person."),
            discussion: CommandLineLanguage.text("`bewaar person suggest` toont wie nog niet gekoppeld is.",
                                                "`bewaar person suggest` shows who is not linked yet."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
        @Option(help: CommandLineLanguage.help("De persoon op de zaak.", "The person on the case.")) var person: String
        @Option(help: CommandLineLanguage.help("Zoals het in het bewijs staat, bijvoorbeeld +31 6 12345001 of @nep.sanne2b.", "As it appears in the evidence, for example +31 6 12345001 or @nep.sanne2b.")) var handle: String
        @Option(help: CommandLineLanguage.help("Soort (anders geraden).", "Kind (else guessed).")) var kind: Choice<HandleKind>?
        @Option(help: CommandLineLanguage.help("Profieladres, bijvoorbeeld https://www.instagram.com/…", "Profile address, for example https://www.instagram.com/…")) var profileUrl: String?

        func run() throws {
            let id = try parseCaseID(caseID, global)
            var k: HandleKind?
            if let kind = kind?.typed {
                guard let parsed = HandleKind(rawValue: kind.lowercased()) else {
                    throw KitError(nl: "Onbekende soort '\(TerminalText.safe(kind))'. Kies uit: " + HandleKind.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                                   en: "Unknown kind '\(TerminalText.safe(kind))'. Choose from: " + HandleKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                }
                k = parsed
            }
            let store = try global.openStore(create: false)
            let h = try store.linkHandle(id, person: person, value: handle, kind: k, profileURL: profileUrl, actor: global.actor)
            out(global.t("Gekoppeld: \(TerminalText.line(h.value)) (\(h.kind.rawValue)) → \(TerminalText.line(person))",
                         "Linked: \(TerminalText.line(h.value)) (\(h.kind.rawValue)) → \(TerminalText.line(person))"))
        }
    }

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Schrijvers in het bewijs die nog aan niemand gekoppeld zijn.", "Writers in the evidence not yet linked to anyone."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String

        func run() throws {
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            let suggestions = try store.unlinkedAuthors(id)
            if suggestions.isEmpty { out(global.t("Alle schrijvers zijn gekoppeld.", "Every author is linked.")) }
            for s in suggestions {
                out("\(s.messageCount)\t\(s.kind.rawValue)\t\(TerminalText.line(s.author, limit: 60))")
            }
        }
    }

    struct Handles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandLineLanguage.text("Toon de betrokkenen met hun gekoppelde namen en accounts.", "Show the people involved with their linked names and accounts."))
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String

        func run() throws {
            let id = try parseCaseID(caseID, global)
            let store = try global.openStore(create: false)
            let handles = try store.handles(id)
            for p in try store.people(id) {
                let own = handles.filter { $0.personID == p.id }.map { "\(TerminalText.line($0.value, limit: 50)) (\($0.kind.rawValue))" }
                out("\(TerminalText.line(p.name)) [\(p.role.rawValue)]" + (own.isEmpty ? "" : ": " + own.joined(separator: ", ")))
            }
        }
    }
}
