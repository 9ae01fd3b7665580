import Foundation
import BewaarModel
import BewaarStore

/// /zaken/ID/stukken/ITEM for an image: what is known about the file, its metadata, and the
/// picture with each message Bewaar read outlined and numbered, beside the list of those
/// messages (text, side, time as shown, confidence, author — assumed ones marked). A picture
/// the browser may not show inline (HEIC) is only described; the messages are listed all the same.
extension WebApp {
    func imagePage(_ v: Visit, _ id: CaseID, _ item: EvidenceItem, _ f: QueryFields) throws -> HTML {
        let e = v.t.evidence, s = v.t.screenshot
        let extra = (try? store.itemExtra(item.id)) ?? [:]
        let image = extra["image"]
        let pixels: HTML =
            (image?["width"]?.intValue).flatMap { w in
                (image?["height"]?.intValue).map { h -> HTML in "<p class=\"uitleg\">\(e.pixels(width: w, height: h))</p>" }
            } ?? ""
        let shown = imageType(item.sha256) != nil
        let lookalikes: [HTML] = lookalikeLines(item, in: id, v.t).map { "<p class=\"melding\">\($0)</p>" }
        let head: HTML = "\(itemFacts(v, id, item))\(pixels)\(lookalikes)\(metadataList(image?["metadata"], e))"
        let src = "/zaken/\(id.description)/stukken/\(item.id)/afbeelding"
        let plain: HTML =
            shown
            ? "<p><img class=\"bewijsbeeld\" src=\"\(src)\" alt=\"\(e.imageAlt(item.name))\"></p>"
            : "<p class=\"melding\">\(e.notAnImage)</p>"
        guard item.messageCount > 0 else {
            return "\(head)\(plain)"
        }
        let window = try store.records(item: item.id, at: try Self.recordPosition(f, v.t), limit: Self.conversationPageSize)
        let base = "/zaken/\(id)/stukken/\(item.id)"
        let back = "?terug=" + URLText.encode(base + "?vanaf=\(window.sequence.first ?? 0)")
        let numbered = Array(zip(window.sequence.map { $0 + 1 }, window.entries))
        let list: [HTML] = numbered.map { readMessage(v, id, number: $0.0, $0.1, backQuery: back) }
        var picture = plain
        if shown, let size = ScreenshotView.size(extra) {
            let boxes = numbered.compactMap { n, entry in
                entry.message.origin.box.map { ScreenshotView.Outline(number: n, box: $0, href: "#bericht-\(entry.id)") }
            }
            picture =
                "<figure class=\"schermbeeld\">\(ScreenshotView.outlined(src: src, image: size, boxes: boxes, alt: s.pictureAlt(item.name)))</figure>"
        }
        let pager = Self.pager(window, base: base + "?", v.t)
        return """
            \(head)
            <div class="naast">
            <div>\(picture)</div>
            <section aria-labelledby="gelezen"><h2 id="gelezen">\(s.messagesHeading)</h2>
            <p class="uitleg">\(s.readCount(item.messageCount))</p>
            <p class="melding">\(s.ocrWarning)</p>
            \(pager)<ol class="gelezen">\(list)</ol>\(pager)
            </section>
            </div>
            """
    }

    /// One message read from the image, numbered as its box in the picture: author (assumed
    /// ones marked), text, side, time as shown, confidence, its mark and the links to mark it
    /// and to see it in the picture.
    func readMessage(_ v: Visit, _ id: CaseID, number: Int64, _ entry: TimelineEntry, backQuery: String) -> HTML {
        let t = v.t, e = t.evidence, s = t.screenshot
        let m = entry.message
        let r = ScreenshotReading(m)
        var meta: [HTML] = []
        if let side = r?.side { meta.append("\(s.side(side))") }
        if let ts = m.timestamp {
            meta.append("<time datetime=\"\(ts.rfc3339)\">\(Layout.time(ts.date, t))</time>")
        } else if let time = r?.time {
            meta.append("\(s.shownAs(time))")
        }
        let note = ScreenshotView.note(m, t)
        if !note.raw.isEmpty { meta.append(note) }
        meta.append(
            "<a href=\"/zaken/\(id.description)/tijdlijn/\(entry.id)/markeren\(backQuery)\">\(entry.mark == nil ? e.markLink : e.changeMarkLink)</a>")
        meta.append("<a href=\"/zaken/\(id.description)/tijdlijn/\(entry.id)/bron\">\(ScreenshotView.originText(m.origin, t))</a>")
        let compared: [HTML] = linkLines(of: entry.id, in: id, t).map { "<p class=\"vergeleken\">\($0)</p>" }
        let mark: HTML = entry.mark.map { "<p class=\"markering\">\(e.markedAs(t.markReason($0.reason), note: $0.note, by: $0.by))</p>" } ?? ""
        let author: HTML = m.author == nil ? "" : "<p class=\"afzender\">\(ScreenshotView.author(m, t))</p>"
        let kind: HTML = m.kind == .deleted ? "<p class=\"soort\">\(e.deleted)</p>" : m.kind == .media ? "<p class=\"soort\">\(e.media)</p>" : ""
        let side = r?.side.map { " kant-" + ($0 == "outgoing" ? "rechts" : $0 == "system" ? "midden" : "links") } ?? ""
        return """
            <li id="bericht-\(entry.id)" class="gelezen\(side)\(HTML(raw: entry.mark == nil ? "" : " gemarkeerd"))"><span class="nummer">\(number)</span>\
            \(author)\(kind)<div class="bericht">\(m.text)</div>\(mark)\(compared)<p class="meta">\(HTML.join(meta, separator: " · "))</p></li>
            """
    }
}
