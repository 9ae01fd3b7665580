import BewaarModel
import Foundation
import Testing

@testable import BewaarStore

/// An encrypted store's timeline search checks the index's candidates in Swift, batch by batch
/// (``CaseStore/timeline(_:_:)``): pages across batches, with many false candidates, backwards,
/// with an offset, and in record order beyond ``CaseStore/searchSortLimit`` hits give what a
/// plain store's FTS5 gives.
@Suite struct EncryptedSearchPagingTests {
    /// A plain or encrypted store with `count` records: every third "dikste onzin ooit" (a hit for
    /// "diks"), the others "dikke vette onzin" (a candidate for "diks": the index holds "dik").
    func store(_ f: StoreFixture, count: Int, hitEvery: Int, encrypted: Bool) throws -> (CaseStore, CaseID) {
        let store = try f.open()
        let c = try store.openCase(title: "Klas 2B", actor: "J. Bakker")
        var messages: [Message] = []
        for i in 0..<count {
            let seconds: Double = 1_772_478_400 + Double((i * 7) % count / 2) * 60
            let time: Timestamp? = i % 17 == 3 ? nil : Timestamp(date: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: 3600)
            let text = i % hitEvery == 0 ? "dikste onzin ooit" : "dikke vette onzin"
            messages.append(
                Message(timestamp: time, author: "Daan Jansen", text: text, origin: Origin(line: i + 1, offset: Int64(i * 20), length: 20)))
        }
        let (d, size) = try store.objects.put(file: try f.file("chat.txt", "chat"))
        _ = try store.recordIngest(
            NewEvidence(
                name: "chat.txt", size: size, sha256: d, mediaType: "text/plain", format: "whatsapp", collectedBy: "J. Bakker", messages: messages),
            in: c.id)
        if encrypted && !store.isEncrypted { #expect(try store.encrypt(with: .keyFile(f.folder + "/sleutel"), actor: "beheerder") == 1) }
        return (store, c.id)
    }

    /// Every page forwards (keyset), then the page before the last page, then offset pages: as lines.
    func pages(_ store: CaseStore, _ id: CaseID, _ search: String, limit: Int) throws -> [[Int]] {
        var out: [[Int]] = []
        var q = TimelineQuery()
        q.search = search
        q.limit = limit
        var last: TimelinePage?
        while true {
            let page = try store.timeline(id, q)
            out.append(page.entries.map { $0.message.origin.line ?? 0 } + [page.hasMore ? 1 : 0, page.hasEarlier ? 1 : 0])
            last = page
            guard page.hasMore, let end = page.entries.last, out.count < 200 else { break }
            q.after = end.id
        }
        if let first = last?.entries.first {
            q.after = nil
            q.before = first.id
            let page = try store.timeline(id, q)
            out.append(page.entries.map { $0.message.origin.line ?? 0 } + [page.hasMore ? 1 : 0, page.hasEarlier ? 1 : 0])
        }
        for offset in [0, limit * 2, limit * 2 + 3] {
            var o = TimelineQuery()
            o.search = search
            o.limit = limit
            o.offset = offset
            let page = try store.timeline(id, o)
            out.append(page.entries.map { $0.message.origin.line ?? 0 } + [page.hasMore ? 1 : 0, page.hasEarlier ? 1 : 0])
        }
        return out
    }

    @Test(arguments: StoreKind.all) func pagesAcrossBatchesWithFalseCandidatesAreThePlainStoresPages(_ kind: StoreKind) throws {
        let plainFixture = try StoreFixture(.sqlite), sealedFixture = try StoreFixture(kind)
        let (plain, a) = try store(plainFixture, count: 900, hitEvery: 3, encrypted: false)
        let (sealed, b) = try store(sealedFixture, count: 900, hitEvery: 3, encrypted: true)
        for (search, limit) in [("diks", 40), ("diks", 7), ("\"dikste onzin\"", 120), ("dikke", 250), ("ooit", 1)] {
            let expected = try pages(plain, a, search, limit: limit)
            #expect(try pages(sealed, b, search, limit: limit) == expected, "\(search) limit \(limit)")
            // The comparison reaches past one batch of 256 candidates.
            #expect(expected.dropLast(4).joined().count > 256 || limit == 1 || search.hasPrefix("\""), "\(search)")
        }
        var q = TimelineQuery()
        q.search = "diks"
        q.limit = 1_000
        #expect(try sealed.timeline(b, q).entries.count == 300)
    }

    /// More than ``CaseStore/searchSortLimit`` hits: record order, on both stores, and the choice is
    /// made on true hits (5,001 candidates of which fewer than 5,001 are hits stay in time order).
    @Test(arguments: StoreKind.all) func manyHitsAreInRecordOrderAsInAPlainStore(_ kind: StoreKind) throws {
        let count = CaseStore.searchSortLimit + 200
        let plainFixture = try StoreFixture(.sqlite), sealedFixture = try StoreFixture(kind)
        let (plain, a) = try store(plainFixture, count: count, hitEvery: 1, encrypted: false)
        let (sealed, b) = try store(sealedFixture, count: count, hitEvery: 1, encrypted: true)
        var q = TimelineQuery()
        q.search = "diks"
        q.limit = 50
        let first = try sealed.timeline(b, q).entries.map { $0.message.origin.line ?? 0 }
        #expect(first == Array(1...50))
        #expect(first == (try plain.timeline(a, q).entries.map { $0.message.origin.line ?? 0 }))
        // "dikk": every record is a candidate (the index holds "dik"), none a hit.
        q.search = "dikk"
        #expect(try sealed.timeline(b, q).entries.isEmpty)
        let fewFixture = try StoreFixture(kind), fewPlainFixture = try StoreFixture(.sqlite)
        let (few, c) = try store(fewFixture, count: count, hitEvery: 2, encrypted: true)
        let (fewPlain, d) = try store(fewPlainFixture, count: count, hitEvery: 2, encrypted: false)
        q.search = "diks"
        let timeOrder = try few.timeline(c, q).entries.map { $0.message.origin.line ?? 0 }
        #expect(timeOrder != Array(stride(from: 1, through: 99, by: 2)))
        #expect(timeOrder == (try fewPlain.timeline(d, q).entries.map { $0.message.origin.line ?? 0 }))
    }
}
