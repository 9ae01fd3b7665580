#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the MIME tree of one message held in a buffer, without copying bodies. Tolerant:
/// a missing start or close boundary, a multipart without boundary and too deep nesting are
/// warnings, and the tree is read as far as it goes.
public struct MIMEParser {
    let b: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    let maxParts: Int
    let inFile: Bool
    /// What was found wrong so far, in reading order.
    public var warnings: [MailWarning] = []
    /// How many parts have been read.
    public var partCount = 0
    /// Lone CR line ends (old Mac files): lines are found by CR instead of LF.
    public var crOnly = false

    /// A parser over `b`: multiparts nested deeper than `maxDepth` and parts beyond `maxParts`
    /// are not read; `inFile` says whether offsets are into the file itself.
    public init(_ b: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxParts: Int = 10_000, inFile: Bool = true) {
        self.b = b
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.inFile = inFile
    }

    /// Reads the message in `start..<end` (its headers and its tree of parts).
    public mutating func parseMessage(start: Int, end: Int) -> MIMEPart {
        // Line-end style from the first line end.
        var j = start
        while j < end, b[j] != 0x0A, b[j] != 0x0D { j += 1 }
        crOnly = j + 1 < end && b[j] == 0x0D && b[j + 1] != 0x0A
        return parseEntity(start: start, end: end, path: "", depth: 0, isMessage: true, defaultType: "text/plain")
    }

    mutating func parseEntity(start: Int, end: Int, path: String, depth: Int, isMessage: Bool, defaultType: String) -> MIMEPart {
        partCount += 1
        let headers = HeaderBlock.parse(b, start: start, end: end, isMessage: isMessage, warnings: &warnings, inFile: inFile)
        var mediaType = defaultType
        var ct = HeaderParameters(value: defaultType)
        if let f = headers.first("content-type") {
            let p = HeaderParameters.parse(f.unfoldedBytes)
            let parts = p.value.split(separator: "/")
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                mediaType = p.value
                ct = p
            } else {
                warnings.append(MailWarning(message: "Onleesbaar Content-Type \"\(f.text)\"; gelezen als \(defaultType).",
                                            code: "content-type-invalid", offset: f.offset, inFile: inFile))
                ct = HeaderParameters(value: defaultType, parameters: p.parameters)
            }
        }
        let disposition = headers.first("content-disposition").map { HeaderParameters.parse($0.unfoldedBytes) }
        var cte = headers.first("content-transfer-encoding").map { String(decoding: $0.unfoldedBytes, as: UTF8.self).lowercased() } ?? "7bit"
        if let sp = cte.firstIndex(where: { $0 == " " || $0 == ";" || $0 == "(" }) { cte = String(cte[..<sp]) }
        var part = MIMEPart(path: path, headers: headers, start: start, bodyStart: headers.bodyStart, bodyEnd: end, mediaType: mediaType,
                            contentType: ct, disposition: disposition, transferEncoding: cte, children: [], boundaryMissing: false)
        guard mediaType.hasPrefix("multipart/") else { return part }
        guard depth < maxDepth else {
            warnings.append(MailWarning(message: "MIME-onderdelen dieper genest dan \(maxDepth) niveaus; dieper is niet gelezen.",
                                        code: "mime-too-deep", offset: start, inFile: inFile))
            part.boundaryMissing = true
            return part
        }
        guard let boundary = ct["boundary"], !boundary.isEmpty else {
            warnings.append(MailWarning(message: "Multipart zonder boundary-parameter; de inhoud is als tekst gelezen.",
                                        code: "multipart-no-boundary", offset: start, inFile: inFile))
            part.boundaryMissing = true
            return part
        }
        let ranges = split(bodyStart: part.bodyStart, end: end, boundary: Array(boundary.utf8), partStart: start)
        if ranges.isEmpty {
            part.boundaryMissing = true
            return part
        }
        let childDefault = mediaType == "multipart/digest" ? "message/rfc822" : "text/plain"
        for (n, r) in ranges.enumerated() {
            if partCount >= maxParts {
                warnings.append(MailWarning(message: "Meer dan \(maxParts) MIME-onderdelen; de rest is niet gelezen.",
                                            code: "mime-too-many-parts", offset: r.lowerBound, inFile: inFile))
                break
            }
            let childPath = path.isEmpty ? "\(n + 1)" : "\(path).\(n + 1)"
            part.children.append(parseEntity(start: r.lowerBound, end: r.upperBound, path: childPath, depth: depth + 1,
                                             isMessage: false, defaultType: childDefault))
        }
        return part
    }

    /// The start of the line after the one holding `i`.
    @inline(__always)
    func nextLine(_ i: Int, _ end: Int) -> Int {
        guard i < end, let base = b.baseAddress else { return end }
        let target: Int32 = crOnly ? 0x0D : 0x0A
        guard let p = memchr(base + i, target, end - i) else { return end }
        return UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base + 1
    }

    /// The byte ranges of the body parts between `--boundary` lines.
    mutating func split(bodyStart: Int, end: Int, boundary: [UInt8], partStart: Int) -> [Range<Int>] {
        let delim: [UInt8] = [0x2D, 0x2D] + boundary
        var ranges: [Range<Int>] = []
        var open: Int?
        var closed = false
        // Candidates are found by searching for '-' with memchr (base64 never holds one, so a
        // large attachment is crossed in one call, not one per line); only a `--boundary` at
        // the start of a line counts.
        var i = bodyStart
        let lineEnd: UInt8 = crOnly ? 0x0D : 0x0A
        while i < end, let base = b.baseAddress {
            guard let f = memchr(base + i, 0x2D, end - i) else { break }
            let p = UnsafePointer<UInt8>(f.assumingMemoryBound(to: UInt8.self)) - base
            guard p == bodyStart || b[p - 1] == lineEnd, LineEnds.matches(b, at: p, end: end, delim) else {
                i = p + 1
                continue
            }
            let next = nextLine(p, end)
            var k = p + delim.count
            var isClose = false
            if k + 1 < end, b[k] == 0x2D, b[k + 1] == 0x2D { isClose = true; k += 2 }
            var onlyBlanks = true
            while k < next {
                let c = b[k]
                if c == 0x0A || c == 0x0D { break }
                if c != 0x20 && c != 0x09 { onlyBlanks = false; break }
                k += 1
            }
            if onlyBlanks {
                if let o = open {
                    ranges.append(o..<max(o, lineBreakBefore(p, notBefore: o)))
                }
                if isClose { closed = true; open = nil; break }
                open = next
            }
            i = next
        }
        if ranges.isEmpty && open == nil {
            warnings.append(MailWarning(message: "De begingrens (boundary) van dit multipart-deel ontbreekt; de inhoud is als tekst gelezen.",
                                        code: "boundary-start-missing", offset: partStart, inFile: inFile))
            return []
        }
        if let o = open, !closed {
            warnings.append(MailWarning(message: "De eindgrens (--boundary--) ontbreekt; het laatste deel loopt tot het einde.",
                                        code: "boundary-close-missing", offset: o, inFile: inFile))
            ranges.append(o..<end)
        }
        return ranges
    }

    /// The offset where the line break before the line at `i` begins (that break belongs to
    /// the delimiter), never before `notBefore`.
    func lineBreakBefore(_ i: Int, notBefore: Int) -> Int {
        var e = i
        if e > notBefore, b[e - 1] == 0x0A { e -= 1; if e > notBefore, b[e - 1] == 0x0D { e -= 1 } } else if e > notBefore, b[e - 1] == 0x0D { e -= 1 }
        return e
    }
}
