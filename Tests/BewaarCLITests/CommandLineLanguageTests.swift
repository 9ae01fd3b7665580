import Foundation
import Testing
import BewaarTestSupport

/// What `bewaar` says when a command fails or help is asked for follows `--lang` and `LANG`,
/// and options with a fixed list of values show the list.
@Suite struct CommandLineLanguageTests {
    @Test func aStoreErrorIsOneSentenceInTheChosenLanguageWithExitOne() throws {
        let t = TempDir()
        #expect(try BewaarBinary.run(["case", "new", "--title", "Pesten in klas 2B", "--store", t.store]).status == 0)
        let english = try BewaarBinary.run(["case", "show", "2026-0099", "--lang", "en", "--store", t.store])
        #expect(english.status == 1)
        #expect(english.stderr == "bewaar: Case 2026-0099 does not exist in this store. `bewaar case list` shows the cases.\n")
        let byLANG = try BewaarBinary.run(["case", "show", "2026-0099", "--store", t.store], environment: ["LANG": "en_GB.UTF-8"])
        #expect(byLANG.stderr == english.stderr)
        let dutch = try BewaarBinary.run(["case", "show", "2026-0099", "--store", t.store])
        #expect(dutch.status == 1)
        #expect(dutch.stderr == "bewaar: Zaak 2026-0099 bestaat niet in deze opslag. `bewaar case list` toont de zaken.\n")
    }

    @Test func ingestHelpListsTheDateOrdersAndTheLanguages() throws {
        let help = try BewaarBinary.run(["ingest", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("(values: dmy, mdy, ymd)"))
        #expect(help.stdout.contains("(values: nl,"))
        #expect(help.stdout.contains("Datumvolgorde als die niet uit het bestand blijkt"))
        // A default is said once, by argument-parser.
        #expect(help.stdout.components(separatedBy: "Europe/Amsterdam").count - 1 == 1)
        let wrong = try BewaarBinary.run(["ingest", "--case", "2026-0001", "--date-order", "dym", "x.txt"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("'dmy', 'mdy' or 'ymd'"))
    }

    @Test func helpFollowsLangAndLANG() throws {
        let english = try BewaarBinary.run(["ingest", "--help", "--lang", "en"])
        #expect(english.stdout.contains("Keep files as evidence on a case"))
        #expect(english.stdout.contains("Date order when the file does not tell"))
        #expect(!english.stdout.contains("Datumvolgorde"))
        let byLANG = try BewaarBinary.run(["--help"], environment: ["LANG": "en_US.UTF-8"])
        #expect(byLANG.stdout.contains("Keep evidence of (cyber)bullying"))
        let dutch = try BewaarBinary.run(["--help"])
        #expect(dutch.stdout.contains("Bewaar bewijs van (cyber)pesten"))
    }

    @Test func rolesAndStatusesAreListedAndAWrongOneIsStillExplainedInDutch() throws {
        let help = try BewaarBinary.run(["person", "add", "--help"])
        #expect(help.stdout.contains("(values: slachtoffer,"))
        let status = try BewaarBinary.run(["checklist", "--help"])
        let unwrapped = status.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(unwrapped.contains("(values: open, gedaan, niet-van-toepassing)"))
        let t = TempDir()
        #expect(try BewaarBinary.run(["case", "new", "--title", "x", "--store", t.store]).status == 0)
        let wrong = try BewaarBinary.run(["checklist", "--case", "2026-0001", "--step", "1", "--status", "klaar", "--store", t.store])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("Onbekende status 'klaar'. Kies open, gedaan of niet-van-toepassing."))
    }

    @Test func serveStopsCleanlyOnAnInterrupt() throws {
        let t = TempDir()
        let (p, banner) = try BewaarBinary.serve(store: t.store)
        #expect(banner.contains("Bewaar-webinterface: http://127.0.0.1:"))
        p.interrupt()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 0)
    }
}
