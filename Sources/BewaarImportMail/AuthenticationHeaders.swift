import BewaarModel
import BewaarMIME

/// The sender-authentication headers of a message as fields: Authentication-Results
/// (spf/dkim/dmarc verdicts per method), Received-SPF, DKIM-Signature (d=, s=) and the ARC set.
/// Which of them to believe is the trace's business: each carries its position in the header
/// order (`receivedAbove`: how many Received headers stand above it).
public enum AuthenticationHeaders {
    /// One `method=result` of an Authentication-Results header.
    public struct Verdict: Sendable, Hashable {
        public var method: String
        public var result: String
        /// `ptype.property=value` pairs and the reason, as written.
        public var properties: [String: String]
    }

    /// Parses an Authentication-Results value: `authserv-id; method=result prop=value; …`.
    public static func parseResults(_ value: String) -> (server: String, verdicts: [Verdict]) {
        let pieces = splitOutsideComments(value, on: ";")
        guard let first = pieces.first else { return ("", []) }
        var server = first.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        var rest = Array(pieces.dropFirst())
        // Microsoft writes no authserv-id: the first piece is already a verdict.
        if server.utf8.contains(UInt8(ascii: "=")) {
            server = ""
            rest.insert(first, at: 0)
        }
        var verdicts: [Verdict] = []
        for p in rest {
            let words = stripComments(p).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let mr = words.first, let eq = mr.firstIndex(of: "=") else { continue }
            let method = mr[..<eq].lowercased()
            let result = mr[mr.index(after: eq)...].lowercased()
            var props: [String: String] = [:]
            for w in words.dropFirst() {
                if let e = w.firstIndex(of: "=") { props[w[..<e].lowercased()] = String(w[w.index(after: e)...]) }
            }
            verdicts.append(Verdict(method: method, result: result, properties: props))
        }
        return (server, verdicts)
    }

    /// Tag=value lists (DKIM-Signature, ARC-Seal, ARC-Message-Signature): tags in lower case.
    public static func parseTags(_ value: String) -> [String: String] {
        var tags: [String: String] = [:]
        for p in value.split(separator: ";") {
            guard let e = p.firstIndex(of: "=") else { continue }
            let k = p[..<e].trimmingBlanksSub.lowercased()
            let v = String(p[p.index(after: e)...]).filter { $0 != " " && $0 != "\t" }
            if tags[k] == nil { tags[k] = v }
        }
        return tags
    }

    static func splitOutsideComments(_ s: String, on sep: Character) -> [String] {
        var out: [String] = []
        var cur = ""
        var depth = 0, quote = false
        for c in s {
            if c == "\"" { quote.toggle() }
            if !quote { if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } }
            if c == sep && depth == 0 && !quote { out.append(cur); cur = ""; continue }
            cur.append(c)
        }
        out.append(cur)
        return out.map(\.trimmingBlanks)
    }

    static func stripComments(_ s: String) -> String {
        var out = ""
        var depth = 0
        for c in s {
            if c == "(" { depth += 1; out.append(" "); continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }

    /// The `authentication` object of a message: the verdicts of the topmost
    /// Authentication-Results (`spf`, `dkim`, `dmarc`, …), every Authentication-Results with its
    /// position, DKIM signatures (d, s), ARC headers and Received-SPF.
    static func json(_ headers: HeaderBlock) -> JSONValue {
        var o: [String: JSONValue] = [:]
        var results: [JSONValue] = []
        var dkim: [JSONValue] = []
        var arc: [JSONValue] = []
        var spf: [JSONValue] = []
        var receivedAbove = 0
        for f in headers.fields {
            let k = f.key
            if k == "received" { receivedAbove += 1; continue }
            if k == "authentication-results" || k == "arc-authentication-results" {
                var value = f.text
                var instance: String?
                if k.hasPrefix("arc-") {
                    // "i=1; server; …"
                    let parts = splitOutsideComments(value, on: ";")
                    if let p0 = parts.first, p0.hasPrefix("i=") { instance = String(p0.dropFirst(2)); value = parts.dropFirst().joined(separator: "; ") }
                }
                let (server, verdicts) = parseResults(value)
                var r: [String: JSONValue] = [
                    "header": .string(f.name), "server": .string(server), "receivedAbove": .int(Int64(receivedAbove)),
                    "verdicts": .array(verdicts.map { v in
                        .object(["method": .string(v.method), "result": .string(v.result),
                                 "properties": .object(v.properties.mapValues { JSONValue.string($0) })])
                    }),
                ]
                if let instance { r["instance"] = .string(instance) }
                if k.hasPrefix("arc-") { arc.append(.object(r)) } else {
                    results.append(.object(r))
                    if results.count == 1 {
                        for v in verdicts where o[v.method] == nil { o[v.method] = .string(v.result) }
                    }
                }
            } else if k == "dkim-signature" {
                let t = parseTags(f.text)
                dkim.append(.object(["d": .string(t["d"]), "s": .string(t["s"]), "a": .string(t["a"]), "receivedAbove": .int(Int64(receivedAbove))]))
            } else if k == "arc-seal" || k == "arc-message-signature" {
                let t = parseTags(f.text)
                arc.append(.object(["header": .string(f.name), "instance": .string(t["i"]), "d": .string(t["d"]), "s": .string(t["s"]),
                                    "cv": .string(t["cv"]), "receivedAbove": .int(Int64(receivedAbove))]))
            } else if k == "received-spf" {
                let text = f.text
                let result = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.lowercased() }
                spf.append(.object(["result": .string(result), "value": .string(text), "receivedAbove": .int(Int64(receivedAbove))]))
            }
        }
        o["results"] = .array(results)
        o["dkimSignatures"] = .array(dkim)
        o["arc"] = .array(arc)
        o["receivedSpf"] = .array(spf)
        return .object(o)
    }

    static let clientIPHeaders: Set<String> = [
        "x-originating-ip", "x-ms-exchange-organization-originalclientipaddress", "x-forwarded-for", "x-sender-ip",
        "x-senderip", "x-yahoo-post-ip", "x-apparently-from", "x-real-ip",
    ]

    /// Headers that name a client address outside the Received chain, each with the
    /// addresses found in it and its position (`receivedAbove`). Unverified by themselves.
    static func clientIPs(_ headers: HeaderBlock) -> JSONValue {
        var out: [JSONValue] = []
        var receivedAbove = 0
        for f in headers.fields {
            let k = f.key
            if k == "received" { receivedAbove += 1; continue }
            var ips: [String] = []
            if clientIPHeaders.contains(k) {
                for w in f.text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" }) {
                    if let ip = IPAddress(headerToken: w)?.description { ips.append(ip) }
                }
            } else if k == "x-forefront-antispam-report" {
                for item in f.text.split(separator: ";") where item.trimmingBlanksSub.uppercased().hasPrefix("CIP:") {
                    let v = item.trimmingBlanksSub.dropFirst(4)
                    if let ip = IPAddress(headerToken: Substring(v))?.description { ips.append(ip) }
                }
            } else { continue }
            out.append(.object(["header": .string(f.name), "value": .string(f.text), "ips": .array(ips.map(JSONValue.string)),
                                "receivedAbove": .int(Int64(receivedAbove))]))
        }
        return .array(out)
    }
}

extension Substring {
    var trimmingBlanksSub: String { String(self).trimmingBlanks }
}
