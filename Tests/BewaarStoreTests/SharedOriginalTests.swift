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
        try expectEveryCaseOpens(digest, in: store, cases: 2, text: text)
    }

    /// Every case's record of the original's key opens the file on disk to `text`.
    func expectEveryCaseOpens(_ digest: SHA256Digest, in store: CaseStore, cases: Int, text: String) throws {
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT case_id, wrapped FROM object_keys WHERE sha256 = ?", arguments: [digest.hex])
        }
        #expect(rows.count == cases)
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

    func evidence(_ d: SHA256Digest, _ size: Int64, _ name: String) -> NewEvidence {
        NewEvidence(
            name: name, size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker",
            messages: [Message(timestamp: nil, author: "Daan Jansen", text: "regel", origin: Origin(line: 1, offset: 0, length: 10))])
    }

    /// Two stores open on one folder stand for two processes (or two servers on one mount).
    func twoProcesses() throws -> (StoreFixture, CaseStore, CaseStore, [Case]) {
        let f = try StoreFixture()
        let first = try f.open()
        let cases = [
            try first.openCase(title: "Groepsapp klas 2b", actor: "J. Bakker"), try first.openCase(title: "Groepsapp klas 2c", actor: "J. Bakker"),
        ]
        #expect(try first.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") == 2)
        let second = try CaseStore(path: f.storePath, create: false, key: .keyFile(f.folder + "/sleutel"))
        return (f, first, second, cases)
    }

    @Test func aSecondProcessWaitsUntilTheFirstHasRecordedTheKeyOfTheSameBytes() throws {
        let (f, first, second, cases) = try twoProcesses()
        let text = "niemand wil naast Sanne zitten\n" + String(repeating: "x", count: 200_000)
        let (d, size) = try first.objects.put(file: try f.file("a.txt", text))
        let recorded = Mutex(false)
        let seenAfter = Mutex<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            // The copy is there but its key is not recorded yet: this writer must wait for it.
            let put = Result { try second.objects.put(file: try f.file("b.txt", text)) }
            seenAfter.withLock { $0 = recorded.withLock { $0 } }
            if case .success(let (d2, size2)) = put { _ = try? second.recordIngest(self.evidence(d2, size2, "b.txt"), in: cases[1].id) }
            done.signal()
        }
        usleep(300_000)
        recorded.withLock { $0 = true }
        _ = try first.recordIngest(evidence(d, size, "a.txt"), in: cases[0].id)
        done.wait()
        #expect(seenAfter.withLock { $0 } == true, "the second writer went on only after the first had recorded")
        try expectEveryCaseOpens(d, in: first, cases: 2, text: text)
    }

    @Test func aCopyLeftByAWriterThatStoppedIsReplaced() throws {
        let (f, first, second, cases) = try twoProcesses()
        let text = "dikke vette onzin\n" + String(repeating: "y", count: 100_000)
        let (d, _) = try first.objects.put(file: try f.file("a.txt", text))
        // The first ingest fails before it records anything: its copy's key is gone with it.
        first.objects.keys.settle([d])
        let (d2, size2) = try second.objects.put(file: try f.file("b.txt", text))
        #expect(d2 == d)
        _ = try second.recordIngest(evidence(d2, size2, "b.txt"), in: cases[1].id)
        try expectEveryCaseOpens(d, in: second, cases: 1, text: text)
    }

    @Test func bytesBroughtTwiceToOneCaseAndThenDestroyedCanBeBroughtAgain() throws {
        let (f, first, _, cases) = try twoProcesses()
        let text = "ga weg uit deze groep\n" + String(repeating: "z", count: 50_000)
        // Two uploads of the same bytes to one case while the first is still being recorded.
        let (d, size) = try first.objects.put(file: try f.file("a.txt", text))
        let (d2, size2) = try first.objects.put(file: try f.file("b.txt", text))
        _ = try first.recordIngest(evidence(d, size, "a.txt"), in: cases[0].id)
        _ = try first.recordIngest(evidence(d2, size2, "b.txt"), in: cases[0].id)
        _ = try first.destroyCase(cases[0].id, actor: "A. de Boer", role: "afdelingsleider", reason: "termijn verstreken", early: true)
        #expect(!first.objects.contains(d))
        // The same bytes again, for the other case: stored anew, and they open.
        let (d3, size3) = try first.objects.put(file: try f.file("c.txt", text))
        #expect(first.objects.contains(d3))
        _ = try first.recordIngest(evidence(d3, size3, "c.txt"), in: cases[1].id)
        try expectEveryCaseOpens(d3, in: first, cases: 1, text: text)
    }
}
