import Foundation
import Testing
import GRDB
import BewaarModel
import BewaarStore

/// Sealing is done in Swift before a value is bound (``Sealer``), not by SQL functions: every
/// sealed column the store's writing touches must hold a sealed value in an encrypted store's
/// file, read back the same through the store, and hold plain text in a plain store.
@Suite struct SealedColumnsTests {
    /// What a mentor's week on a case writes: every table with a sealed column.
    struct Written {
        var id: CaseID
        var itemID: Int64
        var messageID: Int64
    }

    static let chat = "12-03-2026 08:01 - Daan Jansen: Sanne is te dik om te rennen\n12-03-2026 08:02 - Tim Bos: ik ook\n"

    func write(_ f: StoreFixture, encrypted: Bool) throws -> (CaseStore, Written) {
        let store = try f.open()
        // Encrypted while still empty: everything below is sealed by the store's Swift code, not
        // by `bewaar store encrypt`'s rewrite.
        if encrypted && !store.isEncrypted { #expect(try store.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") == 0) }
        let c = try store.openCase(
            title: "Pesten in de groepsapp", actor: "J. Bakker",
            people: [Person(name: "Sanne de Vries", role: .slachtoffer, relatedTo: "Daan Jansen", group: "2B")])
        try store.setSummary(c.id, summary: "Sanne wordt buitengesloten in de klassenapp.", actor: "J. Bakker")
        let daan = try store.addPerson(Person(name: "Daan Jansen", role: .vermoedelijkeDader), to: c.id, actor: "J. Bakker")
        try store.updatePerson(
            c.id, person: try #require(daan.id), role: .vermoedelijkeDader, relatedTo: "Sanne de Vries", group: "2B", actor: "J. Bakker")
        try store.linkHandle(
            c.id, person: "daan jansen", value: "Daan Jansen", kind: nil, profileURL: "https://example.org/daan",
            actor: "J. Bakker")
        let messages = [
            Message(
                timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_773_298_860), utcOffsetSeconds: 3600), author: "Daan Jansen",
                text: "Sanne is te dik om te rennen", origin: Origin(line: 1, offset: 0, length: 58)),
            Message(
                timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_773_298_920), utcOffsetSeconds: 3600), author: "Tim Bos",
                text: "ik ook", attachments: [], origin: Origin(line: 2, offset: 61, length: 34), flags: ["bewerkt"]),
        ]
        let (d, size) = try store.objects.put(file: try f.file("chat.txt", Self.chat))
        let (inner, innerSize) = try store.objects.put(file: try f.file("foto.jpg", "geen echte foto van Sanne"))
        let outcome = try store.recordIngest(
            NewEvidence(
                name: "WhatsApp-chat met Sanne.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker",
                collectedFrom: "Sanne de Vries", note: "Sanne liet het zien na de les", messages: messages,
                warnings: [ImportWarning("regel 3 van Sanne is onleesbaar", line: 3, code: "unreadable")],
                contained: [
                    ContainedOriginal(
                        name: "foto van Sanne.jpg", pathInParent: "media/foto van Sanne.jpg", mediaType: "image/jpeg",
                        size: innerSize, sha256: inner)
                ],
                extra: ["groep": .string("Klas 2B van Sanne")]), in: c.id)
        let item = outcome.item
        // The same bytes again: a second receipt.
        _ = try store.recordIngest(
            NewEvidence(
                name: "chat opnieuw van Sanne.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp",
                collectedBy: "J. Bakker", collectedFrom: "moeder van Sanne", note: "via de moeder"), in: c.id)
        let entries = try store.timeline(c.id, TimelineQuery()).entries
        let first = try #require(entries.first)
        try store.mark(c.id, messageID: first.id, reason: .belediging, note: "over het gewicht van Sanne", actor: "J. Bakker")
        try store.changeMark(c.id, messageID: first.id, reason: .belediging, note: "opnieuw: over het gewicht van Sanne", actor: "J. Bakker")
        try store.addTalk(
            Talk(
                date: "2026-03-12", participants: ["J. Bakker", "Sanne de Vries"], withWhom: ["Sanne de Vries"],
                summary: "Sanne vertelt over de app", agreements: ["Sanne meldt het direct"], followUp: "2026-03-19",
                recordedBy: "J. Bakker", recordedAt: Date()), to: c.id)
        try store.addObservation(
            Observation(
                kind: .nietBewaard, sender: "Daan Jansen", recipients: "klas 2B", when: "12 maart", place: "schoolplein",
                description: "Daan liet een foto van Sanne rondgaan", recordedBy: "J. Bakker", recordedAt: Date()), to: c.id)
        try store.addStatement(
            Testimony(
                kind: .slachtoffer, person: "Sanne de Vries", date: "2026-03-12", text: "Ik durf niet meer naar gym",
                since: "februari", effect: "slaapt slecht", recordedBy: "J. Bakker", recordedAt: Date()), to: c.id)
        _ = try store.updateStep(
            c.id, step: .bewaren, update: ChecklistUpdate(status: .gedaan, note: "chat van Sanne bewaard", fields: [:]), actor: "J. Bakker")
        _ = try store.recordTrace(
            NewTrace(
                itemID: nil, mailName: "mail aan Sanne.eml", mailSHA256: String(repeating: "a", count: 64), originatingIP: "192.0.2.7",
                certainty: "waarschijnlijk", conclusion: "verstuurd vanaf het schoolnetwerk", result: "Received: van Sanne's klasgenoot"),
            in: c.id, actor: "P. Smit")
        _ = try store.writing { tx in
            try store.recordEscalation(tx, c.id, to: "A. de Wit", reason: .herhaling, note: "Sanne opnieuw gepest", actor: "J. Bakker")
        }
        // A contained item withdrawn; the case closed with a reason, then put on hold.
        let contained = try #require(try store.items(c.id).first { $0.name == "foto van Sanne.jpg" })
        try store.withdrawItem(c.id, item: contained.id, reason: "verkeerde foto van Sanne", actor: "J. Bakker")
        _ = try store.closeCase(c.id, outcome: .resolved, reason: "Sanne voelt zich weer veilig", actor: "J. Bakker")
        _ = try store.placeHold(c.id, reason: "aangifte door de ouders van Sanne", actor: "A. de Wit")
        return (store, Written(id: c.id, itemID: item.id, messageID: first.id))
    }

    /// Every non-NULL value of each sealed column in the database file, by `table.column`, read
    /// without the store (no functions, no keys): the bytes SQLite keeps.
    func rawValues(_ f: StoreFixture) throws -> [String: [DatabaseValue]] {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: f.storePath + "/" + CaseStore.databaseName, configuration: config)
        return try queue.read { db in
            var out: [String: [DatabaseValue]] = [:]
            for t in SealedColumns.core where try db.tableExists(t.name) {
                let present = Set(try db.columns(in: t.name).map(\.name))
                for column in t.columns where present.contains(column) {
                    let values = try DatabaseValue.fetchAll(
                        db, sql: "SELECT \(column) FROM \(t.name) WHERE \(column) IS NOT NULL AND \(t.condition)")
                    out["\(t.name).\(column)"] = values
                }
            }
            return out
        }
    }

    /// Sealed columns the writing above cannot fill: `verbatim` holds records from before
    /// migration v6 only; `undo_reason` is the accounts module's column (tested there).
    static let notWritten: Set<String> = ["messages.verbatim", "escalations.undo_reason"]

    @Test func everySealedColumnIsSealedInTheFileOfAnEncryptedStore() throws {
        let f = try StoreFixture()
        let (store, _) = try write(f, encrypted: true)
        let raw = try rawValues(f)
        let expected = Set(SealedColumns.core.flatMap { t in t.columns.map { "\(t.name).\($0)" } }).subtracting(Self.notWritten)
        // Each column was written (else this test would prove nothing about it)…
        let written = Set(raw.filter { !$0.value.isEmpty }.keys)
        #expect(expected.subtracting(written).isEmpty, "never written: \(expected.subtracting(written).sorted())")
        // …and holds only sealed values: a BLOB starting with the marker 0xB5 0x01.
        for (column, values) in raw.sorted(by: { $0.key < $1.key }) {
            for value in values {
                guard case .blob(let data) = value.storage else {
                    Issue.record("\(column) holds \(value) unsealed")
                    continue
                }
                #expect(data.count >= SealedValue.overhead && data.prefix(2) == Data([0xB5, 0x01]), "\(column) is not sealed")
            }
        }
        // Nothing of the text is in the file.
        let file = FileManager.default.contents(atPath: f.storePath + "/" + CaseStore.databaseName) ?? Data()
        for word in ["Sanne", "Daan", "gewicht", "buitengesloten", "schoolplein", "example.org", "aangifte"] {
            #expect(file.range(of: Data(word.utf8)) == nil, "\(word) in the database file")
        }
        #expect(try store.check().problems.map(\.english) == [])
    }

    @Test func aPlainStoreKeepsEveryColumnAsText() throws {
        let f = try StoreFixture()
        _ = try write(f, encrypted: false)
        let raw = try rawValues(f)
        for (column, values) in raw {
            for value in values {
                guard case .string = value.storage else {
                    Issue.record("\(column) holds \(value), not text")
                    continue
                }
            }
        }
        #expect(raw["people.name"]?.count == 3)
    }

    @Test(arguments: StoreKind.all) func sealedValuesReadBackAsWritten(_ kind: StoreKind) throws {
        for encrypted in [false, true] {
            let f = try StoreFixture(kind)
            let (store, w) = try write(f, encrypted: encrypted)
            let c = try store.case(w.id)
            #expect(c.title == "Pesten in de groepsapp")
            #expect(c.summary == "Sanne wordt buitengesloten in de klassenapp.")
            #expect(c.closing?.reason == "Sanne voelt zich weer veilig")
            #expect(c.hold?.reason == "aangifte door de ouders van Sanne")
            let people = try store.people(w.id)
            #expect(people.map(\.name) == ["Sanne de Vries", "Daan Jansen", "A. de Wit"])
            #expect(people.map(\.relatedTo) == ["Daan Jansen", "Sanne de Vries", nil])
            #expect(try store.handles(w.id).map(\.value) == ["Daan Jansen"])
            #expect(try store.handles(w.id).map(\.profileURL) == ["https://example.org/daan"])
            let item = try store.item(w.itemID)
            #expect(item.name == "WhatsApp-chat met Sanne.txt")
            #expect(item.note == "Sanne liet het zien na de les")
            #expect(try store.itemExtra(w.itemID)["groep"] == .string("Klas 2B van Sanne"))
            #expect(try store.warnings(item: w.itemID).map(\.message) == ["regel 3 van Sanne is onleesbaar"])
            #expect(try store.receipts(item: w.itemID).map(\.from) == ["Sanne de Vries", "moeder van Sanne"])
            #expect(try store.receipts(item: w.itemID).map(\.note) == ["Sanne liet het zien na de les", "via de moeder"])
            #expect(try store.containedItem(of: w.itemID, path: "media/foto van Sanne.jpg")?.name == "foto van Sanne.jpg")
            #expect(try store.containedItem(of: w.itemID, path: "media/andere foto.jpg") == nil)
            let entries = try store.timeline(w.id, TimelineQuery()).entries
            #expect(entries.map(\.message.text) == ["Sanne is te dik om te rennen", "ik ook"])
            #expect(entries.map(\.message.author) == ["Daan Jansen", "Tim Bos"])
            #expect(entries.map(\.message.flags) == [[], ["bewerkt"]])
            #expect(entries.map(\.itemName) == ["WhatsApp-chat met Sanne.txt", "WhatsApp-chat met Sanne.txt"])
            #expect(entries.first?.mark?.note == "opnieuw: over het gewicht van Sanne")
            #expect(try store.mark(of: w.messageID)?.note == "opnieuw: over het gewicht van Sanne")
            #expect(try store.messages(item: w.itemID).map(\.text) == ["Sanne is te dik om te rennen", "ik ook"])
            #expect(try store.records(item: w.itemID, at: .start, limit: 10).entries.map(\.message.author) == ["Daan Jansen", "Tim Bos"])
            #expect(try store.authors(item: w.itemID) == ["Daan Jansen", "Tim Bos"])
            var json: [String] = []
            try store.forEachRecordJSON(item: w.itemID) { json.append($0) }
            #expect(json.count == 2 && json[0].contains("\"author\":\"Daan Jansen\"") && json[1].contains("\"bewerkt\""))
            #expect(try store.numberedRecords(item: w.itemID).map(\.message.text) == ["Sanne is te dik om te rennen", "ik ook"])
            var byPerson = TimelineQuery()
            byPerson.person = "Daan Jansen"
            #expect(try store.timeline(w.id, byPerson).entries.map(\.message.text) == ["Sanne is te dik om te rennen"])
            #expect(try store.unlinkedAuthors(w.id).map(\.author) == ["Tim Bos"])
            #expect(try store.talks(w.id).first?.summary == "Sanne vertelt over de app")
            #expect(try store.talks(w.id).first?.agreements == ["Sanne meldt het direct"])
            #expect(try store.observations(w.id).first?.description == "Daan liet een foto van Sanne rondgaan")
            #expect(try store.statements(w.id).first?.effect == "slaapt slecht")
            #expect(try store.checklist(w.id).first?.note == "chat van Sanne bewaard")
            #expect(try store.traces(w.id).first?.conclusion == "verstuurd vanaf het schoolnetwerk")
            #expect(try store.escalations(w.id).first?.note == "Sanne opnieuw gepest")
            #expect(try store.withdrawals(w.id).values.map(\.reason) == ["verkeerde foto van Sanne"])
            #expect(try store.events(chain: w.id.description).first?.details["title"] == "Pesten in de groepsapp")
            #expect(try store.lastEvent(w.id)?.details["reason"] == "aangifte door de ouders van Sanne")
            let problems = try store.check().problems.map(\.english)
            #expect(problems.isEmpty, "encrypted: \(encrypted): \(problems)")
        }
    }

    /// A name is found without regard to ASCII case, as `COLLATE NOCASE` found it; other letters
    /// (É, é) must match exactly, as they did.
    @Test(arguments: StoreKind.all) func peopleAreFoundByNameAsCollateNocaseFoundThem(_ kind: StoreKind) throws {
        for encrypted in [false, true] {
            let f = try StoreFixture(kind)
            let (store, w) = try write(f, encrypted: encrypted)
            try store.addPerson(Person(name: "Zoë Élan", role: .getuige), to: w.id, actor: "J. Bakker")
            #expect(try store.addCorrection(w.id, person: "SANNE DE VRIES", text: "klopt niet", actor: "J. Bakker").person == "Sanne de Vries")
            #expect(try store.addCorrection(w.id, person: "ZOë ÉLAN", text: "klopt niet", actor: "J. Bakker").person == "Zoë Élan")
            #expect(throws: StoreError.self) { try store.addCorrection(w.id, person: "zoë élan", text: "x", actor: "J. Bakker") }
            #expect(throws: StoreError.self) { try store.addCorrection(w.id, person: "ZOË ÉLAN", text: "x", actor: "J. Bakker") }
            #expect(throws: StoreError.self) {
                try store.linkHandle(w.id, person: "Sanne", value: "x", kind: nil, profileURL: nil, actor: "J. Bakker")
            }
            let handle = try store.linkHandle(w.id, person: "zoë Élan", value: "zoe_2b", kind: nil, profileURL: nil, actor: "J. Bakker")
            #expect(try store.people(w.id).first { $0.id == handle.personID }?.name == "Zoë Élan")
            // The same handle for someone else on the case: found by its sealed value, refused.
            #expect(throws: StoreError.self) {
                try store.linkHandle(w.id, person: "Sanne de Vries", value: "zoe_2b", kind: nil, profileURL: nil, actor: "J. Bakker")
            }
        }
    }

    /// `bewaar check` names a record past its original's end, unless its origin names a part
    /// (a file inside the original): read from the sealed `rest` in Swift, as `json_extract`
    /// read it in SQL before.
    @Test(arguments: StoreKind.all) func checkNamesRecordsOutsideTheirOriginalUnlessTheyNameAPart(_ kind: StoreKind) throws {
        for encrypted in [false, true] {
            let f = try StoreFixture(kind)
            let (store, w) = try write(f, encrypted: encrypted)
            let (d, size) = try store.objects.put(file: try f.file("export.zip", "PK kort"))
            func record(_ line: Int, _ offset: Int64, _ part: String?) -> Message {
                Message(timestamp: nil, author: "Tim Bos", text: "regel \(line)", origin: Origin(line: line, offset: offset, length: 40, part: part))
            }
            let outcome = try store.recordIngest(
                NewEvidence(
                    name: "export.zip", size: size, sha256: d, mediaType: "application/zip", format: "whatsapp", collectedBy: "J. Bakker",
                    messages: [record(1, 0, "_chat.txt"), record(2, 100, "_chat.txt"), record(3, 100, nil), record(4, -1, "_chat.txt")]),
                in: w.id)
            let problems = try store.check().problems.filter { $0.kind == .originOutOfRange }.map(\.english)
            #expect(
                problems == [
                    "record 3 of item \(outcome.item.id) points outside its original",
                    "record 4 of item \(outcome.item.id) points outside its original",
                ],
                "encrypted: \(encrypted)")
        }
    }

    /// A store encrypted in place (sealed by SQL, `bw_seal`) and the store's Swift sealing give
    /// the same bytes: lookups by a sealed value find what the rewrite sealed.
    @Test func swiftSealsTheBytesTheEncryptRewriteSealed() throws {
        let f = try StoreFixture()
        let plain = try f.open()
        let c = try plain.openCase(title: "Oud dossier", actor: "J. Bakker", people: [Person(name: "Sanne de Vries", role: .slachtoffer)])
        try plain.linkHandle(c.id, person: "Sanne de Vries", value: "sanne_2b", kind: nil, profileURL: nil, actor: "J. Bakker")
        #expect(try plain.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") == 1)
        let store = try CaseStore(path: f.storePath, create: false, key: .keyFile(f.folder + "/sleutel"))
        let raw = try rawValues(f)
        let name = try store.sealer.seal("people", "name", case: c.id.description, "Sanne de Vries")
        #expect(raw["people.name"] == [name])
        #expect(raw["handles.value"] == [try store.sealer.seal("handles", "value", case: c.id.description, "sanne_2b")])
        // Found by its sealed value: the same handle for the same person again is accepted, and
        // an escalation to a person already on the case adds no one.
        try store.linkHandle(c.id, person: "Sanne de Vries", value: "sanne_2b", kind: nil, profileURL: nil, actor: "J. Bakker")
        #expect(try store.handles(c.id).count == 1)
        try store.addPerson(Person(name: "A. de Wit", role: .afdelingsleider), to: c.id, actor: "J. Bakker")
        _ = try store.writing { tx in try store.recordEscalation(tx, c.id, to: "A. de Wit", reason: .herhaling, note: nil, actor: "J. Bakker") }
        #expect(try store.people(c.id).map(\.name) == ["Sanne de Vries", "A. de Wit"])
        #expect(try store.check().problems.isEmpty)
    }
}
