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

    @Test func theBoardFollowsTheReadingRecordByRecordAndEndsDone() throws {
        let dir = TempDir()
        let f = try WebFixture()
        defer { f.cleanUp() }
        let path = dir.write("WhatsApp-chat met Klas 2B.txt", Self.chat(5_000))
        let size = Int64(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0)
        let board = UploadProgressBoard()
        let files = [ReceivedFile(field: "bestanden", name: "WhatsApp-chat met Klas 2B.txt", path: path, size: size)]
        let reporter = try #require(board.reporter(session: "sessie", id: Self.id, files: files))
        let key = try #require(UploadProgressBoard.key(session: "sessie", id: Self.id))
        let tell = reporter.reading(0)
        #expect(board.entry(key)?.messages == 0 && board.entry(key)?.done == false)
        var seen: [UploadProgressBoard.Entry] = []
        let report = try Ingestion(store: f.store).ingest(
            path: path, into: f.caseID, actor: "J. Bakker",
            progress: { p in
                tell(p)
                if let e = board.entry(key) { seen.append(e) }
            })
        #expect(report.messageCount == 5_000)
        #expect(seen.count >= 4, "told every 1,024 records")
        #expect(seen.map(\.messages) == seen.map(\.messages).sorted() && seen.allSatisfy { !$0.done && $0.file == 1 && $0.files == 1 })
        #expect(seen.last.map { $0.bytesRead > 0 && $0.bytesRead <= size && $0.totalBytes == size } == true)
        reporter.finished(0, messages: report.messageCount)
        let last = try #require(board.entry(key))
        #expect(last.done && last.messages == 5_000)
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

    @Test func theUploadingSessionAsksAndOthersGetNothing() async throws {
        let f = try WebFixture()
        defer { f.cleanUp() }
        try await f.app().test(.router) { client in
            let m = try #require(try await login(client, "J. Bakker"))
            let h = m.multipartHeaders
            let body = ByteBuffer(string: Multipart.body(csrf: m.csrf, [("WhatsApp-chat met Klas 2C.txt", Self.chat(3_000))]))
            try await client.execute(uri: "/zaken/\(f.caseID)/bewijs?voortgang=\(Self.id)", method: .post, headers: h, body: body) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/zaken/\(f.caseID)/voortgang?id=\(Self.id)", method: .get, headers: m.headers) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/json; charset=utf-8" && r.headers[.cacheControl] == "no-store")
                let answer = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                #expect(answer?["klaar"] as? Bool == true)
                #expect(answer?["tekst"] as? String == "1 bestand gelezen; de zaak wordt geopend.")
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
        }
    }
}
