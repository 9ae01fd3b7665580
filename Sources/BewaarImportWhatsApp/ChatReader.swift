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

    /// Reads `b`; `part` names the zip member the offsets are into (nil for a plain file).
    static func read(_ b: UnsafeBufferPointer<UInt8>, zone: TimeZone, forcedOrder: DateOrder?, part: String?) -> ChatReading {
        var out = ChatReading()
        let scan = ChatScanner.scan(b)
        if scan.utf16 {
            out.warnings.append(ImportWarning("De chattekst is UTF-16; alleen UTF-8-exports worden gelezen. Het bestand is wel bewaard.",
                                              line: 1, code: "unsupported-encoding"))
            return out
        }
        guard let shape = scan.shape, !scan.records.isEmpty else {
            out.warnings.append(ImportWarning("Dit is geen WhatsApp-export: geen enkele regel heeft de vorm van een WhatsApp-bericht (datum, tijd, naam). Het bestand is wel bewaard.",
                                              line: nil, code: "not-whatsapp"))
            return out
        }
        out.isWhatsApp = true
        for p in scan.preamble.prefix(maxPreambleWarnings) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[p.start..<p.end]), as: UTF8.self)
            out.warnings.append(ImportWarning("Deze regel staat vóór het eerste bericht en heeft geen berichtvorm; bewaard als waarschuwing: \(text)",
                                              line: p.line, code: "preamble-line"))
        }
        if scan.preamble.count > maxPreambleWarnings {
            out.warnings.append(ImportWarning("Nog \(scan.preamble.count - maxPreambleWarnings) regels vóór het eerste bericht.", line: nil, code: "preamble-line"))
        }

        // iOS: records end in CRLF, a bare LF is a line break inside a message.
        let (records, terminator, crlf, lf) = LineEndingRule.apply(scan.records, finalBreakIsCRLF: scan.finalBreakIsCRLF)
        var evidence = DateOrderEvidence()
        for r in records { evidence.add(r.header) }
        let decision = evidence.decide(forced: forcedOrder)
        out.warnings += decision.warnings

        var builder = MessageBuilder(bytes: b, shape: shape, order: decision.order, zone: zone, part: part)
        out.messages.reserveCapacity(records.count)
        for r in records {
            out.messages.append(builder.build(r).0)
        }
        out.warnings += builder.warnings
        out.participants = builder.authors.participants
        for r in records where !r.lookalikeLines.isEmpty {
            for l in r.lookalikeLines {
                out.warnings.append(ImportWarning("Deze regel lijkt een nieuw bericht, maar staat met een los regeleinde (LF) binnen het bericht van regel \(r.line): mogelijk getypt om een bericht van iemand anders na te bootsen.",
                                                  line: l, code: "header-lookalike"))
            }
        }
        ChatChecks.run(&out, platform: shape.platform)

        out.extra["platform"] = .string(shape.platform)
        out.extra["headerShape"] = .string(shape.pattern)
        out.extra["dateOrder"] = decision.json
        out.extra["timeZone"] = .string(zone.identifier)
        out.extra["lineEndings"] = .object(["recordTerminator": .string(terminator), "crlfBeforeHeaders": .int(crlf), "lfBeforeHeaders": .int(lf)])
        if scan.bomLength > 0 { out.extra["byteOrderMark"] = .bool(true) }
        if scan.otherShapeLines > 0 { out.extra["otherShapeHeaderLines"] = .int(scan.otherShapeLines) }
        return out
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
            w.append(ImportWarning("De datumvolgorde is niet zeker uit het bestand af te leiden (regel: \(rule)); aangenomen: \(order.rawValue). Bevestig met --date-order dmy|mdy|ymd.",
                                   code: "date-order-ambiguous"))
        }
        if let o = overruledOption {
            w.append(ImportWarning("--date-order \(o.rawValue) is niet gebruikt: het bestand zelf laat \(order.rawValue) zien (regel: \(rule)).",
                                   code: "date-order-option-overruled"))
        }
        return w
    }
}
