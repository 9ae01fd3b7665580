import Foundation
import BewaarModel
import BewaarStore

/// The body of /zaken/ID/tijdlijn/N/bron: a message beside its exact bytes in the original —
/// as text and as hex with their offsets — with the original's name, SHA-256, byte range and
/// line. A record whose bytes sit in a member of a zip (`_chat.txt`) is read from that member.
extension WebApp {
    /// At most this many bytes are shown as text; the hex shows the first `hexLimit`.
    static let sourceTextLimit = 64 * 1024
    static let hexLimit = 16 * 1024

    func sourcePage(_ id: CaseID, _ e: TimelineEntry, _ item: EvidenceItem, _ t: any PageText) -> HTML {
        let m = e.message
        // A record read from a screenshot: its pixels, not the file's bytes.
        if let box = m.origin.box { return pixelSourcePage(id, e, item, box, t) }
        // The bytes are in the item itself, or in the contained item its origin names.
        var original = item
        var name = item.name
        var readable = m.origin.part == nil
        if let part = m.origin.part, let member = try? store.containedItem(of: item.id, path: part) {
            original = member
            name = t.evidence.inMember(part, of: item.name)
            readable = true
        }
        var bytes: [UInt8]?
        if readable,
            let data = try? store.originalBytes(
                original.sha256, offset: max(0, m.origin.offset),
                count: Int(max(0, min(m.origin.length, Int64(Self.sourceTextLimit)))))
        {
            bytes = Array(data)
        }
        let raw = bytes.map { String(decoding: $0, as: UTF8.self) } ?? (m.origin.part.map(t.inPart) ?? t.unreadable)
        var hex: HTML = ""
        if let bytes {
            let shown = min(bytes.count, Self.hexLimit)
            let cut: HTML = m.origin.length > Int64(shown) ? "<p class=\"uitleg\">\(t.evidence.hexCut(shown: shown, total: m.origin.length))</p>" : ""
            hex = """
                <section aria-labelledby="hex"><h2 id="hex">\(t.evidence.hexHeading)</h2>\(cut)
                <pre class="hex" tabindex="0" aria-label="\(t.evidence.hexRegion)">\(Self.hexDump(bytes.prefix(shown), at: m.origin.offset))</pre></section>
                """
        }
        let conversation = "/zaken/\(id.description)/stukken/\(item.id)?bericht=\(e.id)#bericht-\(e.id)"
        return """
            <p>\(t.sourceIntro(name: name, sha256: original.sha256.hex, from: m.origin.offset, to: m.origin.offset &+ m.origin.length, line: m.origin.line))</p>
            <div class="kolommen">
            <section aria-labelledby="genorm"><h2 id="genorm">\(t.normalised)</h2><p>\(m.timestamp.map { Layout.time($0.date, t) } ?? t.noTime) – \(m.author ?? "—")</p><div class="bron">\(m.text)</div></section>
            <section aria-labelledby="orig"><h2 id="orig">\(t.originalBytes)</h2><div class="bron">\(raw)</div></section>
            </div>
            \(linkSection(of: e.id, in: id, t))
            \(hex)
            <p><a href="\(conversation)">\(t.evidence.inConversation)</a> · <a href="/zaken/\(id.description)/bewijs/\(original.id)">\(t.downloadWhole)</a> · \
            <a href="/zaken/\(id.description)/tijdlijn#bericht-\(e.id)">\(t.backToTimeline)</a></p>
            """
    }

    /// The origin of a record read from an image: the bubble cut out of the picture, what Bewaar
    /// read about it (side, time as shown, confidence, how the author and the day were found),
    /// the warning that OCR can misread, and the whole picture with the box outlined.
    func pixelSourcePage(_ id: CaseID, _ e: TimelineEntry, _ item: EvidenceItem, _ box: PixelRect, _ t: any PageText) -> HTML {
        let m = e.message, s = t.screenshot
        let src = "/zaken/\(id.description)/stukken/\(item.id)/afbeelding"
        let shown = imageType(item.sha256) != nil
        let size = shown ? ScreenshotView.size((try? store.itemExtra(item.id)) ?? [:]) : nil
        var crop: HTML = "<p class=\"melding\">\(t.evidence.notAnImage)</p>"
        var whole: HTML = ""
        if let size {
            crop = "<p>\(ScreenshotView.crop(src: src, box: box, image: size, alt: s.cropAlt(e.id)))</p>"
            let outline = ScreenshotView.Outline(number: e.id, box: box, href: "#genorm")
            whole = """
                <section aria-labelledby="geheel"><h2 id="geheel">\(s.wholeHeading)</h2><p class="uitleg">\(s.wholeNote)</p>
                <figure class="schermbeeld">\(ScreenshotView.outlined(src: src, image: size, boxes: [outline], alt: s.pictureAlt(item.name)))</figure></section>
                """
        }
        let facts: [HTML] = ScreenshotReading(m).map { ScreenshotView.facts($0, t) } ?? []
        let conversation = "/zaken/\(id.description)/stukken/\(item.id)?bericht=\(e.id)#bericht-\(e.id)"
        return """
            <p>\(s.sourceIntro(name: item.name, sha256: item.sha256.hex, box: box))</p>
            <div class="kolommen">
            <section aria-labelledby="genorm"><h2 id="genorm">\(t.normalised)</h2>\
            <p>\(m.timestamp.map { Layout.time($0.date, t) } ?? t.noTime) – \(ScreenshotView.author(m, t))</p>\
            <div class="bron">\(m.text)</div><p>\(ScreenshotView.note(m, t))</p></section>
            <section aria-labelledby="inbeeld"><h2 id="inbeeld">\(s.inImageHeading)</h2>\(crop)</section>
            </div>
            <section aria-labelledby="gelezen"><h2 id="gelezen">\(s.readHeading)</h2><dl class="kop">\(facts)</dl>
            <p class="melding">\(s.ocrWarning)</p></section>
            \(linkSection(of: e.id, in: id, t))
            \(whole)
            <p><a href="\(conversation)">\(t.evidence.inConversation)</a> · <a href="/zaken/\(id.description)/bewijs/\(item.id)">\(t.downloadWhole)</a> · \
            <a href="/zaken/\(id.description)/tijdlijn#bericht-\(e.id)">\(t.backToTimeline)</a></p>
            """
    }

    /// Sixteen bytes a line: the offset in the original (hex), the bytes, and the printable
    /// ASCII among them (anything else as a dot), e.g. `00000040  30 32 2d …  02-…`.
    static func hexDump(_ bytes: ArraySlice<UInt8>, at offset: Int64) -> String {
        var out = ""
        out.reserveCapacity(bytes.count * 5)
        var i = bytes.startIndex
        var address = offset
        while i < bytes.endIndex {
            let line = bytes[i..<min(i + 16, bytes.endIndex)]
            var hex = line.map { String($0, radix: 16).leftPadded(2) }.joined(separator: " ")
            hex += String(repeating: " ", count: 47 - hex.count)
            let ascii = String(line.map { (0x20...0x7E).contains($0) ? Character(Unicode.Scalar($0)) : "." })
            out += String(address, radix: 16).leftPadded(8) + "  " + hex + "  " + ascii + "\n"
            i = line.endIndex
            address += Int64(line.count)
        }
        return out
    }
}
