import Foundation
import Testing
import BewaarModel
import BewaarStore
import BewaarKit

@Suite struct IngestTests {
    @Test(arguments: StoreKind.all) func anIngestStoresTheOriginalByItsHashWithACustodyEvent(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let file = try f.file("chat.txt", "iets dat Daan schreef\n")
        let report = try Ingestion(store: store).ingest(
            path: file, into: c.id, actor: "J. Bakker",
            collectedFrom: "telefoon van Sanne", note: "via AirDrop")
        guard case .stored(let item) = report.outcome else { Issue.record("not stored"); return }
        let expected = StreamingSHA256Check.hex("iets dat Daan schreef\n")
        #expect(item.sha256.hex == expected)
        #expect(item.size == 22)
        #expect(item.collectedFrom == "telefoon van Sanne")
        let objectPath = store.objects.path(for: item.sha256)
        #expect(objectPath.hasSuffix("/objects/" + expected.prefix(2) + "/" + expected.dropFirst(2)))
        // As it came in; in an encrypted store (always on PostgreSQL) sealed in the file, the same bytes when opened.
        #expect((try Data(contentsOf: URL(fileURLWithPath: objectPath)) == Data("iets dat Daan schreef\n".utf8)) == !store.isEncrypted)
        #expect(try store.originalBytes(item.sha256) == Data("iets dat Daan schreef\n".utf8))
        let last = try #require(try store.events(chain: c.id.description).last)
        #expect(last.action == .itemIngested)
        #expect(last.details["sha256"] == expected)
        #expect(last.details["collectedFrom"] == "telefoon van Sanne")
        #expect(try store.check().intact)
    }

    @Test(arguments: StoreKind.all) func theSameBytesTwiceAreLinkedNotStoredTwice(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        let a = try f.file("a.txt", "dezelfde inhoud")
        let b = try f.file("kopie van a.txt", "dezelfde inhoud")
        let first = try Ingestion(store: store).ingest(path: a, into: c.id, actor: "J. Bakker", collectedFrom: "Sanne")
        let second = try Ingestion(store: store).ingest(path: b, into: c.id, actor: "L. Smit", collectedFrom: "Lotte")
        guard case .alreadyPresent(let item) = second.outcome else { Issue.record("expected a link"); return }
        #expect(item.id == first.outcome.item.id)
        #expect(try store.items(c.id).count == 1)
        #expect(store.objects.allDigests().count == 1)
        let receipts = try store.receipts(item: item.id)
        #expect(receipts.map(\.name) == ["a.txt", "kopie van a.txt"])
        #expect(receipts.map(\.from) == ["Sanne", "Lotte"])
        #expect(try store.events(chain: c.id.description).last?.action == .itemReingested)
    }

    @Test(arguments: StoreKind.all) func aCrashBetweenBlobWriteAndCommitLeavesNoHalfState(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let c = try f.open().openCase(title: "Zaak", actor: "J. Bakker")
        let crashing = try f.open(fault: { throw InjectedCrash() })
        let file = try f.file("mail.eml", "Subject: hoi\n\nje bent stom\n")
        #expect(throws: InjectedCrash.self) {
            _ = try Ingestion(store: crashing).ingest(path: file, into: c.id, actor: "J. Bakker")
        }
        let store = try f.open()
        #expect(try store.items(c.id).isEmpty)
        #expect(try store.events(chain: c.id.description).map(\.action) == [.caseOpened])
        // The blob that was written is an orphan: reported, harmless.
        let report = try store.check()
        #expect(report.intact)
        #expect(report.problems.map(\.kind) == [.orphanObject])
        // Trying again works and adopts the orphan.
        let again = try Ingestion(store: store).ingest(path: file, into: c.id, actor: "J. Bakker")
        guard case .stored = again.outcome else { Issue.record("expected stored"); return }
        #expect(try store.check().problems.isEmpty)
    }

    @Test(arguments: StoreKind.all) func anIngestIntoAnUnknownCaseWritesNothing(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let file = try f.file("a.txt", "x")
        #expect(throws: StoreError.self) {
            _ = try Ingestion(store: store).ingest(path: file, into: CaseID("2026-0042")!, actor: "x")
        }
        #expect(store.objects.allDigests().isEmpty)
    }

    @Test func aMissingFileIsNamedInTheError() throws {
        let f = try StoreFixture()
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "x")
        do {
            _ = try Ingestion(store: store).ingest(path: f.folder + "/bestaat-niet.txt", into: c.id, actor: "x")
            Issue.record("expected an error")
        } catch let e as KitError {
            #expect(e.dutch.contains("bestaat-niet.txt"))
        }
    }

    @Test(arguments: StoreKind.all) func imagesAreRecognisedOnIngest(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "x")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let png = root.appendingPathComponent("samples/evidence/schermafbeelding-groepsapp.png").path
        let item = try Ingestion(store: store).ingest(path: png, into: c.id, actor: "x").outcome.item
        #expect(item.format == "image")
        #expect(item.mediaType == "image/png")
        #expect(try store.itemExtra(item.id)["image"]?["width"] == .int(780))
    }
}

enum StreamingSHA256Check {
    static func hex(_ text: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try! p.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try! input.fileHandleForWriting.close()
        p.waitUntilExit()
        return String(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64))
    }
}
