import Foundation

/// Screenshots in the HTML report: the picture as a `data:` PNG (the page loads nothing) inside
/// an SVG that outlines and numbers each message read, the numbered list beside it; a marked
/// message's bubble quoted as an image. Every text escaped and isolated.
extension HTMLRenderer {
    /// The picture as a `data:image/png;base64,…` address, or nil.
    static func dataURL(_ p: ReportPicture) -> String? {
        CairoPicture.png(p).map { "data:image/png;base64," + Data($0).base64EncodedString() }
    }

    static func screenshot(_ f: ScreenshotFigure) -> String {
        var s = "<figure class=\"shot\">\n"
        if let p = f.picture, let url = dataURL(p), f.imageWidth > 0, f.imageHeight > 0 {
            let (w, h) = (f.imageWidth, f.imageHeight)
            let line = max(2, w / 250), font = max(14, w / 28)
            s += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(escape(f.title))\">"
            s += "<image href=\"\(url)\" x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\"/>"
            for m in f.messages {
                guard let b = m.box, !b.isEmpty else { continue }
                s +=
                    "<rect x=\"\(b.x)\" y=\"\(b.y)\" width=\"\(b.width)\" height=\"\(b.height)\" fill=\"none\" stroke=\"#c8102e\" "
                    + "stroke-width=\"\(m.isMarked ? line * 2 : line)\"/>"
                s +=
                    "<text x=\"\(b.x + line * 2)\" y=\"\(b.y + font)\" font-size=\"\(font)\" font-family=\"sans-serif\" font-weight=\"bold\" "
                    + "fill=\"#c8102e\" stroke=\"#fff\" stroke-width=\"\(max(1, line / 2))\" paint-order=\"stroke\">\(m.number)</text>"
            }
            s += "</svg>\n"
        }
        s +=
            "<figcaption><p class=\"meta\"><strong>\(isolated(f.title))</strong><br>SHA-256: <code>\(escape(f.sha256))</code></p>\n<ol class=\"read\">\n"
        for m in f.messages {
            s +=
                "<li value=\"\(m.number)\"\(m.isMarked ? " class=\"marked\"" : "")><small>\(isolated(m.facts))</small><br>"
                + isolated(m.text).replacingOccurrences(of: "\n", with: "<br>") + "</li>\n"
        }
        s += "</ol>\n"
        if let note = f.note { s += "<p class=\"meta\">\(isolated(note))</p>\n" }
        return s + "</figcaption>\n</figure>\n"
    }

    /// A marked message's bubble as an image, with what it is.
    static func crop(_ p: ReportPicture, caption: String?) -> String {
        guard let url = dataURL(p) else { return "" }
        let alt = caption ?? ""
        return "<figure class=\"crop\"><img src=\"\(url)\" width=\"\(p.width)\" height=\"\(p.height)\" alt=\"\(escape(alt))\">"
            + (caption.map { "<figcaption>\(isolated($0))</figcaption>" } ?? "") + "</figure>\n"
    }
}
