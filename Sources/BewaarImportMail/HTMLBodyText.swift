import BewaarHTML

/// Readable text from an HTML mail body, read by libxml2's HTML parser (through BewaarHTML):
/// `script`/`style`/`head` content dropped, block elements and `<br>` as line breaks, table
/// cells apart, character references decoded. For the record's text only; the HTML itself is
/// kept as an original. Nothing is fetched or run.
public enum HTMLBodyText {
    static let blocks: Set<String> = ["p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "hr", "ul", "ol", "title"]
    /// Elements without an end tag: one line break for the start alone.
    static let void: Set<String> = ["br", "hr"]
    static let skipped: Set<String> = ["script", "style", "head", "noscript", "template"]

    /// The text of `html` (already decoded from its charset).
    public static func text(_ html: String) -> String {
        let collector = Collector()
        // A byte-order mark: the text is UTF-8 now, whatever a `<meta charset>` in it says.
        _ = HTMLStreamParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array(html.utf8), handler: collector)
        return collector.out.trimmingBlanks
    }

    /// Gathers the text from the parser's events.
    final class Collector: HTMLEventHandler {
        var out = ""
        var pendingSpace = false
        var skipDepth = 0

        func startElement(_ name: String, attributes: HTMLAttributes, offset: Int64, tagLength: Int64) {
            let n = name.lowercased()
            if HTMLBodyText.skipped.contains(n) { skipDepth += 1; return }
            guard skipDepth == 0 else { return }
            mark(n)
        }

        func endElement(_ name: String, end: Int64) {
            let n = name.lowercased()
            if HTMLBodyText.skipped.contains(n) { skipDepth = max(0, skipDepth - 1); return }
            guard skipDepth == 0, !HTMLBodyText.void.contains(n) else { return }
            mark(n)
        }

        func text(_ text: String) {
            guard skipDepth == 0 else { return }
            for c in text.unicodeScalars {
                if c == " " || c == "\t" || c == "\n" || c == "\r" {
                    pendingSpace = true
                    continue
                }
                if pendingSpace && !out.isEmpty && !out.hasSuffix("\n") { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(c == "\u{A0}" ? " " : c)
            }
        }

        /// A block element starts or ends a line; a table cell is set apart by a space.
        func mark(_ n: String) {
            if HTMLBodyText.blocks.contains(n) {
                while out.hasSuffix(" ") { out.removeLast() }
                if !out.hasSuffix("\n\n") && !out.isEmpty { out.append("\n") }
                pendingSpace = false
            } else if n == "td" || n == "th" {
                pendingSpace = true
            }
        }
    }
}
