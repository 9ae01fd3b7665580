import Foundation
import BewaarModel
import BewaarStore
import BewaarReport

extension AccessExporter.Found {
    /// The case as the export shows it: every other pupil's name, handle and author replaced.
    func exported(_ p: AccessPseudonyms) -> AccessExportCase {
        let messages = entries.map { e, relations in
            AccessExportMessage(
                recordID: e.id, time: e.message.timestamp, author: e.message.author.map(p.name), kind: e.message.kind.rawValue,
                text: p.apply(e.message.text + e.message.attachments.map { " [bijlage: \($0.name)]" }.joined()),
                relations: relations, sourceName: p.apply(e.itemName), sourceSHA256: e.itemSHA256.hex,
                origin: AccessExporter.originText(e.message.origin),
                mark: e.mark.map { $0.reason.dutch + ($0.note.map { ": " + p.apply($0) } ?? "") })
        }
        let talks = self.talks.map { t in
            var talk = t.talk
            talk.participants = talk.participants.map(p.name)
            talk.withWhom = talk.withWhom.map(p.name)
            talk.summary = p.apply(talk.summary)
            talk.agreements = talk.agreements.map(p.apply)
            talk.followUp = talk.followUp.map(p.apply)
            talk.recordedBy = p.name(talk.recordedBy)
            return AccessExportTalk(talk: talk, relations: t.relations)
        }
        let statements = self.statements.map { s in
            var s = s
            s.person = p.name(s.person)
            s.text = p.apply(s.text)
            s.since = s.since.map(p.apply)
            s.effect = s.effect.map(p.apply)
            s.recordedBy = p.name(s.recordedBy)
            return s
        }
        let observations = self.observations.map { o in
            var o = o
            o.sender = o.sender.map(p.apply)
            o.recipients = o.recipients.map(p.apply)
            o.place = o.place.map(p.apply)
            o.when = o.when.map(p.apply)
            o.description = p.apply(o.description)
            o.recordedBy = p.name(o.recordedBy)
            return o
        }
        let events = self.events.map { e in
            var e = e
            e.actor = p.name(e.actor)
            e.details = e.details.mapValues(p.apply)
            return e
        }
        return AccessExportCase(
            id: info.id, title: p.apply(info.title), status: info.status.rawValue, opened: info.opened, retentionUntil: info.retentionUntil,
            summary: p.apply(info.summary),
            roles: own.map { AccessExportRole(role: $0.role, group: $0.group, relatedTo: $0.relatedTo.map(p.name)) },
            handles: ownHandles, messages: messages, talks: talks, statements: statements, observations: observations, events: events,
            corrections: corrections.map { AccessExportCorrection(text: p.apply($0.text), by: p.name($0.by), at: $0.at) })
    }
}

extension AccessExporter {
    /// Where a record sits in its original, in words: the line and byte range, or the pixels.
    static func originText(_ o: Origin) -> String {
        if let box = o.box { return "pixels \(box.x),\(box.y) \(box.width)×\(box.height)" }
        return (o.line.map { "regel \($0), " } ?? "") + "bytes \(o.offset)+\(o.length)" + (o.part.map { " in \($0)" } ?? "")
    }
}
