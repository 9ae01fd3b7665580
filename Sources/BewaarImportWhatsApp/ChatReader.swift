import Foundation
import BewaarModel
import BewaarImport

/// Messages, warnings and file-level facts read from one chat text.
struct ChatReading {
    var messages: [Message] = []
    var warnings: [ImportWarning] = []
    var extra: [String: JSONValue] = [:]
    /// False when the text holds no WhatsApp record at all.
    var isWhatsApp = false
    /// Authors with their record counts, in order of first appearance.
    var participants: [(String, Int)] = []
}

/// Turns chat bytes into messages: one scan over the bytes, then one pass over the records.
enum ChatReader {
    static let maxPreambleWarnings = 20

    /// What every record needs before the first is built: the scan, line-ending rule and date order.
    struct Prepared {
        var shape: LineShape
        var records: [RawRecord]
        var decision: DateOrderDecision
        /// File-level `extra` fields known before any record is built.
        var fileExtra: [String: JSONValue]
    }

    /// Reads `b`; `part` names the zip member the offsets are into (nil for a plain file).
    static func read(_ b: UnsafeBufferPointer<UInt8>, zone: TimeZone, forcedOrder: DateOrder?, part: String?) -> ChatReading {
        var out = ChatReading()
        guard let p = prepare(b, zone: zone, forcedOrder: forcedOrder, out: &out) else { return out }
        materialise(b, p, zone: zone, part: part, out: &out)
        return out
    }

    /// Scan, preamble warnings, line-ending rule and date order; nil (with the warning in `out`)
    /// when the text is no WhatsApp chat.
    static func prepare(_ b: UnsafeBufferPointer<UInt8>, zone: TimeZone, forcedOrder: DateOrder?, out: inout ChatReading) -> Prepared? {
        let scan = ChatScanner.scan(b)
        // iOS: records end in CRLF, a bare LF is a line break inside a message.
        let (records, terminator, crlf, lf) = LineEndingRule.apply(scan.records, finalBreakIsCRLF: scan.finalBreakIsCRLF)
        var evidence = DateOrderEvidence()
        for r in records { evidence.add(r.header) }
        guard let (shape, decision, extra) = conclude(b, scan, records: records.count, evidence: evidence, lineEndings: (terminator, crlf, lf),
                                                      zone: zone, forcedOrder: forcedOrder, out: &out) else { return nil }
        return Prepared(shape: shape, records: records, decision: decision, fileExtra: extra)
    }

    /// From a scan's findings: the not-a-chat warnings (nil then), preamble warnings, the date
    /// order and the file-level `extra` fields.
    static func conclude(_ b: UnsafeBufferPointer<UInt8>, _ scan: ChatScan, records: Int, evidence: DateOrderEvidence,
                         lineEndings: (String, Int, Int), zone: TimeZone, forcedOrder: DateOrder?,
                         out: inout ChatReading) -> (LineShape, DateOrderDecision, [String: JSONValue])? {
        let (terminator, crlf, lf) = lineEndings
        if scan.utf16 {
            out.warnings.append(ImportWarning("De chattekst is UTF-16; alleen UTF-8-exports worden gelezen. Het bestand is wel bewaard.",
                                              line: 1, code: "unsupported-encoding"))
            return nil
        }
        guard let shape = scan.shape, records > 0 else {
            out.warnings.append(ImportWarning("Dit is geen WhatsApp-export: geen enkele regel heeft de vorm van een WhatsApp-bericht (datum, tijd, naam). Het bestand is wel bewaard.",
                                              line: nil, code: "not-whatsapp"))
            return nil
        }
        out.isWhatsApp = true
        for p in scan.preamble.prefix(maxPreambleWarnings) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[p.start..<p.end]), as: UTF8.self)
            out.warnings.append(ImportWarning("Deze regel staat vóór het eerste bericht en heeft geen berichtvorm; bewaard als waarschuwing: \(text)",
                                              line: p.line, code: "preamble-line"))
        }
        if scan.preamble.count > maxPreambleWarnings {
            out.warnings.append(ImportWarning("Nog \(Plural.count(scan.preamble.count - maxPreambleWarnings, "regel", "regels")) vóór het eerste bericht.", line: nil, code: "preamble-line"))
        }

        let decision = evidence.decide(forced: forcedOrder)
        out.warnings += decision.warnings

        var extra: [String: JSONValue] = [:]
        extra["platform"] = .string(shape.platform)
        extra["headerShape"] = .string(shape.pattern)
        extra["dateOrder"] = decision.json
        extra["timeZone"] = .string(zone.identifier)
        extra["lineEndings"] = .object(["recordTerminator": .string(terminator), "crlfBeforeHeaders": .int(crlf), "lfBeforeHeaders": .int(lf)])
        if scan.bomLength > 0 { extra["byteOrderMark"] = .bool(true) }
        if scan.otherShapeLines > 0 { extra["otherShapeHeaderLines"] = .int(scan.otherShapeLines) }
        return (shape, decision, extra)
    }

    /// Builds every message into `out.messages` and runs the file-wide checks on them.
    static func materialise(_ b: UnsafeBufferPointer<UInt8>, _ p: Prepared, zone: TimeZone, part: String?, out: inout ChatReading) {
        var builder = MessageBuilder(bytes: b, shape: p.shape, order: p.decision.order, zone: zone, part: part)
        out.messages.reserveCapacity(p.records.count)
        for r in p.records {
            out.messages.append(builder.build(r).0)
        }
        out.warnings += builder.warnings
        out.participants = builder.authors.participants
        out.warnings += lookalikeLineWarnings(p.records)
        ChatChecks.run(&out, platform: p.shape.platform)
        out.extra.merge(p.fileExtra) { _, file in file }
    }

    /// The iOS CRLF/LF rule's folded header lines, one warning each.
    static func lookalikeLineWarnings(_ records: [RawRecord]) -> [ImportWarning] {
        var w: [ImportWarning] = []
        for r in records where !r.lookalikeLines.isEmpty {
            for l in r.lookalikeLines {
                w.append(ImportWarning("Deze regel lijkt een nieuw bericht, maar staat met een los regeleinde (LF) binnen het bericht van regel \(r.line): mogelijk getypt om een bericht van iemand anders na te bootsen.",
                                       line: l, code: "header-lookalike"))
            }
        }
        return w
    }
}

extension DateOrderDecision {
    /// What the investigator must be told about this decision.
    var warnings: [ImportWarning] {
        var w: [ImportWarning] = []
        if conflict {
            w.append(ImportWarning("De datums in dit bestand spreken elkaar tegen (zowel het eerste als het tweede veld is soms groter dan 12); volgorde \(order.rawValue) aangenomen, datums die niet passen hebben geen tijd.",
                                   code: "date-order-conflict"))
        } else if ambiguous {
            w.append(ImportWarning("Datumvolgorde niet zeker (regel: \(rule)), aangenomen: \(order.rawValue). Bevestig met dezelfde invoer plus --date-order dmy of mdy, of op de webpagina.",
                                   code: "date-order-ambiguous"))
        }
        if let o = overruledOption {
            w.append(ImportWarning("--date-order \(o.rawValue) is niet gebruikt: het bestand zelf laat \(order.rawValue) zien (regel: \(rule)).",
                                   code: "date-order-option-overruled"))
        }
        return w
    }
}
