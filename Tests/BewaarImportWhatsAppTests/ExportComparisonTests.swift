import Testing
import BewaarModel
@testable import BewaarImportWhatsApp

/// The victim's Android export and a witness's iPhone export of the same group: shared records
/// are linked, and what one phone lacks (a message deleted before one export) is listed.
@Suite struct ExportComparisonTests {
    @Test func linksSharedRecordsAndListsTheRest() {
        let victim = readChat("""
        14-11-2023 21:07 - Daan Jansen: jij bent zo stom
        14-11-2023 21:08 - Daan Jansen: ok
        14-11-2023 21:08 - Daan Jansen: ok
        14-11-2023 21:09 - Lotte Visser: stop

        """).messages
        let witness = readChat("[14-11-2023 21:07:12] Daan Jansen: jij bent zo stom\r\n[14-11-2023 21:08:30] Daan Jansen: ok\r\n"
            + "[14-11-2023 21:09:01] Lotte Visser: \u{200E}stop\r\n[14-11-2023 21:10:00] Tim Bos: wat gebeurt hier\r\n").messages
        let c = ExportComparison.compare(victim, witness)
        #expect(c.links == [.init(first: 0, second: 0), .init(first: 1, second: 1), .init(first: 3, second: 2)])
        #expect(c.onlyInFirst == [2])
        #expect(c.onlyInSecond == [3])
        // Each keeps its own origin.
        #expect(victim[0].origin.line == 1 && witness[0].origin.offset == 0)
    }

    @Test func differentAuthorOrTimeIsNoLink() {
        let a = readChat("14-11-2023 21:07 - Daan: hoi\n").messages
        let b = readChat("14-11-2023 21:08 - Daan: hoi\n14-11-2023 21:07 - Sanne: hoi\n").messages
        let c = ExportComparison.compare(a, b)
        #expect(c.links.isEmpty)
        #expect(c.onlyInFirst == [0])
        #expect(c.onlyInSecond == [0, 1])
    }
}
