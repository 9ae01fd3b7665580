import CBewaarPangoCairo
import BewaarQR

/// Renders a report as an A4 PDF with cairo and pango: Dutch diacritics, colour emoji,
/// right-to-left text isolated, long words broken, vector charts.
public enum PDFRenderer {
    /// Writes the PDF to `path`.
    public static func render(_ doc: ReportDocument, to path: String) throws(ReportError) {
        let c = try PDFCanvas(path: path, title: doc.title, footer: doc.footer)
        for block in doc.blocks { draw(block, on: c) }
        try c.finish()
    }

    /// Text from evidence, isolated so its direction marks cannot reorder the line around it.
    static func iso(_ s: String) -> String { "\u{2068}" + s + "\u{2069}" }

    static let serif = "DejaVu Serif 9.5"
    static let sans = "DejaVu Sans 9"
    static let bold = "DejaVu Sans Bold 9"
    static let mono = "DejaVu Sans Mono 7.2"

    static func draw(_ block: ReportBlock, on c: PDFCanvas) {
        switch block {
        case .heading(let text, let level):
            let size = level <= 1 ? 16.0 : (level == 2 ? 12.5 : 10.5)
            c.y += level <= 1 ? 0 : 10
            c.ensure(size * 3.2 + 90)  // keep a heading with what follows it
            let l = c.layout(text, font: "DejaVu Sans Bold \(size)", width: c.contentWidth)
            c.flow(l, x: c.margin)
            c.release(l)
            if level == 2 { c.line(c.margin, c.y + 2, c.margin + c.contentWidth, c.y + 2, grey: 0.5) }
            c.y += 6
        case .paragraph(let text):
            let l = c.layout(iso(text), font: serif, width: c.contentWidth)
            c.flow(l, x: c.margin)
            c.release(l)
            c.y += 6
        case .facts(let facts):
            let labelWidth = 150.0
            for f in facts {
                let label = c.layout(f.label, font: bold, width: labelWidth - 8)
                let value = c.layout(iso(f.value), font: sans, width: c.contentWidth - labelWidth)
                let h = max(c.height(label), c.height(value))
                if h < c.bottom - c.margin { c.ensure(h) }
                let top = c.y
                c.place(label, x: c.margin, y: top)
                c.flow(value, x: c.margin + labelWidth)
                c.y = max(c.y, top + c.height(label)) + 2
                c.release(label)
                c.release(value)
            }
            c.y += 4
        case .bullets(let items):
            list(items.map { ("•", $0) }, indent: 14, on: c)
        case .numbered(let items):
            list(items.enumerated().map { ("\($0.offset + 1).", $0.element) }, indent: 18, on: c)
        case .table(let headers, let rows, let widths):
            table(headers: headers, rows: rows, widths: widths, on: c)
        case .chart(let chart):
            drawChart(chart, on: c)
        case .evidence(let e):
            excerpt(e, on: c)
        case .screenshot(let f):
            screenshot(f, on: c)
        case .code(let text):
            let l = c.layout(text, font: mono, width: c.contentWidth)
            c.flow(l, x: c.margin)
            c.release(l)
            c.y += 6
        case .notice(let text):
            let pad = 7.0
            let l = c.layout(text, font: sans, width: c.contentWidth - 2 * pad)
            let h = c.height(l) + 2 * pad
            c.ensure(min(h, c.bottom - c.margin))
            c.rect(c.margin, c.y, c.contentWidth, min(h, c.bottom - c.y), fill: 0.95, stroke: 0.3, lineWidth: 1.2)
            c.y += pad
            c.flow(l, x: c.margin + pad)
            c.y += pad + 6
            c.release(l)
        case .qrCode(let code, let caption):
            qr(code, caption: caption, on: c)
        case .pageBreak:
            c.newPage()
        }
    }

    /// A QR code of about 4.5 cm (quiet zone included) as filled squares: sharp at any zoom and
    /// in print, readable by a phone camera from the paper.
    static func qr(_ code: QRCode, caption: String, on c: PDFCanvas) {
        let side = 128.0
        let unit = side / Double(code.sizeWithQuietZone)
        c.ensure(side + 24)
        let x0 = c.margin, y0 = c.y
        for y in 0..<code.size {
            for x in 0..<code.size where code[x, y] {
                cairo_rectangle(c.cr, x0 + Double(x + QRCode.quietZone) * unit, y0 + Double(y + QRCode.quietZone) * unit, unit, unit)
            }
        }
        c.setColor(0)
        cairo_fill(c.cr)
        c.y = y0 + side + 2
        let l = c.layout(caption, font: mono, width: c.contentWidth)
        c.flow(l, x: c.margin)
        c.release(l)
        c.y += 8
    }

    /// A list: each item's marker (a bullet, a number) in the margin, its text indented beside it.
    static func list(_ items: [(marker: String, text: String)], indent: Double, on c: PDFCanvas) {
        for item in items {
            let l = c.layout(iso(item.text), font: serif, width: c.contentWidth - indent)
            c.ensure(min(c.height(l), 14))
            let top = c.y
            let marker = c.layout(item.marker, font: serif, width: indent - 4)
            c.place(marker, x: c.margin + 2, y: top)
            c.release(marker)
            c.flow(l, x: c.margin + indent)
            c.release(l)
            c.y += 2
        }
        c.y += 4
    }

    static func table(headers: [String], rows: [[String]], widths: [Double], on c: PDFCanvas) {
        let total = widths.reduce(0, +)
        let cols = widths.map { c.contentWidth * $0 / (total > 0 ? total : 1) }
        let pad = 3.0
        func drawRow(_ cells: [String], font: String, shade: Double?) {
            let layouts = cells.enumerated().map { i, text in
                c.layout(iso(String(text.prefix(3000))), font: font, width: cols[min(i, cols.count - 1)] - 2 * pad)
            }
            defer { layouts.forEach(c.release) }
            let h = min((layouts.map(c.height).max() ?? 10) + 2 * pad, c.bottom - c.margin)
            c.ensure(h)
            var x = c.margin
            for (i, l) in layouts.enumerated() {
                c.rect(x, c.y, cols[i], h, fill: shade, stroke: 0.4)
                c.place(l, x: x + pad, y: c.y + pad)
                x += cols[i]
            }
            c.y += h
        }
        drawRow(headers, font: "DejaVu Sans Bold 8", shade: 0.9)
        for row in rows { drawRow(row, font: "DejaVu Sans 8", shade: nil) }
        c.y += 8
    }

    static func drawChart(_ chart: BarChart, on c: PDFCanvas) {
        let height = 170.0, left = 28.0
        c.ensure(height + 40)
        let title = c.layout(chart.title, font: bold, width: c.contentWidth)
        c.flow(title, x: c.margin)
        c.release(title)
        let top = c.y + 6
        let plotH = height - 30
        let x0 = c.margin + left, width = c.contentWidth - left
        let maxValue = max(1, chart.values.max() ?? 1)
        for tick in [0, maxValue / 2, maxValue] {
            let y = top + plotH - plotH * Double(tick) / Double(maxValue)
            c.line(x0, y, x0 + width, y, grey: 0.8)
            let l = c.layout("\(tick)", font: "DejaVu Sans 7", width: left - 4)
            pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT)
            c.place(l, x: c.margin, y: y - 5)
            c.release(l)
        }
        let n = max(1, chart.values.count)
        let slot = width / Double(n)
        cairo_set_source_rgb(c.cr, 0.7, 0.13, 0.13)
        for (i, v) in chart.values.enumerated() where v > 0 {
            let h = plotH * Double(v) / Double(maxValue)
            cairo_rectangle(c.cr, x0 + Double(i) * slot + slot * 0.15, top + plotH - h, slot * 0.7, h)
        }
        cairo_fill(c.cr)
        c.setColor(0)
        let step = max(1, n / 8)
        for i in stride(from: 0, to: n, by: step) {
            let l = c.layout(HTMLRenderer.shortDay(chart.labels[i]), font: "DejaVu Sans 7", width: 40)
            c.place(l, x: x0 + Double(i) * slot, y: top + plotH + 3)
            c.release(l)
        }
        c.y = top + plotH + 16
        let caption = c.layout(chart.caption, font: "DejaVu Sans Oblique 8", width: c.contentWidth)
        c.flow(caption, x: c.margin)
        c.release(caption)
        c.y += 8
    }

    static func excerpt(_ e: EvidenceExcerpt, on c: PDFCanvas) {
        c.ensure(60)
        let headerText = e.reason + (e.note.map { " — " + iso($0) } ?? "")
        let head = c.layout(headerText, font: bold, width: c.contentWidth)
        c.flow(head, x: c.margin)
        c.release(head)
        let src = c.layout("Bron: " + iso(e.source), font: "DejaVu Sans 8", width: c.contentWidth)
        c.flow(src, x: c.margin)
        c.release(src)
        let hash = c.layout("SHA-256 " + e.sha256, font: mono, width: c.contentWidth)
        c.flow(hash, x: c.margin)
        c.release(hash)
        c.y += 3
        for line in e.lines {
            let text = line.time + "  " + iso(line.author) + ": " + iso(line.text) + "   " + line.origin
            let l = c.layout(text, font: line.isMarked ? "DejaVu Sans Bold 8.5" : "DejaVu Sans 8.5", width: c.contentWidth - 12)
            let h = c.height(l)
            if h < c.bottom - c.margin { c.ensure(h) }
            if line.isMarked { c.rect(c.margin + 4, c.y, c.contentWidth - 4, min(h, c.bottom - c.y), fill: 0.93) }
            c.line(c.margin + 1, c.y, c.margin + 1, c.y + min(h, c.bottom - c.y), grey: 0.4, width: 1.5)
            c.flow(l, x: c.margin + 8)
            c.release(l)
            c.y += 1
        }
        if let p = e.crop { crop(p, caption: e.cropCaption, on: c) }
        c.y += 10
    }
}
