/// A structured header value with parameters, such as Content-Type or Content-Disposition:
/// `text/plain; charset="utf-8"`, with RFC 2231 extended and continued parameters
/// (`filename*=utf-8''%C3%A9n.pdf`, `name*0*=…; name*1=…`) and, though not legal, RFC 2047
/// words inside quoted values, decoded.
public struct HeaderParameters: Sendable, Hashable {
    /// The main value in lower case (`text/plain`, `attachment`), blanks and comments removed.
    public var value: String
    /// Parameters by lower-cased name, decoded.
    public var parameters: [String: String]
    /// Problems met (bad continuation, unknown charset).
    public var problems: [String]

    public init(value: String, parameters: [String: String] = [:], problems: [String] = []) {
        self.value = value
        self.parameters = parameters
        self.problems = problems
    }

    public subscript(_ name: String) -> String? { parameters[name.lowercased()] }

    /// Parses an unfolded header value.
    public static func parse(_ raw: [UInt8]) -> HeaderParameters {
        var tokens: [(name: String, value: [UInt8], quoted: Bool)] = []
        var i = 0
        let n = raw.count
        var problems: [String] = []

        func skipBlanksAndComments() {
            while i < n {
                let c = raw[i]
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { i += 1; continue }
                if c == 0x28 { // ( comment ), nested
                    var depth = 0
                    while i < n {
                        if raw[i] == 0x5C { i += 2; continue }
                        if raw[i] == 0x28 { depth += 1 }
                        if raw[i] == 0x29 { depth -= 1; if depth == 0 { i += 1; break } }
                        i += 1
                    }
                    continue
                }
                break
            }
        }

        // Main value: up to the first ';'.
        skipBlanksAndComments()
        var main: [UInt8] = []
        while i < n, raw[i] != 0x3B {
            let c = raw[i]
            if c == 0x28 { skipBlanksAndComments(); continue }
            if c != 0x20 && c != 0x09 && c != 0x22 { main.append(c) }
            i += 1
        }
        let value = String(decoding: main, as: UTF8.self).lowercased()

        while i < n {
            // at ';'
            i += 1
            skipBlanksAndComments()
            var name: [UInt8] = []
            while i < n, raw[i] != 0x3D, raw[i] != 0x3B {
                let c = raw[i]
                if c != 0x20 && c != 0x09 { name.append(c) }
                i += 1
            }
            guard i < n, raw[i] == 0x3D else {
                if !name.isEmpty { problems.append("parameter without value: \(String(decoding: name, as: UTF8.self))") }
                continue
            }
            i += 1
            skipBlanksAndComments()
            var v: [UInt8] = []
            var quoted = false
            if i < n, raw[i] == 0x22 {
                quoted = true
                i += 1
                var closed = false
                while i < n {
                    let c = raw[i]
                    if c == 0x5C, i + 1 < n { v.append(raw[i + 1]); i += 2; continue }
                    if c == 0x22 { i += 1; closed = true; break }
                    v.append(c)
                    i += 1
                }
                if !closed { problems.append("unterminated quoted parameter value") }
                // Anything up to the next ';' after the closing quote is ignored.
                while i < n, raw[i] != 0x3B { i += 1 }
            } else {
                while i < n, raw[i] != 0x3B { v.append(raw[i]); i += 1 }
                while let l = v.last, l == 0x20 || l == 0x09 { v.removeLast() }
            }
            if !name.isEmpty {
                tokens.append((String(decoding: name, as: UTF8.self).lowercased(), v, quoted))
            }
        }

        // RFC 2231: gather `name*N` / `name*N*` / `name*` pieces.
        var params: [String: String] = [:]
        var pieces: [String: [(index: Int, value: [UInt8], extended: Bool)]] = [:]
        var order: [String] = []
        for t in tokens {
            let star = t.name.firstIndex(of: "*")
            guard let star else {
                if params[t.name] == nil {
                    let text = t.value.contains(0x3D) && t.value.contains(0x3F)
                        ? EncodedWord.decodeText(t.value).text
                        : Charset.utf8OrWindows1252(t.value).text
                    params[t.name] = text
                }
                continue
            }
            let base = String(t.name[..<star])
            var rest = t.name[t.name.index(after: star)...]
            var extended = false
            var index = 0
            if rest.isEmpty {
                extended = true
            } else {
                if rest.hasSuffix("*") { extended = true; rest = rest.dropLast() }
                guard let k = Int(rest) else { problems.append("bad parameter name \(t.name)"); continue }
                index = k
            }
            if pieces[base] == nil { order.append(base) }
            pieces[base, default: []].append((index, t.value, extended))
        }
        for base in order {
            let list = pieces[base]!.sorted { $0.index < $1.index }
            var charset = "us-ascii"
            var bytes: [UInt8] = []
            for (k, p) in list.enumerated() {
                if k == 0 && p.index != 0 && list.count > 1 { problems.append("continuation of \(base) does not start at 0") }
                var v = p.value[...]
                if p.extended && k == 0 {
                    // charset'language'value
                    if let q1 = v.firstIndex(of: 0x27), let q2 = v[(q1 + 1)...].firstIndex(of: 0x27) {
                        let cs = String(decoding: v[..<q1], as: UTF8.self)
                        if !cs.isEmpty { charset = cs }
                        v = v[(q2 + 1)...]
                    }
                }
                if p.extended { bytes.append(contentsOf: percentDecode(v)) } else { bytes.append(contentsOf: v) }
            }
            let d = Charset.decode(bytes, label: charset)
            if let pr = d.problem { problems.append(pr) }
            params[base] = d.text // the extended form wins over a plain one
        }
        return HeaderParameters(value: value, parameters: params, problems: problems)
    }

    static func percentDecode(_ v: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = v.startIndex
        while i < v.endIndex {
            let c = v[i]
            if c == 0x25, i + 2 < v.endIndex, let h = QuotedPrintable.hex(v[i + 1]), let l = QuotedPrintable.hex(v[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
