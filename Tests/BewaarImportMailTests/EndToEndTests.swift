import Foundation
import Testing
import BewaarTestSupport

/// Runs the built `bewaar` executable: ingest an .eml and an .mbox into a case, then
/// `case show` lists the messages and their attachments.
@Suite(.serialized) struct EndToEndTests {
    @discardableResult
    func run(_ args: [String], store: URL) throws -> (status: Int32, out: String) {
        let r = try BewaarBinary.run(args, environment: ["BEWAAR_STORE": store.path, "BEWAAR_USER": "mentor-test"])
        return (r.status, r.combined)
    }

    @Test func ingestEmlAndMboxThenShowCase() throws {
        let t = try TempFolder()
        let store = t.url.appendingPathComponent("store")
        let created = try run(["case", "new", "--title", "Mail van anoniem"], store: store)
        #expect(created.status == 0)
        let id = created.out.split(whereSeparator: \.isNewline).last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        #expect(id.hasPrefix("20"))
        let ingest = try run(["ingest", "--case", id, Fixtures.path("m365-schoolaccount.eml"), Fixtures.path("drie-berichten.mbox")], store: store)
        #expect(ingest.status == 0, "\(ingest.out)")
        #expect(ingest.out.contains("email, 1 berichten") || ingest.out.contains("email, 1 bericht"))
        #expect(ingest.out.contains("3 berichten"))
        // An Outlook .msg made by the compound-file writer.
        let msg = try t.write("bericht.msg", OutlookMessageTests().sample(withHeaders: true).file())
        let ingestMsg = try run(["ingest", "--case", id, msg], store: store)
        #expect(ingestMsg.status == 0, "\(ingestMsg.out)")
        let show = try run(["case", "show", id], store: store)
        #expect(show.out.contains("Daan Jansen <d.jansen@school"))
        #expect(show.out.contains("foto.jpg"))
        #expect(show.out.contains("Zeg het maar tegen niemand."))
        #expect(show.status == 0)
        #expect(show.out.contains("Daan Jansen <d.jansen@"))
        #expect(show.out.contains("verslag gesprek één.pdf"))
        #expect(show.out.contains("Lotte Visser <lotte@example.o"))
        #expect(show.out.contains("Laatste bericht."))
        let check = try run(["check"], store: store)
        #expect(check.status == 0, "\(check.out)")
        // inspect --json carries the email object.
        let inspect = try run(["inspect", "--json", Fixtures.path("outlook-com.eml")], store: store)
        #expect(inspect.out.contains("\"received\":["))
        #expect(inspect.out.contains("\"format\":\"email\""))
    }
}
