import Testing
import BewaarModel
@testable import BewaarImportWhatsApp

/// The text keeps exactly what the pupil typed; every byte of the export belongs to a record.
@Suite struct LosslessTextTests {
    @Test func byteOrderMarkAndMarksAreToleratedAndKept() {
        let text = "\u{FEFF}14-11-2023 21:07 - +31\u{00A0}6\u{00A0}12345001: \u{200E}hoi 👩‍👩‍👧\n\u{200E}15-11-2023 08:00 - Daan: ok\n"
        let r = readChat(text)
        #expect(r.messages.count == 2)
        #expect(r.messages[0].author == "+31\u{00A0}6\u{00A0}12345001")
        #expect(r.messages[0].text == "\u{200E}hoi 👩‍👩‍👧")
        #expect(r.messages[0].origin.offset == 3)
        #expect(r.messages[1].origin.line == 2)
        #expect(r.extra["byteOrderMark"] == .bool(true))
        #expect(originBytes(text, r.messages[1]) == "\u{200E}15-11-2023 08:00 - Daan: ok\n")
    }

    @Test func multiLineMessagesKeepTheirLineBreaks() {
        let text = "14-11-2023 21:07 - Daan: eerste regel\n\ntweede regel\r\nderde\n15-11-2023 08:00 - Lotte: ok\n"
        let r = readChat(text)
        #expect(r.messages.count == 2)
        #expect(r.messages[0].text == "eerste regel\n\ntweede regel\r\nderde")
        #expect(r.messages[0].origin == Origin(line: 1, offset: 0, length: 59))
        #expect(originBytes(text, r.messages[0]) == "14-11-2023 21:07 - Daan: eerste regel\n\ntweede regel\r\nderde\n")
        #expect(r.messages[1].origin.line == 5)
    }

    @Test func recordsTileTheWholeText() {
        let text = "14-11-2023 21:07 - Daan: a\nb\n14-11-2023 21:08 - Lotte heeft de groep verlaten\n14-11-2023 21:09 - Sanne: c"
        let r = readChat(text)
        var next: Int64 = 0
        for m in r.messages {
            #expect(m.origin.offset == next)
            next = m.origin.offset + m.origin.length
        }
        #expect(next == Int64(text.utf8.count))
        #expect(r.messages.last?.text == "c")
    }

    @Test func emptyMessagesAndColonsInText() {
        let text = "14-11-2023 21:07 - Daan:\n14-11-2023 21:08 - Lotte: tijd: 10:00 - ok\n"
        let r = readChat(text)
        #expect(r.messages.map(\.author) == ["Daan", "Lotte"])
        #expect(r.messages[0].text == "")
        #expect(r.messages[1].text == "tijd: 10:00 - ok")
    }

    @Test func invalidUTF8IsFlaggedNotDropped() {
        var bytes = Array("14-11-2023 21:07 - Daan: a".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\n".utf8)
        let r = WhatsAppImporter.read(bytes: bytes, context: .init())
        #expect(r.messages.count == 1)
        #expect(r.messages[0].flags.contains("invalid-utf8"))
        #expect(r.messages[0].origin.length == Int64(bytes.count))
    }

    @Test func linesBeforeTheFirstRecordBecomeWarnings() {
        let r = readChat("Export van Sanne\n14-11-2023 21:07 - Daan: a\n")
        #expect(r.messages.count == 1)
        let w = r.warnings("preamble-line")
        #expect(w.count == 1)
        #expect(w[0].line == 1)
        #expect(w[0].message.contains("Export van Sanne"))
    }
}
