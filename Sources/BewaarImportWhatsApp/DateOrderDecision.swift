import BewaarModel

/// Day-first, month-first or year-first: decided once for the whole file.
enum DateOrder: String, Sendable {
    case dmy, mdy, ymd
}

/// The decision on the date order of one file and the rule that made it.
struct DateOrderDecision: Sendable, Equatable {
    var order: DateOrder
    /// `four-digit-first-field`, `field-above-12`, `day-resets-within-year`,
    /// `changes-more-often`, `option` (the operator's `--date-order`) or `default-day-first`.
    var rule: String
    /// True when the file could not tell and nobody confirmed the order.
    var ambiguous: Bool
    /// True when the dates contradict each other (no order fits all of them).
    var conflict: Bool = false
    /// An operator's `--date-order` that the file contradicts and that was therefore not used.
    var overruledOption: DateOrder?

    var json: JSONValue {
        var o: [String: JSONValue] = ["order": .string(order.rawValue), "rule": .string(rule), "ambiguous": .bool(ambiguous)]
        if conflict { o["conflict"] = .bool(true) }
        if let overruledOption { o["overruledOption"] = .string(overruledOption.rawValue) }
        return .object(o)
    }
}

/// Collects, over all header dates of a file, the evidence for the date order.
struct DateOrderEvidence: Sendable {
    private(set) var count = 0
    var fourDigitFirst = 0
    var firstAbove12 = 0
    var secondAbove12 = 0
    /// Field 1 went down while field 2 went up within one year (field 1 is the day), and the reverse.
    var firstResets = 0
    var secondResets = 0
    var firstChanges = 0
    var secondChanges = 0
    private var last: (Int32, Int32, Int32)?

    mutating func add(_ h: HeaderFields) {
        count += 1
        if h.d1 == 4 { fourDigitFirst += 1; last = nil; return }
        if h.f1 > 12 { firstAbove12 += 1 }
        if h.f2 > 12 { secondAbove12 += 1 }
        if let (p1, p2, p3) = last, p3 == h.f3 {
            if h.f1 != p1 { firstChanges += 1 }
            if h.f2 != p2 { secondChanges += 1 }
            if h.f1 < p1 && h.f2 > p2 { firstResets += 1 }
            if h.f2 < p2 && h.f1 > p1 { secondResets += 1 }
        }
        last = (h.f1, h.f2, h.f3)
    }

    /// Decides from the evidence; `forced` is the operator's `--date-order`.
    func decide(forced: DateOrder?) -> DateOrderDecision {
        // Strong rules: the file itself says it.
        if fourDigitFirst > 0 && fourDigitFirst == count {
            return strong(.ymd, "four-digit-first-field", forced: forced)
        }
        if firstAbove12 > 0 && secondAbove12 == 0 { return strong(.dmy, "field-above-12", forced: forced) }
        if secondAbove12 > 0 && firstAbove12 == 0 { return strong(.mdy, "field-above-12", forced: forced) }
        if firstAbove12 > 0 && secondAbove12 > 0 {
            let order: DateOrder = forced ?? (firstAbove12 >= secondAbove12 ? .dmy : .mdy)
            return DateOrderDecision(order: order, rule: forced != nil ? "option" : "field-above-12", ambiguous: true, conflict: true)
        }
        if let forced { return DateOrderDecision(order: forced, rule: "option", ambiguous: false) }
        // Weaker rules: how the fields move.
        if firstResets > 0 && secondResets == 0 { return DateOrderDecision(order: .dmy, rule: "day-resets-within-year", ambiguous: false) }
        if secondResets > 0 && firstResets == 0 { return DateOrderDecision(order: .mdy, rule: "day-resets-within-year", ambiguous: false) }
        if firstChanges > secondChanges { return DateOrderDecision(order: .dmy, rule: "changes-more-often", ambiguous: true) }
        if secondChanges > firstChanges { return DateOrderDecision(order: .mdy, rule: "changes-more-often", ambiguous: true) }
        return DateOrderDecision(order: .dmy, rule: "default-day-first", ambiguous: true)
    }

    private func strong(_ order: DateOrder, _ rule: String, forced: DateOrder?) -> DateOrderDecision {
        var d = DateOrderDecision(order: order, rule: rule, ambiguous: false)
        if let forced, forced != order { d.overruledOption = forced }
        return d
    }
}
