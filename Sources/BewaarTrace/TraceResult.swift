import Foundation
import BewaarModel
import BewaarImportMail

/// A sentence in Dutch and English.
public struct Bilingual: Sendable, Hashable {
    public var dutch: String
    public var english: String
    public init(_ nl: String, _ en: String) { dutch = nl; english = en }
}

/// Everything a trace found: the walk, the originating address and what it is, the devices
/// the school's logs tie to it, the conclusion in plain Dutch with its certainty and limits,
/// and every input with its SHA-256.
public struct TraceResult: Sendable {
    public var mail: TraceMail
    public var network: SchoolNetwork
    public var logs: [LogSource]
    public var walk: TrustWalk
    public var originatingIP: IPAddress?
    public var originPort: Int?
    /// Where the originating address was read: `received`, a header name, or `signin-log`.
    public var originSource: String?
    /// A provider's server that passed the message on when the client is hidden.
    public var relayIP: IPAddress?
    public var classification: AddressClass?
    /// When the trusted server received the message from the origin (UTC).
    public var sendTime: Date?
    public var matches: [TraceMatch]
    public var hints: [Bilingual]
    public var findings: [Finding]
    public var conclusion: Bilingual
    public var reasons: [Bilingual]
    public var notProven: [Bilingual]
    public var certainty: Certainty
    public var toolVersion: String

    /// The whole result as JSON (the `--json` contract and what is stored on a case).
    public var json: JSONValue {
        let hops: [JSONValue] = mail.hops.enumerated().map { i, h in
            var o: [String: JSONValue] = [
                "index": .int(Int64(i)), "from": .string(h.from), "by": .string(h.by), "ip": .string(h.ip.flatMap { IPAddress($0)?.description } ?? h.ip),
                "with": .string(h.with), "date": .string(h.date.map { Timestamp(date: $0.date, utcOffsetSeconds: 0).rfc3339 }),
                "trusted": .bool(i < walk.trusted.count ? walk.trusted[i] : false),
                "authenticated": .bool(h.authenticated), "raw": .string(h.raw),
            ]
            o["status"] = .string(i < walk.trusted.count && walk.trusted[i] ? (i == walk.stopIndex ? "grens" : "vertrouwd") : "beweerd")
            if let r = h.reverseName { o["reverseName"] = .string(r) }
            if let p = h.port { o["port"] = .int(Int64(p)) }
            if i < walk.trustedBy.count, let t = walk.trustedBy[i] { o["senderTrustedBy"] = .string(t) }
            if i + 1 < mail.hops.count, let a = h.date?.date, let b = mail.hops[i + 1].date?.date {
                o["delaySeconds"] = .int(Int64(a.timeIntervalSince(b).rounded()))
            }
            if !h.problems.isEmpty { o["problems"] = .array(h.problems.map(JSONValue.string)) }
            return .object(o)
        }
        let classification: JSONValue = classification.map { c in
            var o: [String: JSONValue] = ["code": .string(c.code), "text": .string(c.dutch), "textEn": .string(c.english)]
            if case .schoolInternal(let r) = c { o["label"] = .string(r.label); o["range"] = .string(r.range.description) }
            if case .egress(let e) = c { o["range"] = .string(e.description) }
            return .object(o)
        } ?? .null
        let matches: [JSONValue] = matches.map { m in
            var o: [String: JSONValue] = [
                "kind": .string(m.kind), "ip": .string(m.ip.description), "host": .string(m.host), "mac": .string(m.mac),
                "from": .string(m.from.traceJSON), "until": .string(m.until.traceJSON), "source": .string(m.source),
                "sha256": .string(m.sha256), "line": .int(Int64(m.line)), "coversSendTime": .bool(m.coversSendTime),
            ]
            if let u = m.user { o["user"] = .string(u) }
            if let w = m.workstation { o["workstation"] = .string(w) }
            if let r = m.room { o["room"] = .string(r) }
            if !m.via.isEmpty { o["via"] = .array(m.via.map(JSONValue.string)) }
            if !m.notes.isEmpty { o["notes"] = .array(m.notes.map(JSONValue.string)) }
            return .object(o)
        }
        var net: [String: JSONValue] = [
            "school": .string(network.school), "timezone": .string(network.timeZoneIdentifier),
            "clockToleranceSeconds": .int(Int64(network.clockToleranceSeconds)),
            "egress": .array(network.egress.map { .string($0.description) }),
            "trustedRelays": .array(network.trustedRelays.map { .string($0.description) }),
            "trustAuthenticated": .bool(network.trustAuthenticated),
            "internal": .array(network.internalRanges.map { .object(["range": .string($0.range.description), "label": .string($0.label)]) }),
        ]
        net["file"] = .string(network.sourcePath)
        net["sha256"] = .string(network.sourceSHA256)
        return .object([
            "tool": .object(["name": .string("bewaar"), "version": .string(toolVersion), "rules": .string(TraceRules.version)]),
            "input": .object(["name": .string(mail.name), "sha256": .string(mail.sha256), "size": .int(mail.size),
                              "messageId": .string(mail.messageID), "from": .array(mail.from.map(JSONValue.string))]),
            "network": .object(net),
            "logs": .array(logs.map { l in
                .object(["name": .string(l.name), "kind": .string(l.kind.rawValue), "sha256": .string(l.sha256),
                         "size": .int(Int64(l.size)), "records": .int(Int64(l.records)), "from": .string(l.first?.traceJSON),
                         "until": .string(l.last?.traceJSON), "warnings": .array(l.warnings.prefix(50).map(JSONValue.string))])
            }),
            "originatingIp": .string(originatingIP?.description),
            "ipVersion": .string(originatingIP?.versionName),
            "originPort": .int(originPort),
            "originSource": .string(originSource),
            "relayIp": .string(relayIP?.description),
            "provider": .string(walk.provider),
            "classification": classification,
            "sendTime": .string(sendTime?.traceJSON),
            "stop": .object(["reason": .string(walk.stop.rawValue), "hop": .int(walk.stopIndex)]),
            "hops": .array(hops),
            "findings": .array(findings.map { f in
                .object(["code": .string(f.code), "weakens": .bool(f.weakens), "hop": .int(f.hop), "text": .string(f.dutch),
                         "textEn": .string(f.english)])
            }),
            "hints": .array(hints.map { .object(["text": .string($0.dutch), "textEn": .string($0.english)]) }),
            "matches": .array(matches),
            "conclusion": .string(conclusion.dutch),
            "conclusionEn": .string(conclusion.english),
            "reasons": .array(reasons.map { .string($0.dutch) }),
            "notProven": .array(notProven.map { .string($0.dutch) }),
            "certainty": .string(certainty.rawValue),
        ])
    }
}
