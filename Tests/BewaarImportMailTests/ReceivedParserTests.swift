import BewaarModel
import Testing
@testable import BewaarImportMail

@Suite struct ReceivedParserTests {
    func p(_ s: String) -> ReceivedHop { ReceivedParser.parse(s) }

    @Test func postfixAuthenticatedWorkstation() {
        let h = p("from ws-lok12-07.leerling.school.example.nl (ws-lok12-07.leerling.school.example.nl [10.20.12.107]) by smtp1.school.example.nl (Postfix) with ESMTPSA id 4Z6QmK0c1Fz9sWq for <ouders@example.net>; Tue,  4 Mar 2025 09:14:02 +0100 (CET)")
        #expect(h.from == "ws-lok12-07.leerling.school.example.nl")
        #expect(h.reverseName == "ws-lok12-07.leerling.school.example.nl")
        #expect(h.ip == "10.20.12.107")
        #expect(h.by == "smtp1.school.example.nl")
        #expect(h.with == "ESMTPSA")
        #expect(h.authenticated)
        #expect(h.id == "4Z6QmK0c1Fz9sWq")
        #expect(h.for == "ouders@example.net")
        #expect(h.date?.rfc3339 == "2025-03-04T09:14:02+01:00")
    }

    @Test func exchangeBuildNumberIsNotAnAddress() {
        let h = p("from EXCH01.school.local (10.0.0.25) by EXCH02.school.local (10.0.0.26) with Microsoft SMTP Server (TLS) id 15.2.1544.4 via Mailbox Transport; Tue, 4 Mar 2025 09:13:59 +0100")
        #expect(h.ip == "10.0.0.25")
        #expect(h.byIP == "10.0.0.26")
        #expect(h.id == "15.2.1544.4")
        #expect(h.via == "Mailbox Transport")
        let noPeer = p("from mailbox.example by mx.example with Microsoft SMTP Server id 15.20.8489.25; Tue, 4 Mar 2025 09:13:59 +0100")
        #expect(noPeer.ip == nil)
    }

    @Test func heloLiteralIsNeverTheAddress() {
        let gmail = p("from [192.168.178.23] (d51a4c0e7.access.example.net. [81.164.192.231]) by smtp.gmail.com with ESMTPSA id x; Tue, 04 Mar 2025 00:14:04 -0800 (PST)")
        #expect(gmail.ip == "81.164.192.231")
        #expect(gmail.helo == "[192.168.178.23]")
        let exim = p("from [198.51.100.9] (port=51234 helo=laptop) by mx.example.org with esmtp (Exim 4.96) id 1abc; Tue, 04 Mar 2025 09:14:01 +0100")
        #expect(exim.ip == "198.51.100.9")
        #expect(exim.ipSource == "first-token")
        #expect(exim.port == 51234)
        #expect(exim.helo == "laptop")
        let mapped = p("from ?IPv6:::ffff:192.168.1.5? (dsl.example.net [91.40.1.2]) by mx.example with ESMTP; 4 Mar 2025 08:00:00 +0000")
        #expect(mapped.ip == "91.40.1.2")
        let sendmail = p("from pc042.example.nl (pc042.example.nl [198.51.100.42] (may be forged)) by relay.example.nl (8.17.1/8.17.1) with ESMTP id 5248E0xY012345; Tue, 4 Mar 2025 09:14:00 +0100")
        #expect(sendmail.ip == "198.51.100.42")
        #expect(sendmail.by == "relay.example.nl")
    }

    @Test func ipv6AndVersionStrings() {
        let h = p("from host.example (unknown [IPv6:2001:DB8:4:12::42]) by mx.example.nl (Postfix) with ESMTPS id 1; Tue, 4 Mar 2025 09:13:59 +0100")
        #expect(h.ip == "2001:db8:4:12::42")
        #expect(h.reverseName == nil)
        let scanner = p("from 198.51.100.20 by mail.example.cn (envelope-from <a@example.cn>, uid 0) with qmail-scanner-1.24 (clamdscan: 0.88.4. Clear:RC:0(198.51.100.20):.); 4 Mar 2025 08:14:00 -0000")
        #expect(scanner.ip == "198.51.100.20")
        #expect(scanner.with == "qmail-scanner-1.24")
        let fetch = p("from mail.example.org [192.0.2.44] by laptop with POP3 (fetchmail-6.2.5.2) for <x@example.org> (single-drop); Tue, 4 Mar 2025 09:13:59 +0100")
        #expect(fetch.ip == "192.0.2.44")
    }

    @Test func missingSemicolonAndCommentOnlyLines() {
        let sg = p("by filter0948p1iad2.sendgrid.example with SMTP id filter0948-19514 2020-06-17 16:39:24.757 +0000 UTC")
        #expect(sg.by == "filter0948p1iad2.sendgrid.example")
        #expect(sg.id == "filter0948-19514")
        #expect(sg.date?.rfc3339 == "2020-06-17T16:39:24Z")
        #expect(!sg.problems.isEmpty)
        let q = p("(qmail 12345 invoked by uid 89); 4 Mar 2025 08:14:00 -0000")
        #expect(q.from == nil && q.by == nil && q.ip == nil)
        #expect(q.date != nil)
        let weird = p("from a (b [not-an-ip]) by ; ")
        #expect(weird.ip == nil)
    }

    @Test func ipTextRecognition() {
        #expect(IPAddress(headerToken: "[10.20.12.107]")?.description == "10.20.12.107")
        #expect(IPAddress(headerToken: "198.51.100.7:51234")?.description == "198.51.100.7")
        #expect(IPAddress(headerToken: "15.20.8489.25")?.description == nil)
        #expect(IPAddress(headerToken: "1.2.3")?.description == nil)
        #expect(IPAddress(headerToken: "[IPv6:::1]")?.description == "::1")
        #expect(IPAddress(headerToken: "fe80::1%eth0")?.description == "fe80::1")
        #expect(IPAddress(headerToken: "deadbeef")?.description == nil)
    }
}
