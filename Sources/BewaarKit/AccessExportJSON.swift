import Foundation
import BewaarModel
import BewaarJSON
import BewaarReport

/// The JSON of an access export, shape `bewaar-inzage` version 1 (docs/inzage-export.md):
/// every key is always present (absent values are `null`), keys sorted, times RFC 3339 UTC.
public enum AccessExportJSON {
    public static let format = "bewaar-inzage"
    public static let version: Int64 = 1

    public static func value(_ p: AccessExportContent) -> JSONValue {
        .object([
            "format": .string(format), "formatVersion": .int(version),
            "subject": .string(p.subject), "madeAt": time(p.madeAt), "madeBy": .string(p.madeBy), "requestedBy": .string(p.requestedBy),
            "scope": .string(p.allCases ? "alle-zaken" : "zaken-met-toegang"), "timeZone": .string(p.timeZone.identifier),
            "pseudonyms": .string(AccessExportContent.pseudonymRule),
            "cases": .array(p.cases.map(caseValue)),
        ])
    }

    static func caseValue(_ c: AccessExportCase) -> JSONValue {
        .object([
            "id": .string(c.id.description), "title": .string(c.title), "status": .string(c.status), "opened": time(c.opened),
            "retentionUntil": c.retentionUntil.map(time) ?? .null, "summary": .string(c.summary),
            "roles": .array(c.roles.map { .object(["role": .string($0.role.rawValue), "group": opt($0.group), "relatedTo": opt($0.relatedTo)]) }),
            "handles": .array(
                c.handles.map { .object(["value": .string($0.value), "kind": .string($0.kind.rawValue), "profileUrl": opt($0.profileURL)]) }),
            "messages": .array(c.messages.map(messageValue)),
            "talks": .array(
                c.talks.map { t in
                    .object([
                        "date": .string(t.talk.date), "participants": strings(t.talk.participants), "withWhom": strings(t.talk.withWhom),
                        "summary": .string(t.talk.summary), "agreements": strings(t.talk.agreements), "followUp": opt(t.talk.followUp),
                        "recordedBy": .string(t.talk.recordedBy), "relations": strings(t.relations.map(\.rawValue)),
                    ])
                }),
            "statements": .array(
                c.statements.map { s in
                    .object([
                        "kind": .string(s.kind.rawValue), "person": .string(s.person), "date": .string(s.date), "text": .string(s.text),
                        "since": opt(s.since), "effect": opt(s.effect), "recordedBy": .string(s.recordedBy),
                    ])
                }),
            "observations": .array(
                c.observations.map { o in
                    .object([
                        "kind": .string(o.kind.rawValue), "sender": opt(o.sender), "recipients": opt(o.recipients), "when": opt(o.when),
                        "place": opt(o.place), "description": .string(o.description), "recordedBy": .string(o.recordedBy),
                    ])
                }),
            "custodyEvents": .array(
                c.events.map { e in
                    .object([
                        "sequence": .int(Int64(e.sequence)), "time": time(e.time), "actor": .string(e.actor), "action": .string(e.action.rawValue),
                        "details": .object(e.details.mapValues(JSONValue.string)), "hash": .string(e.hash),
                    ])
                }),
            "corrections": .array(c.corrections.map { .object(["text": .string($0.text), "by": .string($0.by), "at": time($0.at)]) }),
        ])
    }

    static func messageValue(_ m: AccessExportMessage) -> JSONValue {
        .object([
            "recordId": .int(m.recordID), "time": m.time.map { .string($0.rfc3339) } ?? .null, "author": opt(m.author), "kind": .string(m.kind),
            "text": .string(m.text), "relations": strings(m.relations.map(\.rawValue)), "mark": opt(m.mark),
            "source": .object(["name": .string(m.sourceName), "sha256": .string(m.sourceSHA256), "origin": .string(m.origin)]),
        ])
    }

    static func time(_ d: Date) -> JSONValue { .string(d.utcMillisString) }
    static func opt(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    static func strings(_ a: [String]) -> JSONValue { .array(a.map(JSONValue.string)) }
}
