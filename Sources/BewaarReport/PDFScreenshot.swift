import CBewaarPangoCairo

/// Screenshots in the PDF: the picture in a narrow column with each message read outlined in
/// red and numbered, the numbered messages beside it; a marked message's bubble quoted as an image.
extension PDFRenderer {
    /// The width of a screenshot's picture in points (about 6 cm).
    static let pictureColumn = 170.0
    /// The widest a quoted bubble is drawn, in points.
    static let cropWidth = 300.0

    static func setRed(_ c: PDFCanvas) { cairo_set_source_rgb(c.cr, 0.78, 0.06, 0.18) }

    static func screenshot(_ f: ScreenshotFigure, on c: PDFCanvas) {
        c.ensure(60)
        c.flowText(iso(f.title), font: bold)
        c.flowText("SHA-256 " + f.sha256, font: mono)
        c.y += 4
        var listX = c.margin, listWidth = c.contentWidth
        var y = c.y
        var pictureBottom = c.y
        let page: Int
        if let p = f.picture, f.imageWidth > 0, f.imageHeight > 0 {
            var w = pictureColumn, h = pictureColumn * Double(p.height) / Double(p.width)
            let most = c.bottom - c.margin - 30
            if h > most { w *= most / h; h = most }
            c.ensure(h)
            let top = c.y
            c.image(p, x: c.margin, y: top, width: w, height: h)
            c.rect(c.margin, top, w, h, stroke: 0.5)
            outline(f, x: c.margin, y: top, scale: (w / Double(f.imageWidth), h / Double(f.imageHeight)), on: c)
            pictureBottom = top + h
            y = top
            listX = c.margin + w + 12
            listWidth = c.contentWidth - w - 12
        }
        page = c.page
        for m in f.messages {
            let facts = c.layout("\(m.number). " + iso(m.facts), font: m.isMarked ? "DejaVu Sans Bold 7.5" : "DejaVu Sans 7.5", width: listWidth)
            let text = c.layout(iso(String(m.text.prefix(2000))), font: m.isMarked ? "DejaVu Sans Bold 8.5" : "DejaVu Sans 8.5", width: listWidth)
            let h = c.height(facts) + c.height(text)
            if y + h > c.bottom {
                c.newPage()
                y = c.margin
                listX = c.margin
                listWidth = c.contentWidth
            }
            c.setColor(0.3)
            c.place(facts, x: listX, y: y)
            c.setColor(0)
            c.place(text, x: listX, y: y + c.height(facts))
            c.release(facts)
            c.release(text)
            y += h + 4
        }
        c.y = c.page == page ? max(pictureBottom, y) : y
        c.y += 4
        if let note = f.note { c.flowText(iso(note), font: "DejaVu Sans Oblique 8") }
        c.y += 10
    }

    /// Each message's box on the picture drawn at x, y with `scale`: a red frame and its number.
    static func outline(_ f: ScreenshotFigure, x: Double, y: Double, scale: (x: Double, y: Double), on c: PDFCanvas) {
        for m in f.messages {
            guard let b = m.box, !b.isEmpty else { continue }
            let bx = x + Double(max(0, b.x)) * scale.x, by = y + Double(max(0, b.y)) * scale.y
            let bw = Double(min(b.width, f.imageWidth)) * scale.x, bh = Double(min(b.height, f.imageHeight)) * scale.y
            setRed(c)
            cairo_set_line_width(c.cr, m.isMarked ? 1.6 : 0.8)
            cairo_rectangle(c.cr, bx, by, bw, bh)
            cairo_stroke(c.cr)
            let label = c.layout("\(m.number)", font: "DejaVu Sans Bold 6.5", width: 30)
            var w: Int32 = 0, h: Int32 = 0
            pango_layout_get_size(label, &w, &h)
            let lw = Double(w) / Double(PANGO_SCALE), lh = Double(h) / Double(PANGO_SCALE)
            cairo_rectangle(c.cr, bx, by, lw + 2, lh)
            cairo_set_source_rgb(c.cr, 1, 1, 1)
            cairo_fill(c.cr)
            setRed(c)
            c.place(label, x: bx + 1, y: by)
            c.release(label)
            c.setColor(0)
        }
    }

    /// A marked message's bubble, cut out of its screenshot, under the excerpt.
    static func crop(_ p: ReportPicture, caption: String?, on c: PDFCanvas) {
        var w = min(cropWidth, c.contentWidth - 12), h = w * Double(p.height) / Double(p.width)
        if h > 220 { w *= 220 / h; h = 220 }
        c.ensure(h + 24)
        if let caption { c.flowText(iso(caption), font: "DejaVu Sans Oblique 7.5", indent: 8) }
        c.y += 2
        c.image(p, x: c.margin + 8, y: c.y, width: w, height: h)
        setRed(c)
        cairo_set_line_width(c.cr, 1)
        cairo_rectangle(c.cr, c.margin + 8, c.y, w, h)
        cairo_stroke(c.cr)
        c.setColor(0)
        c.y += h + 4
    }
}
