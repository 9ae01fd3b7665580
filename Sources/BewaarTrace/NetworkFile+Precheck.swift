extension NetworkFile {
    /// A line-by-line check before the TOML library sees the text. The bundled toml++ stops the
    /// whole process on some malformed keys (an assertion, e.g. `[[@nternal]]`), so every key
    /// and table name is checked here first, and inline tables (`{…}`), which the network file
    /// never needs, are refused. Each problem names its line.
    static func precheck(_ text: String) throws {
        func isKeyChar(_ c: Character) -> Bool {
            c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." || c == " " || c == "\t" || c == "\"" || c == "'")
        }
        var depth = 0
        var multiline: String?
        for (i, raw) in LogText.lines(text).enumerated() {
            let n = i + 1
            let line = Array(raw)
            var k = 0
            func fail(_ nl: String, _ en: String) -> NetworkFileError {
                NetworkFileError(line: n, key: nil, nl: nl, en: en)
            }
            // Inside a multi-line string: look only for its end.
            if let m = multiline {
                guard let r = String(raw).range(of: m) else { continue }
                multiline = nil
                k = String(raw)[..<r.upperBound].count
            } else if depth == 0 {
                let trimmed = String(raw).trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if trimmed.hasPrefix("[") {
                    let inner = trimmed.drop { $0 == "[" }.prefix { $0 != "]" }
                    guard !inner.trimmingCharacters(in: .whitespaces).isEmpty, inner.allSatisfy(isKeyChar) else {
                        throw fail("ongeldige tabelnaam '\(trimmed)'. Schrijf bijvoorbeeld [[internal]].",
                                   "invalid table name '\(trimmed)'. Write for example [[internal]].")
                    }
                    continue
                }
                guard let eq = line.firstIndex(of: "=") else {
                    throw fail("verwacht 'sleutel = waarde', bijvoorbeeld school = \"Voorbeeldcollege\".",
                               "expected 'key = value', for example school = \"Voorbeeldcollege\".")
                }
                let key = line[..<eq]
                guard key.allSatisfy(isKeyChar), !String(key).trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail("ongeldige sleutel '\(String(key).trimmingCharacters(in: .whitespaces))': gebruik letters, cijfers, _ en -.",
                               "invalid key '\(String(key).trimmingCharacters(in: .whitespaces))': use letters, digits, _ and -.")
                }
                k = eq + 1
            }
            // The value part: strings, comments, arrays; no inline tables.
            var quote: Character?
            while k < line.count {
                let c = line[k]
                if let q = quote {
                    if c == "\\" && q == "\"" { k += 2; continue }
                    if c == q { quote = nil }
                    k += 1
                    continue
                }
                if c == "\"" || c == "'" {
                    if k + 2 < line.count, line[k + 1] == c, line[k + 2] == c {
                        let delim = String(repeating: c, count: 3)
                        let rest = String(line[(k + 3)...])
                        if let r = rest.range(of: delim) { k += 3 + rest[..<r.upperBound].count; continue }
                        multiline = delim
                        break
                    }
                    quote = c
                } else if c == "#" {
                    break
                } else if c == "[" {
                    depth += 1
                } else if c == "]" {
                    depth = max(0, depth - 1)
                } else if c == "{" {
                    throw fail("inline tabellen ({…}) worden niet gelezen; schrijf een [[internal]]-blok.",
                               "inline tables ({…}) are not read; write an [[internal]] block.")
                }
                k += 1
            }
        }
    }
}
