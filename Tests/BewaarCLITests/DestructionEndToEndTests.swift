import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarStore
import BewaarAccounts

/// The end of a case, through the built `bewaar`: the afdelingsleider closes it, the retention
/// period passes, the case is destroyed, and nothing of it is left in the store's files while
/// another case stays whole; `check` stays green and a bundle made before still verifies.
@Suite struct DestructionEndToEndTests {
    let samples = BewaarBinary.packageRoot + "/samples/evidence"

    /// A second case's chat: a fictional pupil, an 06-12345xxx number and words of its own.
    static let otherChat = """
        04-03-2026 18:01 - Noor Bakker: wie komt er naar het zwembadfeest
        04-03-2026 18:02 - Sem de Wit: niet met jou, bel maar 06-12345777
        """
    static let sharedText = "Gedeeld schermverslag: de klas heeft het gelezen.\n"

    func run(_ args: [String], _ t: TempDir, by: String = "A. de Groot", stdin: String? = nil) throws -> BewaarBinary.Result {
        try BewaarBinary.run(args + ["--store", t.store, "--by", by], stdin: stdin)
    }

    /// Every byte of every file under the store folder (the database, its -wal and -shm, objects, packets).
    func storeBytes(_ t: TempDir) throws -> [(String, Data)] {
        let fm = FileManager.default
        return try (fm.subpathsOfDirectory(atPath: t.store)).sorted().compactMap { sub in
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: t.store + "/" + sub, isDirectory: &isDir), !isDir.boolValue else { return nil }
            return (sub, try Data(contentsOf: URL(fileURLWithPath: t.store + "/" + sub)))
        }
    }

    func found(_ needle: Data, in files: [(String, Data)]) -> [String] {
        files.filter { $0.1.range(of: needle) != nil }.map(\.0)
    }

    @Test func aClosedCasePastItsDateIsDestroyedAndNoByteOfItIsLeft() throws {
        let t = TempDir()
        let a = try run(["case", "new", "--title", "Pesten in groepsapp 2B", "--victim", "Sanne de Vries", "--suspect", "Daan Jansen"], t)
        let idA = a.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let b = try run(["case", "new", "--title", "Zwembadgroep", "--victim", "Noor Bakker"], t)
        let idB = b.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let shared = t.write("gedeeld-verslag.txt", Self.sharedText)
        let files = try FileManager.default.contentsOfDirectory(atPath: samples).sorted().map { samples + "/" + $0 }
        #expect(try run(["ingest", "--case", idA] + files + [shared], t).status == 0)
        #expect(try run(["ingest", "--case", idB, t.write("WhatsApp-chat met Zwembadgroep.txt", Self.otherChat), shared], t).status == 0)
        let zip = t.file("bundel-\(idA).zip")
        #expect(try run(["bundle", "--case", idA, "--out", zip, "--school", "Voorbeeldcollege"], t).status == 0)
        #expect(try run(["packet", "--case", idA, "--out", t.store + "/pakket-" + idA, "--school", "Voorbeeldcollege"], t).status == 0)
        #expect(try run(["case", "hold", idB, "--reason", "aangifte gedaan"], t).status == 0)

        // The afdelingsleider closed the case two years and a month ago (the clock injected).
        let past = TestClock(Date().addingTimeInterval(-25 * 31 * 86400), tick: 1)
        do {
            let store = try t.openStore(modules: [AccountTables()], clock: past)
            try store.closeCase(try #require(CaseID(idA)), outcome: .resolved, reason: "afspraken nagekomen", actor: "A. de Groot")
        }
        let list = try run(["retention"], t)
        #expect(list.status == 0)
        #expect(list.stdout.contains("Bewaartermijn verstreken (1)\n  \(idA)"))
        #expect(list.stdout.contains("bewaar case destroy \(idA)"))
        #expect(list.stdout.contains("Op bewaarplicht (1): niet vernietigen\n  \(idB)"))
        #expect(try run(["case", "list"], t).stdout.contains("\(idA)  gesloten"))

        // Only an afdelingsleider or beheerder, with the number typed twice.
        #expect(try run(["user", "add", "A. de Groot", "--role", "afdelingsleider"], t, stdin: "een-lang-wachtwoord-2026\n").status == 0)
        let destroy = ["case", "destroy", idA, "--reason", "bewaartermijn verstreken", "--role", "afdelingsleider"]
        let wrongConfirm = try run(destroy + ["--confirm", idB], t)
        #expect(wrongConfirm.status == 1 && wrongConfirm.stderr.contains("niets vernietigd"))
        let notAnAccount = try run(destroy + ["--confirm", idA], t, by: "K. Smit")
        #expect(notAnAccount.status == 1 && notAnAccount.stderr.contains("geen actief afdelingsleider-account"))
        let wrongRole = try run(["case", "destroy", idA, "--reason", "x", "--role", "mentor", "--confirm", idA], t)
        #expect(wrongRole.status == 1)
        #expect(try run(["case", "show", idA], t).status == 0)

        let done = try run(destroy + ["--confirm", idA], t)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Zaak \(idA) is vernietigd"))
        #expect(done.stdout.contains("bewaard omdat een andere zaak ze gebruikt: 1"))

        // The raw files: no byte of the destroyed case, the other case whole.
        let bytes = try storeBytes(t)
        #expect(bytes.contains { $0.0 == "bewaar.sqlite" })
        var needles = ["Sanne", "veldje", "12345001", "dikste", "nep.sanne2b", "Pesten in groepsapp", "afspraken nagekomen", "Daan"].map {
            Data($0.utf8)
        }
        for file in files { needles.append(try Data(contentsOf: URL(fileURLWithPath: file)).prefix(200)) }
        for needle in needles {
            #expect(found(needle, in: bytes).isEmpty, "\(String(decoding: needle.prefix(40), as: UTF8.self)) still in \(found(needle, in: bytes))")
        }
        for kept in ["zwembadfeest", "06-12345777", "Noor Bakker", "Gedeeld schermverslag"] {
            #expect(!found(Data(kept.utf8), in: bytes).isEmpty, "\(kept) of the other case is gone")
        }
        #expect(!FileManager.default.fileExists(atPath: t.store + "/pakket-" + idA))

        let check = try run(["check"], t)
        #expect(check.status == 0 && check.stdout.contains("In orde"), "\(check.stdout)\(check.stderr)")
        let verify = try BewaarBinary.run(["verify", zip])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let show = try run(["case", "show", idA], t)
        #expect(show.status == 1 && show.stderr.contains("is vernietigd op") && show.stderr.contains("A. de Groot"))
        let log = try run(["retention", "log", "--json"], t)
        #expect(log.stdout.contains("\"caseId\":\"\(idA)\"") && log.stdout.contains("\"reason\":\"bewaartermijn verstreken\""))
        #expect(!log.stdout.contains("Sanne"))
        #expect(try run(["case", "show", idB], t).stdout.contains("Noor Bakker"))
    }

    @Test func aLegalHoldBlocksDestructionAndNothingChanges() throws {
        let t = TempDir()
        let id = try run(["case", "new", "--title", "Zwembadgroep", "--victim", "Noor Bakker"], t).stdout.trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(try run(["ingest", "--case", id, t.write("chat.txt", Self.otherChat)], t).status == 0)
        let close = try run(["case", "close", id, "--outcome", "aangifte gedaan", "--reason", "ouders deden aangifte"], t)
        #expect(close.status == 0 && close.stdout.contains("bewaar case hold \(id)"))
        let show = try run(["case", "show", id], t).stdout
        #expect(show.contains("Status: gesloten") && show.contains("Bewaren: tot ") && show.contains("aangifte gedaan — ouders deden aangifte"))
        #expect(try run(["case", "hold", id, "--reason", "aangifte gedaan"], t).status == 0)
        #expect(try run(["case", "show", id], t).stdout.contains("Bewaarplicht sinds"))
        #expect(try run(["case", "list"], t).stdout.contains("gesloten, bewaarplicht"))
        let before = try storeBytes(t).filter { $0.0 != "bewaar.sqlite-shm" }
        let logBefore = try run(["log", "--case", id, "--json"], t).stdout
        let refused = try run(["case", "destroy", id, "--reason", "verzoek", "--confirm", id, "--role", "beheerder", "--early"], t)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bewaarplicht") && refused.stderr.contains("bewaar case release"))
        #expect(try run(["log", "--case", id, "--json"], t).stdout == logBefore)
        #expect(try storeBytes(t).filter { $0.0.hasPrefix("objects/") }.map(\.0) == before.filter { $0.0.hasPrefix("objects/") }.map(\.0))
        #expect(try run(["retention", "log"], t).stdout.contains("Nog geen zaak vernietigd"))
        // Without --early a closed case within its period is refused too; reopening takes its date away.
        #expect(try run(["case", "release", id, "--reason", "politie klaar"], t).status == 0)
        let early = try run(["case", "destroy", id, "--reason", "verzoek", "--confirm", id, "--role", "beheerder"], t)
        #expect(early.status == 1 && early.stderr.contains("loopt tot"))
        #expect(try run(["case", "reopen", id, "--reason", "het pesten herhaalt zich"], t).status == 0)
        #expect(try run(["case", "show", id], t).stdout.contains("loopt nog"))
        let events = try run(["log", "--case", id, "--json"], t).stdout
        for action in ["case-closed", "legal-hold-placed", "legal-hold-released", "case-reopened"] { #expect(events.contains("\"\(action)\"")) }
    }

    @Test func theRetentionPolicyIsAStoreSettingWithAnEvent() throws {
        let t = TempDir()
        let id = try run(["case", "new", "--title", "Zaak"], t).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try run(["retention", "policy"], t).stdout.contains("24 maanden"))
        #expect(try run(["case", "close", id, "--outcome", "opgelost", "--reason", "klaar"], t).status == 0)
        #expect(try run(["retention", "policy", "--months", "18"], t).status == 1)  // no reason
        #expect(try run(["retention", "policy", "--months", "0", "--reason", "x"], t).status == 1)
        #expect(try run(["retention", "policy", "--months", "18", "--reason", "besluit MR"], t).stdout.contains("18 maanden"))
        let store = try t.openStore(modules: [AccountTables()])
        #expect(try store.events(chain: CaseStore.storeChain).last?.details["months"] == "18")
        #expect(try store.retentionPolicy().months == 18)
        #expect(
            try run(["retention", "policy", "--months", "6", "--reason", "AVG-advies", "--apply-to-closed"], t).stdout
                .contains("Nieuwe bewaardatum voor 1 gesloten zaken"))
        #expect(try store.events(chain: id).last?.action == .retentionChanged)
    }
}
