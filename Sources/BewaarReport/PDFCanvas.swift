import CBewaarPangoCairo

/// A thin owning layer over one cairo PDF surface and its context: A4 pages, a cursor that
/// moves down the page, text laid out by pango (plain text only, never markup) and a new page
/// whenever the next line would not fit. Not Sendable: one document on one task.
final class PDFCanvas {
    let pageWidth = 595.276
    let pageHeight = 841.89
    let margin = 56.0
    var contentWidth: Double { pageWidth - 2 * margin }
    var bottom: Double { pageHeight - margin - 18 }

    private let surface: OpaquePointer
    let cr: OpaquePointer
    private(set) var page = 1
    var y: Double
    let footer: String
    private var finished = false

    init(path: String, title: String, footer: String) throws(ReportError) {
        guard let s = cairo_pdf_surface_create(path, pageWidth, pageHeight), cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
            throw ReportError(nl: "Kan \(path) niet schrijven.", en: "Cannot write \(path).")
        }
        surface = s
        cr = cairo_create(s)
        y = margin
        self.footer = footer
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Bewaar")
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Ends the document: the last footer, then the file is flushed and checked.
    func finish() throws(ReportError) {
        guard !finished else { return }
        finished = true
        drawFooter()
        cairo_show_page(cr)
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw ReportError(nl: "Het PDF-bestand kon niet worden afgemaakt.", en: "The PDF file could not be completed.")
        }
    }

    func newPage() {
        drawFooter()
        cairo_show_page(cr)
        page += 1
        y = margin
    }

    /// Makes sure `height` points fit below the cursor, else starts a new page.
    func ensure(_ height: Double) {
        if y + height > bottom && y > margin { newPage() }
    }

    private func drawFooter() {
        let l = layout(footer + " — pagina \(page)", font: "DejaVu Sans 7.5", width: contentWidth)
        defer { release(l) }
        setColor(0.35)
        cairo_move_to(cr, margin, pageHeight - margin + 4)
        pango_cairo_show_layout(cr, l)
        setColor(0)
    }

    func setColor(_ grey: Double) { cairo_set_source_rgb(cr, grey, grey, grey) }

    /// A pango layout of plain text; the caller releases it.
    func layout(_ text: String, font: String, width: Double, wrapAnywhere: Bool = true) -> OpaquePointer {
        let l = pango_cairo_create_layout(cr)!
        let desc = pango_font_description_from_string(font)
        pango_layout_set_font_description(l, desc)
        pango_font_description_free(desc)
        pango_layout_set_width(l, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_text(l, text, -1)
        return l
    }

    func release(_ layout: OpaquePointer) {
        bewaar_g_object_unref(UnsafeMutableRawPointer(layout))
    }

    func height(_ layout: OpaquePointer) -> Double {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(PANGO_SCALE)
    }

    /// Draws a layout at `x` from the cursor down, line by line, breaking pages between lines.
    func flow(_ layout: OpaquePointer, x: Double) {
        let scale = Double(PANGO_SCALE)
        guard let iter = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iter) }
        var offset = 0.0
        var pageTop = y
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let top = Double(logical.y) / scale - offset
            let h = Double(logical.height) / scale
            if pageTop + top + h > bottom {
                newPage()
                offset = Double(logical.y) / scale
                pageTop = y
            }
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale - offset
            cairo_move_to(cr, x + Double(logical.x) / scale, pageTop + baseline)
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter))
            y = pageTop + top + h
        } while pango_layout_iter_next_line(iter) != 0
    }

    /// Lays out `text` at the left margin over the whole width and draws it from the cursor down.
    func flowText(_ text: String, font: String, indent: Double = 0) {
        let l = layout(text, font: font, width: contentWidth - indent)
        flow(l, x: margin + indent)
        release(l)
    }

    /// Draws a layout at a fixed point without moving the cursor.
    func place(_ layout: OpaquePointer, x: Double, y: Double) {
        cairo_move_to(cr, x, y)
        pango_cairo_show_layout(cr, layout)
    }

    func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: Double? = nil, stroke: Double? = nil, lineWidth: Double = 0.5) {
        cairo_rectangle(cr, x, y, w, h)
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke {
            setColor(stroke)
            cairo_set_line_width(cr, lineWidth)
            cairo_stroke(cr)
        }
        setColor(0)
    }

    /// Draws `picture` with its top left at x, y, scaled to `width` × `height` points.
    func image(_ picture: ReportPicture, x: Double, y: Double, width: Double, height: Double) {
        guard let surface = CairoPicture.surface(picture) else { return }
        defer { cairo_surface_destroy(surface) }
        cairo_save(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, width / Double(picture.width), height / Double(picture.height))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, grey: Double = 0, width: Double = 0.5) {
        setColor(grey)
        cairo_set_line_width(cr, width)
        cairo_move_to(cr, x1, y1)
        cairo_line_to(cr, x2, y2)
        cairo_stroke(cr)
        setColor(0)
    }
}
