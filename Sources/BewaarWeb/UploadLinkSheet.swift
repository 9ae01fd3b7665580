import Foundation
import BewaarReport
import BewaarQR

/// The printable instruction sheet for pupils and parents: the same words as the upload page
/// (``UploadLinkText``), with the link and its QR code, as a PDF from the report module.
/// Nothing of the case is on it.
enum UploadLinkSheet {
    static func document(_ t: any UploadLinkText, url: String, validUntil: String) throws -> ReportDocument {
        let code = try QRCode(encoding: url)
        var blocks: [ReportBlock] = [
            .heading(t.sheetTitle, level: 1),
            .paragraph(t.sheetIntro),
            .heading(t.sheetLinkHeading, level: 2),
            .paragraph(t.sheetScan),
            .qrCode(code, caption: url),
            .paragraph(t.worksUntil(validUntil)),
            .heading(t.importantHeading, level: 2),
            .bullets(t.important),
            .heading(t.howHeading, level: 2),
        ]
        for guide in t.guides {
            blocks.append(.heading(guide.title, level: 3))
            blocks.append(.numbered(guide.steps))
            if let tip = guide.tip { blocks.append(.paragraph(tip)) }
        }
        return ReportDocument(title: t.sheetTitle, footer: t.sheetFooter, blocks: blocks)
    }

    /// The sheet as PDF bytes (written under the store's `tmp/` and removed at once).
    static func pdf(_ t: any UploadLinkText, url: String, validUntil: String, tmp: String) throws -> Data {
        let path = tmp + "/instructieblad-" + Random.hex(8) + ".pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PDFRenderer.render(try document(t, url: url, validUntil: validUntil), to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
