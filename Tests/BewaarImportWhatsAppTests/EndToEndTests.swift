import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarJSON

/// A mentor opens a case, ingests the iPhone export a pupil brought, and sees the messages;
/// `inspect --json` gives the contract's keys. Runs the built `bewaar` executable.
@Suite struct EndToEndTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs bewaar with `args`; returns exit status and its output.
    func bewaar(_ args: [String], store: URL) throws -> (Int32, String) {
        let r = try BewaarBinary.run(args, environment: ["BEWAAR_STORE": store.path, "BEWAAR_USER": "mentor.test"])
        return (r.status, r.combined)
    }

    @Test func mentorIngestsAnIPhoneExport() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store")
        let zip = dir.appendingPathComponent("WhatsApp Chat - Klas 2B.zip")
        try ZipFixture.write([
            .file("_chat.txt", Array(ChatZipTests.chat.utf8)),
            .file("00000014-PHOTO-2023-11-14-21-08-00.jpg", ChatZipTests.photo),
        ], to: zip)

        let (s1, created) = try bewaar(["case", "new", "--title", "Pesten in groepsapp 2B", "--victim", "Sanne de Vries"], store: store)
        #expect(s1 == 0, "\(created)")
        let caseID = created.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map(String.init) ?? ""
        let (s2, ingested) = try bewaar(["ingest", "--case", caseID, zip.path], store: store)
        #expect(s2 == 0, "\(ingested)")
        let (s3, shown) = try bewaar(["case", "show", caseID], store: store)
        #expect(s3 == 0)
        #expect(shown.contains("WhatsApp Chat - Klas 2B.zip"))
        #expect(shown.contains("whatsapp"))
        #expect(shown.contains("5 berichten"))
        #expect(shown.contains("Sanne de Vries: stop hiermee"))
        #expect(shown.contains("00000014-PHOTO-2023-11-14-21-08-00.jpg"))
        #expect(shown.contains("Daan Jansen"))
    }

    /// The executable's streamed `inspect --json` equals its collecting path for several files in one call.
    @Test func streamedInspectEqualsCollected() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chat = dir.appendingPathComponent("WhatsApp-chat met Klas 2B.txt")
        try Data(RecordStreamTests.randomChat(seed: 7, records: 500, names: ["Sanne de Vries", "Daan Jansen", "Lotte Visser"]).utf8).write(to: chat)
        let store = dir.appendingPathComponent("store")
        let files = [chat.path, Self.packageRoot.appendingPathComponent("samples/evidence/WhatsApp-chat met Klas 2B.txt").path,
                     Self.packageRoot.appendingPathComponent("samples/evidence/anonieme-mail.eml").path]
        let (s1, streamed) = try bewaar(["inspect", "--json"] + files, store: store)
        let (s2, collected) = try bewaar(["inspect", "--json", "--collected"] + files, store: store)
        #expect(s1 == 0 && s2 == 0)
        #expect(streamed == collected)
        #expect(streamed.split(separator: "\n").count == 3)
        #expect(streamed.contains("\"out-of-order\""))
    }

    @Test func dateOrderOptionReachesTheImporter() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chat = dir.appendingPathComponent("WhatsApp-chat met Daan.txt")
        try Data("01-02-2024 10:00 - Daan: a\n01-02-2024 10:05 - Sanne: b\n".utf8).write(to: chat)
        let store = dir.appendingPathComponent("store")
        let (_, plain) = try bewaar(["inspect", "--json", chat.path], store: store)
        let (_, forced) = try bewaar(["inspect", "--json", "--date-order", "mdy", "--timezone", "Europe/London", chat.path], store: store)
        let a = try JSONParser.parse(plain.trimmingCharacters(in: .whitespacesAndNewlines))
        let b = try JSONParser.parse(forced.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(a["dateOrder"]?["rule"] == .string("default-day-first"))
        #expect(a["messages"]?.arrayValue?.first?["timestamp"] == .string("2024-02-01T10:00:00+01:00"))
        #expect(b["dateOrder"]?["rule"] == .string("option"))
        #expect(b["messages"]?.arrayValue?.first?["timestamp"] == .string("2024-01-02T10:00:00Z"))
        #expect(b["timeZone"] == .string("Europe/London"))
    }

    @Test func inspectJSONFollowsTheContract() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = dir.appendingPathComponent("WhatsApp Chat - Klas 2B.zip")
        try ZipFixture.write([
            .file("_chat.txt", Array(ChatZipTests.chat.utf8)),
            .file("00000014-PHOTO-2023-11-14-21-08-00.jpg", ChatZipTests.photo),
        ], to: zip)
        let (status, output) = try bewaar(["inspect", "--json", zip.path], store: dir.appendingPathComponent("store"))
        #expect(status == 0)
        let json = try JSONParser.parse(output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(json["format"] == .string("whatsapp"))
        #expect(json["source"]?["name"] == .string("WhatsApp Chat - Klas 2B.zip"))
        #expect(json["source"]?["sha256"]?.stringValue?.count == 64)
        for key in ["messages", "warnings", "participants", "dateOrder", "contained", "detection"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        let messages = try #require(json["messages"]?.arrayValue)
        #expect(messages.count == 5)
        let photo = messages[1]
        for key in ["timestamp", "author", "text", "kind", "attachments", "origin"] { #expect(photo[key] != nil, "missing \(key)") }
        #expect(photo["timestamp"] == .string("2023-11-14T21:08:00+01:00"))
        #expect(photo["origin"]?["part"] == .string("_chat.txt"))
        #expect(photo["attachments"]?.arrayValue?.first?["size"] == .int(Int64(ChatZipTests.photo.count)))
        #expect(photo["attachments"]?.arrayValue?.first?["sha256"]?.stringValue?.count == 64)
    }
}
