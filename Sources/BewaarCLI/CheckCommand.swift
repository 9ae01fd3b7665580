import ArgumentParser
import BewaarModel
import BewaarKit
import BewaarStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: CommandLineLanguage.text("Controleer de hele opslag: elk origineel opnieuw gehasht, elk logboek opnieuw nagerekend.", "Check the whole store: every original hashed again, every log recomputed."),
        discussion: CommandLineLanguage.text("""
            Noemt elk probleem (gewijzigd of ontbrekend origineel, los object, gewijzigde of verwijderde gebeurtenis). \
            Afsluitcode 1 bij een probleem. Waarschuwt daarnaast voor elk bestand of elke map in de opslag die ook \
            voor de groep of voor anderen open staat, met het chmod-commando dat het herstelt (geen probleem van \
            de keten: de afsluitcode blijft 0).
            """, """
            Names every problem (changed or missing original, stray object, changed or removed event). \
            Exit status 1 on a problem. Also warns about every file or folder in the store that is open to the \
            group or to others, with the chmod command that mends it (not a problem of the chain: the exit \
            status stays 0).
            """))
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(create: false)
        let report = try store.check()
        for p in report.problems { out((p.isHarmless ? "  - " : "  ✗ ") + global.t(p.dutch, p.english)) }
        warnAboutModes(store)
        if !store.isEncrypted {
            out(
                global.t(
                    "  ! Deze opslag is niet versleuteld: wie de map kopieert, kan alles lezen. Versleutel hem met `bewaar store encrypt`.",
                    "  ! This store is not encrypted: whoever copies the folder can read everything. Encrypt it with `bewaar store encrypt`."))
        }
        let events = report.chains.reduce(0) { $0 + $1.eventCount }
        if report.intact {
            out(global.t("In orde: \(Plural.count(report.objectsChecked, "origineel", "originelen")) (\(report.bytesChecked) bytes) opnieuw gehasht, "
                         + "\(Plural.count(report.chains.count, "logboek", "logboeken")) met \(Plural.count(events, "gebeurtenis", "gebeurtenissen")) intact.",
                         "OK: \(Plural.count(report.objectsChecked, "original", "originals")) (\(report.bytesChecked) bytes) re-hashed, "
                         + "\(Plural.count(report.chains.count, "log", "logs")) with \(Plural.count(events, "event", "events")) intact."))
        } else {
            let n = report.problems.filter { !$0.isHarmless }.count
            out(global.t("NIET in orde: \(n) problemen gevonden. Wijzig niets en meld dit aan de beheerder en de afdelingsleider.",
                         "NOT OK: \(n) problems found. Change nothing and tell the administrator and the department head."))
            throw ExitCode(1)
        }
    }

    /// Files and folders others may open: a warning each (at most `listed`), then one command
    /// for all. Not a failure of the check: the evidence is intact, only too widely readable.
    private func warnAboutModes(_ store: CaseStore, listed: Int = 20) {
        let loose = store.looseModes()
        guard !loose.isEmpty else { return }
        for m in loose.prefix(listed) {
            let path = TerminalText.safe(m.path)
            let fix = "chmod \(m.privateOctal) " + TerminalText.shellQuoted(m.path)
            out("  ! " + global.t(
                "\(m.isFolder ? "map" : "bestand") \(path) heeft modus \(m.octal): niet alleen de eigenaar heeft toegang. Herstel: \(fix)",
                "\(m.isFolder ? "folder" : "file") \(path) has mode \(m.octal): not only its owner has access. Fix: \(fix)"))
        }
        let all = "chmod -R go-rwx " + TerminalText.shellQuoted(store.path)
        out(global.t(
            "Waarschuwing: \(Plural.count(loose.count, "bestand", "bestanden")) of mappen in de opslag zijn niet alleen voor de eigenaar"
                + (loose.count > listed ? " (de eerste \(listed) staan hierboven)" : "") + ". Alles in één keer herstellen: \(all)",
            "Warning: \(Plural.count(loose.count, "file", "files")) or folders in the store are not for their owner only"
                + (loose.count > listed ? " (the first \(listed) are listed above)" : "") + ". Fix them all at once: \(all)"))
    }
}
