import Foundation
import BewaarModel

/// Plain text for the pupil-tracking system: no markup, no control characters, short lines.
public enum MagisterText {
    /// The talks and agreements of a case as plain text, ready to paste into Magister's logbook.
    public static func render(case c: Case, talks: [Talk]) -> String {
        var lines = ["Zaak \(c.id) – \(clean(c.title))", "Gesprekken en afspraken (vastgelegd in Bewaar)", ""]
        for t in talks {
            lines.append("\(dutchDate(t.date)): gesprek met \(clean(t.withWhom.joined(separator: ", "))) (\(clean(t.participants.joined(separator: ", "))))")
            lines.append("Samenvatting: \(clean(t.summary))")
            if t.agreements.isEmpty { lines.append("Geen afspraken gemaakt.") }
            for (n, a) in t.agreements.enumerated() { lines.append("Afspraak \(n + 1): \(clean(a))") }
            if let f = t.followUp { lines.append(isDay(f) ? "Evaluatie op \(dutchDate(f))." : "Vervolg: \(clean(f))") }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    static func isDay(_ s: String) -> Bool {
        let p = s.split(separator: "-")
        return s.count == 10 && p.count == 3 && p.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    static func dutchDate(_ day: String) -> String {
        let p = day.split(separator: "-")
        return p.count == 3 ? "\(p[2])-\(p[1])-\(p[0])" : day
    }
}
