import BewaarModel
import BewaarTestSupport
import Foundation

@testable import BewaarStore
@testable import BewaarStorePostgres

/// The records the search tests put into both stores: fictional Dutch chat lines with
/// diacritics, emoji, e-mail addresses, URLs, hyphenated words and numbers (the seven lines of
/// `EncryptedStoreTests` among them), repeated over `count` records. Times run out of record
/// order, some records share a time (the id breaks the tie) and some have none (they come last).
enum SearchCorpus {
    static let texts = [
        "Sanne is te dik om te rennen", "Zoë doet weer raar", "ik ook", "dikke vette onzin", "niemand wil naast Sanne zitten",
        "Bel me op 06-12345678", "uitgescholden op het plein", "Daan zei: ga weg uit deze groep 😡😡",
        "mail het naar mentor@school.example.org, niet naar mij", "kijk dan https://example.org/fotos?id=12&klas=2b 😂",
        "die coördinator is echt een nep-docent", "Noor: 🤣🤣 café om 15.30 bij het veldje", "wie heeft de anti-pest-regels gelezen?",
        "ZOË!!! waarom doe je zo", "reünie vrijdag, Zoë komt ook", "dik-ke onzin 2026", "je bent een loser 🙄 #groep2b",
        "naïeve Sanne haha", "bel 06-12345001 of 06-12345002", "Ik zeg niks meer.", "x", "ga weg", "Coördinatie? nee hoor",
        "Lotte: stop nou ff met dat gedoe", "groepsapp Klas 2B is van mij", "iedereen lacht om je 😂😂😂",
    ]

    static let searches = [
        "dik", "dikke", "Sanne", "zoe", "ZOË", "ik", "\"te dik\"", "\"dik te\"", "uitgesch", "uitgescholden plein", "rennen sanne",
        "06", "12345678", "niemand*", "x", "vette onzinnig",
    ]

    /// More searches on what the extra lines hold: e-mail, URL, hyphens, numbers, emoji, diacritics.
    static let moreSearches = [
        "mentor@school.example.org", "example.org", "https", "nep-docent", "\"anti pest regels\"", "15.30", "2026", "😂", "café",
        "coordinator", "coörd", "reunie", "naieve", "\"ga weg\"", "ga weg", "groep2b", "12345001", "loser 🙄", "zo",
    ]

    static let base = 1_772_478_400.0

    static func messages(_ count: Int) -> [Message] {
        (0..<count).map { i in
            let undated = i % 29 == 5
            // Pairs of records share a time, and times do not follow the records' order.
            let time = base + Double((i * 37) % count / 2) * 60
            return Message(
                timestamp: undated ? nil : Timestamp(date: Date(timeIntervalSince1970: time), utcOffsetSeconds: 3600),
                author: i % 3 == 0 ? "Daan Jansen" : "+31 6 12345003", text: texts[i % texts.count],
                origin: Origin(line: i + 1, offset: Int64(i * 60), length: 50))
        }
    }

    /// An encrypted SQLite store with one case holding `messages` as one item (its records'
    /// `origin.line` is their place + 1), the case's id, number and key.
    static func sqlite(_ messages: [Message], in dir: TempDir) throws -> (CaseStore, CaseID, Int64, CaseKey) {
        let store = try dir.openStore(modules: [])
        _ = try store.encrypt(with: .keyFile(dir.file("sleutel")), actor: "J. Bakker")
        let opened = try store.openCase(title: "Klas 2B", actor: "J. Bakker")
        let (digest, size) = try store.objects.put(file: dir.write("chat.txt", "de chat van klas 2B"))
        _ = try store.recordIngest(
            NewEvidence(
                name: "WhatsApp-chat met Klas 2B.txt", size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
                collectedBy: "J. Bakker", collectedFrom: "Sanne de Vries", messages: messages), in: opened.id)
        let number = try store.read { db in try Int64.fetchOne(db, sql: "SELECT no FROM cases WHERE id = ?", arguments: [opened.id.description]) }
        guard let number, let key = store.sealing.keyring?.key(for: opened.id.description.databaseValue) else {
            throw CorpusError(message: "the encrypted store has no number or key for \(opened.id)")
        }
        return (store, opened.id, number, key)
    }

    /// Writes `messages` as one item of case `caseNumber` into PostgreSQL: text sealed with
    /// `key`, terms from ``PostgresTermMaker``. Returns each record's id by its place.
    static func postgres(_ messages: [Message], item: Int64, caseNumber: Int64, key: CaseKey, in c: any StoreConnection) throws -> [Int64] {
        let writer = try PostgresRecordWriter(c, itemID: item, caseNo: caseNumber)
        var maker = PostgresTermMaker(key: key)
        try writer.add(
            contentsOf: messages.enumerated().map { seq, m in
                PostgresRecord(
                    seq: Int64(seq), time: m.timestamp?.date.timeIntervalSince1970, utcOffset: m.timestamp.map { Int64($0.utcOffsetSeconds) },
                    kind: "message", text: SealedValue.seal(m.text, with: key), originLine: m.origin.line.map(Int64.init),
                    originOffset: m.origin.offset, originLength: m.origin.length, terms: maker.terms(of: m.text))
            })
        _ = try writer.finish()
        return try c.fetch("SELECT id FROM messages WHERE item_id = ? ORDER BY seq", [.int(item)]).map { $0[0].int ?? -1 }
    }

    /// Makes case 2026-0002 beside `RecordFixture`'s 2026-0001, with an item; returns the case's
    /// number and the item's id.
    static func secondCase(in c: any StoreConnection) throws -> (Int64, Int64) {
        try c.execute(
            "INSERT INTO cases (id, year, number, title, opened, status, summary) VALUES ('2026-0002', 2026, 2, ?1, '2026-03-02', 'open', ?1)",
            [.bytes(Array("Klas 3C (verzegeld)".utf8))])
        let caseNumber = try c.fetchOne("SELECT no FROM cases WHERE id = '2026-0002'")?[0].int ?? -1
        let item =
            try c.fetchOne(
                """
                INSERT INTO items (case_id, sha256, name, size, media_type, format, collected_by, collected_at, extra)
                VALUES ('2026-0002', ?1, ?2, 1000, 'text/plain', 'whatsapp', 'J. Bakker', '2026-03-02T19:05:00Z', ?2) RETURNING id
                """, [.text(UUID().uuidString), .bytes(Array("WhatsApp-chat met Klas 3C.txt".utf8))])?[0].int ?? -1
        return (caseNumber, item)
    }

    /// A pager for `search` (for use inside a transaction's body, where `#require` must not run).
    static func pager(_ index: any SearchIndex, _ search: String, caseNumber: Int64, key: CaseKey?) throws -> SearchPager {
        guard let request = SearchRequest(search), let pager = try SearchPager(index: index, request: request, caseNumber: caseNumber, key: key)
        else {
            throw CorpusError(message: "no pager for \(search)")
        }
        return pager
    }

    struct CorpusError: Error { var message: String }
}
