import BewaarMIME

/// One mailbox from an address header: the display name (decoded) and the address.
public struct MailAddress: Sendable, Hashable {
    public var name: String
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }

    /// `Name <address>`, or the bare address when there is no name.
    public var formatted: String {
        if name.isEmpty { return address }
        if address.isEmpty { return name }
        return "\(name) <\(address)>"
    }

    /// Parses an address list (From, To, Cc, Reply-To…) from an unfolded header value: display
    /// names with quoted strings, comments and RFC 2047 words, angle addresses, groups.
    public static func parseList(_ raw: [UInt8]) -> [MailAddress] {
        var result: [MailAddress] = []
        var chunk: [UInt8] = []
        var i = 0
        let n = raw.count
        var inQuote = false, depth = 0, inAngle = false
        func emit() {
            if let a = parseOne(chunk) { result.append(a) }
            chunk.removeAll(keepingCapacity: true)
        }
        while i < n {
            let c = raw[i]
            if inQuote {
                chunk.append(c)
                if c == 0x5C, i + 1 < n { chunk.append(raw[i + 1]); i += 2; continue }
                if c == 0x22 { inQuote = false }
                i += 1
                continue
            }
            if depth > 0 {
                chunk.append(c)
                if c == 0x5C, i + 1 < n { chunk.append(raw[i + 1]); i += 2; continue }
                if c == 0x28 { depth += 1 } else if c == 0x29 { depth -= 1 }
                i += 1
                continue
            }
            switch c {
            case 0x22: inQuote = true; chunk.append(c)
            case 0x28: depth = 1; chunk.append(c)
            case 0x3C: inAngle = true; chunk.append(c)
            case 0x3E: inAngle = false; chunk.append(c)
            case 0x2C where !inAngle: emit()
            case 0x3A where !inAngle:
                // A group name ends here: drop it, its members follow.
                chunk.removeAll(keepingCapacity: true)
            case 0x3B where !inAngle: emit()
            default: chunk.append(c)
            }
            i += 1
        }
        emit()
        return result
    }

    /// One mailbox: `phrase <addr>` or `addr (comment)`.
    static func parseOne(_ b: [UInt8]) -> MailAddress? {
        // Locate a top-level '<'.
        var i = 0, inQuote = false, depth = 0
        var lt: Int?, gt: Int?
        while i < b.count {
            let c = b[i]
            if inQuote { if c == 0x5C { i += 2; continue }; if c == 0x22 { inQuote = false }; i += 1; continue }
            if depth > 0 { if c == 0x5C { i += 2; continue }; if c == 0x28 { depth += 1 } else if c == 0x29 { depth -= 1 }; i += 1; continue }
            if c == 0x22 { inQuote = true } else if c == 0x28 { depth = 1 } else if c == 0x3C, lt == nil { lt = i } else if c == 0x3E, lt != nil, gt == nil { gt = i }
            i += 1
        }
        if let lt {
            let name = phrase(Array(b[0..<lt]))
            let end = gt ?? b.count
            var addr = compact(Array(b[(lt + 1)..<end]))
            // Obsolete source route: <@a,@b:user@host>
            if addr.first == "@", let colon = addr.firstIndex(of: ":") { addr = String(addr[addr.index(after: colon)...]) }
            if name.isEmpty && addr.isEmpty { return nil }
            return MailAddress(name: name, address: addr)
        }
        let addr = compact(b)
        if addr.isEmpty { return nil }
        return MailAddress(name: "", address: addr)
    }

    /// An addr-spec with comments and blanks outside quotes removed.
    static func compact(_ b: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0, inQuote = false, depth = 0
        while i < b.count {
            let c = b[i]
            if inQuote {
                out.append(c)
                if c == 0x5C, i + 1 < b.count { out.append(b[i + 1]); i += 2; continue }
                if c == 0x22 { inQuote = false }
                i += 1; continue
            }
            if depth > 0 {
                if c == 0x5C { i += 2; continue }
                if c == 0x28 { depth += 1 } else if c == 0x29 { depth -= 1 }
                i += 1; continue
            }
            if c == 0x22 { inQuote = true; out.append(c) } else if c == 0x28 { depth = 1 } else if c != 0x20 && c != 0x09 { out.append(c) }
            i += 1
        }
        return Charset.utf8OrWindows1252(out).text
    }

    /// A display name: quoted strings unquoted, comments dropped, blanks collapsed, encoded
    /// words decoded.
    static func phrase(_ b: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        var pendingSpace = false
        func put(_ c: UInt8) {
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(c)
        }
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                i += 1
                var started = false
                while i < b.count, b[i] != 0x22 {
                    var ch = b[i]
                    if ch == 0x5C, i + 1 < b.count { i += 1; ch = b[i] }
                    if !started { if pendingSpace && !out.isEmpty { out.append(0x20) }; pendingSpace = false; started = true }
                    out.append(ch)
                    i += 1
                }
                i += 1
                continue
            }
            if c == 0x28 {
                var depth = 0
                while i < b.count {
                    if b[i] == 0x5C { i += 2; continue }
                    if b[i] == 0x28 { depth += 1 }
                    if b[i] == 0x29 { depth -= 1; if depth == 0 { i += 1; break } }
                    i += 1
                }
                pendingSpace = true
                continue
            }
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { pendingSpace = true; i += 1; continue }
            put(c)
            i += 1
        }
        return EncodedWord.decodeText(out).text
    }
}
