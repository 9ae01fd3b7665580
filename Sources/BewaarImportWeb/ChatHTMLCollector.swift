import BewaarHTML

/// Streams a chat export page (Snapchat `chat_history` HTML, TikTok `user_data` HTML) into
/// flat text units: the direct text of every block element and table cell, with the byte span of
/// the element, its table row and cell, the blocks around it, and the media it names.
/// No tree is built; the units are small compared with the page.
final class ChatHTMLCollector: HTMLEventHandler {
    /// One block element's own text.
    struct Unit {
        var text: String
        var offset: Int64
        var end: Int64
        /// The table row (counted from 1) and cell, when inside a `<td>`/`<th>`.
        var row: Int?
        var cell: Int
        var isHeading: Bool
        var media: [String]
        /// Start offsets of the enclosing blocks, outermost first, then this element's own.
        var path: [Int64]
    }

    private struct Open {
        var name: String
        var offset: Int64
        var text = ""
        var media: [String] = []
        var row: Int?
        var cell: Int
        var path: [Int64]
    }

    static let blocks: Set<String> = ["html", "body", "div", "p", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
                                      "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "main", "pre", "blockquote", "caption"]

    private var stack: [Open] = []
    private(set) var units: [Unit] = []
    /// Block start offset → end offset, for every closed block.
    private(set) var ends: [Int64: Int64] = [:]
    /// Row number → span of the `<tr>`.
    private(set) var rows: [Int: (Int64, Int64)] = [:]
    private var rowCount = 0
    private var currentRow: Int?
    private var cellIndex = 0
    private var skip = 0
    /// Enclosing blocks remembered per element: deeper ones keep only the outer `maxDepth - 1`
    /// and their own (hostile nesting stays linear); text per block is cut at `maxText` bytes.
    static let maxDepth = 256
    static let maxText = 8 << 20
    private(set) var deepBlocks = 0
    private(set) var truncated = 0

    func startElement(_ name: String, attributes: HTMLAttributes, offset: Int64, tagLength: Int64) {
        if name == "title" || name == "head" { skip += 1; return }
        if ["img", "video", "audio", "source"].contains(name), let s = attributes["src"], !s.isEmpty, !stack.isEmpty {
            stack[stack.count - 1].media.append(s)
        }
        if name == "a", let h = attributes["href"], !h.isEmpty, !h.hasPrefix("#"), !h.contains("://"), !h.hasPrefix("mailto:"), !h.hasPrefix("javascript:"), !stack.isEmpty {
            stack[stack.count - 1].media.append(h)
        }
        if name == "br", !stack.isEmpty { stack[stack.count - 1].text += "\n" }
        guard Self.blocks.contains(name) else { return }
        if name == "tr" { rowCount += 1; currentRow = rowCount; cellIndex = 0; rows[rowCount] = (offset, offset) }
        var row = stack.last?.row, cell = stack.last?.cell ?? 0
        if name == "td" || name == "th" { row = currentRow; cell = cellIndex; cellIndex += 1 }
        if name == "table" || name == "tbody" || name == "thead" { row = nil }
        if name == "tr" { row = rowCount }
        var path = stack.last?.path ?? []
        if path.count < Self.maxDepth { path.append(offset) } else { deepBlocks += 1; path[path.count - 1] = offset }
        stack.append(Open(name: name, offset: offset, row: row, cell: cell, path: path))
    }

    func endElement(_ name: String, end: Int64) {
        if name == "title" || name == "head" { skip = max(0, skip - 1); return }
        guard Self.blocks.contains(name), let i = stack.lastIndex(where: { $0.name == name }) else { return }
        while stack.count > i {
            let o = stack.removeLast()
            ends[o.offset] = end
            if o.name == "tr", let r = o.row { rows[r] = (o.offset, end); currentRow = nil }
            let t = VisibleText.collapse(o.text)
            if !t.isEmpty || !o.media.isEmpty {
                units.append(Unit(text: t, offset: o.offset, end: end, row: o.row, cell: o.cell,
                                  isHeading: o.name.count == 2 && o.name.hasPrefix("h") && o.name != "hr" || o.name == "caption",
                                  media: o.media, path: o.path))
            }
        }
    }

    func text(_ text: String) {
        guard skip == 0, !stack.isEmpty else { return }
        if stack[stack.count - 1].text.utf8.count + text.utf8.count > Self.maxText {
            if stack[stack.count - 1].text.utf8.count < Self.maxText { truncated += 1; stack[stack.count - 1].text += " " }
            return
        }
        stack[stack.count - 1].text += text
    }

    /// Units in document order.
    func sortedUnits() -> [Unit] {
        units.enumerated().sorted { $0.element.offset != $1.element.offset ? $0.element.offset < $1.element.offset : $0.offset < $1.offset }.map(\.element)
    }
}
