import Foundation
import Testing
import BewaarTestSupport
import BewaarModel
import BewaarImport
@testable import BewaarImportWhatsApp

/// A pupil's phone holds several exports; the mentor uploads them at once. Each member is bounded
/// on its own, and all zips of one upload together unpack at most the upload's budget (issue 19):
/// past it a member is left in its zip with a warning, and the zip itself is stored all the same.
@Suite struct UnpackBudgetTests {
    /// 900 000 bytes that deflate to a few KB: below the 1 MiB floor of the ratio check, so
    /// only the total bound stops them.
    static let video = Array(String(repeating: "pesterij ", count: 100_000).utf8)

    static func export(_ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try ZipFixture.write([
            .file("_chat.txt", Array((ChatZipTests.chat + "[14-11-2023 21:12:00] Daan Jansen: kijk \(name)\r\n").utf8)),
            .file("00000014-PHOTO-2023-11-14-21-08-00.jpg", ChatZipTests.photo),
            .file("00000020-VIDEO-2023-11-14-21-12-00.mp4", video),
        ], to: url)
        return url
    }

    static func read(_ url: URL, limits: ImportLimits) throws -> ImportResult {
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        return try WhatsAppImporter().importFile(ImportSource(path: url.path, name: url.lastPathComponent, size: size, sha256: nil),
                                                 context: ImportContext(sink: HashingSink(), limits: limits))
    }

    @Test func twoExportsShareOneBudgetAndTheSecondVideoStaysInItsZip() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.export("WhatsApp Chat - Klas 2B.zip", in: dir)
        let b = try Self.export("WhatsApp Chat - Voetbal.zip", in: dir)
        #expect(try FileManager.default.attributesOfItem(atPath: a.path)[.size] as? Int ?? .max < 50_000)
        var limits = ImportLimits()
        limits.unpackBudget = UnpackBudget(bytes: 1 << 20)

        let first = try Self.read(a, limits: limits)
        #expect(first.contained.count == 3)
        #expect(first.warnings("unpack-budget-spent").isEmpty)
        let second = try Self.read(b, limits: limits)
        // The chat text and the photo still fit; the video does not.
        #expect(second.messages.count == 6)
        #expect(second.contained.map(\.pathInParent) == ["_chat.txt", "00000014-PHOTO-2023-11-14-21-08-00.jpg"])
        let warning = try #require(second.warnings("unpack-budget-spent").first)
        #expect(warning.message.contains("00000020-VIDEO-2023-11-14-21-12-00.mp4"))
        #expect(warning.message.contains("WhatsApp Chat - Voetbal.zip"))
        #expect(warning.message.contains("ongewijzigd bewaard"))
        // Without a shared budget both are read whole.
        #expect(try Self.read(b, limits: ImportLimits()).contained.count == 3)
    }

    @Test func aChatTextPastTheBudgetIsNotCalledMissing() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.export("WhatsApp Chat - Klas 2B.zip", in: dir)
        var limits = ImportLimits()
        limits.unpackBudget = UnpackBudget(bytes: 10)
        let r = try Self.read(a, limits: limits)
        #expect(r.contained.isEmpty)
        #expect(r.warnings("unpack-budget-spent").count == 3)
        #expect(r.warnings("no-chat-text").isEmpty)
    }

    /// Through the built executable: `bewaar ingest` of two exports with a 1 MB budget keeps both
    /// originals; the second names the video it left in its zip; the store checks out.
    @Test func theMentorIngestsTwoExportsPastTheBudgetAndBothOriginalsAreKept() throws {
        let dir = try temporaryFolder()
        defer {
            if let subs = try? FileManager.default.subpathsOfDirectory(atPath: dir.path) { for s in subs { chmod(dir.path + "/" + s, 0o700) } }
            try? FileManager.default.removeItem(at: dir)
        }
        let a = try Self.export("WhatsApp Chat - Klas 2B.zip", in: dir)
        let b = try Self.export("WhatsApp Chat - Voetbal.zip", in: dir)
        let s = ["--store", dir.path + "/store", "--by", "J. Bakker"]
        let id = try BewaarBinary.run(["case", "new", "--title", "Pesten", "--victim", "Sanne de Vries"] + s)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ingest = try BewaarBinary.run(["ingest", "--case", id, "--max-unpacked-mb", "1", a.path, b.path] + s)
        #expect(ingest.status == 0, "\(ingest.combined)")
        let lines = ingest.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("Bewaard") }.count == 2, "\(ingest.stdout)")
        #expect(lines.contains { $0.hasPrefix("  ! ") && $0.contains("00000020-VIDEO") && $0.contains("Voetbal.zip") })
        let show = try BewaarBinary.run(["case", "show", id] + s)
        #expect(show.stdout.contains("WhatsApp Chat - Klas 2B.zip"))
        #expect(show.stdout.contains("WhatsApp Chat - Voetbal.zip"))
        let check = try BewaarBinary.run(["check"] + s)
        #expect(check.status == 0, "\(check.combined)")
    }
}
