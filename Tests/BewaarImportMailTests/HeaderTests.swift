import Foundation
import Testing
import BewaarModel
@testable import BewaarImportMail
import BewaarMIME

@Suite struct HeaderTests {
    func block(_ bytes: [UInt8], isMessage: Bool = true) -> (HeaderBlock, [MailWarning]) {
        var w: [MailWarning] = []
        let h = bytes.withUnsafeBufferPointer { HeaderBlock.parse($0, start: 0, end: $0.count, isMessage: isMessage, warnings: &w, inFile: true) }
        return (h, w)
    }

    @Test(arguments: ["\r\n", "\n", "\r"])
    func lineEndsAndFolding(_ nl: String) throws {
        let text = ["Subject: een", " twee", "\tdrie", "From: a@example.org", "", "tekst"].joined(separator: nl)
        let bytes = Array(text.utf8)
        let (h, w) = block(bytes)
        #expect(w.isEmpty)
        #expect(h.fields.map(\.name) == ["Subject", "From"])
        #expect(h.first("subject")?.text == "een twee\tdrie")
        #expect(Array(bytes[h.bodyStart...]) == Array("tekst".utf8))
        #expect(h.hadSeparator)
        // Raw bytes kept: the field's span cuts out exactly its lines.
        let s = try #require(h.first("SUBJECT"))
        #expect(String(decoding: bytes[s.offset..<(s.offset + s.length)], as: UTF8.self) == "Subject: een\(nl) twee\(nl)\tdrie\(nl)")
    }

    @Test func junkBeforeFirstHeaderIsSkippedWithWarning() {
        let (h, w) = block(Array("From daan@example.org Mon Mar  3 20:00:00 2025\nExported by MailTool 3.1\nSubject: x\nTo: b@example.org\n\nbody".utf8))
        #expect(h.fields.map(\.name) == ["Subject", "To"])
        #expect(w.map(\.code) == ["mbox-from-line", "junk-before-headers"])
    }

    @Test func headerLineWithoutColonAndMissingSeparator() {
        let (h, w) = block(Array("Subject: x\nkapotte regel\nTo: b@example.org\nthis is body\nmore".utf8))
        #expect(h.fields.map(\.name) == ["Subject", "To"])
        #expect(w.map(\.code) == ["header-no-colon", "header-body-separator-missing"])
        #expect(!h.hadSeparator)
    }

    @Test func duplicatesKeptInOrderFirstWins() {
        let (h, _) = block(Array("Subject: eerste\nReceived: a\nSubject: tweede\nReceived: b\n\n".utf8))
        #expect(h.first("subject")?.text == "eerste")
        #expect(h.all("received").map(\.text) == ["a", "b"])
        #expect(h.fields.map(\.name) == ["Subject", "Received", "Subject", "Received"])
    }

    @Test func encodedWords() {
        func d(_ s: String) -> String { EncodedWord.decodeText(Array(s.utf8)).text }
        #expect(d("=?iso-8859-1?Q?Re:_afspraak_mentoruur_=E9=E9n_uur_later?=") == "Re: afspraak mentoruur één uur later")
        #expect(d("=?utf-8?B?V2Fhcm9tIGRvZSBqZSB6byBnZW1lZW4/IPCfmKE=?=") == "Waarom doe je zo gemeen? 😡")
        #expect(d("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")                   // blanks between words vanish
        #expect(d("=?utf-8?q?a?= tekst =?utf-8?q?b?=") == "a tekst b")      // but not around text
        #expect(d("=?UTF-8?Q?=C3?= =?UTF-8?Q?=A9?=") == "é")              // split multi-byte character
        #expect(d("=?UTF-8?B?8J+Y?= =?UTF-8?B?oQ==?=") == "😡")
        #expect(d("=?utf-8*nl?Q?h=C3=A9?=") == "hé")                        // RFC 2231 language
        #expect(d("=?koi8-r?B?8NLJ18XU?=") == "Привет")                      // iconv
        #expect(d("=?x-onbekend?Q?caf=E9?=") == "café")                     // unknown: best effort
        #expect(EncodedWord.decodeText(Array("=?x-onbekend?Q?caf=E9?=".utf8)).problems.count == 1)
        #expect(d("=?utf-8?Q?niet afgesloten") == "=?utf-8?Q?niet afgesloten")
        #expect(d("gewoon =?bad") == "gewoon =?bad")
    }

    @Test func parameters() {
        func p(_ s: String) -> HeaderParameters { HeaderParameters.parse(Array(s.utf8)) }
        let ct = p("Text/Plain; Charset=\"UTF-8\" (commentaar); format=flowed")
        #expect(ct.value == "text/plain")
        #expect(ct["charset"] == "UTF-8")
        #expect(ct["format"] == "flowed")
        #expect(p("attachment; filename*=utf-8''bewijs_%C3%A9%C3%A9n.zip")["filename"] == "bewijs_één.zip")
        #expect(p("attachment; filename*0*=iso-8859-1''pr%FCf; filename*1=\"bericht\"; filename*2=.pdf")["filename"] == "prüfbericht.pdf")
        #expect(p("attachment; filename=\"=?iso-8859-1?Q?pr=FCfbericht.pdf?=\"")["filename"] == "prüfbericht.pdf")
        #expect(p("attachment; filename=\"a \\\"b\\\";c.txt\"")["filename"] == "a \"b\";c.txt")
        #expect(p("multipart/mixed; boundary=----=_Part_1_2.3")["boundary"] == "----=_Part_1_2.3")
    }

    @Test func addresses() {
        func a(_ s: String) -> [MailAddress] { MailAddress.parseList(Array(s.utf8)) }
        #expect(a("\"de Vries, Sanne\" <s@example.org>, Daan <d@example.org>") ==
                [MailAddress(name: "de Vries, Sanne", address: "s@example.org"), MailAddress(name: "Daan", address: "d@example.org")])
        #expect(a("l@example.org (Lotte)") == [MailAddress(name: "", address: "l@example.org")])
        #expect(a("Klas 2B: a@example.org, b@example.org;, c@example.org").map(\.address) == ["a@example.org", "b@example.org", "c@example.org"])
        #expect(a("=?utf-8?Q?Zo=C3=AB?= <z@example.org>").first?.name == "Zoë")
        #expect(a("undisclosed-recipients:;").isEmpty)
    }

    @Test func dates() {
        #expect(MailDate.parse("Tue,  4 Mar 2025 09:14:02 +0100 (CET)")?.rfc3339 == "2025-03-04T09:14:02+01:00")
        #expect(MailDate.parse("4 Mar 25 08:14 GMT")?.rfc3339 == "2025-03-04T08:14:00Z")
        #expect(MailDate.parse("Tue, 04 Mar 2025 00:14:05 -0800 (PST)")?.rfc3339 == "2025-03-04T00:14:05-08:00")
        #expect(MailDate.parse("Tue Mar  4 08:14:00 2025")?.rfc3339 == "2025-03-04T08:14:00Z")
        #expect(MailDate.parse("Wed, 5 Mar 2025 16:02:08 EST")?.utcOffsetSeconds == -5 * 3600)
        #expect(MailDate.parse("gisteren") == nil)
    }

    @Test func fastRFC3339MatchesTheModel() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let secs = Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &rng))
            let off = [0, 3600, 7200, -8 * 3600, -(3 * 3600 + 1800), 5 * 3600 + 2700].randomElement(using: &rng)!
            let t = Timestamp(date: Date(timeIntervalSince1970: secs), utcOffsetSeconds: off)
            #expect(RFC3339.string(t) == t.rfc3339)
        }
    }

    @Test func quotedPrintableAcrossChunks() {
        let text = Array("caf=C3=A9 =\r\nsoft=\nbreak =ZZ end=".utf8)
        let whole = text.withUnsafeBufferPointer { QuotedPrintable.decodeAll($0) }
        #expect(String(decoding: whole, as: UTF8.self) == "café softbreak =ZZ end=")
        // Every split point gives the same bytes.
        for cut in 0...text.count {
            var q = QuotedPrintable()
            var out: [UInt8] = []
            text.withUnsafeBufferPointer { b in
                q.decode(UnsafeBufferPointer(rebasing: b[0..<cut]), into: &out)
                q.decode(UnsafeBufferPointer(rebasing: b[cut...]), into: &out)
            }
            q.finish(into: &out)
            #expect(out == whole)
        }
    }

    @Test func base64Tolerance() {
        func d(_ s: String) -> String { String(decoding: Array(s.utf8).withUnsafeBufferPointer { Base64Stream.decodeAll($0) }, as: UTF8.self) }
        #expect(d("aGFsbG8=") == "hallo")
        #expect(d("aGFs\r\nbG8") == "hallo")        // no padding, broken line
        #expect(d("aGFs bG8=\n!!") == "hallo")      // junk ignored
        #expect(d("aGk=aGk=") == "hihi")            // concatenated
        // Every split point gives the same bytes (the fast path and the state machine agree).
        let text = Array("QmV3YWFy IGtlZXBz\r\nIGV2aWRlbmNl\nLg=\n=".utf8)
        let whole = text.withUnsafeBufferPointer { Base64Stream.decodeAll($0) }
        #expect(String(decoding: whole, as: UTF8.self) == "Bewaar keeps evidence.")
        for cut in 0...text.count {
            var s = Base64Stream()
            var out: [UInt8] = []
            text.withUnsafeBufferPointer { b in
                s.decode(UnsafeBufferPointer(rebasing: b[0..<cut]), into: &out)
                s.decode(UnsafeBufferPointer(rebasing: b[cut...]), into: &out)
            }
            s.finish(into: &out)
            #expect(out == whole)
        }
    }
}
