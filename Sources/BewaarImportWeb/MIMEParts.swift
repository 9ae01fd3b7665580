import Foundation
import BewaarModel

/// The MIME layer of an MHTML file (RFC 2557 multipart/related), read from bytes: headers
/// unfolded, parts split on the boundary with their byte spans, bodies decoded.
/// Accepts CRLF and bare LF line ends.
struct MIMEMessage {
    struct Headers {
        /// Names lower-cased, in order; values unfolded.
        var fields: [(name: String, value: String)] = []

        subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

        /// A parameter of a structured header, e.g. `boundary` of Content-Type.
        func parameter(_ header: String, _ key: String) -> String? {
            guard let v = self[header] else { return nil }
            for piece in v.split(separator: ";").dropFirst() {
                let kv = piece.split(separator: "=", maxSplits: 1)
                guard kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
                var val = kv[1].trimmingCharacters(in: .whitespaces)
                if val.hasPrefix("\"") && val.hasSuffix("\"") && val.count >= 2 { val = String(val.dropFirst().dropLast()) }
                return val
            }
            return nil
        }

        /// The media type without parameters, lower-cased.
        var mediaType: String {
            (self["content-type"] ?? "text/plain").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "text/plain"
        }
    }

    struct Part {
        var number: Int
        var headers: Headers
        /// Span of the part's encoded body in the file.
        var bodyOffset: Int
        var bodyLength: Int
        /// Span of the whole part (headers and body).
        var offset: Int
        var length: Int
    }

    var headers: Headers
    var parts: [Part]
    var warnings: [String] = []

    /// Reads headers from `start`; returns them and the offset after the blank line.
    static func readHeaders(_ b: [UInt8], from start: Int, end: Int) -> (Headers, Int) {
        var h = Headers()
        var i = start
        var current: (String, String)?
        while i < end {
            var j = i
            while j < end && b[j] != 0x0A { j += 1 }
            var lineEnd = j
            if lineEnd > i && b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let next = min(j + 1, end)
            if lineEnd == i {   // blank line: end of headers
                if let c = current { h.fields.append(c) }
                return (h, next)
            }
            let line = String(decoding: b[i..<lineEnd], as: UTF8.self)
            if line.first == " " || line.first == "\t" {
                if current != nil { current!.1 += " " + line.trimmingCharacters(in: .whitespaces) }
            } else if let colon = line.firstIndex(of: ":") {
                if let c = current { h.fields.append(c) }
                current = (line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                           line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            } else {
                // Not a header: the headers ended without a blank line.
                if let c = current { h.fields.append(c) }
                return (h, i)
            }
            i = next
        }
        if let c = current { h.fields.append(c) }
        return (h, end)
    }

    /// Splits an MHTML file into its parts.
    static func parse(_ b: [UInt8]) -> MIMEMessage {
        let (top, bodyStart) = readHeaders(b, from: 0, end: b.count)
        var msg = MIMEMessage(headers: top, parts: [])
        guard let boundary = top.parameter("content-type", "boundary"), !boundary.isEmpty else {
            msg.warnings.append("Geen MIME-grens (boundary) in de kop; het bestand is als één deel gelezen.")
            msg.parts = [Part(number: 1, headers: top, bodyOffset: bodyStart, bodyLength: b.count - bodyStart, offset: 0, length: b.count)]
            return msg
        }
        let delim = Array(("--" + boundary).utf8)
        // Offsets of delimiter lines (at a line start).
        var starts: [(at: Int, after: Int, close: Bool)] = []
        var i = bodyStart
        let n = b.count
        while i + delim.count <= n {
            if (i == bodyStart || b[i - 1] == 0x0A) && b[i] == 0x2D && b[i + 1] == 0x2D {
                var match = true
                for k in 2..<delim.count where b[i + k] != delim[k] { match = false; break }
                if match {
                    var j = i + delim.count
                    let close = j + 1 < n && b[j] == 0x2D && b[j + 1] == 0x2D
                    while j < n && b[j] != 0x0A { j += 1 }
                    starts.append((i, min(j + 1, n), close))
                    if close { break }
                    i = j + 1
                    continue
                }
            }
            // Jump to the next line.
            while i < n && b[i] != 0x0A { i += 1 }
            i += 1
        }
        if starts.last?.close != true { msg.warnings.append("Het MHTML-bestand eindigt zonder slotgrens; mogelijk is het afgebroken.") }
        for (k, s) in starts.enumerated() where !s.close {
            var end = k + 1 < starts.count ? starts[k + 1].at : n
            // The line break before a delimiter belongs to the delimiter.
            if k + 1 < starts.count {
                if end > s.after && b[end - 1] == 0x0A { end -= 1 }
                if end > s.after && b[end - 1] == 0x0D { end -= 1 }
            }
            let (h, body) = readHeaders(b, from: s.after, end: end)
            msg.parts.append(Part(number: msg.parts.count + 1, headers: h, bodyOffset: body, bodyLength: max(0, end - body),
                                  offset: s.after, length: max(0, end - s.after)))
        }
        return msg
    }

    /// The decoded body of a part.
    static func decode(_ b: [UInt8], _ p: Part) -> [UInt8] {
        let raw = b[p.bodyOffset..<(p.bodyOffset + p.bodyLength)]
        switch (p.headers["content-transfer-encoding"] ?? "").lowercased() {
        case "quoted-printable": return quotedPrintable(raw)
        case "base64": return Array(Data(base64Encoded: Data(raw), options: .ignoreUnknownCharacters) ?? Data())
        default: return Array(raw)
        }
    }

    static func quotedPrintable(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        let end = raw.endIndex
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x37
            case 0x61...0x66: return c - 0x57
            default: return nil
            }
        }
        while i < end {
            let c = raw[i]
            if c == 0x3D {
                if i + 1 < end && raw[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < end && raw[i + 1] == 0x0D && raw[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < end, let h = hex(raw[i + 1]), let l = hex(raw[i + 2]) { out.append(h << 4 | l); i += 3; continue }
                // A lone "=": keep it as it is.
            }
            out.append(c)
            i += 1
        }
        return out
    }

    /// Decodes RFC 2047 encoded words (`=?utf-8?Q?…?=`, `=?utf-8?B?…?=`).
    static func decodeWords(_ s: String) -> String {
        guard s.contains("=?") else { return s }
        var out = ""
        var rest = Substring(s)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let pieces = after.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard pieces.count == 4, pieces[3].hasPrefix("=") else { out += rest; return out }
            if !(lastWasWord && before.allSatisfy(\.isWhitespace)) { out += before }
            let charset = pieces[0].lowercased(), enc = pieces[1].uppercased(), text = pieces[2]
            var bytes: [UInt8]
            if enc == "B" { bytes = Array(Data(base64Encoded: String(text), options: .ignoreUnknownCharacters) ?? Data()) }
            else { bytes = quotedPrintable(ArraySlice(Array(text.replacingOccurrences(of: "_", with: " ").utf8))) }
            if charset.hasPrefix("utf-8") || charset == "utf8" {
                out += String(decoding: bytes, as: UTF8.self)
            } else {
                bytes.withUnsafeBytes { raw in
                    var t = UTF8Transcoding.latin(raw)
                    if charset == "us-ascii" { t = String(decoding: bytes, as: UTF8.self) }
                    out += t
                }
            }
            rest = pieces[3].dropFirst()
            lastWasWord = true
        }
        out += rest
        return out
    }
}

/// Single-byte text as windows-1252 (browsers' reading of Latin-1).
enum UTF8Transcoding {
    static func latin(_ raw: UnsafeRawBufferPointer) -> String {
        String(raw.map { Character(Unicode.Scalar($0)) })
    }
}

/// Dates in mail headers (RFC 5322): `Mon, 4 Mar 2024 14:07:09 -0000`.
enum MailDate {
    static func parse(_ s: String) -> Timestamp? {
        var parts = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let f = parts.first, f.count == 3, Int(f) == nil { parts.removeFirst() }
        guard parts.count >= 4, let d = Int(parts[0]), let y0 = Int(parts[2]) else { return nil }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let m = months.firstIndex(of: parts[1].prefix(3).lowercased()) else { return nil }
        let y = y0 < 50 ? 2000 + y0 : (y0 < 100 ? 1900 + y0 : y0)
        let hms = parts[3].split(separator: ":").compactMap { Int($0) }
        guard hms.count >= 2 else { return nil }
        var offset = 0
        if parts.count >= 5 {
            let z = parts[4]
            if (z.hasPrefix("+") || z.hasPrefix("-")) && z.count == 5, let v = Int(z.dropFirst()) {
                offset = ((v / 100) * 3600 + (v % 100) * 60) * (z.hasPrefix("-") ? -1 : 1)
            } else {
                let named = ["ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
                             "cet": 1, "cest": 2]
                offset = (named[z.lowercased()] ?? 0) * 3600
            }
        }
        let days = Timestamp.days(fromCivil: y, m + 1, d)
        let local = days * 86400 + hms[0] * 3600 + hms[1] * 60 + (hms.count > 2 ? hms[2] : 0)
        return Timestamp(date: Date(timeIntervalSince1970: TimeInterval(local - offset)), utcOffsetSeconds: offset)
    }
}
