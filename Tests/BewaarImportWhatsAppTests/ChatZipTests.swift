import Foundation
import Testing
import BewaarModel
import BewaarDigest
import BewaarImport
@testable import BewaarImportWhatsApp

/// A pupil brings the iPhone export as a zip: chat text plus photos. Every member is kept as its
/// own original and linked to the message that names it; hostile zips are refused member by member.
@Suite struct ChatZipTests {
    static let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 300)
    static let voice: [UInt8] = Array("OggS voice note".utf8)
    static let chat = "[14-11-2023 21:07:45] Klas 2B: \u{200E}Berichten en oproepen zijn end-to-end versleuteld.\r\n"
        + "[14-11-2023 21:08:00] Daan Jansen: \u{200E}<bijgevoegd: 00000014-PHOTO-2023-11-14-21-08-00.jpg>\r\n"
        + "[14-11-2023 21:09:00] Daan Jansen: \u{200E}<bijgevoegd: 00000015-AUDIO-2023-11-14-21-09-00.opus>\r\n"
        + "[14-11-2023 21:10:00] Lotte Visser: \u{200E}<bijgevoegd: 00000016-PHOTO-2023-11-14-21-10-00.jpg>\r\n"
        + "[14-11-2023 21:11:00] Sanne de Vries: stop hiermee\r\n"

    func importZip(_ members: [ZipFixture.Member], name: String = "WhatsApp Chat - Klas 2B.zip") throws -> (ImportResult, HashingSink, URL) {
        let dir = try temporaryFolder()
        let url = dir.appendingPathComponent(name)
        try ZipFixture.write(members, to: url)
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        let sink = HashingSink()
        let r = try WhatsAppImporter().importFile(ImportSource(path: url.path, name: name, size: size, sha256: nil),
                                                  context: ImportContext(sink: sink))
        return (r, sink, dir)
    }

    @Test func iosZipLinksMediaByNameSizeAndHash() throws {
        let (r, sink, dir) = try importZip([
            .file("_chat.txt", Array(Self.chat.utf8)),
            .file("00000014-PHOTO-2023-11-14-21-08-00.jpg", Self.photo, deflate: false),
            .file("00000015-AUDIO-2023-11-14-21-09-00.opus", Self.voice),
            .file("00000099-PHOTO-2023-11-14-22-00-00.jpg", [1, 2, 3]),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.format == "whatsapp")
        #expect(r.mediaType == "application/zip")
        #expect(r.messages.count == 5)
        #expect(r.messages[0].kind == .system)
        #expect(r.messages.allSatisfy { $0.origin.part == "_chat.txt" })
        // Every member, the chat text too, is a contained original.
        #expect(r.contained.map(\.pathInParent) == ["_chat.txt", "00000014-PHOTO-2023-11-14-21-08-00.jpg",
                                                   "00000015-AUDIO-2023-11-14-21-09-00.opus", "00000099-PHOTO-2023-11-14-22-00-00.jpg"])
        #expect(sink.kept == r.contained)
        let photo = r.messages[1].attachments[0]
        #expect(photo.name == "00000014-PHOTO-2023-11-14-21-08-00.jpg")
        #expect(photo.size == Int64(Self.photo.count))
        var h = StreamingSHA256()
        Self.photo.withUnsafeBytes { h.update($0) }
        #expect(photo.sha256 == h.finalize())
        #expect(r.messages[2].attachments[0].size == Int64(Self.voice.count))
        // Named but missing: a warning naming the file, and a flag on the message.
        #expect(r.messages[3].flags.contains("media-missing"))
        #expect(r.warnings("media-missing").count == 1)
        #expect(r.warnings("media-missing")[0].message.contains("00000016-PHOTO-2023-11-14-21-10-00.jpg"))
        // In the zip but named by no message.
        #expect(r.warnings("media-unreferenced").map(\.message).contains { $0.contains("00000099-PHOTO") })
        #expect(r.extra["chatText"]?["path"] == .string("_chat.txt"))
    }

    @Test func androidZipWithDutchName() throws {
        let text = "14-11-2023 21:07 - Daan Jansen: \u{200E}IMG-20231114-WA0007.jpg (bestand bijgevoegd)\n14-11-2023 21:08 - Lotte Visser: wat is dit\n"
        let (r, _, dir) = try importZip([
            .directory("media/"),
            .file("WhatsApp-chat met Klas 2B.txt", Array(text.utf8)),
            .file("IMG-20231114-WA0007.jpg", Self.photo),
        ], name: "WhatsApp-chat met Klas 2B.zip")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.messages.count == 2)
        #expect(r.messages[0].attachments[0].size == Int64(Self.photo.count))
        #expect(r.warnings("media-missing").isEmpty)
        #expect(r.warnings("media-unreferenced").isEmpty)
    }

    @Test func hostileMembersAreRefusedWithWarnings() throws {
        let zeros = [UInt8](repeating: 0, count: 4 << 20)
        let (r, sink, dir) = try importZip([
            .file("_chat.txt", Array(Self.chat.utf8)),
            .file("../../etc/cron.d/evil", Array("x".utf8)),
            .file("/tmp/absolute.txt", Array("x".utf8)),
            .symlink("link-to-passwd", target: "/etc/passwd"),
            .file("bom.bin", zeros),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.messages.count == 5)
        #expect(r.warnings("zip-path-traversal").count == 1)
        #expect(r.warnings("zip-absolute-path").count == 1)
        #expect(r.warnings("zip-symlink").count == 1)
        #expect(r.warnings("zip-compression-ratio").count == 1)
        #expect(sink.kept.map(\.pathInParent) == ["_chat.txt"])
        // Nothing was written next to the zip.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["WhatsApp Chat - Klas 2B.zip"])
    }

    @Test func tooManyMembersAreCut() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("WhatsApp Chat - A.zip")
        try ZipFixture.write([.file("_chat.txt", Array(Self.chat.utf8))] + (0..<5).map { .file("f\($0).jpg", [UInt8($0)]) }, to: url)
        var limits = ImportLimits()
        limits.maxMembers = 3
        let r = try WhatsAppImporter().importFile(ImportSource(path: url.path, name: "a.zip", size: 1, sha256: nil),
                                                  context: ImportContext(limits: limits))
        #expect(r.warnings("zip-too-many-members").count == 1)
        #expect(r.contained.count == 3)
    }

    @Test func truncatedZipIsAClearError() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("WhatsApp Chat - Klas 2B.zip")
        try ZipFixture.write([.file("_chat.txt", Array(Self.chat.utf8)), .file("a.jpg", Self.photo)], to: url)
        let whole = try Data(contentsOf: url)
        try whole.prefix(whole.count / 2).write(to: url)
        #expect {
            _ = try WhatsAppImporter().importFile(ImportSource(path: url.path, name: "x.zip", size: Int64(whole.count / 2), sha256: nil),
                                                  context: ImportContext())
        } throws: { error in
            (error as? WhatsAppError)?.errorDescription?.contains("beschadigd of onvolledig") == true
        }
    }

    @Test func recognisesWhatsAppZipsOnly() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chatZip = dir.appendingPathComponent("export.zip")
        try ZipFixture.write([.file("_chat.txt", Array(Self.chat.utf8))], to: chatZip)
        let other = dir.appendingPathComponent("other.zip")
        try ZipFixture.write([.file("readme.txt", Array("Hallo\nwereld\n".utf8)), .file("a.jpg", Self.photo)], to: other)
        let single = dir.appendingPathComponent("single.zip")
        try ZipFixture.write([.file("gesprek.txt", Array(Self.chat.utf8))], to: single)
        func probe(_ u: URL) throws -> FileProbe {
            try FileProbe(path: u.path, name: u.lastPathComponent, size: 0, isDirectory: false)
        }
        #expect(WhatsAppImporter().recognise(try probe(chatZip))?.confidence == 95)
        #expect(WhatsAppImporter().recognise(try probe(other)) == nil)
        #expect(WhatsAppImporter().recognise(try probe(single)) != nil)
    }
}
