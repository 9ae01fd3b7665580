import Foundation
import Testing
import BewaarTestSupport

/// Two exports of the same chat (the victim's and a witness's phone) in one case.
@Suite struct CompareEndToEndTests {
    @Test func twoExportsOfOneChatAreLinkedAndTheirGapsListed() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let victim = """
            02-03-2026 20:01 - Daan Jansen: wie komt er morgen naar het veldje
            02-03-2026 20:05 - Daan Jansen: Sanne niet want die is te dik om te rennen
            02-03-2026 20:07 - Sanne de Vries: doe normaal
            02-03-2026 20:12 - Daan Jansen: Dit bericht is verwijderd

            """
        let witness = """
            02-03-2026 20:01 - Daan Jansen: wie komt er morgen naar het veldje
            02-03-2026 20:05 - Daan Jansen: Sanne niet want die is te dik om te rennen
            02-03-2026 20:07 - Sanne de Vries: doe normaal
            02-03-2026 20:12 - Daan Jansen: iedereen lacht om je, verwijder je account

            """
        try Data(victim.utf8).write(to: URL(fileURLWithPath: t.path + "/sanne.txt"))
        try Data(witness.utf8).write(to: URL(fileURLWithPath: t.path + "/lotte.txt"))
        let id = try BewaarBinary.run(["case", "new", "--title", "x"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try BewaarBinary.run(["ingest", "--case", id, "--collected-from", "telefoon van Sanne", t.path + "/sanne.txt"] + s)
        let second = try BewaarBinary.run(["ingest", "--case", id, "--collected-from", "telefoon van Lotte", t.path + "/lotte.txt"] + s)
        #expect(second.stdout.contains("overlapt met [1] sanne.txt: 3 berichten in beide, 1 alleen hier, 1 alleen daar"))
        let compare = try BewaarBinary.run(["compare", "--case", id, "1", "2"] + s)
        #expect(compare.status == 0)
        #expect(compare.stdout.contains("3 berichten staan in beide exports."))
        #expect(compare.stdout.contains("Alleen in [1] sanne.txt (ontbreekt in [2]): 1"))
        #expect(compare.stdout.contains("Dit bericht is verwijderd"))
        #expect(compare.stdout.contains("Alleen in [2] lotte.txt (ontbreekt in [1]): 1"))
        #expect(compare.stdout.contains("iedereen lacht om je, verwijder je account  @"))
    }
}
