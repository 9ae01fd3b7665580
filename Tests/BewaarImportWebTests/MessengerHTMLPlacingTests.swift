import Foundation
import Testing
import BewaarModel
import BewaarImport
import BewaarJSON
@testable import BewaarImportWeb

/// Issue 16: a Messenger page as Meta writes it (newest message first) has each record written
/// at its final place as its block is read (the blocks counted first); any other page is read
/// again by staging, with the same records in the same order.
@Suite("Messenger HTML placed while read (issue 16)")
struct MessengerHTMLPlacingTests {
    /// Keeps what is placed (by number) and what is staged: the importer's side of the contract.
    final class Placer: PlacingRecordSink {
        var calls: [String] = []
        var placedAt: [Int: Message] = [:]
        var duplicates = 0
        var staged: [Message] = []
        var handed: [Message] = []
        func begin(_ head: ImportResult) throws { calls.append("begin") }
        func record(_ message: Message) throws { handed.append(message) }
        /// Placed records whose format fields' JSON is not what serialising them again gives
        /// (keys out of order, another escaping): the store keeps that JSON as it comes.
        var notCanonical = 0
        func record(_ record: FlatRecord, at seq: Int) throws {
            if calls.last != "placed" { calls.append("placed") }
            let message = record.message
            if FlatRecord(message)?.extraJSON != record.extraJSON { notCanonical += 1 }
            if placedAt.updateValue(message, forKey: seq) != nil { duplicates += 1 }
        }
        func dropPlaced() throws { calls.append("dropPlaced"); placedAt = [:] }
        func stage(_ message: Message) throws {
            if calls.last != "stage" { calls.append("stage") }
            staged.append(message)
        }
        func placeStaged(order: [Int]) throws {
            calls.append("place")
            handed += order.map { staged[$0] }
        }
        func dropStaged() throws { calls.append("dropStaged"); staged = [] }

        /// What the sink holds in the order it keeps it.
        var kept: [Message] {
            if !placedAt.isEmpty { return (0..<placedAt.count).compactMap { placedAt[$0] } }
            return handed
        }
    }

    enum Variant: String, CaseIterable {
        case metaOrder, trickyTags, oldestFirst, timeGoesUp, blockWithoutTimeBetween, blockInScript, titleLast, tagTooLongToCount
    }

    static func page(_ v: Variant) -> String {
        var p = MessengerHTMLStreamTests.page(messages: 2_000, seed: 5, titleLast: v == .titleLast, newestFirst: v != .oldestFirst)
        let marker = "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><h2"
        // The 1,000th block, where the changes go.
        var at = p.startIndex
        for _ in 0..<1_000 { at = p.range(of: marker, range: p.index(after: at)..<p.endIndex)!.lowerBound }
        switch v {
        case .timeGoesUp:
            let later =
                "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><h2>Tim Bakker</h2>"
                + "<div class=\"_a6-p\"><div>later</div></div><div class=\"_a6-o\">Dec 31, 2025 11:59 pm</div></div>\n"
            p.insert(contentsOf: later, at: at)
        case .blockWithoutTimeBetween:
            p.insert(contentsOf: "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><div>alleen dit</div></div>\n", at: at)
        case .trickyTags:
            // Counted alike by both: a block in a comment (neither), a `>` inside a quoted value,
            // upper-case names, an unquoted class (each a block without a readable time: a record).
            let tricky =
                "<!-- <div class=\"_a6-g\"> --><div title=\"a > b\" class=\"_2lej\"><b>x</b><b>y</b></div>\n"
                + "<DIV data-x='<div>' CLASS=\"_a6-g\"><b>z</b><b>w</b></DIV><div class=_2lej><b>u</b><b>v</b></div>\n"
            p.insert(contentsOf: tricky, at: at)
        case .blockInScript:
            // The count sees a block in a script that the parser reads as text: read again.
            p.insert(contentsOf: "<script>var s = '<div class=\"_a6-g\">';</script>\n", at: at)
        case .tagTooLongToCount:
            // A tag longer than the count carries from chunk to chunk (64 KB): the count cannot be
            // trusted, and the page is read again.
            p.insert(contentsOf: "<div title=\"\(String(repeating: "x", count: 600_000))\"></div>\n", at: at)
        default:
            break
        }
        return p
    }

    @Test(arguments: Variant.allCases)
    func thePageIsKeptInTheCollectedOrder(_ v: Variant) throws {
        let dir = try Fixtures.tempDir()
        let url = try Fixtures.write(Self.page(v), to: dir.appendingPathComponent("message_1.html"))
        let importer = PlatformExportImporter()
        let source = try MessengerHTMLStreamTests.source(url)
        let collected = try importer.importFile(source, context: MessengerHTMLStreamTests.context())
        #expect(collected.messages.count >= 2_000)
        let placer = Placer()
        let head = try importer.importFile(source, context: MessengerHTMLStreamTests.context(), records: placer)
        #expect(placer.kept == collected.messages)
        #expect(placer.duplicates == 0)
        #expect(placer.notCanonical == 0)
        #expect(head.warnings == collected.warnings && head.extra == collected.extra)
        // Whether records were written before a page broke depends on whether the count, made
        // beside the reading, was there yet: "placed" is left out where the page breaks.
        let afterPlacing = placer.calls.filter { $0 != "placed" }
        switch v {
        case .metaOrder, .trickyTags:
            // Written as read, every number 0..<n once; nothing staged.
            #expect(placer.calls == ["placed", "begin"])
            #expect(Set(placer.placedAt.keys) == Set(0..<collected.messages.count))
        case .blockInScript:
            // Noticed only at the end (one block too few): dropped, then staged.
            #expect(afterPlacing == ["dropPlaced", "stage", "begin", "place"])
        case .titleLast:
            #expect(afterPlacing.first == "dropPlaced" && placer.calls.contains("dropStaged"))
        case .oldestFirst:
            // Broken at the second record: dropped at once, then staged.
            #expect(afterPlacing == ["dropPlaced", "stage", "begin", "place"])
        case .timeGoesUp, .blockWithoutTimeBetween, .tagTooLongToCount:
            #expect(afterPlacing == ["dropPlaced", "stage", "begin", "place"])
        }
    }

    /// A placed record's format fields, written from the block's bytes with what the page shares
    /// written once, are the bytes the `Message` of the same block serialises to: odd titles
    /// (quotes, a backslash, a control character, emoji), no title, zone given or assumed.
    @Test(arguments: ["Klas \"2B\" \\ 😂", "tab\there\u{1}", nil] as [String?])
    func placedFieldsAreWhatTheRecordSerialisesTo(_ title: String?) throws {
        let zone = TimeZone(identifier: "Europe/Amsterdam")!
        let fields = MetaHTMLReader.FlatFields(platform: "messenger", thread: title, zone: zone.identifier)
        for (time, assumed) in [("Mar 04, 2024 3:07 pm", true), ("Friday, October 4, 2013 at 10:05pm PDT \"x\"", false)] {
            for layout in ["meta-html-2022", "meta-html-2018", "meta-html"] {
                for (reactions, links, media) in [
                    ([], [], []), (["❤ Tim \"B\""], [], []), ([], ["https://www.example.org/a\"b", "photos/1.jpg", "#x"], ["photos/1.jpg"]),
                    (["😂", "❤"], ["http://example.org/", "mailto:a@example.org"], ["videos/2.mp4"]),
                ] as [([String], [String], [String])] {
                    let read = MetaHTMLReader.ReadMessage(
                        author: "Zoë Smit", timeText: time, text: "hoi", layout: layout, timestamp: nil, zoneAssumed: assumed, offset: 10,
                        end: 90, reactions: reactions, links: links, media: media)
                    let message = MetaHTMLReader.record(read, platform: "messenger", zone: .string(zone.identifier), part: nil, thread: title)
                    let found = MetaHTMLReader.linksAndAttachments(text: "hoi", links: links, media: media)
                    let json = fields.json(
                        layout: layout, links: found.links, reactions: reactions, timeAsDisplayed: Array(time.utf8), zoneAssumed: assumed)
                    #expect(json == FlatRecord(message)?.extraJSON)
                    #expect(found.attachments == message.attachments)
                }
            }
        }
    }

    @Test func theNumbersFollowTheCount() {
        var o = PlacedPageOrder(total: 4)
        o.blockStarted()  // participants
        o.blockWithoutRecord()
        var seqs: [Int?] = []
        for t in [30.0, 30, Double?.none, 10] {
            o.blockStarted()
            seqs.append(o.seq(time: t))
        }
        #expect(seqs == [2, 1, 0, nil])
        #expect(o.broken)  // a fifth block the count did not have
        var ok = PlacedPageOrder(total: 3)
        for t in [30.0, 20, 20] {
            ok.blockStarted()
            _ = ok.seq(time: t)
        }
        #expect(ok.fits && ok.placed == 3)
        var up = PlacedPageOrder(total: 3)
        up.blockStarted()
        _ = up.seq(time: 20)
        up.blockStarted()
        #expect(up.seq(time: 21) == nil && up.broken && !up.fits)
        var short = PlacedPageOrder(total: 3)
        short.blockStarted()
        _ = short.seq(time: 20)
        short.blockStarted()
        _ = short.seq(time: 10)
        #expect(!short.fits)  // the count promised a third block
    }

    /// Blocks read before the count is there keep their blocks' numbers and are numbered when it
    /// comes; a count with fewer blocks than were read breaks the page.
    @Test func blocksReadBeforeTheCountAreNumberedWhenItComes() {
        var o = PlacedPageOrder()
        var blocks: [Int?] = []
        for t in [30.0, 20, 20] {
            o.blockStarted()
            blocks.append(o.take(time: t))
        }
        #expect(blocks == [0, 1, 2] && o.seq(ofBlock: 0) == nil && !o.broken && !o.fits)
        o.counted(3)
        #expect([0, 1, 2].map { o.seq(ofBlock: $0) } == [2, 1, 0] && o.fits)
        var fewer = PlacedPageOrder()
        for t in [30.0, 20, 10] {
            fewer.blockStarted()
            _ = fewer.take(time: t)
        }
        fewer.counted(2)
        #expect(fewer.seq(ofBlock: 2) == nil && fewer.broken && !fewer.fits)
    }
}
