import ArgumentParser
import BewaarKit
import BewaarModel
import BewaarStore

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: CommandLineLanguage.text("Het stappenplan na een melding van cyberpesten: tonen of een stap bijwerken.", "The six-step plan after a report of cyberbullying: show it or update a step."),
        discussion: CommandLineLanguage.text("""
            Zonder --step toont het de zes stappen met de richtlijn uit het protocol. Met --step werkt het \
            één stap bij. Eigen velden per stap gaan met --field sleutel=waarde:
              stap 2: platform, account        stap 3: trace, result
              stap 4: ouders, wanneer, advies   stap 5: doorverwijzing, aangifte-geadviseerd, slachtofferhulp, klacht-gewenst (ja/nee)
              stap 6: verwezen-naar, leerling
            """, """
            Without --step it shows the six steps with the protocol's guidance. With --step it updates \
            one step. A step's own fields go with --field key=value:
              step 2: platform, account        step 3: trace, result
              step 4: ouders, wanneer, advies   step 5: doorverwijzing, aangifte-geadviseerd, slachtofferhulp, klacht-gewenst (ja/nee)
              step 6: verwezen-naar, leerling
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("case"), help: CommandLineLanguage.help("Zaaknummer.", "Case number.")) var caseID: String
    @Option(help: CommandLineLanguage.help("Stap 1–6.", "Step 1–6.")) var step: Int?
    @Option(help: CommandLineLanguage.help("Nieuwe status van de stap.", "The step's new status.")) var status: Choice<StepStatus>?
    @Option(help: CommandLineLanguage.help("Notitie bij de stap.", "A note on the step.")) var note: String?
    @Option(name: .customLong("field"), help: CommandLineLanguage.help("Veld van de stap als sleutel=waarde (herhaalbaar).", "A field of the step as key=value (repeatable).")) var fields: [String] = []

    func run() throws {
        let id = try parseCaseID(caseID, global)
        let store = try global.openStore(create: false)
        guard let n = step else {
            if status != nil || note != nil || !fields.isEmpty {
                throw KitError(nl: "Geef met --step aan welke stap (1–6) je wilt bijwerken.",
                               en: "Say which step (1–6) to change with --step.")
            }
            for s in try store.checklist(id) {
                out(Self.describe(s, global))
                out("     " + global.t(s.step.guidanceNL, s.step.guidanceEN))
            }
            return
        }
        guard let step = CyberpestenStep(rawValue: n) else {
            throw KitError(nl: "Stap \(n) bestaat niet; het stappenplan heeft stap 1 tot en met 6.",
                           en: "Step \(n) does not exist; the plan has steps 1 to 6.")
        }
        var update = ChecklistUpdate(note: note)
        if let status = status?.typed {
            guard let s = StepStatus(parsing: status) else {
                throw KitError(nl: "Onbekende status '\(TerminalText.safe(status))'. Kies open, gedaan of niet-van-toepassing.",
                               en: "Unknown status '\(TerminalText.safe(status))'. Choose open, gedaan (done) or niet-van-toepassing (n/a).")
            }
            update.status = s
        }
        for f in fields {
            guard let eq = f.firstIndex(of: "="), eq != f.startIndex else {
                throw KitError(nl: "Schrijf een veld als sleutel=waarde, bijvoorbeeld --field platform=Instagram.",
                               en: "Write a field as key=value, for example --field platform=Instagram.")
            }
            update.fields[String(f[..<eq])] = String(f[f.index(after: eq)...])
        }
        let s = try store.updateStep(id, step: step, update: update, actor: global.actor)
        out(Self.describe(s, global))
    }

    static func describe(_ s: ChecklistStep, _ g: GlobalOptions) -> String {
        let mark: String
        switch s.status {
        case .open: mark = "[ ]"
        case .gedaan: mark = "[x]"
        case .nietVanToepassing: mark = "[-]"
        }
        var line = "\(mark) \(s.step.rawValue). \(g.t(s.step.titleNL, s.step.titleEN))"
        if s.status != .open || s.by != nil {
            line += " — \(s.status.rawValue)"
            if let by = s.by { line += g.t(" door ", " by ") + TerminalText.line(by, limit: 40) }
            if let at = s.at { line += g.t(" op ", " on ") + DisplayTime.string(at) }
        }
        if let note = s.note, !note.isEmpty { line += "; " + TerminalText.line(note, limit: 120) }
        for key in s.step.fieldKeys where s.fields[key.key] != nil {
            line += "; \(g.t(key.labelNL, key.labelEN)): \(TerminalText.line(s.fields[key.key]!, limit: 80))"
        }
        return line
    }
}
