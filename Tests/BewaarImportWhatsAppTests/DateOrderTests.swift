import Testing
import BewaarModel
@testable import BewaarImportWhatsApp

/// Day-first or month-first is decided once per file, and the decision says how.
@Suite struct DateOrderTests {
    @Test func dayAbove12DecidesDayFirst() {
        let r = readChat("01-02-2024 10:00 - A: x\n13-02-2024 10:00 - A: y\n")
        #expect(r.extra["dateOrder"] == .object(["order": .string("dmy"), "rule": .string("field-above-12"), "ambiguous": .bool(false)]))
        // The first line alone would have been read as 1 February: the whole file decides.
        #expect(r.messages[0].timestamp?.rfc3339 == "2024-02-01T10:00:00+01:00")
        #expect(r.warnings("date-order-ambiguous").isEmpty)
    }

    @Test func secondFieldAbove12DecidesMonthFirst() {
        let r = readChat("02/01/24, 10:00 - A: x\n02/13/24, 10:00 - A: y\n")
        #expect(r.extra["dateOrder"]?["order"] == .string("mdy"))
        #expect(r.messages[0].timestamp?.rfc3339 == "2024-02-01T10:00:00+01:00")
    }

    @Test func undecidableFileIsDayFirstAndAmbiguous() {
        let r = readChat("01-02-2024 10:00 - A: x\n")
        #expect(r.extra["dateOrder"] == .object(["order": .string("dmy"), "rule": .string("default-day-first"), "ambiguous": .bool(true)]))
        #expect(r.warnings("date-order-ambiguous").count == 1)
        #expect(r.messages[0].timestamp?.rfc3339 == "2024-02-01T10:00:00+01:00")
    }

    @Test func operatorOptionDecidesWhenTheFileCannot() {
        let r = readChat("01-02-2024 10:00 - A: x\n", order: "mdy")
        #expect(r.extra["dateOrder"] == .object(["order": .string("mdy"), "rule": .string("option"), "ambiguous": .bool(false)]))
        #expect(r.messages[0].timestamp?.rfc3339 == "2024-01-02T10:00:00+01:00")
        #expect(r.warnings("date-order-ambiguous").isEmpty)
    }

    @Test func fileOverrulesAContradictingOption() {
        let r = readChat("13-02-2024 10:00 - A: x\n", order: "mdy")
        #expect(r.extra["dateOrder"]?["order"] == .string("dmy"))
        #expect(r.extra["dateOrder"]?["overruledOption"] == .string("mdy"))
        #expect(r.warnings("date-order-option-overruled").count == 1)
    }

    @Test func dayResetWithinAYear() {
        // 12-01 → 01-02: the first field falls while the second rises: the first is the day.
        let r = readChat("12-01-2024 10:00 - A: x\n01-02-2024 10:00 - A: y\n")
        #expect(r.extra["dateOrder"]?["rule"] == .string("day-resets-within-year"))
        #expect(r.extra["dateOrder"]?["order"] == .string("dmy"))
    }

    @Test func contradictingDatesAreAConflict() {
        let r = readChat("13-02-2024 10:00 - A: x\n02-13-2024 10:00 - A: y\n")
        #expect(r.extra["dateOrder"]?["conflict"] == .bool(true))
        #expect(r.messages[1].timestamp == nil)
        #expect(r.messages[1].flags.contains("date-invalid"))
        #expect(r.warnings("date-order-conflict").count == 1)
    }
}
