import ArgumentParser
import BewaarKit
import BewaarModel

extension PersonCommand {
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Koppel een naam, telefoonnummer, account of e-mailadres uit het bewijs aan een persoon.",
            discussion: "`bewaar person suggest` toont wie nog niet gekoppeld is.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: "Zaaknummer.") var caseID: String
        @Option(help: "De persoon op de zaak.") var person: String
        @Option(help: "Zoals het in het bewijs staat, bijvoorbeeld +31 6 12345001 of @nep.sanne2b.") var handle: String
        @Option(help: "Soort (anders geraden).") var kind: Choice<HandleKind>?
        @Option(help: "Profieladres, bijvoorbeeld https://www.instagram.com/…") var profileUrl: String?

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
        static let configuration = CommandConfiguration(abstract: "Schrijvers in het bewijs die nog aan niemand gekoppeld zijn.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: "Zaaknummer.") var caseID: String

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
        static let configuration = CommandConfiguration(abstract: "Toon de betrokkenen met hun gekoppelde namen en accounts.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("case"), help: "Zaaknummer.") var caseID: String

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
