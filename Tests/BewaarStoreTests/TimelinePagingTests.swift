import Foundation
import Testing
import BewaarModel
import BewaarStore

/// Keyset paging: walking the timeline page by page from the record at each page's edge, forward
/// and backward, gives exactly the timeline read at once — with ties in time, undated records,
/// two interleaved originals, a search and a withdrawn item.
@Suite struct TimelinePagingTests {
    /// Two chats whose times interleave, many records at the same second, some undated.
    func store(_ kind: StoreKind = .sqlite) throws -> (StoreFixture, CaseStore, CaseID) {
        let f = try StoreFixture(kind)
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        for (n, name) in ["a.txt", "b.txt"].enumerated() {
            var text = ""
            var messages: [Message] = []
            for i in 0..<230 {
                let line = "regel \(i) van \(name)\(i % 7 == 0 ? " niemand" : "")\n"
                let offset = Int64(text.utf8.count)
                text += line
                // Every third record shares its second with the next; every 50th has no time.
                let ts: Timestamp? =
                    i % 50 == 49
                    ? nil
                    : Timestamp(date: Date(timeIntervalSince1970: 1_772_000_000 + Double((i / 3) * 60 + n * 30)), utcOffsetSeconds: 3600)
                messages.append(
                    Message(
                        timestamp: ts, author: n == 0 ? "Daan" : "Sanne", text: String(line.dropLast()),
                        origin: Origin(line: i + 1, offset: offset, length: Int64(line.utf8.count))))
            }
            let path = try f.file(name, text)
            let (digest, size) = try store.objects.put(file: path)
            _ = try store.recordIngest(
                NewEvidence(
                    name: name, size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
                    collectedBy: "J. Bakker", messages: messages), in: c.id)
        }
        return (f, store, c.id)
    }

    func walk(_ store: CaseStore, _ id: CaseID, _ base: TimelineQuery, pageSize: Int) throws -> (forward: [Int64], backward: [Int64], pages: Int) {
        var q = base
        q.limit = pageSize
        var forward: [Int64] = []
        var pages: [[Int64]] = []
        var page = try store.timeline(id, q)
        #expect(!page.hasEarlier)
        while true {
            forward += page.entries.map(\.id)
            pages.append(page.entries.map(\.id))
            guard page.hasMore, let last = page.entries.last else { break }
            q.after = last.id
            page = try store.timeline(id, q)
            #expect(page.hasEarlier)
        }
        // And back from the last page to the first, by the first record of each page.
        var backward = pages.last ?? []
        q.after = nil
        var first = pages.last?.first
        var back = pages.count - 1
        while let cursor = first, back > 0 {
            q.before = cursor
            let earlier = try store.timeline(id, q)
            back -= 1
            #expect(earlier.entries.map(\.id) == pages[back], "page \(back + 1) read backwards")
            #expect(earlier.hasMore && earlier.hasEarlier == (back > 0))
            backward = earlier.entries.map(\.id) + backward
            first = earlier.entries.first?.id
        }
        return (forward, backward, pages.count)
    }

    @Test func pagesByTheirEdgeRecordAreTheWholeTimelineInOrder() throws {
        let (f, store, id) = try store()
        defer { withExtendedLifetime(f) {} }
        var all = TimelineQuery()
        all.limit = 10_000
        let whole = try store.timeline(id, all).entries.map(\.id)
        #expect(whole.count == 460)
        let w = try walk(store, id, TimelineQuery(), pageSize: 37)
        #expect(w.forward == whole && w.backward == whole && w.pages == 13)
        // The same with a search (chronological) and with a search answered in record order.
        var search = TimelineQuery()
        search.search = "niemand"
        var wholeSearch = search
        wholeSearch.limit = 10_000
        let hits = try store.timeline(id, wholeSearch).entries.map(\.id)
        #expect(hits.count == 66)
        let s = try walk(store, id, search, pageSize: 10)
        #expect(s.forward == hits && s.backward == hits)
    }

    /// Pages by number (an old link: `?pagina=N`, counted) are the same records as the timeline
    /// read at once, also with only the marked records or a filter on time.
    @Test(arguments: StoreKind.all) func pagesByNumberAreTheTimelineInOrder(_ kind: StoreKind) throws {
        let (f, store, id) = try store(kind)
        defer { withExtendedLifetime(f) {} }
        var all = TimelineQuery()
        all.limit = 10_000
        for (n, record) in try store.timeline(id, all).entries.map(\.id).enumerated() where n % 9 == 0 {
            _ = try store.mark(id, messageID: record, reason: .belediging, note: nil, actor: "J. Bakker")
        }
        var marked = TimelineQuery()
        marked.onlyMarked = true
        var later = TimelineQuery()
        later.from = Date(timeIntervalSince1970: 1_772_002_000)
        for base in [TimelineQuery(), marked, later] {
            var whole = base
            whole.limit = 10_000
            let expected = try store.timeline(id, whole).entries.map(\.id)
            var numbered: [Int64] = []
            var q = base
            q.limit = 37
            for page in 0...(expected.count / 37) {
                q.offset = page * 37
                numbered += try store.timeline(id, q).entries.map(\.id)
            }
            #expect(numbered == expected && !expected.isEmpty, "\(base.onlyMarked) \(String(describing: base.from))")
        }
    }

    @Test func aCursorOfAnotherCaseOrAWithdrawnItemIsHandled() throws {
        let (f, store, id) = try store()
        defer { withExtendedLifetime(f) {} }
        let other = try store.openCase(title: "Andere zaak", actor: "J. Bakker")
        var q = TimelineQuery()
        q.after = try #require(try store.timeline(id, q).entries.first?.id)
        #expect(throws: StoreError.self) { try store.timeline(other.id, q) }
        // A withdrawn item leaves the pages and the count.
        let items = try store.items(id)
        try store.withdrawItem(id, item: items[1].id, reason: "verkeerd", actor: "J. Bakker")
        #expect(try store.timelineCount(id) == 230)
        let w = try walk(store, id, TimelineQuery(), pageSize: 50)
        #expect(w.forward.count == 230 && w.backward == w.forward)
    }

    /// A chat whose times run backwards, so that record order and time order differ.
    func ingestBackwards(_ store: CaseStore, _ f: StoreFixture, _ id: CaseID, name: String, count: Int, from start: Int) throws {
        var text = ""
        var messages: [Message] = []
        for i in start..<(start + count) {
            let line = "niemand \(i)\n"
            let offset = Int64(text.utf8.count)
            text += line
            messages.append(
                Message(
                    timestamp: Timestamp(date: Date(timeIntervalSince1970: 1_772_000_000 - Double(i)), utcOffsetSeconds: 3600),
                    author: "Daan", text: String(line.dropLast()),
                    origin: Origin(line: i - start + 1, offset: offset, length: Int64(line.utf8.count))))
        }
        let (digest, size) = try store.objects.put(file: try f.file(name, text))
        _ = try store.recordIngest(
            NewEvidence(
                name: name, size: size, sha256: digest, mediaType: "text/plain", format: "whatsapp",
                collectedBy: "J. Bakker", messages: messages), in: id)
    }

    @Test(arguments: StoreKind.all) func aSearchWithMoreHitsThanAreSortedPagesInRecordOrder(_ kind: StoreKind) throws {
        let f = try StoreFixture(kind)
        defer { withExtendedLifetime(f) {} }
        let store = try f.open()
        let c = try store.openCase(title: "Zaak", actor: "J. Bakker")
        try ingestBackwards(store, f, c.id, name: "weinig.txt", count: 100, from: 0)
        var q = TimelineQuery()
        q.search = "niemand"
        q.limit = 3
        // Few hits: sorted by time (and the answer is remembered) …
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["niemand 99", "niemand 98", "niemand 97"])
        // … until more records come in: then record order.
        try ingestBackwards(store, f, c.id, name: "veel.txt", count: CaseStore.searchSortLimit, from: 100)
        #expect(try store.timeline(c.id, q).entries.map(\.message.text) == ["niemand 0", "niemand 1", "niemand 2"])
        let w = try walk(store, c.id, q, pageSize: 1000)
        #expect(w.forward.count == CaseStore.searchSortLimit + 100 && w.forward == w.forward.sorted(), "record order")
        #expect(w.backward == w.forward)
    }
}
