import Testing
import BewaarModel
@testable import BewaarImportWhatsApp

/// Every header shape of the issue: a mentor receives exports from Android and iPhone, Dutch
/// and English phones, 24- and 12-hour clocks.
@Suite struct LineShapeTests {
    @Test func dutchAndroidFourDigitYear() {
        let text = "14-11-2023 21:07 - Sanne de Vries: kom je ook?\n15-11-2023 08:00 - Daan Jansen: nee\n"
        let r = readChat(text)
        #expect(r.format == "whatsapp")
        #expect(r.messages.count == 2)
        let m = r.messages[0]
        #expect(m.author == "Sanne de Vries")
        #expect(m.text == "kom je ook?")
        #expect(m.kind == .message)
        #expect(m.timestamp?.rfc3339 == "2023-11-14T21:07:00+01:00")
        #expect(m.origin == Origin(line: 1, offset: 0, length: 47))
        #expect(r.messages[1].origin == Origin(line: 2, offset: 47, length: 36))
        #expect(r.extra["platform"] == .string("android"))
    }

    @Test func unpaddedDayMonthTwoDigitYear() {
        let r = readChat("4-3-23 09:05 - Thijs: ok\n14-3-23 9:15 - Thijs: ja\n")
        #expect(r.messages.map(\.timestamp?.rfc3339) == ["2023-03-04T09:05:00+01:00", "2023-03-14T09:15:00+01:00"])
        #expect(r.extra["dateOrder"]?["rule"] == .string("field-above-12"))
    }

    @Test func slashesWithComma() {
        let r = readChat("14/11/2023, 21:07 - Sanne: kom je ook?\n")
        #expect(r.messages[0].timestamp?.rfc3339 == "2023-11-14T21:07:00+01:00")
        #expect(r.messages[0].author == "Sanne")
    }

    @Test func usTwelveHourWithNarrowNoBreakSpace() {
        let text = "11/14/23, 9:07\u{202F}PM - Sanne: kom je ook?\n11/15/23, 12:05\u{202F}AM - Daan: laat\n11/15/23, 12:30 pm - Daan: middag\n"
        let r = readChat(text)
        #expect(r.messages.count == 3)
        #expect(r.messages.map(\.timestamp?.rfc3339) == ["2023-11-14T21:07:00+01:00", "2023-11-15T00:05:00+01:00", "2023-11-15T12:30:00+01:00"])
        #expect(r.extra["dateOrder"]?["order"] == .string("mdy"))
    }

    @Test func dottedDates() {
        let r = readChat("14.11.23, 21:07 - Sanne: hallo\n")
        #expect(r.messages[0].timestamp?.rfc3339 == "2023-11-14T21:07:00+01:00")
    }

    @Test func yearFirstWithDottedMeridiem() {
        let r = readChat("2023-11-14, 9:07 p.m. - Sanne: hallo\n2023-11-15, 10:00 a. m. - Daan: hoi\n")
        #expect(r.messages.map(\.timestamp?.rfc3339) == ["2023-11-14T21:07:00+01:00", "2023-11-15T10:00:00+01:00"])
        #expect(r.extra["dateOrder"]?["rule"] == .string("four-digit-first-field"))
    }

    @Test func dutchIOSBracketsWithSeconds() {
        let text = "[14-11-2023 21:07:45] Sanne de Vries: kom je ook?\r\n[14-11-2023, 21:08:01] Daan: ja\r\n"
        let r = readChat(text)
        // The second line has a comma after the date: another shape, so it is text of the first record.
        #expect(r.messages.count == 1)
        let m = readChat("[14-11-2023 21:07:45] Sanne de Vries: kom je ook?\r\n[15-11-2023 07:00:00] Daan: ja\r\n").messages
        #expect(m.count == 2)
        #expect(m[0].timestamp?.rfc3339 == "2023-11-14T21:07:45+01:00")
        #expect(m[0].text == "kom je ook?")
        #expect(m[1].origin.offset == 51)
        #expect(readChat("[14-11-2023 21:07:45] A: x\r\n").extra["platform"] == .string("ios"))
    }

    @Test func englishIOSTwelveHour() {
        let r = readChat("[11/14/23, 9:07:45\u{202F}PM] Sanne: kom je ook?\r\n[11/15/23, 8:00:00\u{202F}AM] Daan: nee\r\n")
        #expect(r.messages.map(\.timestamp?.rfc3339) == ["2023-11-14T21:07:45+01:00", "2023-11-15T08:00:00+01:00"])
        #expect(r.messages.map(\.author) == ["Sanne", "Daan"])
    }

    @Test func oddTwelveHourValuesAreFlagged() {
        let r = readChat("25/09/20, 00:08 a. m. - Ana: hola\n")
        #expect(r.messages[0].timestamp?.rfc3339 == "2020-09-25T00:08:00+02:00")
        #expect(r.messages[0].flags.contains("clock-odd"))
    }

    @Test func buddhistYearIsNeverMisreadAsAWrongYear() {
        let r = readChat("14/11/2566, 21:07 - Sanne: hallo\n15/11/2566, 21:07 - Sanne: hoi\n")
        #expect(r.messages.count == 2)
        #expect(r.messages.allSatisfy { $0.timestamp == nil && $0.flags.contains("date-invalid") })
        #expect(r.warnings("date-invalid").first?.line == 1)
    }

    @Test func arabicIndicDigitsAreReportedNotParsed() {
        let r = readChat("١٤/١١/٢٠٢٣، ٩:٠٧ م - سارة: مرحبا\n")
        #expect(r.messages.isEmpty)
        #expect(!r.warnings("not-whatsapp").isEmpty)
    }
}
