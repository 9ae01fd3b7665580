import Foundation
import Testing
import BewaarModel
import BewaarImport
@testable import BewaarImportMail

@Suite struct OutlookMessageTests {
    static let headers = """
    Received: from AM9PR07MB7251.eurprd07.prod.outlook.com (2603:10a6:20b:2d4::19) by
     DB9PR07MB8821.eurprd07.prod.outlook.com with HTTPS; Tue, 4 Mar 2025 08:14:07 +0000
    Received: from ws-lok12-07.leerling.school.example.nl (ws-lok12-07.leerling.school.example.nl [10.20.12.107])
    \tby smtp1.school.example.nl (Postfix) with ESMTPSA id 4Z6QmK0c1Fz9sWq; Tue,  4 Mar 2025 09:14:02 +0100 (CET)
    Authentication-Results: spf=fail smtp.mailfrom=school.example.nl; dkim=none; dmarc=fail action=quarantine header.from=school.example.nl
    X-MS-Exchange-Organization-OriginalClientIPAddress: 10.20.12.107
    From: Daan Jansen <d.jansen@school.example.nl>
    To: Sanne de Vries <s.devries@school.example.nl>
    Subject: =?utf-8?Q?Jij_hoort_er_niet_bij_=F0=9F=98=A1?=
    Date: Tue, 4 Mar 2025 09:14:00 +0100
    Message-ID: <msg-1@school.example.nl>
    MIME-Version: 1.0
    Content-Type: multipart/mixed; boundary="x"

    """

    func sample(withHeaders: Bool) -> MsgBuilder {
        var m = MsgBuilder()
        m.strings[OutlookMessage.subject] = "Jij hoort er niet bij 😡"
        m.strings[OutlookMessage.senderName] = "Daan Jansen"
        m.strings[OutlookMessage.senderSMTP] = "d.jansen@school.example.nl"
        m.strings[OutlookMessage.body] = "Niemand wil met je in het groepje.\r\nDaan"
        m.strings[OutlookMessage.internetMessageID] = "<msg-1@school.example.nl>"
        if withHeaders { m.strings[OutlookMessage.transportHeaders] = OutlookMessageTests.headers }
        m.binaries[OutlookMessage.html] = Array("<p>Niemand wil met je in het groepje.</p>".utf8)
        m.times[OutlookMessage.clientSubmitTime] = MsgBuilder.filetime(1_741_076_040) // 2025-03-04T08:14:00Z
        m.recipients = [("Sanne de Vries", "s.devries@school.example.nl", 1), ("Mentor 2B", "mentor2b@school.example.nl", 2)]
        m.attachments = [("lijst.txt", "text/plain", Array("Lotte\nSanne\n".utf8)),
                         ("foto.jpg", "image/jpeg", (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) })]
        var inner = MsgBuilder()
        inner.strings[OutlookMessage.subject] = "Doorgestuurd: groepje"
        inner.strings[OutlookMessage.senderName] = "Lotte Visser"
        inner.strings[OutlookMessage.senderSMTP] = "l.visser@school.example.nl"
        inner.strings[OutlookMessage.body] = "Zeg het maar tegen niemand."
        m.embedded = [("Doorgestuurd: groepje", MsgBuilder.Boxed(inner))]
        return m
    }

    @Test func compoundFileRoundTrip() throws {
        let big = (0..<10_000).map { UInt8(truncatingIfNeeded: $0) }
        let file = CompoundFileWriter.write([.stream("klein", Array("hallo".utf8)), .storage("map", [.stream("groot", big)])])
        try file.withUnsafeBufferPointer { b in
            let cf = try CompoundFile(b)
            let kids = cf.children(of: 0).map { cf.entries[$0].name }
            #expect(Set(kids) == ["klein", "map"])
            let klein = try #require(cf.child(0, named: "klein"))
            #expect(cf.read(klein) == Array("hallo".utf8))
            let map = try #require(cf.child(0, named: "MAP"))
            let groot = try #require(cf.child(map, named: "groot"))
            #expect(cf.read(groot) == big)
        }
    }

    @Test func msgWithTransportHeaders() throws {
        let r = try importMail(bytes: sample(withHeaders: true).file(), name: "bericht.msg")
        #expect(r.extra["container"]?.stringValue == "msg")
        #expect(r.mediaType == "application/vnd.ms-outlook")
        #expect(r.messages.count == 2)
        let m = r.messages[0]
        let e = try #require(m.extra["email"])
        #expect(e["subject"]?.stringValue == "Jij hoort er niet bij 😡")
        #expect(m.author == "Daan Jansen <d.jansen@school.example.nl>")
        #expect(m.text == "Niemand wil met je in het groepje.\r\nDaan")
        #expect(m.timestamp?.rfc3339 == "2025-03-04T09:14:00+01:00")
        #expect(e["transportHeaders"] == .bool(true))
        let hops = try #require(e["received"]?.arrayValue)
        #expect(hops.count == 2)
        #expect(hops[1]["ip"]?.stringValue == "10.20.12.107")
        #expect(hops[1]["authenticated"] == .bool(true))
        #expect(e["authentication"]?["spf"]?.stringValue == "fail")
        #expect(e["clientIps"]?.arrayValue?.first?["ips"]?.arrayValue?.first?.stringValue == "10.20.12.107")
        #expect(m.attachments.map(\.name) == ["lijst.txt", "foto.jpg", "Doorgestuurd: groepje"])
        #expect(m.attachments[0].sha256?.hex == sha256Hex(Array("Lotte\nSanne\n".utf8)))
        #expect(m.attachments[1].size == 5000)
        #expect(m.attachments[1].sha256?.hex == sha256Hex((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        #expect(e["htmlParts"]?.arrayValue?.count == 1)
        let inner = r.messages[1]
        #expect(inner.flags == ["attached-message"])
        #expect(inner.author == "Lotte Visser <l.visser@school.example.nl>")
        #expect(inner.text == "Zeg het maar tegen niemand.")
    }

    @Test func sentItemWithoutTransportHeaders() throws {
        let r = try importMail(bytes: sample(withHeaders: false).file(), name: "verzonden.msg")
        let m = try #require(r.messages.first)
        let e = try #require(m.extra["email"])
        #expect(e["received"]?.arrayValue?.isEmpty == true)
        #expect(e["transportHeaders"] == .bool(false))
        #expect(m.timestamp?.rfc3339 == "2025-03-04T08:14:00Z")
        #expect(e["to"]?.arrayValue?.first?["address"]?.stringValue == "s.devries@school.example.nl")
        #expect(e["cc"]?.arrayValue?.first?["name"]?.stringValue == "Mentor 2B")
        #expect(e["messageId"]?.stringValue == "<msg-1@school.example.nl>")
    }

    @Test func recognisedAndBrokenFilesSurvive() throws {
        let file = sample(withHeaders: true).file()
        let probe = FileProbe(name: "bericht.msg", path: "", size: Int64(file.count), head: Array(file.prefix(FileProbe.headLength)))
        #expect(EmailImporter().recognise(probe)?.confidence == 95)
        // Every truncation and a few corruptions: no crash, no hang.
        for cut in stride(from: 0, to: file.count, by: 97) {
            _ = try? importMail(bytes: Array(file.prefix(cut)), name: "kapot.msg")
        }
        var corrupt = file
        for k in stride(from: 0x4C, to: corrupt.count, by: 131) { corrupt[k] ^= 0x5A }
        _ = try? importMail(bytes: corrupt, name: "kapot.msg")
        var loop = file
        // Point the first FAT entry of the directory chain at itself.
        loop[512 + 4] = 1; loop[512 + 5] = 0; loop[512 + 6] = 0; loop[512 + 7] = 0
        _ = try? importMail(bytes: loop, name: "lus.msg")
    }
}
