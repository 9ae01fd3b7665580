import Foundation
import Testing
import BewaarModel
import GRDB
import Synchronization

@testable import BewaarStore

/// In an encrypted store an original brought to several cases at once is sealed once, and every
/// case that holds it records the key it was sealed with.
@Suite struct SharedOriginalTests {
    @Test func theSameBytesStoredAtOnceInTwoCasesOpenWithEachCasesKey() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let cases = [
            try store.openCase(title: "Groepsapp klas 2b", actor: "J. Bakker"), try store.openCase(title: "Groepsapp klas 2c", actor: "J. Bakker"),
        ]
        #expect(try store.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") == 2)
        let text = "12-03-2026 08:01 - Daan Jansen: niemand wil naast Sanne zitten\n" + String(repeating: "en nog een regel\n", count: 5000)
        let paths = try (0..<8).map { try f.file("chat-\($0).txt", text) }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            do {
                let (d, size) = try store.objects.put(file: paths[i])
                _ = try store.recordIngest(
                    NewEvidence(
                        name: "chat-\(i).txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker",
                        messages: [Message(timestamp: nil, author: "Daan Jansen", text: "regel \(i)", origin: Origin(line: 1, offset: 0, length: 10))]
                    ),
                    in: cases[i % 2].id)
            } catch {
                failures.withLock { $0.append("\(i): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let digest = try #require(try store.items(cases[0].id).first?.sha256)
        // Every case's record of the key opens the file on disk.
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT case_id, wrapped FROM object_keys WHERE sha256 = ?", arguments: [digest.hex])
        }
        #expect(rows.count == 2)
        for row in rows {
            let id = try #require(CaseID(row["case_id"] as String))
            let caseKey = try #require(try store.caseKey(id))
            let key = try #require(ObjectKeys.unwrap([UInt8](row["wrapped"] as Data), digest, caseKey))
            var opened = [UInt8]()
            let fd = open(store.objects.path(for: digest), O_RDONLY)
            defer { close(fd) }
            try ObjectCipher.open(fd: fd, key: key, name: "chat") { opened.append(contentsOf: $0) }
            #expect(opened == Array(text.utf8), "case \(id)")
        }
    }
}
