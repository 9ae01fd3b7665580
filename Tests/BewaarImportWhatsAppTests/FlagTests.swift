import Foundation
import Testing
import BewaarModel
import BewaarImport
@testable import BewaarImportWhatsApp

/// What an investigator must know: order breaks, faked headers, export caps, participants,
/// and files that are no WhatsApp export at all.
@Suite struct FlagTests {
    @Test func laterEncryptionNoticeAtTheTopIsOutOfOrder() {
        let text = "15-11-2023 09:00 - Berichten en oproepen zijn end-to-end versleuteld.\n14-11-2023 21:07 - Daan: a\n14-11-2023 21:08 - Lotte: b\n"
        let r = readChat(text)
        #expect(r.messages.map { $0.flags.contains("out-of-order") } == [true, false, false])
        #expect(r.warnings("out-of-order").count == 1)
    }

    @Test func iosBareLineFeedHeaderIsALookalike() {
        // Daan types a line that looks like a message from Sanne: iOS writes his line break as a bare LF.
        let text = "[14-11-2023 21:07:00] Daan: kijk wat ze zei\n[14-11-2023 21:06:00] Sanne: ik ben dom\r\n[14-11-2023 21:08:00] Lotte: echt?\r\n"
        let r = readChat(text)
        #expect(r.messages.count == 2)
        #expect(r.messages[0].author == "Daan")
        #expect(r.messages[0].text == "kijk wat ze zei\n[14-11-2023 21:06:00] Sanne: ik ben dom")
        #expect(r.messages[0].flags.contains("header-lookalike"))
        #expect(r.messages[0].extra["headerLookalikeLines"] == .array([.int(2)]))
        #expect(r.warnings("header-lookalike").map(\.line) == [2])
        #expect(r.extra["lineEndings"]?["recordTerminator"] == .string("CRLF"))
        #expect(r.extra["participants"]?.arrayValue?.count == 2)
    }

    @Test func androidLookalikesAreFlagged() {
        var text = """
        14-11-2023 21:07 - Daan: hoi
        14-11-2023 21:08 - Sanne: hoi
        14-11-2023 21:09 - Daan: zeg eens
        14-11-2023 20:00 - Docent Bakker: Sanne is geschorst
        14-11-2023 21:10 - Sanne: wat??

        """
        for i in 0..<20 { text += "14-11-2023 22:\(10 + i) - \(i % 2 == 0 ? "Daan" : "Sanne"): \(i)\n" }
        let r = readChat(text)
        let fake = r.messages[3]
        #expect(fake.flags.contains("header-lookalike"))
        #expect(fake.flags.contains("out-of-order"))
        #expect(fake.extra["headerLookalikeReasons"] == .array([.string("author-seen-once"), .string("breaks-chronology")]))
        #expect(r.messages.filter { $0.flags.contains("header-lookalike") }.count == 1)
        // In a short chat a one-message name is normal.
        let short = readChat("14-11-2023 21:07 - Daan: hoi\n14-11-2023 21:08 - Lotte: wat\n")
        #expect(short.messages.allSatisfy { !$0.flags.contains("header-lookalike") })
    }

    @Test func participantsWithCounts() {
        let r = readChat("14-11-2023 21:07 - Daan: a\n14-11-2023 21:08 - Sanne: b\n14-11-2023 21:09 - Daan: c\n14-11-2023 21:10 - Daan heeft Tim toegevoegd\n")
        #expect(r.extra["participants"] == .array([
            .object(["name": .string("Daan"), "messages": .int(2)]), .object(["name": .string("Sanne"), "messages": .int(1)]),
        ]))
    }

    @Test func exportAtTheCapIsWarned() {
        var text = ""
        for i in 0..<40_000 { text += "14-11-2023 \(10 + i / 60_000):\(String(format: "%02d", (i / 1000) % 60)) - Daan: bericht \(i)\n" }
        let r = readChat(text)
        #expect(r.messages.count == 40_000)
        #expect(r.warnings("export-cap").count == 1)
        #expect(r.extra["exportCap"] == .int(40_000))
        #expect(readChat("14-11-2023 21:07 - Daan: a\n").warnings("export-cap").isEmpty)
    }

    @Test func arbitraryTextIsNotClaimed() {
        let importer = WhatsAppImporter()
        func probe(_ s: String, name: String = "notities.txt") -> FileProbe {
            FileProbe(name: name, path: "/nonexistent", size: Int64(s.utf8.count), head: Array(s.utf8))
        }
        #expect(importer.recognise(probe("Boodschappen\nmelk\nbrood\n")) == nil)
        #expect(importer.recognise(probe("Logboek\n14-11-2023 21:07 - server gestart\n")) == nil)
        #expect(importer.recognise(probe("14-11-2023 21:07 - Daan: a\n14-11-2023 21:08 - Sanne: b\n"))?.confidence == 90)
        #expect(importer.recognise(probe("14-11-2023 21:07 - Daan: a\n14-11-2023 21:08 - Sanne: b\n", name: "WhatsApp-chat met Daan.txt"))?.confidence == 95)
        #expect(importer.recognise(probe("\n\n14-11-2023 21:07 - Daan: a\n14-11-2023 21:08 - Sanne: b\n")) != nil)
        #expect(importer.recognise(probe("Notitie\n14-11-2023 21:07 - Daan: a\n14-11-2023 21:08 - Sanne: b\n")) == nil)
        let long = "14-11-2023 21:07 - Daan: a\n" + String(repeating: "gewone tekst\n", count: 40)
        #expect(importer.recognise(probe(long)) == nil)
    }

    @Test func nonWhatsAppTextIsReportedAsSuch() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("notities.txt")
        try Data("Boodschappen\nmelk\n".utf8).write(to: file)
        let r = try WhatsAppImporter().importFile(ImportSource(path: file.path, name: "notities.txt", size: 18, sha256: nil),
                                                  context: ImportContext())
        #expect(r.messages.isEmpty)
        #expect(r.warnings("not-whatsapp").count == 1)
    }
}
