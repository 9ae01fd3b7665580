import Testing
import Foundation
import BewaarModel
import BewaarImport
import BewaarImportWeb

@Suite("Hostile pages are read within bounds")
struct HostileInputTests {
    @Test func billionLaughsIsNotExpanded() throws {
        var html = "<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 { html += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n" }
        html += "]>\n<html><body><p>&lol9;</p><p>Sanne</p></body></html>"
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write(html, to: dir.appendingPathComponent("lol.html"))
        let start = Date()
        let i = try Fixtures.inspect(f)
        #expect(Date().timeIntervalSince(start) < 5)
        let texts = i.result.messages.map(\.text)
        #expect(texts.contains("Sanne"))
        #expect(texts.joined().utf8.count < 10_000)
    }

    @Test func aHundredThousandLevelsDeepIsReadWithAWarning() throws {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "diep verstopt" + String(repeating: "</div>", count: depth) + "</body></html>"
        let dir = try Fixtures.tempDir()
        let f = try Fixtures.write(html, to: dir.appendingPathComponent("diep.html"))
        let i = try Fixtures.inspect(f)
        let m = try #require(i.result.messages.first { $0.text == "diep verstopt" })
        #expect(m.extra["path"]?.stringValue?.contains("…") == true)
        #expect(m.extra["path"]?.stringValue?.utf8.count ?? 0 < 2000)
        #expect(i.result.warnings.contains { $0.code == "page-deeply-nested" })
    }

    @Test func aHundredMegabyteSingleLinePageIsCutInItsRecordWithAWarning() throws {
        let dir = try Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("een-regel.html")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try FileHandle(forWritingTo: url)
        try h.write(contentsOf: Data("<html><body><p>".utf8))
        let piece = Data((String(repeating: "jij bent zo stom ", count: 6000) + "<b>echt</b> ").utf8)
        var written = 0
        while written < 100_000_000 { try h.write(contentsOf: piece); written += piece.count }
        try h.write(contentsOf: Data("EINDE</p></body></html>".utf8))
        try h.close()
        let i = try Fixtures.inspect(url)
        #expect(i.result.messages.count == 1)
        let m = try #require(i.result.messages.first)
        #expect(m.flags == ["truncated"])
        #expect(m.text.utf8.count < 9_000_000)
        #expect(m.origin.length > 100_000_000)
        #expect(i.result.warnings.contains { $0.code == "record-truncated" })
    }
}
