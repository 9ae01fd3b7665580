import Testing
import BewaarTestSupport
import Foundation

/// Runs the built `bewaar` executable, as a mentor would.
@Suite("End to end: a mentor ingests a whole export into a case")
struct EndToEndTests {
    @discardableResult
    static func run(_ args: [String]) throws -> (status: Int32, out: String) {
        let r = try BewaarBinary.run(args, environment: ["BEWAAR_USER": "mentor.devries"])
        return (r.status, r.combined)
    }

    @Test func anInstagramExportZipIngestsAndShows() throws {
        let dir = try Fixtures.tempDir()
        let store = dir.appendingPathComponent("store").path
        let zip = try Fixtures.zip([
            ("your_instagram_activity/messages/inbox/daanj_123/message_1.json", Array(MetaExportTests.thread1.utf8)),
            ("your_instagram_activity/messages/inbox/daanj_123/photos/991.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 9, 9]),
            ("personal_information/personal_information/personal_information.json", Array("{}".utf8)),
        ], to: dir.appendingPathComponent("instagram-sanne.zip"))
        let made = try Self.run(["case", "new", "--store", store, "--title", "Pesten 2B", "--victim", "Sanne de Vries"])
        #expect(made.status == 0)
        let caseID = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let ingest = try Self.run(["ingest", "--store", store, "--case", caseID, zip.path])
        #expect(ingest.status == 0, "\(ingest.out)")
        let show = try Self.run(["case", "show", "--store", store, caseID, "--messages", "20"])
        #expect(show.status == 0)
        #expect(show.out.contains("instagram"))
        #expect(show.out.contains("Zoë is echt stom 😂"))
        #expect(show.out.contains("Daan Jansen"))
        #expect(show.out.contains("3 bestanden erin"))
        #expect(show.out.contains("photos/991.jpg"))
        let check = try Self.run(["check", "--store", store])
        #expect(check.status == 0, "\(check.out)")
    }

    @Test func inspectJSONOfAnMHTMLPage() throws {
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write(MHTMLTests.blinkFile().file, to: dir.appendingPathComponent("roddels.mhtml"))
        let r = try Self.run(["inspect", "--json", f.path])
        #expect(r.status == 0)
        #expect(r.out.contains("\"format\":\"mhtml\""))
        #expect(r.out.contains("\"part\":\"part 1\""))
    }
}

@Suite("inspect --json streams its records")
struct InspectStreamingTests {
    @Test func theStreamedOutputIsByteIdenticalToTheWholeDocument() throws {
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write(MetaExportTests.html2023, to: dir.appendingPathComponent("message_1.html"))
        let expected = try Fixtures.inspect(f).json.serialized() + "\n"
        let r = try EndToEndTests.run(["inspect", "--json", f.path])
        #expect(r.status == 0)
        #expect(r.out == expected)
        // A file without records too.
        let empty = try Fixtures.write("<html></html>", to: dir.appendingPathComponent("leeg.html"))
        #expect(try EndToEndTests.run(["inspect", "--json", empty.path]).out == (try Fixtures.inspect(empty).json.serialized() + "\n"))
    }
}
