import Foundation
import Testing
import BewaarModel
import BewaarImport
@testable import BewaarImportMail
import BewaarMIME

/// Hostile and broken input: read as far as it goes, warnings naming the line, no crash or hang.
@Suite struct MalformedTests {
    func codes(_ r: ImportResult) -> [String] { r.warnings.compactMap { $0.code } }

    @Test func missingStartBoundaryReadsBodyAsText() throws {
        let r = try importMail("Subject: x\nContent-Type: multipart/mixed; boundary=\"zzz\"\n\nGewoon tekst zonder grenzen.\n")
        #expect(r.messages.first?.text == "Gewoon tekst zonder grenzen.\n")
        let w = try #require(r.warnings.first { $0.code == "boundary-start-missing" })
        #expect(w.line == 1)
    }

    @Test func wrongBoundaryAndMissingClose() throws {
        let text = "Subject: x\nContent-Type: multipart/mixed; boundary=\"goed\"\n\n--goed\nContent-Type: text/plain\n\neen\n--fout\nContent-Type: text/plain; name=a.txt\n\ntwee\n"
        let r = try importMail(text)
        #expect(r.messages.first?.text == "een\n--fout\nContent-Type: text/plain; name=a.txt\n\ntwee\n")
        let w = try #require(r.warnings.first { $0.code == "boundary-close-missing" })
        #expect(w.line == 5)
    }

    @Test func multipartWithoutBoundaryParameter() throws {
        let r = try importMail("Subject: x\nContent-Type: multipart/mixed\n\ninhoud\n")
        #expect(r.messages.first?.text == "inhoud\n")
        #expect(codes(r).contains("multipart-no-boundary"))
    }

    @Test func onlyHeaders() throws {
        let r = try importMail("From: a@example.org\nSubject: alleen headers")
        #expect(r.messages.count == 1)
        #expect(r.messages.first?.text == "")
        #expect(r.email?["subject"]?.stringValue == "alleen headers")
    }

    @Test func nulBytesAndTruncatedBase64() throws {
        var bytes = Array("Subject: a\u{0}b\nContent-Type: application/octet-stream; name=x.bin\nContent-Transfer-Encoding: base64\n\naGFsbG8gd2VyZW".utf8)
        bytes.append(0)
        let r = try importMail(bytes: bytes)
        #expect(codes(r).contains("header-nul"))
        #expect(codes(r).contains("base64-truncated"))
        let a = try #require(r.messages.first?.attachments.first)
        #expect(a.name == "x.bin")
        #expect(a.sha256?.hex == sha256Hex(Array("hallo were".utf8)))
        #expect(a.size == 10)
    }

    @Test func enormousHeaderBlockIsLinear() throws {
        var text = ""
        for k in 0..<50_000 { text += "Received: from h\(k).example ([192.0.2.\(k % 250)]) by mx.example; 4 Mar 2025 08:14:00 -0000\n" }
        text += "Subject: veel\n\ntekst\n"
        let start = Date()
        let r = try importMail(text)
        #expect(r.email?["received"]?.arrayValue?.count == 50_000)
        #expect(Date().timeIntervalSince(start) < 60)
    }

    @Test func deepNestingIsBounded() throws {
        var text = "Subject: diep\n"
        let depth = 200
        for k in 0..<depth { text += "Content-Type: multipart/mixed; boundary=b\(k)\n\n--b\(k)\n" }
        text += "Content-Type: text/plain\n\nbodem\n"
        let r = try importMail(text)
        #expect(r.messages.count == 1)
        #expect(codes(r).contains("mime-too-deep"))
        // Nested attached messages are bounded as well.
        var msg = "Subject: binnen\n\nkern\n"
        for _ in 0..<100 { msg = "Subject: laag\nContent-Type: message/rfc822\n\n" + msg }
        let r2 = try importMail(msg)
        #expect(r2.messages.count <= 40)
        #expect(codes(r2).contains("mime-too-deep"))
    }

    @Test func hostileEncodedWordsStayLinear() {
        let evil = Array(String(repeating: "=?a?b?X", count: 100_000).utf8)
        let start = Date()
        _ = EncodedWord.decodeText(evil)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func duplicateSingletonHeadersWarn() throws {
        let r = try importMail("From: a@example.org\nFrom: b@example.org\nSubject: x\n\nt")
        #expect(r.messages.first?.author == "a@example.org")
        let w = try #require(r.warnings.first { $0.code == "header-duplicate" })
        #expect(w.line == 2)
    }

    @Test func lyingCharsetGivesWarning() throws {
        let r = try importMail(bytes: Array("Subject: x\nContent-Type: text/plain; charset=utf-8\n\ncaf".utf8) + [0xE9] + Array("\n".utf8))
        #expect(r.messages.first?.text == "caf\u{FFFD}\n")
        #expect(codes(r).contains("charset"))
        let r2 = try importMail("Subject: x\nContent-Type: text/plain; charset=x-klingon\n\nhallo\n")
        #expect(r2.messages.first?.text == "hallo\n")
        #expect(codes(r2).contains("charset"))
    }

    @Test func randomGarbageNeverCrashes() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["\n", "\r\n", "\r", "--b", "--b--", "Content-Type: multipart/mixed; boundary=b\n", "Content-Transfer-Encoding: base64\n",
                      "Content-Type: message/rfc822\n", "=?utf-8?B?", "?=", ":", " ", "\u{0}", "From ", ">From ", "Received: from x (y [1.2.3.4])", "=\n", "=4"]
        for _ in 0..<200 {
            var s = ""
            for _ in 0..<Int.random(in: 1...60, using: &rng) { s += pieces.randomElement(using: &rng)! }
            _ = try importMail(s)
        }
    }
}
