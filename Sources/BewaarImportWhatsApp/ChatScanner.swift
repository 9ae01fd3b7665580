#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one pass over the chat text found: record spans, lines before the first record and
/// counts that later decisions need.
struct ChatScan: Sendable {
    var records: [RawRecord] = []
    var preamble: [PreambleLine] = []
    /// The header shape of the file (the first header's shape).
    var shape: LineShape?
    /// Length of a UTF-8 byte-order mark at the start (0 or 3).
    var bomLength = 0
    /// Lines that look like headers of another shape, kept as message text.
    var otherShapeLines = 0
    var lineCount = 0
    /// The line break at the very end of the text: true CRLF, false LF, nil none.
    var finalBreakIsCRLF: Bool?
    /// Whether the text looks like UTF-16 (a BOM of FF FE / FE FF).
    var utf16 = false
}

/// The single pass over the chat bytes: finds every line (memchr), reads header lines and
/// groups continuation lines into records. No `String` is made here.
enum ChatScanner {
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> ChatScan {
        var records: [RawRecord] = []
        records.reserveCapacity(b.count / 80)
        var out = scanEach(b) { records.append($0) }
        out.records = records
        return out
    }

    /// The same pass, handing each finished record to `each` instead of keeping it
    /// (`records` of the result stays empty).
    @inline(__always)
    static func scanEach(_ b: UnsafeBufferPointer<UInt8>, _ each: (RawRecord) -> Void) -> ChatScan {
        var out = ChatScan()
        let n = b.count
        guard let base = b.baseAddress, n > 0 else { return out }
        if n >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) { out.utf16 = true; return out }
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { out.bomLength = 3 }
        var pos = out.bomLength
        var lineNo = 0
        var prevHadCR = false
        var current: RawRecord?
        while pos < n {
            lineNo += 1
            let lineEnd: Int
            if let p = memchr(base + pos, 0x0A, n - pos) {
                lineEnd = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
            } else {
                lineEnd = n
            }
            var contentEnd = lineEnd
            let hasCR = contentEnd > pos && b[contentEnd - 1] == 0x0D
            if hasCR { contentEnd -= 1 }
            let next = lineEnd < n ? lineEnd + 1 : n
            let c = b[pos]
            var header: HeaderFields?
            if c &- 0x30 < 10 || c == 0x5B || c == 0xE2 || c == 0xEF {
                header = HeaderReader.read(b, pos, contentEnd)
            }
            if let h = header, out.shape == nil || out.shape == h.shape {
                if out.shape == nil { out.shape = h.shape }
                if var last = current {
                    last.end = pos
                    each(last)
                }
                current = RawRecord(header: h, start: pos, firstLineEnd: contentEnd, end: next, line: lineNo,
                                    precededByCRLF: current == nil ? nil : prevHadCR)
            } else {
                if header != nil { out.otherShapeLines += 1 }
                if current != nil {
                    current!.lineCount += 1
                } else {
                    out.preamble.append(PreambleLine(line: lineNo, start: pos, end: contentEnd))
                }
            }
            prevHadCR = hasCR
            pos = next
        }
        if var last = current {
            last.end = n
            each(last)
        }
        out.lineCount = lineNo
        if n > 0, b[n - 1] == 0x0A { out.finalBreakIsCRLF = n > 1 && b[n - 2] == 0x0D }
        return out
    }
}
