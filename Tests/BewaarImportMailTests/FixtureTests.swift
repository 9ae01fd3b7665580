import Foundation
import Testing
import BewaarModel
import BewaarImport
@testable import BewaarImportMail

/// The hand-written messages in Fixtures/, one per shape a school meets.
@Suite struct FixtureTests {
    func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(name)))) }

    @Test func microsoft365SchoolAccount() throws {
        let r = try importMail(path: Fixtures.path("m365-schoolaccount.eml"))
        #expect(r.format == "email")
        #expect(r.warnings.isEmpty)
        #expect(r.messages.count == 1)
        let m = try #require(r.messages.first)
        let e = try #require(r.email)
        #expect(m.kind == .email)
        #expect(m.author == "Daan Jansen <d.jansen@voorbeeldcollege.example>")
        #expect(e["subject"]?.stringValue == "Verslag gesprek – mandag")
        #expect(m.timestamp?.rfc3339 == "2025-03-04T08:14:03Z")
        #expect(m.text.contains("één punt blijft open."))
        #expect(!m.text.contains("color:red"))
        #expect(e["to"]?.arrayValue?.count == 2)
        #expect(e["to"]?.arrayValue?[1]["name"]?.stringValue == "de Vries, Sanne")
        #expect(e["cc"]?.arrayValue?.first?["address"]?.stringValue == "mentor2b@voorbeeldcollege.example")
        #expect(e["inReplyTo"]?.stringValue == "<vraag-1234@voorbeeldcollege.example>")
        // The PDF: RFC 2231 name, size and hash over the base64-decoded bytes.
        let pdf = try bytes("attachment-verslag.bin")
        let a = try #require(m.attachments.first)
        #expect(a.name == "verslag gesprek één.pdf")
        #expect(a.size == Int64(pdf.count))
        #expect(a.sha256?.hex == sha256Hex(pdf))
        #expect(a.mediaType == "application/pdf")
        #expect(r.contained.contains { $0.sha256.hex == sha256Hex(pdf) })
        // HTML alternative kept as a part, not an attachment.
        #expect(e["htmlParts"]?.arrayValue?.count == 1)
        // Hops: IPv6 in parentheses; the Exchange build number in `id` is not an address.
        let hops = try #require(e["received"]?.arrayValue)
        #expect(hops.count == 2)
        #expect(hops[0]["ip"]?.stringValue == "2603:10a6:20b:2d4::19")
        #expect(hops[0]["with"]?.stringValue == "HTTPS")
        #expect(hops[1]["ip"]?.stringValue == "2603:10a6:10:231::8")
        #expect(hops[1]["id"]?.stringValue == "15.20.8489.25")
        #expect(hops[1]["with"]?.stringValue == "Microsoft SMTP Server")
        #expect(hops[1]["dateUtc"]?.stringValue == "2025-03-04T08:14:06Z")
        let auth = try #require(e["authentication"])
        #expect(auth["spf"]?.stringValue == "pass")
        #expect(auth["dmarc"]?.stringValue == "pass")
        #expect(auth["compauth"]?.stringValue == "pass")
        #expect(auth["dkimSignatures"]?.arrayValue?.first?["d"]?.stringValue == "voorbeeldcollege.example")
        #expect(auth["dkimSignatures"]?.arrayValue?.first?["s"]?.stringValue == "selector1")
        #expect(auth["arc"]?.arrayValue?.count == 2)
        let client = try #require(e["clientIps"]?.arrayValue?.first)
        #expect(client["header"]?.stringValue == "X-MS-Exchange-Organization-OriginalClientIPAddress")
        #expect(client["ips"]?.arrayValue?.first?.stringValue == "10.20.12.107")
        #expect(client["receivedAbove"]?.intValue == 2)
    }

    @Test func gmailSMTPFromHome() throws {
        let r = try importMail(path: Fixtures.path("gmail-smtp-thuis.eml"))
        let m = try #require(r.messages.first)
        let e = try #require(r.email)
        #expect(e["subject"]?.stringValue == "Waarom doe je zo gemeen? 😡")
        #expect(m.author == "Daan J. <daan.j.2009@gmail.example>")
        #expect(m.text == "Kijk maar naar de foto. Iedereen heeft hem al gezien 😡\n")
        #expect(m.timestamp?.utcOffsetSeconds == 3600)
        let png = try bytes("attachment-screenshot.bin")
        #expect(m.attachments.map(\.name) == ["IMG_20250304_091200.png"])
        #expect(m.attachments.first?.sha256?.hex == sha256Hex(png))
        let hops = try #require(e["received"]?.arrayValue)
        #expect(hops.count == 2)
        #expect(hops[0]["ip"] == .null)
        // The HELO literal is the LAN address; the recorded peer is the public one.
        #expect(hops[1]["from"]?.stringValue == "[192.168.178.23]")
        #expect(hops[1]["ip"]?.stringValue == "81.164.192.231")
        #expect(hops[1]["reverseName"]?.stringValue == "d51a4c0e7.access.example.net.")
        #expect(hops[1]["authenticated"] == .bool(true))
        #expect(hops[1]["date"]?.stringValue == "2025-03-04T00:14:04-08:00")
        #expect(hops[1]["dateUtc"]?.stringValue == "2025-03-04T08:14:04Z")
        // Topmost Authentication-Results gives the verdicts (not the ARC copy).
        #expect(e["authentication"]?["spf"]?.stringValue == "softfail")
        #expect(e["authentication"]?["receivedSpf"]?.arrayValue?.first?["result"]?.stringValue == "pass")
    }

    @Test func outlookComWithOriginatingIP() throws {
        let r = try importMail(path: Fixtures.path("outlook-com.eml"))
        let m = try #require(r.messages.first)
        let e = try #require(r.email)
        #expect(m.author == "Zoë de Vries <zoe.devries2009@outlook.example>")
        #expect(e["subject"]?.stringValue == "Re: afspraak mentoruur één uur later – niet vergeten")
        #expect(m.text.hasPrefix("Je bent echt zielig. Kost € 5 om"))
        let hops = try #require(e["received"]?.arrayValue)
        #expect(hops[1]["ip"]?.stringValue == "2a01:111:e400:7e1a::40")
        #expect(hops[1]["byIp"]?.stringValue == "2a01:111:e400:7e1b::201")
        #expect(hops[1]["via"]?.stringValue == "Frontend Transport")
        #expect(hops[1]["id"]?.stringValue == "15.20.8511.13")
        let ips = try #require(e["clientIps"]?.arrayValue)
        #expect(ips.map { $0["header"]?.stringValue } == ["X-Originating-IP", "X-Forefront-Antispam-Report"])
        #expect(ips.allSatisfy { $0["ips"]?.arrayValue?.first?.stringValue == "198.51.100.7" })
    }

    @Test func schoolPostfixRelayAndForwardedMessage() throws {
        let r = try importMail(path: Fixtures.path("postfix-school-doorgestuurd.eml"))
        #expect(r.messages.count == 2)
        let outer = r.messages[0]
        let e = try #require(outer.extra["email"])
        let hops = try #require(e["received"]?.arrayValue)
        #expect(hops.count == 8)
        func hop(_ k: Int, _ key: String) -> String? { hops[k][key]?.stringValue }
        #expect(hop(1, "ip") == "10.20.12.107")
        #expect(hop(1, "with") == "ESMTPSA")
        #expect(hops[1]["authenticated"] == .bool(true))
        #expect(hop(1, "date") == "2025-03-04T09:14:02+01:00")
        #expect(hop(2, "ip") == "2001:db8:4:12::42")
        // Exim: rDNS first, the HELO literal in the comment is not the address.
        #expect(hop(3, "ip") == "203.0.113.77")
        #expect(hop(3, "helo") == "[192.168.1.14]")
        #expect(hop(3, "with") == "esmtpsa")
        #expect(hop(3, "id") == "1tpQ7R-00AbCd-2x")
        // qmail: HELO in its own comment.
        #expect(hop(4, "ip") == "198.51.100.23")
        #expect(hop(4, "helo") == "desktop-7hq2")
        #expect(hops[5]["ip"] == .null)
        #expect(hop(5, "date") == "2025-03-04T08:14:00Z")
        #expect(hop(6, "ip") == "192.0.2.2")
        #expect(hop(6, "ipSource") == "bracket")
        #expect(hop(7, "date") == "2020-06-17T16:39:24Z")
        // The attached message: hashed as it stands in the part, and read as a record.
        let inner = try bytes("inner-forwarded.bin")
        let a = try #require(outer.attachments.first)
        #expect(a.name == "doorgestuurd.eml")
        #expect(a.mediaType == "message/rfc822")
        #expect(a.sha256?.hex == sha256Hex(Array(inner.dropLast())))
        let m2 = r.messages[1]
        #expect(m2.flags == ["attached-message"])
        #expect(m2.origin.part == "deel 2")
        #expect(m2.author == "Onbekend <anoniem123@mail.example>")
        #expect(m2.text == "Iedereen gaat het zien.")
        #expect(m2.attachments.map(\.name) == ["lijst.txt"])
        #expect(m2.attachments.first?.sha256?.hex == sha256Hex(Array("Lotte\nSanne".utf8)))
        // The inner record's origin points at its bytes in the file.
        let file = try bytes("postfix-school-doorgestuurd.eml")
        let cut = Array(file[Int(m2.origin.offset)..<Int(m2.origin.offset + m2.origin.length)])
        #expect(cut == Array(inner.dropLast()))
    }

    @Test func encodedDutchSubjectsAndParameters() throws {
        let r = try importMail(path: Fixtures.path("nederlandse-onderwerpen.eml"))
        let m = try #require(r.messages.first)
        let e = try #require(r.email)
        // A 4-byte emoji split over two B-words, plus a second charset.
        #expect(e["subject"]?.stringValue == "Waarom doe je zo gemeen? 😡 en € 10")
        #expect(m.author == "Jörg Müller <jorg@example.org>")
        #expect(e["to"]?.arrayValue?.first?["name"]?.stringValue == "Sanne de Vries")
        #expect(m.text == "Café om € 5, “echt”.")
        #expect(m.attachments.map(\.name) == ["bewijs deel één.txt", "prüfbericht.txt"])
        #expect(m.attachments[0].sha256?.hex == sha256Hex(Array("eerste bijlage".utf8)))
        #expect(m.attachments[1].sha256?.hex == sha256Hex(Array("tweede bijlage".utf8)))
        // Raw 8-bit header: windows-1252 with a warning naming the line.
        let raw = e["headers"]?.arrayValue?.first { $0["name"]?.stringValue == "X-Raw" }
        #expect(raw?["value"]?.stringValue == "café met € 5")
        #expect(r.warnings.contains { $0.code == "header-8bit" && $0.line == 5 })
        #expect(r.warnings.contains { $0.code == "base64-truncated" })
    }

    @Test func mboxWithThreeMessages() throws {
        let r = try importMail(path: Fixtures.path("drie-berichten.mbox"))
        #expect(r.extra["container"]?.stringValue == "mbox")
        #expect(r.messages.count == 3)
        #expect(r.messages.map(\.author) == ["Daan Jansen <daan@example.org>", "Lotte Visser <lotte@example.org>", "anoniem@mail.example"])
        #expect(r.messages[2].extra["email"]?["subject"]?.stringValue == "Derde …")
        // mboxrd un-escaping.
        #expect(r.messages[1].text == "Regel een\nFrom the start, echt.\n>From quoted\n")
        // Origins: consecutive byte ranges covering the file, each starting at its From line.
        let file = try bytes("drie-berichten.mbox")
        var next: Int64 = 0
        for m in r.messages {
            #expect(m.origin.offset == next)
            #expect(file[Int(m.origin.offset)..<Int(m.origin.offset) + 5] == ArraySlice("From ".utf8))
            next = m.origin.offset + m.origin.length
        }
        #expect(next == Int64(file.count))
        #expect(r.messages.map(\.origin.line) == [1, 10, 21])
    }

    @Test func recognition() throws {
        let eml = try bytes("gmail-smtp-thuis.eml")
        let probe = FileProbe(name: "x.txt", path: "", size: Int64(eml.count), head: eml)
        #expect((EmailImporter().recognise(probe)?.confidence ?? 0) >= 80)
        let mbox = try bytes("drie-berichten.mbox")
        #expect(EmailImporter().recognise(FileProbe(name: "Inbox", path: "", size: 0, head: mbox))?.confidence == 95)
        let text = Array("Hallo, dit is gewoon tekst.\nMet twee regels.\n".utf8)
        #expect(EmailImporter().recognise(FileProbe(name: "notitie.txt", path: "", size: 0, head: text)) == nil)
    }
}
