import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import BewaarModel
import BewaarKit
import BewaarStore
@testable import BewaarWeb
import BewaarTestSupport

/// The upload form's progress line once the bytes are sent: the server tells how far the reading
/// of the files has come, to the session that uploaded them and nobody else.
@Suite struct UploadProgressTests {
    static let id = "0123456789abcdef0123456789abcdef"

    /// A chat of `count` messages (about 50 bytes each).
    static func chat(_ count: Int) -> String {
        var lines: [String] = []
        for i in 0..<count {
            let hour = 8 + i / 60 % 12, minute = i % 60
            let time = (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
            let author = i % 2 == 0 ? "Daan Jansen" : "Sanne de Vries"
            lines.append("04-03-2026 " + time + " - " + author + ": bericht nummer " + String(i))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theLineIsInThePagesLanguage() {
        #expect(
            DutchText().reading(file: 1, of: 2, name: "chat.txt", messages: 1_024, percent: 40)
                == "Bestand 1 van 2 wordt gelezen (chat.txt): 1024 berichten, 40 %.")
    }

    @Test func anIdIsHexOfBoundedLengthAndKeyedToTheSession() {
        #expect(UploadProgressBoard.key(session: "a", id: Self.id) == "a/" + Self.id)
        for bad in [nil, "", "abc", "0123456789ABCDEF", String(repeating: "a", count: 65), "0123456789abcdef/..", "0123456789abcdeg"] {
            #expect(UploadProgressBoard.key(session: "a", id: bad) == nil, "\(String(describing: bad))")
        }
    }

    /// The poll reads the line from the table every server shares (here written by a board of
    /// its own, as another server's upload would); only the uploading session gets it, and the
    /// line goes when the upload ends.
    @Test func theUploadingSessionAsksAndOthersGetNothing() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let session = SessionStore.key(String(m.cookie.split(separator: "=")[1]))
            let key = try #require(UploadProgressBoard.key(session: session, id: Self.id))
            let elsewhere = UploadProgressBoard(store: f.store)
            let line = UploadProgressBoard.Entry(
                file: 1, files: 2, name: "chat <b>2C</b>.txt", messages: 1_024, bytesRead: 40, totalBytes: 100, done: false, at: Date())
            elsewhere.set(key, case: f.caseID, line)
            try await client.execute(uri: "/zaken/\(f.caseID)/voortgang?id=\(Self.id)", method: .get, headers: m.headers) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/json; charset=utf-8" && r.headers[.cacheControl] == "no-store")
                let answer = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                #expect(answer?["klaar"] as? Bool == false)
                let expected = "Bestand 1 van 2 wordt gelezen (chat <b>2C</b>.txt): 1024 berichten, 40 %."
                #expect(answer?["tekst"] as? String == expected, "plain text in JSON: the form puts it in as text")
            }
            try await client.execute(
                uri: "/zaken/\(f.caseID)/voortgang?id=fedcba9876543210fedcba9876543210", method: .get,
                headers: m.headers
            ) { #expect($0.status == .notFound) }
            // The same account in another session (another browser) does not see it.
            let other = try #require(try await login(client, "J. Bakker"))
            try await client.execute(uri: "/zaken/\(f.caseID)/voortgang?id=\(Self.id)", method: .get, headers: other.headers) {
                #expect($0.status == .notFound)
            }
            // An upload with this id replaces the line as it reads, and removes it at the end.
            let body = ByteBuffer(string: Multipart.body(csrf: m.csrf, [("WhatsApp-chat met Klas 2C.txt", Self.chat(3_000))]))
            try await client.execute(uri: "/zaken/\(f.caseID)/bewijs?voortgang=\(Self.id)", method: .post, headers: m.multipartHeaders, body: body) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/zaken/\(f.caseID)/voortgang?id=\(Self.id)", method: .get, headers: m.headers) {
                #expect($0.status == .notFound, "nothing is left behind")
            }
            #expect(try f.store.items(f.caseID).contains { $0.name == "WhatsApp-chat met Klas 2C.txt" })
        }
    }
}
