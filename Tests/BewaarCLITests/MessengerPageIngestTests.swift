import Foundation
import Testing
import BewaarKit
import BewaarModel
import BewaarStore
import BewaarTestSupport

/// Issue 16: `bewaar ingest` of a Messenger page writes each record at its place as it is read
/// (the page lists its newest message first; its blocks are counted first), or, for a page in
/// another order, stages them in the store and places them oldest first before the commit.
@Suite("Messenger page ingest, placed or staged in the store (issue 16)")
struct MessengerPageIngestTests {
    /// A newest-first Messenger page (2023 layout): fictional pupils, equal times among them.
    static func page(messages n: Int, newestFirst: Bool = true) -> String {
        let names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser"]
        var blocks: [String] = []
        for i in 0..<n {
            let minute = i / 3  // three messages a minute: ties the order must keep
            let time = String(format: "Mar %02d, 2024 %d:%02d pm", 1 + minute / 600, 1 + (minute / 60) % 10, minute % 60)
            blocks.append(
                "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><h2 class=\"_a6-h\">\(names[i % 3])</h2>"
                    + "<div class=\"_3-95 _a6-p\"><div><div></div><div>bericht \(i) &amp; nog wat</div></div></div>"
                    + "<div class=\"_3-94 _a6-o\">\(time)</div></div>\n")
        }
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Klas 2B</title></head><body><div role=\"main\">\n"
            + "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><div class=\"_a6-p\">Deelnemers: \(names.joined(separator: ", "))</div></div>\n"
            + (newestFirst ? blocks.reversed() : blocks).joined() + "</div></body></html>\n"
    }

    @Test(arguments: [(false, true), (true, true), (false, false)])
    func theStoreHoldsThePageOldestFirstAsInspectReadsIt(encrypted: Bool, newestFirst: Bool) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bewaar-staged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("message_1.html")
        try Data(Self.page(messages: 2_500, newestFirst: newestFirst).utf8).write(to: url)
        let store = dir.appendingPathComponent("store").path
        if encrypted { #expect(try BewaarBinary.run(["store", "init", "--store", store]).status == 0) }
        let made = try BewaarBinary.run(["case", "new", "--store", store, "--by", "mentor", "--title", "Klas 2B", "--victim", "Sanne de Vries"])
        #expect(made.status == 0, "\(made.combined)")
        let caseID = try #require(made.stdout.split(separator: "\n").first.map(String.init))
        let r = try BewaarBinary.run(["ingest", "--store", store, "--by", "mentor", "--case", caseID, url.path])
        #expect(r.status == 0, "\(r.combined)")
        #expect(r.stdout.contains("facebook, 2500 berichten"), "\(r.stdout)")  // the count reported is the count kept
        let inspected = try Inspector.inspect(path: url.path).result.messages
        #expect(inspected.count == 2_500)
        // Three messages a minute: equal times keep the page's order reversed (Meta's is newest first).
        #expect(inspected.first?.text == (newestFirst ? "bericht 0 & nog wat" : "bericht 2 & nog wat"))
        let check = try BewaarBinary.run(["check", "--store", store])
        #expect(check.status == 0, "\(check.combined)")
        // The search index holds every record (an encrypted store's, filled batch by batch).
        for n in [0, 1_234, 2_499] {
            let found = try BewaarBinary.run(["timeline", "--store", store, "--case", caseID, "--search", "\(n)"])
            #expect(found.status == 0 && found.stdout.contains("bericht »\(n)« & nog wat"), "\(found.combined)")
        }
        if encrypted { return }  // the records as read back: the plain store's, below

        let s = try CaseStore(path: store, create: false)
        let cid = try #require(CaseID(caseID))
        let item = try #require(try s.items(cid).first)
        // The item's records in their order, page by page (the store gives at most 1,000 at a time).
        var sequence: [Int64] = []
        var stored: [Message] = []
        while true {
            let window = try s.records(item: item.id, at: sequence.last.map { .from($0 + 1) } ?? .start, limit: 1_000)
            sequence += window.sequence
            stored += window.entries.map(\.message)
            if !window.hasLater || window.entries.isEmpty { break }
        }
        #expect(sequence == (0..<2_500).map(Int64.init))
        #expect(stored.count == inspected.count)
        // Record for record: the same text, time, author, origin and everything kept in `extra`.
        for (i, (a, b)) in zip(stored, inspected).enumerated() where a != b {
            Issue.record("record \(i): stored \(a.text) at \(a.origin.offset), inspect \(b.text) at \(b.origin.offset)")
            break
        }
        // Every record points at its own block of the page.
        let bytes = Array(try Data(contentsOf: url))
        for m in stored.prefix(100) {
            let block = String(decoding: bytes[Int(m.origin.offset)..<Int(m.origin.offset + m.origin.length)], as: UTF8.self)
            #expect(block.hasPrefix("<div class=\"pam _3-95 _2ph- _a6-g") && block.contains(">\(m.author ?? "")</h2>"))
        }
        #expect(item.messageCount == 2_500)
    }
}
