/// The header section of a message or MIME part: fields in order, and where the body begins.
public struct HeaderBlock: Sendable, Hashable {
    public var fields: [HeaderField]
    /// Offset of the first body byte (after the blank line), in the same buffer as the fields.
    public var bodyStart: Int
    /// Whether a blank line ended the headers (false: the input ended, or the body began
    /// without one).
    public var hadSeparator: Bool

    public init(fields: [HeaderField] = [], bodyStart: Int, hadSeparator: Bool) {
        self.fields = fields
        self.bodyStart = bodyStart
        self.hadSeparator = hadSeparator
    }

    /// The first field named `name` (case-insensitive).
    public func first(_ name: String) -> HeaderField? {
        let k = name.lowercased()
        return fields.first { $0.key == k }
    }

    /// Every field named `name`, in order.
    public func all(_ name: String) -> [HeaderField] {
        let k = name.lowercased()
        return fields.filter { $0.key == k }
    }

    /// Reads the header section at the start of `bytes` (a saved message or a block of
    /// transport headers); problems are dropped. For the sender trace and other readers of raw
    /// headers.
    public static func parse(_ bytes: [UInt8]) -> HeaderBlock {
        var w: [MailWarning] = []
        return bytes.withUnsafeBufferPointer { parse($0, start: 0, end: $0.count, isMessage: true, warnings: &w, inFile: false) }
    }

    /// Reads the header section of `b[start..<end]`. `isMessage` allows junk before the first
    /// header (an mbox `From ` line, a tool's banner), as saved top-level messages have.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>, start: Int, end: Int, isMessage: Bool,
                      warnings: inout [MailWarning], inFile: Bool) -> HeaderBlock {
        var fields: [HeaderField] = []
        var i = start
        var current: (nameEnd: Int, colon: Int, start: Int, contentEnd: Int, next: Int)?
        var sawNUL = false
        var saw8Bit = false

        func flush() {
            guard let c = current else { return }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[c.start..<c.nameEnd]), as: UTF8.self)
            let value = Array(UnsafeBufferPointer(rebasing: b[(c.colon + 1)..<c.contentEnd]))
            let f = HeaderField(name: name, rawValue: value, offset: c.start, length: c.next - c.start)
            if !saw8Bit && f.hasRaw8BitNonUTF8 {
                saw8Bit = true
                warnings.append(MailWarning(message: "Header \(name) bevat 8-bit tekens die geen UTF-8 zijn; gelezen als windows-1252.",
                                            code: "header-8bit", offset: c.start, inFile: inFile))
            }
            fields.append(f)
            current = nil
        }

        /// Whether the line at `p` looks like `Name:`.
        func headerLine(_ p: Int, _ contentEnd: Int) -> (nameEnd: Int, colon: Int)? {
            var j = p
            while j < contentEnd {
                let c = b[j]
                if c == 0x3A || c <= 0x20 || c >= 0x7F { break }
                j += 1
            }
            guard j > p else { return nil }
            var k = j
            while k < contentEnd, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
            guard k < contentEnd, b[k] == 0x3A else { return nil }
            return (j, k)
        }

        var bodyStart = end
        var hadSeparator = false
        while i < end {
            let (ce, next) = LineEnds.line(b, from: i, end: end)
            if !sawNUL, UnsafeBufferPointer(rebasing: b[i..<ce]).contains(0) {
                sawNUL = true
                warnings.append(MailWarning(message: "NUL-bytes in de headers.", code: "header-nul", offset: i, inFile: inFile))
            }
            if ce == i {
                // The blank line ending the headers.
                flush()
                bodyStart = next
                hadSeparator = true
                break
            }
            let c0 = b[i]
            if c0 == 0x20 || c0 == 0x09 {
                if current != nil {
                    current!.contentEnd = ce
                    current!.next = next
                } else if fields.isEmpty && isMessage {
                    warnings.append(MailWarning(message: "Ingesprongen regel vóór de eerste header overgeslagen.", code: "junk-before-headers",
                                                offset: i, inFile: inFile))
                } else {
                    warnings.append(MailWarning(message: "Vervolgregel zonder header ervoor overgeslagen.", code: "header-orphan-continuation",
                                                offset: i, inFile: inFile))
                }
                i = next
                continue
            }
            if let h = headerLine(i, ce) {
                flush()
                current = (h.nameEnd, h.colon, i, ce, next)
                i = next
                continue
            }
            // Not a header line.
            flush()
            if fields.isEmpty && isMessage {
                if LineEnds.matches(b, at: i, end: ce, Array("From ".utf8)) || LineEnds.matches(b, at: i, end: ce, Array(">From ".utf8)) {
                    warnings.append(MailWarning(message: "Mbox-scheidingsregel (From ) vóór de headers overgeslagen.", code: "mbox-from-line",
                                                offset: i, inFile: inFile))
                    i = next
                    continue
                }
                // Junk only when a header follows within a few lines; else there are no headers.
                var p = next, n = 0, found = false
                while p < end && n < 20 {
                    let (ce2, next2) = LineEnds.line(b, from: p, end: end)
                    if ce2 == p { break }
                    if headerLine(p, ce2) != nil { found = true; break }
                    p = next2; n += 1
                }
                if found {
                    warnings.append(MailWarning(message: "Regel(s) vóór de eerste header overgeslagen (geen header).", code: "junk-before-headers",
                                                offset: i, inFile: inFile))
                    i = p
                    continue
                }
                warnings.append(MailWarning(message: "Geen headers gevonden: alles is als tekst gelezen.", code: "no-headers",
                                            offset: i, inFile: inFile))
                return HeaderBlock(fields: [], bodyStart: start, hadSeparator: false)
            }
            // A line without a colon among the headers: skip it when headers follow, else the body begins.
            let (ce2, _) = next < end ? LineEnds.line(b, from: next, end: end) : (end, end)
            if next < end, headerLine(next, ce2) != nil {
                warnings.append(MailWarning(message: "Headerregel zonder dubbele punt overgeslagen.", code: "header-no-colon",
                                            offset: i, inFile: inFile))
                i = next
                continue
            }
            warnings.append(MailWarning(message: "Geen lege regel tussen headers en tekst; de tekst begint hier.", code: "header-body-separator-missing",
                                        offset: i, inFile: inFile))
            bodyStart = i
            return HeaderBlock(fields: fields, bodyStart: bodyStart, hadSeparator: false)
        }
        flush()
        if !hadSeparator { bodyStart = end }
        return HeaderBlock(fields: fields, bodyStart: bodyStart, hadSeparator: hadSeparator)
    }
}
