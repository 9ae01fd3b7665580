import Foundation
import Testing
import BewaarTestSupport
import BewaarQR
@testable import BewaarReport

/// The QR code of a pupil's upload link: libqrencode's matrix, drawn as vector squares in the
/// PDF and as one SVG path in HTML.
@Suite struct QRCodeTests {
    static let url = "https://bewaar.school.example/aanleveren/0123456789abcdef0123456789abcdef"

    @Test func theMatrixHasItsFinderPatternsAndTheSizeOfItsVersion() throws {
        let code = try QRCode(encoding: Self.url)
        #expect(code.size == 17 + 4 * code.version)
        #expect(code.modules.count == code.size * code.size)
        // A finder pattern in three corners: a dark 7×7 ring around a dark 3×3 centre.
        for (ox, oy) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = x == 0 || y == 0 || x == 6 || y == 6
                    let centre = (2...4).contains(x) && (2...4).contains(y)
                    #expect(code[ox + x, oy + y] == (ring || centre), "module \(ox + x),\(oy + y)")
                }
            }
        }
        #expect(!code[code.size - 7, code.size - 7] || code.version >= 2, "no finder pattern bottom right")
        #expect(!code[-1, 0] && !code[code.size, 0], "outside the matrix is light (the quiet zone)")
        #expect(code.svgPathData.hasPrefix("M4 4h7v1h-7z"))
        #expect(code.svgPathData.allSatisfy { $0.isNumber || "Mhvz -".contains($0) })
    }

    @Test func emptyAndOverlongTextsAreRefused() {
        #expect(throws: QRCodeError.empty) { try QRCode(encoding: "") }
        #expect(throws: QRCodeError.tooLong(3000)) { try QRCode(encoding: String(repeating: "a", count: 3000)) }
    }

    @Test func aQRCodeIsVectorSquaresInThePDFAndSVGInHTMLAndStepsAreNumbered() throws {
        let code = try QRCode(encoding: Self.url)
        let doc = ReportDocument(title: "Blad", footer: "Bewaar", blocks: [.qrCode(code, caption: Self.url),
                                                                          .numbered(["Open de chat.", "Exporteer de chat."])])
        let html = HTMLRenderer.render(doc)
        #expect(html.contains("<ol>\n<li><bdi>Open de chat.</bdi></li>\n<li><bdi>Exporteer de chat.</bdi></li>\n</ol>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(code.sizeWithQuietZone) \(code.sizeWithQuietZone)\""))
        #expect(html.contains(code.svgPathData))
        let path = NSTemporaryDirectory() + "bewaar-qr-" + UUID().uuidString + ".pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PDFRenderer.render(doc, to: path)
        let text = try Poppler.run("pdftotext", ["-layout", path, "-"])
        #expect(text.contains(Self.url), "the link is printed under the code")
        #expect(text.contains("1.") && text.contains("2.") && text.contains("Exporteer de chat."), "steps are numbered")
        #expect(!(try Poppler.run("pdfimages", ["-list", path]).contains("image")), "squares, not a bitmap")
        // A real reader reads it back from the printed page (zbar-tools, when installed: not a build requirement).
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg") else { return }
        _ = try Poppler.run("pdftoppm", ["-r", "150", "-png", "-singlefile", path, path])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        p.arguments = ["--quiet", "--raw", path + ".png"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let read = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        try? FileManager.default.removeItem(atPath: path + ".png")
        #expect(read.trimmingCharacters(in: .whitespacesAndNewlines) == Self.url)
    }
}
