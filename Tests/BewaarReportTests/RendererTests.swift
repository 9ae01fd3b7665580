import Foundation
import Testing
import BewaarTestSupport
@testable import BewaarReport

@Suite struct RendererTests {
    static let hostile = "<script>alert('x')</script> \"&\" \u{202E}lmth.exe"
    static let longWord = String(repeating: "heelerglangwoord", count: 20)

    static var document: ReportDocument {
        ReportDocument(title: "Rapport zaak 2026-0001", footer: "Bewaar — zaak 2026-0001", blocks: [
            .heading("Rapport bij een melding — zaak 2026-0001", level: 1),
            .facts([Fact("Zaak", "2026-0001"), Fact("School", "Voorbeeldcollege")]),
            .notice("Wat dit rapport bewijst: integriteit sinds verzamelen."),
            .heading("Betrokkenen", level: 2),
            .table(headers: ["Naam", "Rol"], rows: [["Sanne de Vries", "slachtoffer"], ["Daan Jansen", "vermoedelijke-dader"]], widths: [2, 1]),
            .paragraph("Coördinatie, één privéfoto's en een zeer lang woord: " + longWord),
            .chart(BarChart(title: "Berichten per dag", labels: ["2026-03-02", "2026-03-03", "2026-03-04"], values: [3, 0, 5], caption: "8 berichten")),
            .evidence(EvidenceExcerpt(reason: "Gemarkeerd als bedreiging", note: hostile, source: "chat.txt (bewijsstuk 1)",
                                      sha256: String(repeating: "ab", count: 32), lines: [
                                          ExcerptLine(time: "02-03-2026 20:05", author: "Daan Jansen", text: "ik weet waar je woont 😂", origin: "@10+40", isMarked: true),
                                          ExcerptLine(time: "02-03-2026 20:06", author: "Ahmad", text: "مرحبا Sanne", origin: "@50+20", isMarked: false),
                                      ])),
            .code("[1] " + String(repeating: "cd", count: 32) + "  chat.txt"),
            .bullets(["eerste punt", hostile]),
        ])
    }

    @Test func htmlEscapesEvidenceAndLoadsNothingFromOutside() {
        let html = HTMLRenderer.render(Self.document)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<bdi>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!html.contains("src=\"http"))
        #expect(html.contains(String(repeating: "cd", count: 32)))
        #expect(html.contains("overflow-wrap: anywhere"))
    }

    @Test func pdfRendersReadableTextAndPages() throws {
        let dir = NSTemporaryDirectory() + "bewaar-pdf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = dir + "/rapport.pdf"
        try PDFRenderer.render(Self.document, to: pdf)
        let text = try Poppler.run("pdftotext", ["-layout", pdf, "-"])
        #expect(text.contains("2026-0001"))
        #expect(text.contains("Coördinatie, één privéfoto's"))
        #expect(text.contains("ik weet waar je woont"))
        #expect(text.contains(String(repeating: "ab", count: 32)))
        #expect(text.contains(String(repeating: "cd", count: 32)))
        #expect(text.contains("Betrokkenen"))
        // The 320-letter word is broken inside the margins, not lost.
        let letters = text.filter { $0.isLetter }
        #expect(letters.contains(String(repeating: "heelerglangwoord", count: 3)))
        _ = try Poppler.run("pdftoppm", ["-r", "40", "-png", pdf, dir + "/pagina"])
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("pagina") && $0.hasSuffix(".png") }
        #expect(pages.count >= 1)
        for p in pages { #expect((try FileManager.default.attributesOfItem(atPath: dir + "/" + p)[.size] as? Int ?? 0) > 1000) }
    }

    @Test func aLongReportBreaksAcrossPages() throws {
        var doc = Self.document
        for i in 0..<120 { doc.blocks.append(.paragraph("Alinea \(i): " + String(repeating: "tekst ", count: 40))) }
        let path = NSTemporaryDirectory() + "bewaar-long-" + UUID().uuidString + ".pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PDFRenderer.render(doc, to: path)
        let info = try Poppler.run("pdfinfo", [path])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.map { Int($0.split(separator: " ").last!)! } ?? 0
        #expect(pages >= 5)
        let text = try Poppler.run("pdftotext", [path, "-"])
        #expect(text.contains("Alinea 119:"))
        #expect(text.contains("pagina \(pages)"))
    }
}
