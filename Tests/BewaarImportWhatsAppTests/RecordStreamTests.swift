import Foundation
import Testing
import BewaarModel
import BewaarJSON
import BewaarImport
import BewaarKit
@testable import BewaarImportWhatsApp

/// The streaming `inspect --json` path (records handed on one by one, file-wide checks with
/// small state) gives exactly the bytes of the collecting path.
@Suite struct RecordStreamTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// (collected, streamed) JSON of the file at `path`.
    static func both(_ path: String, order: String? = nil) throws -> (String, String) {
        let options = ReadOptions(dateOrder: order)
        let collected = try Inspector.inspect(path: path, options: options).json.serialized()
        var streamed: [UInt8] = []
        try Inspector.writeInspectJSON(path: path, options: options) { streamed += $0 }
        return (collected, String(decoding: streamed, as: UTF8.self))
    }

    static func write(_ text: String, name: String = "WhatsApp-chat met Klas 2B.txt", in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A deterministic generator (SplitMix64) for the random chats.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// An Android chat whose clock jumps back and forth, with impossible dates (no time) and
    /// platform lines, so out-of-order spikes, first-record flags and look-alikes occur.
    static func randomChat(seed: UInt64, records: Int, names: [String]) -> String {
        var rng = Mix(state: seed)
        var minute = 600
        var text = ""
        for i in 0..<records {
            let roll = Int.random(in: 0..<100, using: &rng)
            switch roll {
            case 0..<8: minute -= Int.random(in: 1...90, using: &rng)
            case 8..<14: minute += Int.random(in: 60...300, using: &rng)
            default: minute += Int.random(in: 0...3, using: &rng)
            }
            let h = (minute / 60) % 24, m = minute % 60
            let day = 10 + minute / 1440
            let date = roll == 99 ? "31-02-2023" : String(format: "%02d-11-2023", day)
            let head = "\(date) \(String(format: "%02d:%02d", h, m)) - "
            let name = names[Int.random(in: 0..<names.count, using: &rng)]
            if roll >= 90 && roll < 95 {
                text += head + "\(name) heeft de groep verlaten\n"
            } else if roll == 95 {
                text += head + "\(name): regel een\nregel twee \(i)\n"
            } else {
                text += head + "\(name): bericht \(i) 😂\n"
            }
        }
        return text
    }

    @Test func samplesGiveTheSameBytes() throws {
        let dir = Self.packageRoot.appendingPathComponent("samples/evidence")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.count >= 4)
        for f in files {
            let (collected, streamed) = try Self.both(dir.appendingPathComponent(f).path)
            #expect(streamed == collected, "\(f)")
        }
    }

    @Test func randomAndroidChatsGiveTheSameBytes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser", "+31 6 12345001"]
        var sawOutOfOrder = false, sawLookalike = false
        for seed in UInt64(1)...40 {
            let text = Self.randomChat(seed: seed, records: Int(seed % 7) * 40 + 3, names: names)
            let path = try Self.write(text, in: dir)
            let (collected, streamed) = try Self.both(path)
            #expect(streamed == collected, "seed \(seed)")
            sawOutOfOrder = sawOutOfOrder || collected.contains("\"out-of-order\"")
            sawLookalike = sawLookalike || collected.contains("breaks-chronology")
        }
        // The cases the queue must get right did occur.
        #expect(sawOutOfOrder)
        #expect(sawLookalike)
    }

    @Test func firstRecordLaterAndUntimedRecordsBetween() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = """
        14-11-2023 23:59 - Berichten en oproepen zijn end-to-end versleuteld.
        31-02-2023 10:00 - Sanne de Vries: geen tijd
        14-11-2023 10:00 - Sanne de Vries: een
        14-11-2023 12:00 - Daan Jansen: piek
        31-02-2023 10:00 - Daan Jansen: geen tijd
        14-11-2023 10:05 - Sanne de Vries: twee
        14-11-2023 09:00 - Daan Jansen: terug
        14-11-2023 10:10 - Sanne de Vries: drie

        """
        let path = try Self.write(text, in: dir)
        let (collected, streamed) = try Self.both(path)
        #expect(streamed == collected)
        // Three flags (the later first record, "twee", "terug") and the warning's code.
        #expect(collected.components(separatedBy: "\"out-of-order\"").count - 1 == 4)
    }

    @Test func onceAuthorAndIOSUseTheCollectingRuleWithTheSameBytes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var android = ""
        for i in 0..<24 { android += "14-11-2023 10:\(String(format: "%02d", i)) - \(i % 2 == 0 ? "Sanne de Vries" : "Daan Jansen"): bericht \(i)\n" }
        android += "14-11-2023 10:30 - Lotte Visser: ik schreef maar één keer\n"
        var (collected, streamed) = try Self.both(try Self.write(android, in: dir))
        #expect(streamed == collected)
        #expect(collected.contains("author-seen-once"))

        let ios = "[14-11-2023 10:00:00] Klas 2B: \u{200E}Sanne de Vries heeft de groep aangemaakt\r\n[14-11-2023 10:01:00] Klas 2B: \u{200E}Berichten zijn versleuteld\r\n[14-11-2023 10:02:00] Sanne de Vries: hoi\nDaan\r\n"
        (collected, streamed) = try Self.both(try Self.write(ios, name: "_chat.txt", in: dir))
        #expect(streamed == collected)
        #expect(collected.contains("\"platform\":\"ios\""))
    }

    @Test func emptyAndForeignFilesGiveTheSameBytes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in [("leeg.txt", ""), ("WhatsApp-notities.txt", "geen chat\nhelemaal niet\n"),
                             ("WhatsApp-chat cap.txt", String(repeating: "14-11-2023 10:00 - Sanne de Vries: x\n", count: 9_950))] {
            let (collected, streamed) = try Self.both(try Self.write(text, name: name, in: dir))
            #expect(streamed == collected, "\(name)")
        }
    }

    @Test func zipGivesTheSameBytes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zip = dir.appendingPathComponent("WhatsApp Chat - Klas 2B.zip")
        try ZipFixture.write([.file("_chat.txt", Array(ChatZipTests.chat.utf8)), .file("00000014-PHOTO-2023-11-14-21-08-00.jpg", ChatZipTests.photo)], to: zip)
        let (collected, streamed) = try Self.both(zip.path)
        #expect(streamed == collected)
        #expect(collected.contains("\"contained\""))
    }

    /// Enough records for many batches of the JSON writer thread, with invalid UTF-8 in texts
    /// and in one author's name (those records are written through the string fallback).
    @Test func longChatsOnTheWriterThreadGiveTheSameBytes() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser", "+31 6 12345002"]
        var bytes = Array(Self.randomChat(seed: 7, records: JSONPipeline.batchSize * (JSONPipeline.depth + 4) + 17, names: names).utf8)
        // A stray Latin-1 byte in some texts and an author written in Latin-1.
        var i = 0, broken = 0
        while let r = bytes[i...].firstIndex(of: 0x0A) {
            if r % 97 == 0, r > 2 { bytes[r - 1] = 0xE9; broken += 1 }
            i = r + 1
        }
        bytes += Array("14-11-2023 23:50 - Ren".utf8) + [0xE9] + Array(": hoi\n".utf8)
        let path = dir.appendingPathComponent("WhatsApp-chat met Klas 2B.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (collected, streamed) = try Self.both(path)
        #expect(broken > 10)
        #expect(streamed == collected)
        #expect(collected.contains("\"invalid-utf8\""))
        #expect(collected.contains("Ren\u{FFFD}"))
    }

    /// A sink that fails (a closed pipe) stops the reading with that error, without hanging.
    @Test func aFailingSinkStopsTheStream() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Self.randomChat(seed: 3, records: JSONPipeline.batchSize * 12, names: ["Sanne de Vries", "Daan Jansen"])
        let path = try Self.write(text, in: dir)
        struct Closed: Error {}
        final class FailingSink: RecordJSONSink {
            var written = 0
            func begin(_ head: ImportResult) throws {}
            func record(_ message: Message) throws { Issue.record("the JSON path was not taken") }
            func record(writing write: (inout [UInt8]) -> Void) throws {
                var out: [UInt8] = []
                write(&out)
                written += 1
                if written == JSONPipeline.batchSize * 2 + 5 { throw Closed() }
            }
        }
        let sink = FailingSink()
        let size = Int64(text.utf8.count)
        let context = ImportContext(timeZone: TimeZone(identifier: "Europe/Amsterdam")!, dateOrder: nil, sink: HashingSink())
        #expect(throws: Closed.self) {
            _ = try WhatsAppImporter().importFile(ImportSource(path: path, name: "WhatsApp-chat met Klas 2B.txt", size: size, sha256: nil),
                                                  context: context, records: sink)
        }
        #expect(sink.written == JSONPipeline.batchSize * 2 + 5)
    }
}
