import Testing
import Foundation
import BewaarModel
import BewaarImport
import BewaarImportWeb

@Suite("A mentor archives a page saved as MHTML")
struct MHTMLTests {
    /// What Chrome's "Webpagina, één bestand" looks like (layout of Blink, 2024), CRLF line ends.
    static func blinkFile() -> (file: [UInt8], decodedHTML: String) {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"><title>Klas 2B</title></head>"
            + "<body><div class=\"post\"><span class=\"author\">daan.j</span><p>Zoë is echt stom, niemand wil naast haar zitten</p>"
            + "<img src=\"https://cdn.example.org/img/zoe.png\"></div><script>track()</script></body></html>"
        let qp = "<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"><title>Klas 2B</title></head>=\r\n"
            + "<body><div class=3D\"post\"><span class=3D\"author\">daan.j</span><p>Zo=C3=AB is echt stom, niemand wil naast=\r\n haar zitten</p>"
            + "<img src=3D\"https://cdn.example.org/img/zoe.png\"></div><script>track()</script></body></html>"
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).base64EncodedString()
        let b = "----MultipartBoundary--Kl4s2B----"
        let text = [
            "From: <Saved by Blink>",
            "Snapshot-Content-Location: https://www.example.org/klas2b/post/42",
            "Subject: =?utf-8?Q?Klas_2B_=E2=80=93_roddels?=",
            "Date: Mon, 4 Mar 2024 14:07:09 -0000",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related;",
            "\ttype=\"text/html\";",
            "\tboundary=\"\(b)\"",
            "",
            "",
            "--\(b)",
            "Content-Type: text/html",
            "Content-ID: <frame-0F1E2D@mhtml.blink>",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Location: https://www.example.org/klas2b/post/42",
            "",
            qp,
            "--\(b)",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            "Content-Location: https://cdn.example.org/img/zoe.png",
            "",
            png,
            "--\(b)",
            "Content-Type: text/css",
            "Content-Transfer-Encoding: quoted-printable",
            "Content-Location: https://www.example.org/stijl.css",
            "",
            "p { color: red; }",
            "--\(b)--",
            "",
        ].joined(separator: "\r\n")
        return (Array(text.utf8), html)
    }

    @Test func theSnapshotPageGivesRecordsIntoItsDecodedPart() throws {
        let dir = try Fixtures.tempDir()
        let (bytes, html) = Self.blinkFile()
        let f = try Fixtures.write(bytes, to: dir.appendingPathComponent("roddels.mhtml"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "mhtml")
        let page = try #require(i.result.extra["page"])
        #expect(page["url"]?.stringValue == "https://www.example.org/klas2b/post/42")
        #expect(page["savedDate"]?.stringValue == "2024-03-04T14:07:09Z")
        #expect(page["subject"]?.stringValue == "Klas 2B – roddels")
        #expect(page["title"]?.stringValue == "Klas 2B")
        #expect(i.result.extra["platform"]?.stringValue == "www.example.org")
        let m = try #require(i.result.messages.first)
        #expect(i.result.messages.count == 1)
        #expect(m.text == "Zoë is echt stom, niemand wil naast haar zitten")
        #expect(m.author == "daan.j")
        #expect(m.origin.part == "part 1")
        let decoded = Array(html.utf8)
        #expect(Fixtures.slice(decoded, m.origin) == "<p>Zoë is echt stom, niemand wil naast haar zitten</p>")
        // Every part is kept decoded; the image is the record's attachment.
        #expect(i.result.contained.count == 3)
        #expect(i.result.contained[0].sha256 == BewaarModel.SHA256Digest(hex: sha(decoded)))
        #expect(i.result.contained[1].name == "zoe.png")
        #expect(i.result.contained[1].size == 12)
        #expect(m.attachments.first?.sha256 == i.result.contained[1].sha256)
        let parts = try #require(i.result.extra["parts"]?.arrayValue)
        #expect(parts.count == 3)
        #expect(parts[0]["transferEncoding"]?.stringValue == "quoted-printable")
        let partOffset = try #require(parts[0]["bodyOffset"]?.intValue)
        #expect(String(decoding: bytes[Int(partOffset)..<Int(partOffset) + 6], as: UTF8.self) == "<html>")
    }

    @Test func bareLineFeedsAndATruncatedFileStillRead() throws {
        let dir = try Fixtures.tempDir()
        var text = String(decoding: Self.blinkFile().file, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        text = String(text[..<text.range(of: "Content-Type: image/png")!.lowerBound])
        let f = try Fixtures.write(text, to: dir.appendingPathComponent("half.mht"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "mhtml")
        #expect(i.result.messages.first?.text == "Zoë is echt stom, niemand wil naast haar zitten")
        #expect(i.result.warnings.contains { $0.code == "mhtml-structure" })
    }

    @Test func aQuotedSemicolonInTheBoundaryAndACyrillicSubjectAreReadWhole() throws {
        // A boundary holding `;` inside its quotes, and a Subject in windows-1251 (neither
        // UTF-8 nor Latin-1): both read by the MIME target the e-mail importer uses.
        let dir = try Fixtures.tempDir()
        let b = "----Grens;met=puntkomma----"
        let text = [
            "From: <Saved by Blink>",
            "Snapshot-Content-Location: https://www.example.org/klas2b/post/43",
            "Subject: =?windows-1251?B?z/Do4uXyLCDq6+Dx8SAywQ==?=",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related; type=\"text/html\"; boundary=\"\(b)\"",
            "",
            "--\(b)",
            "Content-Type: text/html; charset=\"utf-8\"",
            "Content-Location: https://www.example.org/klas2b/post/43",
            "",
            "<html><body><div class=\"post\"><span class=\"author\">daan.j</span><p>Niemand wil naast haar zitten</p></div></body></html>",
            "--\(b)",
            "Content-Type: text/css",
            "Content-Location: https://www.example.org/stijl.css",
            "",
            "p { color: red; }",
            "--\(b)--",
            "",
        ].joined(separator: "\r\n")
        let f = try Fixtures.write(text, to: dir.appendingPathComponent("puntkomma.mhtml"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.format == "mhtml")
        #expect(i.result.extra["parts"]?.arrayValue?.count == 2)
        #expect(!i.result.warnings.contains { $0.code == "mhtml-structure" })
        #expect(i.result.messages.first?.text == "Niemand wil naast haar zitten")
        #expect(i.result.extra["page"]?["subject"]?.stringValue == "Привет, класс 2Б")
    }

    func sha(_ b: [UInt8]) -> String {
        BewaarModelTestsSHA.hex(b)
    }
}
