import BewaarModel
import BewaarQR

/// Renders a report as one self-contained HTML page: no scripts, no external resources, every
/// text escaped and direction-isolated, long words wrapped.
public enum HTMLRenderer {
    public static func render(_ doc: ReportDocument) -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(doc.title))</title>
            <style>
            body { font-family: "DejaVu Serif", Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.45; }
            h1, h2, h3 { font-family: "DejaVu Sans", Arial, sans-serif; }
            h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #888; margin-top: 2em; } h3 { font-size: 1.05em; }
            p, li, td, th, dd, pre { overflow-wrap: anywhere; word-break: break-word; }
            table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
            th, td { border: 1px solid #999; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
            th { background: #e6e6e6; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
            dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
            pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.8em; white-space: pre-wrap; }
            .notice { border: 2px solid #444; padding: 0.5em 0.8em; background: #f4f4f4; }
            .excerpt { border: 1px solid #999; padding: 0.4em 0.6em; margin: 1em 0; }
            .excerpt .line { margin: 0.15em 0; } .excerpt .marked { background: #fff1a8; font-weight: bold; }
            .excerpt .meta { font-size: 0.8em; color: #333; }
            figure { margin: 1em 0; } figcaption { font-size: 0.85em; }
            .shot { display: grid; grid-template-columns: 14em 1fr; gap: 1em; align-items: start; break-inside: avoid; }
            .shot svg { width: 100%; height: auto; border: 1px solid #999; } .shot ol.read { padding-left: 1.6em; margin: 0.3em 0; }
            .shot ol.read li { margin: 0.25em 0; } .shot ol.read li.marked { background: #fff1a8; font-weight: bold; }
            .shot figcaption { font-size: 0.9em; } .shot .meta { font-size: 0.85em; color: #333; }
            .crop img { max-width: min(100%, 24em); height: auto; border: 2px solid #c8102e; } .crop figcaption { font-size: 0.8em; }
            .pagebreak { break-after: page; }
            @media print { body { max-width: none; } }
            </style>
            </head>
            <body>

            """
        for block in doc.blocks { h += render(block) }
        h += "<footer><p><small>\(escape(doc.footer))</small></p></footer>\n</body>\n</html>\n"
        return h
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let text, let level):
            let l = min(max(level, 1), 3)
            return "<h\(l)>\(escape(text))</h\(l)>\n"
        case .paragraph(let text):
            return "<p>" + isolated(text).replacingOccurrences(of: "\n", with: "<br>") + "</p>\n"
        case .facts(let facts):
            return "<dl class=\"facts\">\n" + facts.map { "<dt>\(escape($0.label))</dt><dd>\(isolated($0.value))</dd>\n" }.joined() + "</dl>\n"
        case .bullets(let items):
            return "<ul>\n" + items.map { "<li>\(isolated($0))</li>\n" }.joined() + "</ul>\n"
        case .numbered(let items):
            return "<ol>\n" + items.map { "<li>\(isolated($0))</li>\n" }.joined() + "</ol>\n"
        case .table(let headers, let rows, _):
            var s = "<table>\n<thead><tr>" + headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows { s += "<tr>" + row.map { "<td>\(isolated($0))</td>" }.joined() + "</tr>\n" }
            return s + "</tbody>\n</table>\n"
        case .chart(let chart):
            return "<figure>\n" + svg(chart) + "<figcaption>\(escape(chart.caption))</figcaption>\n</figure>\n"
        case .evidence(let e):
            var s = "<div class=\"excerpt\">\n<p class=\"meta\"><strong>\(escape(e.reason))</strong>"
            if let note = e.note { s += " — " + isolated(note) }
            s += "<br>\(escape("Bron")): \(isolated(e.source))<br>SHA-256: <code>\(escape(e.sha256))</code></p>\n"
            for l in e.lines {
                s += "<p class=\"line\(l.isMarked ? " marked" : "")\">\(escape(l.time)) <strong>\(isolated(l.author))</strong>: "
                    + isolated(l.text).replacingOccurrences(of: "\n", with: "<br>") + " <small>\(escape(l.origin))</small></p>\n"
            }
            if let p = e.crop { s += crop(p, caption: e.cropCaption) }
            return s + "</div>\n"
        case .screenshot(let f):
            return screenshot(f)
        case .code(let text):
            return "<pre>\(escape(text))</pre>\n"
        case .notice(let text):
            return "<p class=\"notice\">" + escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</p>\n"
        case .qrCode(let code, let caption):
            let n = code.sizeWithQuietZone
            return "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n) \(n)\" width=\"180\" height=\"180\" "
                + "role=\"img\" aria-label=\"QR-code\" shape-rendering=\"crispEdges\"><rect width=\"\(n)\" height=\"\(n)\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"\(code.svgPathData)\"/></svg>\n<figcaption><code>\(escape(caption))</code></figcaption>\n</figure>\n"
        case .pageBreak:
            return "<div class=\"pagebreak\"></div>\n"
        }
    }

    /// The chart as inline SVG (vector), with a title and an accessible description.
    static func svg(_ c: BarChart) -> String {
        let width = 720.0, height = 220.0, left = 40.0, bottom = 30.0, top = 24.0
        let maxValue = max(1, c.values.max() ?? 1)
        let n = max(1, c.values.count)
        let slot = (width - left - 10) / Double(n)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(c.title))\">\n"
        s += "<title>\(escape(c.title))</title>\n"
        s += "<text x=\"\(Int(left))\" y=\"16\" font-family=\"sans-serif\" font-size=\"13\">\(escape(c.title))</text>\n"
        let plotH = height - top - bottom
        for tick in [0, maxValue / 2, maxValue] {
            let y = top + plotH - plotH * Double(tick) / Double(maxValue)
            s += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#ccc\"/>"
            s += "<text x=\"\(left - 4)\" y=\"\(y + 4)\" font-size=\"10\" text-anchor=\"end\" font-family=\"sans-serif\">\(tick)</text>\n"
        }
        for (i, v) in c.values.enumerated() {
            let h = plotH * Double(v) / Double(maxValue)
            let x = left + Double(i) * slot + slot * 0.15
            s += "<rect x=\"\(fmt(x))\" y=\"\(fmt(top + plotH - h))\" width=\"\(fmt(slot * 0.7))\" height=\"\(fmt(h))\" fill=\"#b22222\"><title>\(escape(c.labels[i])): \(v)</title></rect>\n"
        }
        let step = max(1, n / 8)
        for i in stride(from: 0, to: n, by: step) {
            let x = left + Double(i) * slot + slot / 2
            s += "<text x=\"\(fmt(x))\" y=\"\(fmt(height - 10))\" font-size=\"10\" text-anchor=\"middle\" font-family=\"sans-serif\">\(escape(shortDay(c.labels[i])))</text>\n"
        }
        return s + "</svg>\n"
    }

    static func fmt(_ d: Double) -> String { String(format: "%.1f", d) }

    /// `2026-03-02` → `02-03`.
    static func shortDay(_ s: String) -> String {
        let p = s.split(separator: "-")
        return p.count == 3 ? "\(p[2])-\(p[1])" : s
    }

    /// Escapes text for HTML element content and attribute values, by the one rule shared with
    /// the web pages (``HTMLEscaping/escape(_:)``).
    public static func escape(_ s: String) -> String { HTMLEscaping.escape(s) }

    /// Escaped text inside `<bdi>`, so right-to-left marks in evidence cannot reorder the page.
    static func isolated(_ s: String) -> String { "<bdi>" + escape(s) + "</bdi>" }
}
import Foundation
