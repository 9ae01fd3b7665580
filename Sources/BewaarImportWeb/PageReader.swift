import Foundation
import BewaarModel
import BewaarHTML

/// Turns a saved page, streamed from libxml2, into records: one per visible block of text in
/// reading order, with the block's DOM path and the byte span of its element as origin.
/// Scripts, styles, iframes, objects and hidden elements are dropped (and counted); event-handler
/// attributes are never kept. Author and time are taken "as displayed" where the page marks them
/// (`class="…author…"`, `<time datetime>`); a block of only those labels lends them to the
/// blocks inside it.
final class PageReader: HTMLEventHandler {
    struct Frame {
        var name: String
        /// This element's step in the DOM path, e.g. `div[2]`.
        var component: String
        /// Records already made when this element opened (those after it are its descendants').
        var recordsAtStart = 0
        var offset: Int64
        var isBlock: Bool
        var hidden: Bool
        var text = ""
        var textBytes = 0
        var firstSeq: Int?
        var author: String?
        var time: Timestamp?
        var timeText: String?
        var kind: MessageKind?
        var capture: Capture?
        var captured = ""
        var childCounts: [String: Int] = [:]
        var labels: [String] = []
        var links: [JSONValue] = []
        var images: [JSONValue] = []
        var href: String?
        var datetime: String?
    }

    enum Capture { case author, time, link, title }

    static let blocks: Set<String> = [
        "html", "body", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "blockquote", "pre",
        "article", "section", "header", "footer", "main", "aside", "nav", "figcaption", "figure", "dd", "dt", "dl",
        "address", "caption", "form", "fieldset", "legend", "details", "summary", "table", "tr", "center", "noscript",
    ]
    static let dropped: Set<String> = ["script", "style", "iframe", "frame", "frameset", "object", "embed", "template",
                                       "svg", "noembed", "canvas", "applet", "math", "head"]

    /// Largest text kept in one record; the original always holds all of it.
    static let maxRecordBytes = 8 << 20

    let part: String?
    private(set) var stack: [Frame] = []
    private var records: [(seq: Int, message: Message)] = []
    private var seq = 0
    private var capturing = 0
    /// Indices into `stack` of block frames and of capturing frames (kept so deep pages stay linear).
    private var blockStack: [Int] = [0]
    private var captureStack: [Int] = []
    private(set) var maxDepth = 0
    private(set) var title: String?
    private(set) var header = SaveHeader()
    private var canonical: String?
    private var ogURL: String?
    private(set) var links: [JSONValue] = []
    private(set) var images: [JSONValue] = []
    private(set) var droppedCounts: [String: Int] = [:]
    private(set) var truncatedRecords = 0
    private var commentsSeen = 0

    init(part: String? = nil) {
        self.part = part
        stack.append(Frame(name: "#document", component: "", offset: 0, isBlock: true, hidden: false))
    }

    // MARK: events

    func startElement(_ name: String, attributes attrs: HTMLAttributes, offset: Int64, tagLength: Int64) {
        let attributes = attrs.all
        let parentIndex = stack.count - 1
        stack[parentIndex].childCounts[name, default: 0] += 1
        let k = stack[parentIndex].childCounts[name]!
        let component = (name == "html" || name == "head" || name == "body") ? name : "\(name)[\(k)]"
        var f = Frame(name: name, component: component, offset: offset,
                      isBlock: PageReader.blocks.contains(name), hidden: stack[parentIndex].hidden)
        f.recordsAtStart = records.count
        var classes: [Substring] = []
        var style = ""
        var isHidden = false
        for a in attributes {
            switch a.name {
            case "class": classes = a.value.lowercased().split(whereSeparator: \.isWhitespace)
            case "style": style = a.value.lowercased().filter { !$0.isWhitespace }
            case "hidden": isHidden = true
            case "href": f.href = a.value
            case "datetime": f.datetime = a.value
            default:
                if a.name.hasPrefix("on") { droppedCounts["eventHandlers", default: 0] += 1 }
            }
        }
        if PageReader.dropped.contains(name) {
            if name != "head" && !f.hidden { droppedCounts[name, default: 0] += 1 }
            f.hidden = true
        }
        if !f.hidden && (isHidden || style.contains("display:none") || style.contains("visibility:hidden")
                         || classes.contains("sf-hidden")) {
            droppedCounts["hidden", default: 0] += 1
            f.hidden = true
        }
        if classes.contains(where: { $0.contains("comment") }) { f.kind = .comment }
        else if classes.contains(where: { $0 == "post" || $0.hasPrefix("post-") || $0.hasSuffix("-post") }) { f.kind = .post }
        if !f.hidden {
            if classes.contains(where: { $0.contains("author") || $0.contains("username") })
                || attributes.contains(where: { $0.name == "itemprop" && $0.value == "author" }) {
                f.capture = .author
            } else if name == "time" {
                f.capture = .time
            } else if name == "a" && f.href != nil {
                f.capture = .link
            }
        }
        if name == "title" && title == nil { f.capture = .title; f.hidden = false }
        if f.capture != nil { capturing += 1; captureStack.append(stack.count) }
        if f.isBlock { blockStack.append(stack.count) }
        maxDepth = max(maxDepth, stack.count)
        switch name {
        case "img":
            if !f.hidden, let src = attributes.first(where: { $0.name == "src" })?.value {
                var o: [String: JSONValue] = ["src": .string(PageReader.shortened(src))]
                if let alt = attributes.first(where: { $0.name == "alt" })?.value, !alt.isEmpty { o["alt"] = .string(alt) }
                images.append(.object(o))
                if let b = blockIndex() { stack[b].images.append(.object(o)) }
            }
        case "link":
            let rel = attributes.first { $0.name == "rel" }?.value.lowercased() ?? ""
            if rel.split(separator: " ").contains("canonical"), let h = f.href { canonical = h }
        case "meta":
            let prop = (attributes.first { $0.name == "property" || $0.name == "name" }?.value ?? "").lowercased()
            if prop == "og:url", let c = attributes.first(where: { $0.name == "content" })?.value { ogURL = c }
        default: break
        }
        stack.append(f)
    }

    /// A `data:` URI can be megabytes: list its start only.
    static func shortened(_ s: String) -> String {
        s.hasPrefix("data:") && s.utf8.count > 80 ? String(s.prefix(60)) + "…(\(s.utf8.count) bytes)" : s
    }

    func endElement(_ name: String, end: Int64) {
        guard stack.count > 1 else { return }
        let f = stack.removeLast()
        if blockStack.last == stack.count { blockStack.removeLast() }
        if f.capture != nil {
            capturing -= 1
            if captureStack.last == stack.count { captureStack.removeLast() }
            let c = VisibleText.collapse(f.captured)
            switch f.capture! {
            case .title: title = c
            case .author:
                if let b = blockIndex(), !c.isEmpty {
                    if stack[b].author == nil { stack[b].author = c }
                    stack[b].labels.append(c)
                }
            case .time:
                if let b = blockIndex() {
                    if let dt = f.datetime, let t = Timestamp(rfc3339: dt) { stack[b].time = t }
                    stack[b].timeText = f.datetime ?? c
                    if !c.isEmpty { stack[b].labels.append(c) }
                }
            case .link:
                let o: JSONValue = .object(["href": .string(PageReader.shortened(f.href ?? "")), "text": .string(c)])
                links.append(o)
                if let b = blockIndex() { stack[b].links.append(o) }
            }
        }
        guard f.isBlock else {
            // An inline element's images and links already went to its block.
            return
        }
        emit(f, end: end)
        // A block's links and images are its own; its parent does not repeat them.
    }

    func text(_ text: String) {
        guard let top = stack.last, !top.hidden || top.capture == .title else { return }
        if capturing > 0 {
            for i in captureStack where stack[i].captured.utf8.count < 65536 { stack[i].captured += text }
        }
        if top.capture == .title { return }
        guard let b = blockIndex() else { return }
        if stack[b].firstSeq == nil && VisibleText.hasContent(text) { seq += 1; stack[b].firstSeq = seq }
        if stack[b].textBytes < PageReader.maxRecordBytes {
            stack[b].text += text
            stack[b].textBytes += text.utf8.count
        } else if stack[b].textBytes != Int.max {
            stack[b].textBytes = Int.max
            truncatedRecords += 1
        }
    }

    func comment(_ text: String, offset: Int64, length: Int64) {
        commentsSeen += 1
        if commentsSeen <= 20 { header.read(comment: text) }
    }

    private func blockIndex() -> Int? { blockStack.last }

    /// The DOM path of `f` (just closed) under the open elements; very deep paths keep their
    /// first and last 64 steps.
    private func path(of f: Frame) -> String {
        let steps = stack.dropFirst().map(\.component) + [f.component]
        if steps.count <= 128 { return "/" + steps.joined(separator: "/") }
        return "/" + steps.prefix(64).joined(separator: "/") + "/…(\(steps.count - 128))…/" + steps.suffix(64).joined(separator: "/")
    }

    private func emit(_ f: Frame, end: Int64) {
        guard !f.hidden, let first = f.firstSeq else { return }
        var text = VisibleText.collapse(f.text)
        if f.author != nil || f.time != nil {
            var rest = text
            for l in f.labels where !l.isEmpty {
                if let r = rest.range(of: l) { rest.removeSubrange(r) }
            }
            if !VisibleText.hasContent(rest) {
                // Only labels: they go to the blocks inside, and so do this block's links and images.
                if !f.links.isEmpty || !f.images.isEmpty,
                   records.count > f.recordsAtStart {
                    let k = records.count - 1
                    var e = records[k].message.extra
                    if !f.links.isEmpty { e["links"] = .array((e["links"]?.arrayValue ?? []) + f.links) }
                    if !f.images.isEmpty { e["images"] = .array((e["images"]?.arrayValue ?? []) + f.images) }
                    records[k].message.extra = e
                }
                return
            }
        }
        if text.isEmpty { return }
        var author = f.author, time = f.time, timeText = f.timeText, kind = f.kind
        for bi in blockStack.reversed().prefix(64) {
            let a = stack[bi]
            if author == nil { author = a.author }
            if time == nil && timeText == nil { time = a.time; timeText = a.timeText }
            if kind == nil { kind = a.kind }
        }
        var extra: [String: JSONValue] = ["path": .string(path(of: f))]
        if !f.links.isEmpty { extra["links"] = .array(f.links) }
        if !f.images.isEmpty { extra["images"] = .array(f.images) }
        if author != nil || time != nil { extra["asDisplayed"] = .bool(true) }
        if time == nil, let t = timeText { extra["timeAsDisplayed"] = .string(t) }
        var flags: [String] = []
        if f.textBytes == Int.max { flags.append("truncated"); text += " […]" }
        let m = Message(timestamp: time, author: author, text: text, kind: kind ?? .text,
                        origin: Origin(line: nil, offset: f.offset, length: max(0, end - f.offset), part: part),
                        flags: flags, extra: extra)
        records.append((first, m))
    }

    // MARK: results

    /// The records in reading order.
    var messages: [Message] { records.sorted { $0.seq < $1.seq }.map(\.message) }

    /// The page's address: the save header first, then canonical, then og:url.
    var url: (String, String)? {
        if let u = header.url { return (u, header.urlSource ?? "header") }
        if let c = canonical { return (c, "canonical") }
        if let o = ogURL { return (o, "og:url") }
        return nil
    }
}
