import BewaarModel

/// What the screenshot importer wrote about one record it read from pixels (`flags` `ocr`,
/// `extra.screenshot`, `origin.box`), as the pages show it. Every value is evidence-derived and
/// goes into HTML escaped.
struct ScreenshotReading: Sendable {
    var box: PixelRect?
    var confidence: Int?
    var side: String?
    /// The time as the bubble shows it ("20:14").
    var time: String?
    var daySeparator: String?
    var authorBasis: String?
    var timestampBasis: String?

    /// The reading of `m`, or nil when `m` was not read from an image.
    init?(_ m: Message) {
        guard m.flags.contains("ocr") else { return nil }
        let s = m.extra["screenshot"]
        box = m.origin.box
        confidence = s?["confidence"]?.intValue.map { Int(clamping: $0) }
        side = s?["side"]?.stringValue
        time = s?["time"]?.stringValue
        daySeparator = s?["daySeparator"]?.stringValue
        authorBasis = s?["authorBasis"]?.stringValue
        timestampBasis = s?["timestampBasis"]?.stringValue
    }

    var authorAssumed: Bool { authorBasis == "assumed-owner" }
}

/// The pieces every page uses for records read from a screenshot: the "uit afbeelding · 87 %
/// zeker" mark, an assumed author marked as assumed, the origin as pixels, and the picture
/// (whole, cut to one box, or with every box outlined and numbered) as inline SVG over the
/// item's own image route (`img-src 'self'`; no script, no new route).
enum ScreenshotView {
    /// The mark after a record's text: read from an image, and how sure; "" for other records.
    static func note(_ m: Message, _ t: any PageText) -> HTML {
        guard let r = ScreenshotReading(m) else { return "" }
        let low = (r.confidence ?? 100) < 60 || m.flags.contains("low-confidence")
        return "<span class=\"ocr\(HTML(raw: low ? " laag" : ""))\">\(t.screenshot.fromImage(confidence: r.confidence))</span>"
    }

    /// The time a bubble shows, for a record whose day is not known ("getoond: 20:14"); "" otherwise.
    static func shownTime(_ m: Message, _ t: any PageText) -> HTML {
        guard m.timestamp == nil, let time = ScreenshotReading(m)?.time else { return "" }
        return "<br><span class=\"uitleg\">\(t.screenshot.shownAs(time))</span>"
    }

    /// The author, with "(aangenomen)" when the importer assumed it (the phone's owner).
    static func author(_ m: Message, _ t: any PageText, none: String = "—") -> HTML {
        let name: HTML = "\(m.author ?? none)"
        guard let r = ScreenshotReading(m), r.authorAssumed else { return name }
        return "\(name) <span class=\"aangenomen\">\(t.screenshot.assumed)</span>"
    }

    /// The text of a link to a record's origin: its pixel box, or its byte range.
    static func originText(_ o: Origin, _ t: any PageText) -> String {
        if let box = o.box { return t.screenshot.pixels(box) }
        return "bytes \(o.offset)–\(o.offset &+ o.length)"
    }

    /// The size of an image item as its format fields give it (`image.width`, `image.height`).
    static func size(_ extra: [String: JSONValue]) -> (width: Int, height: Int)? {
        guard let w = extra["image"]?["width"]?.intValue, let h = extra["image"]?["height"]?.intValue, w > 0, h > 0,
            w <= Int64(Int32.max), h <= Int64(Int32.max)
        else { return nil }
        return (Int(w), Int(h))
    }

    /// The part of the picture inside `box`: an SVG whose view box is the box, over the whole image.
    static func crop(src: String, box: PixelRect, image: (width: Int, height: Int), alt: String) -> HTML {
        let b = clipped(box, image)
        return """
            <svg class="uitsnede" xmlns="http://www.w3.org/2000/svg" viewBox="\(b.x) \(b.y) \(b.width) \(b.height)" \
            width="\(b.width)" height="\(b.height)" role="img" aria-label="\(alt)"><title>\(alt)</title>\
            <image href="\(src)" x="0" y="0" width="\(image.width)" height="\(image.height)"/></svg>
            """
    }

    /// One box of `outlined`: its number and where its link goes.
    struct Outline {
        var number: Int64
        var box: PixelRect
        var href: String
    }

    /// The whole picture with each box outlined in red and numbered (each number a link).
    static func outlined(src: String, image: (width: Int, height: Int), boxes: [Outline], alt: String) -> HTML {
        let line = max(2, image.width / 250), font = max(14, image.width / 28)
        let marks: [HTML] = boxes.map { o in
            let b = clipped(o.box, image)
            return """
                <a href="\(o.href)"><rect x="\(b.x)" y="\(b.y)" width="\(b.width)" height="\(b.height)" fill="none" stroke="#c8102e" \
                stroke-width="\(line)"/><text x="\(b.x + line * 2)" y="\(b.y + font)" font-size="\(font)" font-family="DejaVu Sans, sans-serif" \
                font-weight="bold" fill="#c8102e" stroke="#fff" stroke-width="\(max(1, line / 2))" paint-order="stroke">\(o.number)</text></a>
                """
        }
        return """
            <svg class="schermbeeld" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(image.width) \(image.height)" \
            width="\(image.width)" height="\(image.height)" role="img" aria-label="\(alt)"><title>\(alt)</title>\
            <image href="\(src)" x="0" y="0" width="\(image.width)" height="\(image.height)"/>\(marks)</svg>
            """
    }

    /// `box` within the image (a box the importer wrote always is; a hostile store need not be).
    static func clipped(_ box: PixelRect, _ image: (width: Int, height: Int)) -> PixelRect {
        let x = min(max(0, box.x), image.width - 1), y = min(max(0, box.y), image.height - 1)
        let w = min(max(1, box.width), image.width - x), h = min(max(1, box.height), image.height - y)
        return PixelRect(x: x, y: y, width: w, height: h)
    }

    /// What Bewaar read about one record, as label–value rows of a `<dl>`.
    static func facts(_ r: ScreenshotReading, _ t: any PageText) -> [HTML] {
        let s = t.screenshot
        var rows: [HTML] = []
        if let side = r.side { rows.append("<dt>\(s.colSide)</dt><dd>\(s.side(side))</dd>") }
        rows.append("<dt>\(s.colShownTime)</dt><dd>\(r.time ?? s.noShownTime)</dd>")
        if let c = r.confidence { rows.append("<dt>\(s.colConfidence)</dt><dd>\(s.confidence(c))</dd>") }
        if let basis = r.authorBasis { rows.append("<dt>\(s.colAuthorBasis)</dt><dd>\(s.authorBasis(basis))</dd>") }
        if r.side != nil { rows.append("<dt>\(s.colDay)</dt><dd>\(s.dayBasis(r.timestampBasis))</dd>") }
        if let sep = r.daySeparator { rows.append("<dt>\(s.colDaySeparator)</dt><dd class=\"bericht\">\(sep)</dd>") }
        return rows
    }
}
