import Testing
import Foundation
import BewaarModel
import BewaarJSON
import BewaarImport
import BewaarKit
import BewaarHTML
import BewaarTestSupport
@testable import BewaarImportWeb

/// A mentor ingests the large Messenger HTML page a pupil downloaded: it is read as a stream and
/// its records are handed on one by one, exactly as the collecting read gives them.
@Suite("A long Messenger HTML page is streamed")
struct MessengerHTMLStreamTests {
    static let names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser", "Zoë Smit"]

    /// A Messenger page of the 2023 layout, newest message first as Meta writes it, with
    /// messages sharing a minute, messages whose time cannot be read, reactions, links and
    /// photos. With `titleLast` the `<title>` comes after the messages.
    static func page(messages n: Int, seed: Int = 7, titleLast: Bool = false, newestFirst: Bool = true) -> String {
        var blocks: [String] = []
        var minute = 0
        for i in 0..<n {
            minute += (i * 7 + seed) % 3  // 0, 1 or 2 minutes on: equal times occur
            let day = 1 + (minute / 1440) % 28, hh = (minute / 60) % 24, mm = minute % 60
            let time =
                i % 97 == 13
                ? "gisteren"
                : "Mar \(day < 10 ? "0" : "")\(day), 2024 \(hh % 12 == 0 ? 12 : hh % 12):\(mm < 10 ? "0" : "")\(mm) \(hh >= 12 ? "pm" : "am")"
            let author = names[(i * 5 + seed) % names.count]
            var body = "<div>bericht \(i): jij bent zo stom &amp; niemand wil naast je zitten 😂</div>"
            if i % 11 == 0 { body += "<div><ul class=\"_a6-q\"><li><span>❤\(names[0])</span></li></ul></div>" }
            if i % 13 == 0 { body += "<div><a href=\"https://www.example.org/p/\(i)/\">link</a></div>" }
            if i % 17 == 0 { body += "<div><img src=\"messages/inbox/klas2b_1/photos/\(i).jpg\"></div>" }
            blocks.append(
                "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><h2 class=\"_3-95 _2pim _a6-h _a6-i\">\(author)</h2>"
                    + "<div class=\"_3-95 _a6-p\"><div><div></div>\(body)</div></div><div class=\"_3-94 _a6-o\">\(time)</div></div>\n")
        }
        if newestFirst { blocks.reverse() }
        let title = "<title>Klas 2B</title>"
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\(titleLast ? "" : title)</head><body><div class=\"_a706\" role=\"main\">\n"
            + "<div class=\"pam _3-95 _2ph- _a6-g uiBoxWhite noborder\"><div class=\"_a6-p\">Deelnemers: \(names.joined(separator: ", "))</div></div>\n"
            + blocks.joined() + "</div>\(titleLast ? title : "")</body></html>\n"
    }

    /// Remembers what a sink is given, and in which order.
    final class Recorder: RecordSink {
        var calls: [String] = []
        var head: ImportResult?
        var messages: [Message] = []
        func begin(_ head: ImportResult) throws { calls.append("begin"); self.head = head }
        func record(_ message: Message) throws { calls.append("record"); messages.append(message) }
    }

    static func source(_ url: URL) throws -> ImportSource {
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64 ?? 0
        return ImportSource(path: url.path, name: url.lastPathComponent, size: size, sha256: nil)
    }

    static func context() -> ImportContext {
        ImportContext(timeZone: TimeZone(identifier: "Europe/Amsterdam")!, sink: HashingSink())
    }

    @Test(arguments: [(false, true), (true, true), (false, false)])
    func theStreamedRecordsAreTheCollectedOnes(titleLast: Bool, newestFirst: Bool) throws {
        let dir = try Fixtures.tempDir()
        let url = try Fixtures.write(
            Self.page(messages: 3_000, titleLast: titleLast, newestFirst: newestFirst),
            to: dir.appendingPathComponent("message_1.html"))
        let importer = PlatformExportImporter()
        let collected = try importer.importFile(Self.source(url), context: Self.context())
        let recorder = Recorder()
        let streamed = try importer.importFile(Self.source(url), context: Self.context(), records: recorder)
        #expect(collected.messages.count == 3_000)
        // The records handed on (the ingest's path) equal the collected ones, in order.
        #expect(recorder.messages == collected.messages)
        #expect(recorder.calls.first == "begin" && recorder.calls.dropFirst().allSatisfy { $0 == "record" })
        for head in [streamed, try #require(recorder.head)] {
            #expect(head.messages.isEmpty)
            #expect(head.format == collected.format && head.mediaType == collected.mediaType)
            #expect(head.warnings == collected.warnings)
            #expect(head.extra == collected.extra)
        }
        #expect(collected.extra["threads"]?.arrayValue?.first?["messageCount"] == .int(3_000))
        #expect(recorder.messages.first?.extra["thread"]?.stringValue == "Klas 2B")
        // Every record still points at its own block of the page.
        let bytes = Array(try Data(contentsOf: url))
        for m in recorder.messages.prefix(200) {
            #expect(Fixtures.slice(bytes, m.origin).hasPrefix("<div class=\"pam _3-95 _2ph- _a6-g"))
        }
    }

    @Test func inspectJSONOfTheStreamIsByteForByteTheCollectedOne() throws {
        let dir = try Fixtures.tempDir()
        for (i, titleLast) in [false, true].enumerated() {
            let url = try Fixtures.write(
                Self.page(messages: 2_000, seed: i, titleLast: titleLast), to: dir.appendingPathComponent("\(i)/message_1.html"))
            let collected = try Inspector.inspect(path: url.path).json.serialized()
            var streamed: [UInt8] = []
            try Inspector.writeInspectJSON(path: url.path) { streamed += $0 }
            #expect(String(decoding: streamed, as: UTF8.self) == collected)
        }
    }

    /// Counts the blocks the parser has reported and where the last one started.
    final class Progress: HTMLEventHandler {
        var lastOffset: Int64 = 0
        var blocks = 0
        func startElement(_ name: String, attributes: HTMLAttributes, offset: Int64, tagLength: Int64) {
            if name == "h2" { blocks += 1 }
            lastOffset = offset
        }
        func endElement(_ name: String, end: Int64) {}
        func text(_ text: String) {}
    }

    /// libxml2 2.9's HTML push parser stopped parsing after about 1 MB of such a page and kept
    /// the rest in its buffer until the end of the input; the events must come as the page is fed.
    @Test func theParserReportsEventsWhileThePageIsFed() {
        let bytes = Array(Self.page(messages: 14_000).utf8)
        #expect(bytes.count > 4 * HTMLStreamParser.chunkSize * 4)
        let handler = Progress()
        var fed = 0
        var lagging: [(fed: Int, seen: Int64)] = []
        _ = HTMLStreamParser.parse(head: Array(bytes.prefix(4096)), handler: handler) { body in
            try bytes.withUnsafeBytes { raw in
                while fed < raw.count {
                    let n = min(HTMLStreamParser.chunkSize, raw.count - fed)
                    try body(UnsafeRawBufferPointer(rebasing: raw[fed..<(fed + n)]))
                    fed += n
                    // What was fed two chunks ago has been parsed.
                    if Int64(fed) - handler.lastOffset > Int64(2 * HTMLStreamParser.chunkSize) { lagging.append((fed, handler.lastOffset)) }
                }
            }
        }
        #expect(lagging.isEmpty, "parser behind the input: \(lagging.prefix(3))")
        #expect(handler.blocks == 14_000)
    }

    /// A page cut off in the middle of a message (an interrupted download): the file is kept,
    /// the records before the cut are there and point at their bytes, the cut is named.
    @Test func aPageCutOffInTheMiddleIsKeptWithTheRecordsBeforeTheCut() throws {
        let dir = try Fixtures.tempDir()
        let whole = Array(Self.page(messages: 3_000).utf8)
        let cut = Array(whole.prefix(whole.count / 2 + 17))
        let url = try Fixtures.write(cut, to: dir.appendingPathComponent("message_1.html"))
        let store = dir.appendingPathComponent("store").path
        let made = try BewaarBinary.run(["case", "new", "--store", store, "--by", "mentor", "--title", "Klas 2B", "--victim", "Sanne de Vries"])
        #expect(made.status == 0, "\(made.combined)")
        let caseID = try #require(made.stdout.split(separator: "\n").first.map(String.init))
        let r = try BewaarBinary.run(["ingest", "--store", store, "--by", "mentor", "--case", caseID, url.path])
        #expect(r.status == 0, "\(r.combined)")
        let inspected = try Fixtures.inspect(url)
        #expect(inspected.result.messages.count > 1_000 && inspected.result.messages.count < 2_000)
        #expect(r.stdout.contains("\(inspected.result.messages.count) berichten"), "\(r.stdout)")
        for m in inspected.result.messages.prefix(50) {
            #expect(Fixtures.slice(cut, m.origin).hasPrefix("<div class=\"pam _3-95 _2ph- _a6-g"))
        }
        let warning = try #require(inspected.result.warnings.first { $0.code == "meta-html-truncated" }, "\(inspected.result.warnings.map(\.code))")
        let last = try #require(inspected.result.messages.max { $0.origin.offset < $1.origin.offset })
        #expect(warning.message.contains("op byte \(last.origin.offset))"), "\(warning.message)")
        #expect(r.stdout.contains("houdt op midden in een bericht"), "\(r.stdout)")
    }

    /// A sink that fails half-way (the store refusing a write) stops the reading: the error
    /// comes back unchanged and no record after it is handed on.
    @Test func aSinkFailingHalfWayStopsTheReading() throws {
        struct Refused: Error {}
        final class Failing: RecordSink {
            var records = 0
            func begin(_ head: ImportResult) throws {}
            func record(_ message: Message) throws {
                records += 1
                if records == 500 { throw Refused() }
            }
        }
        let dir = try Fixtures.tempDir()
        let url = try Fixtures.write(Self.page(messages: 1_000), to: dir.appendingPathComponent("message_1.html"))
        let sink = Failing()
        #expect(throws: Refused.self) { try PlatformExportImporter().importFile(Self.source(url), context: Self.context(), records: sink) }
        #expect(sink.records == 500)
    }
}
