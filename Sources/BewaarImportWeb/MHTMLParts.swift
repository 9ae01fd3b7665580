import BewaarMIME

/// The parts of an MHTML file (RFC 2557 multipart/related) as the MIME target reads them:
/// the top headers, each top-level part with its byte spans, and what was wrong.
struct MHTMLParts {
    struct Part {
        var number: Int
        var headers: HeaderBlock
        /// Lower-cased `type/subtype` (`text/plain` when none is declared).
        var mediaType: String
        /// Lower-cased Content-Transfer-Encoding (`7bit` when absent).
        var transferEncoding: String
        /// Span of the part's encoded body in the file.
        var bodyOffset: Int
        var bodyLength: Int
        /// Span of the whole part (headers and body).
        var offset: Int
        var length: Int
    }

    var headers: HeaderBlock
    var parts: [Part]
    var warnings: [String] = []

    /// The first value of header `name` (unfolded, not decoded).
    static func value(_ block: HeaderBlock, _ name: String) -> String? { block.first(name)?.text }

    /// Splits an MHTML file into its top-level parts (a multipart inside one stays one part).
    static func parse(_ bytes: [UInt8]) -> MHTMLParts {
        bytes.withUnsafeBufferPointer { b in
            var parser = MIMEParser(b, maxDepth: 1)
            let top = parser.parseMessage(start: 0, end: b.count)
            var result = MHTMLParts(headers: top.headers, parts: [])
            guard top.isMultipart else {
                result.warnings.append("Geen MIME-grens (boundary) in de kop; het bestand is als één deel gelezen.")
                result.parts = [Part(number: 1, headers: top.headers, mediaType: top.mediaType, transferEncoding: top.transferEncoding,
                                     bodyOffset: top.bodyStart, bodyLength: b.count - top.bodyStart, offset: 0, length: b.count)]
                return result
            }
            if parser.warnings.contains(where: { $0.code == "boundary-close-missing" }) {
                result.warnings.append("Het MHTML-bestand eindigt zonder slotgrens; mogelijk is het afgebroken.")
            }
            for (n, c) in top.children.enumerated() {
                result.parts.append(Part(number: n + 1, headers: c.headers, mediaType: c.mediaType, transferEncoding: c.transferEncoding,
                                         bodyOffset: c.bodyStart, bodyLength: max(0, c.bodyEnd - c.bodyStart),
                                         offset: c.start, length: max(0, c.bodyEnd - c.start)))
            }
            return result
        }
    }

    /// The decoded body of a part.
    static func decode(_ bytes: [UInt8], _ p: Part) -> [UInt8] {
        bytes.withUnsafeBufferPointer { b in
            PartDecoder.decodeAll(b, start: p.bodyOffset, end: p.bodyOffset + p.bodyLength, encoding: p.transferEncoding).0
        }
    }
}
