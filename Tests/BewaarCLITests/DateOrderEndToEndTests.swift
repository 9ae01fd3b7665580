import Foundation
import Testing
import BewaarTestSupport

/// "Bevestig met --date-order": the same file ingested again with the order reads it again.
@Suite struct DateOrderEndToEndTests {
    @Test func ingestingTheSameChatWithADateOrderReadsItAgain() throws {
        let t = TempDir()
        let s = ["--store", t.store]
        let chat = """
            03/04/2026, 20:14 - Sanne de Vries: hoi
            05/04/2026, 09:00 - Daan Jansen: niemand wil jou in de groep

            """
        let path = t.path + "/chat.txt"
        try Data(chat.utf8).write(to: URL(fileURLWithPath: path))
        let id = try BewaarBinary.run(["case", "new", "--title", "x"] + s).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = try BewaarBinary.run(["ingest", "--case", id, path] + s)
        #expect(first.stdout.contains("Datumvolgorde niet zeker"), "\(first.stdout)")
        #expect(try BewaarBinary.run(["timeline", "--case", id] + s).stdout.contains("03-04-2026"))

        let again = try BewaarBinary.run(["ingest", "--case", id, "--date-order", "mdy", path] + s)
        #expect(again.status == 0)
        #expect(again.stdout.contains("Opnieuw gelezen met datumvolgorde mdy: 2 berichten (was 2)"), "\(again.stdout)")
        let timeline = try BewaarBinary.run(["timeline", "--case", id] + s).stdout
        #expect(timeline.contains("04-03-2026") && !timeline.contains("03-04-2026"), "\(timeline)")
        // Once confirmed, the same order again changes nothing.
        let third = try BewaarBinary.run(["ingest", "--case", id, "--date-order", "mdy", path] + s)
        #expect(!third.stdout.contains("Opnieuw gelezen"))
        #expect(try BewaarBinary.run(["log", "--case", id] + s).stdout.contains("item-reread"))
        #expect(try BewaarBinary.run(["check"] + s).status == 0)
    }
}
