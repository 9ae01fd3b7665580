import Foundation
import TOMLKit
import BewaarDigest

/// Reads and writes the school network file (`network.toml`).
public enum NetworkFile {
    /// The keys a network file may hold at the top level.
    public static let topKeys = ["school", "timezone", "clock_tolerance_seconds", "egress", "trusted_relays",
                                 "trust_authenticated", "internal", "signin_window_seconds", "dnsmasq_lease_seconds",
                                 "windows_lease_seconds", "mail_hosts"]
    static let internalKeys = ["range", "label"]

    /// Reads the file at `path`.
    public static func load(path: String) throws -> SchoolNetwork {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NetworkFileError(line: nil, key: nil,
                                   nl: "\(path) kan niet worden gelezen. Maak er een met `bewaar trace --init --network \(path)`.",
                                   en: "\(path) cannot be read. Make one with `bewaar trace --init --network \(path)`.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NetworkFileError(line: nil, key: nil, nl: "het bestand is geen UTF-8-tekst.", en: "the file is not UTF-8 text.")
        }
        var n = try parse(text)
        n.sourcePath = path
        n.sourceSHA256 = StreamingSHA256.digest(Array(data)).hex
        return n
    }

    /// Parses network-file text. Every mistake names its line and key.
    public static func parse(_ text: String) throws -> SchoolNetwork {
        let locator = KeyLocator(text)
        try precheck(text)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw NetworkFileError(line: e.source.begin.line, key: locator.keyOnLine(e.source.begin.line),
                                   nl: "geen geldige TOML (\(e.description)). Controleer aanhalingstekens, komma's en haken.",
                                   en: "not valid TOML (\(e.description)). Check quotes, commas and brackets.")
        } catch {
            throw NetworkFileError(line: nil, key: nil, nl: "geen geldige TOML (\(error)).", en: "not valid TOML (\(error)).")
        }
        var n = SchoolNetwork.defaults
        func fail(_ key: String, table: String = "", index: Int = 0, _ nl: String, _ en: String) -> NetworkFileError {
            let shown = table.isEmpty ? key : "\(table)[\(index + 1)].\(key)"
            return NetworkFileError(line: locator.line(of: key, table: table, index: index), key: shown, nl: nl, en: en)
        }
        for key in table.keys where !topKeys.contains(key) {
            throw fail(key, "onbekende sleutel. Bekende sleutels: \(topKeys.joined(separator: ", ")).",
                       "unknown key. Known keys: \(topKeys.joined(separator: ", ")).")
        }
        func string(_ key: String) throws -> String? {
            guard let v = table[key] else { return nil }
            guard let s = v.string else { throw fail(key, "verwacht tekst tussen aanhalingstekens.", "expected text in quotes.") }
            return s
        }
        func int(_ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let v = table[key] else { return nil }
            guard let i = v.int, range.contains(i) else {
                throw fail(key, "verwacht een geheel getal van \(range.lowerBound) tot \(range.upperBound).",
                           "expected a whole number from \(range.lowerBound) to \(range.upperBound).")
            }
            return i
        }
        func strings(_ key: String) throws -> [String]? {
            guard let v = table[key] else { return nil }
            guard let a = v.array else {
                throw fail(key, "verwacht een lijst, bijvoorbeeld [\"198.51.100.200/32\"].", "expected a list, e.g. [\"198.51.100.200/32\"].")
            }
            var out: [String] = []
            for e in a {
                guard let s = e.string else { throw fail(key, "elk element van de lijst is tekst tussen aanhalingstekens.", "each list element is text in quotes.") }
                out.append(s)
            }
            return out
        }
        if let s = try string("school") { n.school = s }
        if let z = try string("timezone") {
            guard TimeZone(identifier: z) != nil else {
                throw fail("timezone", "onbekende tijdzone '\(z)'. Schrijf bijvoorbeeld \"Europe/Amsterdam\".",
                           "unknown time zone '\(z)'. Write for example \"Europe/Amsterdam\".")
            }
            n.timeZoneIdentifier = z
        }
        if let t = try int("clock_tolerance_seconds", 0...3600) { n.clockToleranceSeconds = t }
        if let t = try int("signin_window_seconds", 0...86400) { n.signInWindowSeconds = t }
        if let t = try int("dnsmasq_lease_seconds", 60...(365 * 86400)) { n.dnsmasqLeaseSeconds = t }
        if let t = try int("windows_lease_seconds", 60...(365 * 86400)) { n.windowsLeaseSeconds = t }
        if let v = table["trust_authenticated"] {
            guard let b = v.bool else { throw fail("trust_authenticated", "verwacht true of false.", "expected true or false.") }
            n.trustAuthenticated = b
        }
        if let list = try strings("egress") {
            n.egress = try list.map { s in
                guard let c = CIDR(s) else {
                    throw fail("egress", "'\(s)' is geen IP-adres of bereik. Schrijf bijvoorbeeld \"198.51.100.200/32\".",
                               "'\(s)' is not an IP address or range. Write for example \"198.51.100.200/32\".")
                }
                return c
            }
        }
        if let list = try strings("trusted_relays") {
            n.trustedRelays = try list.map { s in
                guard let r = RelayRule(s) else {
                    throw fail("trusted_relays", "'\(s)' is geen bereik (\"198.51.100.5/32\"), hostnaam (\"mx1.school.example\") of achtervoegsel (\".prod.outlook.com\").",
                               "'\(s)' is not a range (\"198.51.100.5/32\"), host name (\"mx1.school.example\") or suffix (\".prod.outlook.com\").")
                }
                return r
            }
        }
        if let list = try strings("mail_hosts") { n.mailHosts = list.map { $0.lowercased() } }
        if let v = table["internal"] {
            guard let a = v.array else {
                throw fail("internal", "schrijf elk intern bereik als een [[internal]]-blok met range en label.",
                           "write each internal range as an [[internal]] block with range and label.")
            }
            for (i, e) in a.enumerated() {
                guard let t = e.table else {
                    throw fail("internal", "schrijf elk intern bereik als een [[internal]]-blok met range en label.",
                               "write each internal range as an [[internal]] block with range and label.")
                }
                for k in t.keys where !internalKeys.contains(k) {
                    throw fail(k, table: "internal", index: i, "onbekende sleutel in [[internal]]; alleen range en label.",
                               "unknown key in [[internal]]; only range and label.")
                }
                guard let r = t["range"]?.string else {
                    throw fail("range", table: "internal", index: i, "elk [[internal]]-blok heeft range = \"10.20.0.0/16\" nodig.",
                               "each [[internal]] block needs range = \"10.20.0.0/16\".")
                }
                guard let c = CIDR(r) else {
                    throw fail("range", table: "internal", index: i, "'\(r)' is geen bereik. Schrijf bijvoorbeeld \"10.20.0.0/16\".",
                               "'\(r)' is not a range. Write for example \"10.20.0.0/16\".")
                }
                var label = c.description
                if let l = t["label"] {
                    guard let s = l.string else {
                        throw fail("label", table: "internal", index: i, "verwacht tekst tussen aanhalingstekens.", "expected text in quotes.")
                    }
                    label = s
                }
                n.internalRanges.append(InternalRange(range: c, label: label))
            }
        }
        return n
    }
}

/// Finds the line a key was written on (TOMLKit gives positions only for syntax errors).
struct KeyLocator {
    /// (table name, occurrence index of that table, key) -> 1-based line.
    private var lines: [String: Int] = [:]
    private var keyByLine: [Int: String] = [:]

    init(_ text: String) {
        var table = ""
        var counts: [String: Int] = [:]
        var index = 0
        for (n, raw) in LogText.lines(text).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[[") {
                let name = line.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                table = name
                index = counts[name, default: 0]
                counts[name] = index + 1
                lines["\(table)#\(index)#"] = n + 1
                continue
            }
            if line.hasPrefix("[") {
                table = line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                index = 0
                continue
            }
            guard let eq = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            var key = line[..<eq].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 { key = String(key.dropFirst().dropLast()) }
            let k = "\(table)#\(index)#\(key)"
            if lines[k] == nil { lines[k] = n + 1 }
            keyByLine[n + 1] = table.isEmpty ? key : "\(table)[\(index + 1)].\(key)"
        }
    }

    func line(of key: String, table: String = "", index: Int = 0) -> Int? {
        lines["\(table)#\(index)#\(key)"] ?? (table.isEmpty ? nil : lines["\(table)#\(index)#"])
    }

    func keyOnLine(_ line: Int) -> String? { keyByLine[line] }
}
