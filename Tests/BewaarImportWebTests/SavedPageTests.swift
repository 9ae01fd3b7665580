import Testing
import Foundation
import BewaarModel
import BewaarImport
import BewaarImportWeb

@Suite("A mentor archives a saved web page")
struct SavedPageTests {
    @Test func theSampleInstagramProfileGivesPostAndComments() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("samples/evidence/instagram-profiel.html")
        let bytes = Array(try Data(contentsOf: url))
        let i = try Fixtures.inspect(url)
        #expect(i.result.format == "html")
        let page = try #require(i.result.extra["page"])
        #expect(page["url"]?.stringValue == "https://www.instagram.example.org/nep.sanne2b/")
        #expect(page["urlSource"]?.stringValue == "chrome-saved-from")
        #expect(page["title"]?.stringValue == "nep.sanne2b • Instagram-foto's en -video's")
        #expect(page["dropped"]?["script"]?.intValue == 1)
        #expect(i.result.extra["platform"]?.stringValue == "www.instagram.example.org")
        let m = i.result.messages
        #expect(m.map(\.text) == [
            "nep.sanne2b", "12 berichten · 87 volgers", "Officieel account van de dikste van 2B 🐷",
            "Raad eens wie er vandaag weer alleen zat in de kantine 😂", "hahaha echt", "dit is echt niet oké, haal dit weg",
        ])
        let post = m[3]
        #expect(post.author == "nep.sanne2b")
        #expect(post.kind == .post)
        #expect(post.timestamp?.rfc3339 == "2026-03-05T18:22:10Z")
        #expect(post.extra["path"]?.stringValue == "/html/body/article[1]/div[1]/p[1]")
        #expect(Fixtures.slice(bytes, post.origin).hasPrefix("<p>Raad eens"))
        #expect(Fixtures.slice(bytes, post.origin).hasSuffix("</p>"))
        #expect(m[4].author == "tim.b_2009" && m[4].kind == .comment)
        #expect(m[5].author == "lotte.v")
        #expect(!m.contains { $0.text.contains("alert") })
        // HTML5 tags are not reported as errors.
        #expect(!i.result.warnings.contains { $0.code == "html-recovered" })
    }

    @Test func aSingleFilePageGivesItsURLAndSaveDateWithTheSaversOffset() throws {
        let dir = try Fixtures.tempDir()
        let html = """
        <!DOCTYPE html> <html lang="nl"><!--
         Page saved with SingleFile \n url: https://forum.example.org/klas2b/draad/42 \n saved date: Thu Mar 14 2024 18:37:28 GMT+0100 (Midden-Europese standaardtijd)
        --><head><meta charset="utf-8"><title>Klas 2B – roddels</title><meta http-equiv="content-security-policy" content="default-src 'none'"></head>
        <body><h1>Roddels</h1>
        <div class="sf-hidden">verborgen menu</div>
        <p onclick="steal()">Daan Jansen: <a href="https://forum.example.org/u/daan">@daan</a> jij bent zo stom</p>
        <iframe src="https://ads.example.org/"></iframe>
        <p><img src="data:image/png;base64,\(String(repeating: "QUFB", count: 100))" alt="foto van Lotte"> kijk dan</p>
        </body></html>
        """
        let f = try Fixtures.write(html, to: dir.appendingPathComponent("draad.html"))
        let i = try Fixtures.inspect(f)
        let page = try #require(i.result.extra["page"])
        #expect(page["url"]?.stringValue == "https://forum.example.org/klas2b/draad/42")
        #expect(page["saveTool"]?.stringValue == "SingleFile")
        #expect(page["savedDate"]?.stringValue == "2024-03-14T18:37:28+01:00")
        #expect(page["dropped"]?["hidden"]?.intValue == 1)
        #expect(page["dropped"]?["iframe"]?.intValue == 1)
        #expect(page["dropped"]?["eventHandlers"]?.intValue == 1)
        let texts = i.result.messages.map(\.text)
        #expect(texts == ["Roddels", "Daan Jansen: @daan jij bent zo stom", "kijk dan"])
        let link = try #require(i.result.messages[1].extra["links"]?.arrayValue?.first)
        #expect(link["href"]?.stringValue == "https://forum.example.org/u/daan")
        let img = try #require(page["images"]?.arrayValue?.first)
        #expect(img["alt"]?.stringValue == "foto van Lotte")
        #expect(img["src"]?.stringValue?.count ?? 1000 < 100)
    }

    static let completePage = """
    <!DOCTYPE html>
    <!-- saved from url=(0038)https://school.example.org/klas2b/foto -->
    <html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Foto klas 2B</title>
    <link rel="stylesheet" href="./Klas2B_files/stijl.css"></head>
    <body><p>Sanne de Vries plaatste: <img src="./Klas2B_files/foto%201.png"> wie is dit lol</p></body></html>
    """

    @Test func aCompleteSaveInAZipKeepsEveryFileAndLinksTheImage() throws {
        let dir = try Fixtures.tempDir()
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
        let zip = try Fixtures.zip([
            ("Klas2B.html", Array(Self.completePage.utf8)),
            ("Klas2B_files/foto 1.png", png),
            ("Klas2B_files/stijl.css", Array("p{color:red}".utf8)),
        ], to: dir.appendingPathComponent("opgeslagen.zip"))
        let i = try Fixtures.inspect(zip)
        #expect(i.result.format == "html")
        #expect(i.result.contained.map(\.pathInParent).sorted() == ["Klas2B.html", "Klas2B_files/foto 1.png", "Klas2B_files/stijl.css"])
        let m = try #require(i.result.messages.first)
        #expect(m.text == "Sanne de Vries plaatste: wie is dit lol")
        #expect(m.origin.part == "Klas2B.html")
        let att = try #require(m.attachments.first)
        #expect(att.name == "Klas2B_files/foto 1.png")
        #expect(att.size == 11)
        #expect(att.sha256 != nil)
        #expect(i.result.extra["page"]?["url"]?.stringValue == "https://school.example.org/klas2b/foto")
    }

    @Test func aCompleteSaveAsAFolderIsReadToo() throws {
        let dir = try Fixtures.tempDir().appendingPathComponent("opgeslagen")
        try Fixtures.write(Self.completePage, to: dir.appendingPathComponent("Klas2B.html"))
        try Fixtures.write([0x89, 0x50, 0x4E, 0x47], to: dir.appendingPathComponent("Klas2B_files/foto 1.png"))
        let i = try Fixtures.inspect(dir)
        #expect(i.result.format == "html")
        #expect(i.result.contained.count == 2)
        #expect(i.result.messages.first?.attachments.first?.name == "Klas2B_files/foto 1.png")
    }

    @Test func aWindows1252PageMarkedLatin1ReadsCorrectly() throws {
        let dir = try Fixtures.tempDir()
        let bytes = Array("<html><head><meta charset=\"iso-8859-1\"><title>t</title></head><body><p>".utf8)
            + [0x5A, 0x6F, 0xEB, 0x20, 0x96, 0x20, 0x93, 0x6A, 0x69, 0x6A, 0x94] + Array("</p></body></html>".utf8)
        let f = try Fixtures.write(bytes, to: dir.appendingPathComponent("oud.htm"))
        let i = try Fixtures.inspect(f)
        #expect(i.result.messages.first?.text == "Zoë – “jij”")
        let o = try #require(i.result.messages.first?.origin)
        #expect(o.offset == Int64(bytes.count - 11 - 3 - "</p></body></html>".utf8.count))
        #expect(o.length == 3 + 11 + 4)
        #expect(i.result.extra["page"]?["encoding"]?["name"]?.stringValue == "windows-1252")
    }
}
