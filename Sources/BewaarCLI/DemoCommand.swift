import ArgumentParser
import Foundation
import BewaarKit
import BewaarModel
import BewaarJSON
import BewaarStore
import BewaarAccounts
import BewaarWeb

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: CommandLineLanguage.text("Laat het hoofdwerk zien op de voorbeeldbestanden, in een nieuwe tijdelijke opslag.", "Show the main work on the sample files, in a new temporary store."),
        discussion: CommandLineLanguage.text("""
            Opent een zaak, voegt betrokkenen toe, bewaart elk voorbeeldbestand uit samples/evidence, vinkt \
            stap 1 af, toont de zaak en het logboek en controleert de opslag. Raakt geen bestaande opslag aan, \
            tenzij --store een map noemt.
            """, """
            Opens a case, adds the people involved, keeps every sample file from samples/evidence, ticks \
            off step 1, shows the case and the log and checks the store. Touches no existing store, unless \
            --store names a folder.
            """))
    @Option(help: CommandLineLanguage.help("De map met voorbeeldbestanden (in de huidige map).", "The folder with the sample files (in the current folder).")) var samples: String = "samples"
    @Option(help: CommandLineLanguage.help("Gebruik deze opslagmap in plaats van een nieuwe tijdelijke map.", "Use this store folder instead of a new temporary folder.")) var store: String?
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        let t = { (nl: String, en: String) in language.pick(nl: nl, en: en) }
        let evidenceDir = samples + "/evidence"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: evidenceDir), !names.isEmpty else {
            throw KitError(nl: "Geen voorbeeldbestanden in \(evidenceDir). Start de demo vanuit de projectmap of geef --samples.",
                           en: "No sample files in \(evidenceDir). Run the demo from the project folder or give --samples.")
        }
        let storePath = store ?? (NSTemporaryDirectory() + "bewaar-demo-" + UUID().uuidString.prefix(8))
        var common = ["--store", storePath, "--by", "J. Bakker (mentor)"]
        if let lang = languageOption.lang { common += ["--lang", lang.rawValue] }

        func step(_ title: String, _ args: [String]) throws {
            out("")
            out("== " + title)
            out("$ bewaar " + args.map(TerminalText.shellQuoted).joined(separator: " "))
            var command = try Bewaar.parseAsRoot(args)
            try command.run()
        }

        out(t("Demo-opslag: \(storePath)", "Demo store: \(storePath)"))
        try step(t("Een versleutelde opslag maken", "Creating an encrypted store"), ["store", "init"] + common)
        let pipe = CaseCapture()
        try pipe.capture {
            var command = try Bewaar.parseAsRoot(["case", "new", "--title", "Pesten in groepsapp klas 2B", "--victim", "Sanne de Vries",
                                                  "--suspect", "Daan Jansen", "--mentor", "J. Bakker"] + common)
            try command.run()
        }
        let caseID = pipe.text.trimmingCharacters(in: .whitespacesAndNewlines)
        out(t("Zaak geopend: \(caseID)", "Case opened: \(caseID)"))
        try step(t("Betrokkenen toevoegen", "Adding people"),
                 ["person", "add", "--case", caseID, "--name", "Marieke de Vries", "--role", "ouder", "--of", "Sanne de Vries"] + common)
        try step("", ["person", "add", "--case", caseID, "--name", "Lotte Visser", "--role", "getuige", "--group", "2B"] + common)
        try step(t("Bewijs bewaren", "Storing evidence"),
                 ["ingest", "--case", caseID, "--collected-from", "telefoon en mailbox van Sanne"] + common
                    + names.sorted().map { evidenceDir + "/" + $0 })
        try step(t("Stap 1 afvinken", "Ticking step 1"),
                 ["checklist", "--case", caseID, "--step", "1", "--status", "gedaan",
                  "--note", "WhatsApp-export, e-mail, pagina en schermafbeelding bewaard"] + common)
        try step(t("Namen en nummers koppelen aan de vermoedelijke dader", "Linking names and numbers to the suspect"),
                 ["person", "link", "--case", caseID, "--person", "Daan Jansen", "--handle", "Daan Jansen"] + common)
        try step("", ["person", "link", "--case", caseID, "--person", "Daan Jansen", "--handle", "+31 6 12345001", "--kind", "telefoon"] + common)
        try step(t("Zoeken in de tijdlijn", "Searching the timeline"), ["timeline", "--case", caseID, "--search", "weet"] + common)
        try markFirst(search: "weet wat jij gedaan", reason: "belediging", caseID: caseID, common: common)
        try markFirst(search: "te dik", reason: "belediging", caseID: caseID, common: common)
        try step(t("Gesprek en afspraken vastleggen", "Recording a talk and agreements"),
                 ["talk", "add", "--case", caseID, "--date", "2026-03-04", "--with", "Daan Jansen", "--with", "Sanne de Vries",
                  "--summary", "Gesprek over de groepsapp", "--agreement", "Daan stuurt Sanne geen berichten meer",
                  "--agreement", "Evaluatie over twee weken"] + common)
        try step(t("De zaak", "The case"), ["case", "show", caseID, "--messages", "8"] + common)
        try step(t("Het logboek", "The custody log"), ["log", "--case", caseID] + common)
        // Issue 5: the sysadmin traces the sample e-mail (DemoCommand+Trace.swift).
        try demoTrace(caseID: caseID, common: common, step: step)
        try step(t("De opslag controleren", "Checking the store"), ["check"] + common)

        // Bundle (issue 7): export the case as a BagIt zip and verify it as an outsider would.
        let bundleDir = storePath + "-bundel"
        try PrivateMode.makeFolder(bundleDir)
        let zip = bundleDir + "/\(caseID).zip"
        try step(t("Bewijsbundel maken", "Making the evidence bundle"),
                 ["bundle", "--case", caseID, "--out", zip, "--school", "Voorbeeldcollege"] + common)
        try step(t("De bundel controleren", "Verifying the bundle"), ["verify", zip] + (languageOption.lang.map { ["--lang", $0.rawValue] } ?? []))
        let packetFolder = storePath + "-pakket-" + caseID
        try step(t("Het pakket voor de aangifte", "The police packet"),
                 ["packet", "--case", caseID, "--out", packetFolder, "--school", "Voorbeeldcollege"] + common)
        out("")
        out(t("Het rapport: \(packetFolder)/rapport.pdf", "The report: \(packetFolder)/rapport.pdf"))
        out(t("Klaar. Bekijk de opslag verder met: bewaar case show \(caseID) --store \(storePath)",
              "Done. Explore the store further with: bewaar case show \(caseID) --store \(storePath)"))
        try serveHint(storePath: storePath, caseID: caseID, t: t)
    }

    /// Makes the demo login in the demo store and prints how to open it in a browser.
    func serveHint(storePath: String, caseID: String, t: (String, String) -> String) throws {
        let store = try CaseStore(path: storePath, create: false, modules: WebServer.storeModules)
        try Accounts(store: store).add(name: Self.demoUser, role: .mentor, password: Self.demoPassword, actor: "demo")
        // Access is an explicit link, never the name on the case.
        if let id = CaseID(caseID) {
            try store.grantAccess(id, account: Self.demoUser, role: AccountRole.mentor.rawValue, actor: "demo", reason: "mentor van de demozaak")
        }
        out("")
        out(t("== De webinterface", "== The web interface"))
        let command = "\(TerminalText.shellQuoted(Self.executable)) serve --store \(TerminalText.shellQuoted(storePath))"
        out(t("Start hem met:   \(command)", "Start it with:   \(command)"))
        out(t("Open dan http://127.0.0.1:8080/ en log in als \(Self.demoUser) met wachtwoord \(Self.demoPassword)",
              "Then open http://127.0.0.1:8080/ and log in as \(Self.demoUser) with password \(Self.demoPassword)"))
    }

    /// This program as it was started (an absolute path when it was started by one), so the
    /// printed command works from any folder.
    static var executable: String {
        let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if own != "/proc/self/exe", FileManager.default.isExecutableFile(atPath: own) { return own }
        let first = CommandLine.arguments.first ?? "bewaar"
        return first.contains("/") ? URL(fileURLWithPath: first).standardizedFileURL.path : first
    }

    static let demoUser = "J. Bakker"
    static let demoPassword = "demo-wachtwoord-2026"
}

extension DemoCommand {
    /// Marks the first record the search finds (the demo's way of picking a message).
    func markFirst(search: String, reason: String, caseID: String, common: [String]) throws {
        let capture = CaseCapture()
        try capture.capture {
            var command = try Bewaar.parseAsRoot(["timeline", "--case", caseID, "--search", search, "--json"] + common)
            try command.run()
        }
        guard let line = capture.text.split(separator: "\n").first, let id = (try? JSONParser.parse(String(line)))?["id"]?.intValue else { return }
        out("")
        out("$ bewaar mark --case \(caseID) '#\(id)' --reason \(reason)")
        var command = try Bewaar.parseAsRoot(["mark", "--case", caseID, "#\(id)", "--reason", reason] + common)
        try command.run()
    }
}

/// Captures what a command prints to stdout (used by the demo to read the new case id).
final class CaseCapture {
    private(set) var text = ""

    func capture(_ body: () throws -> Void) throws {
        let pipe = Pipe()
        let saved = dup(STDOUT_FILENO)
        dup2(pipe.fileHandleForWriting.fileDescriptor, STDOUT_FILENO)
        defer {
            dup2(saved, STDOUT_FILENO)
            close(saved)
        }
        try body()
        try pipe.fileHandleForWriting.close()
        dup2(saved, STDOUT_FILENO)
        text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
}
