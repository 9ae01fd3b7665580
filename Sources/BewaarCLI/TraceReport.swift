import Foundation
import BewaarTrace

/// Prints a trace for a person: the conclusion first, then why, what it does not prove, and
/// the technical table. Evidence text goes through ``TerminalText``.
enum TraceReport {
    static func print(_ r: TraceResult, _ g: GlobalOptions) {
        let en = g.language.pick(nl: "nl", en: "en") == "en"
        func pick(_ b: Bilingual) -> String { en ? b.english : b.dutch }
        out(g.t("Herkomstonderzoek van", "Sender trace of") + " \(TerminalText.line(r.mail.name)) (sha256 \(r.mail.sha256))")
        out("")
        out(g.t("Conclusie: ", "Conclusion: ") + TerminalText.safe(pick(r.conclusion)))
        out(g.t("Zekerheid: ", "Certainty: ") + (en ? r.certainty.english : r.certainty.rawValue).uppercased())
        out(g.t("Waarom:", "Why:"))
        for x in r.reasons { out("  - " + TerminalText.safe(pick(x))) }
        out(g.t("Wat dit NIET bewijst:", "What this does NOT prove:"))
        for x in r.notProven { out("  - " + TerminalText.safe(pick(x))) }
        if !r.findings.isEmpty {
            out(g.t("Bevindingen:", "Findings:"))
            for f in r.findings { out("  ! " + TerminalText.safe(en ? f.english : f.dutch)) }
        }
        if !r.hints.isEmpty {
            out(g.t("Niet gecontroleerde aanwijzingen:", "Unverified hints:"))
            for h in r.hints { out("  ? " + TerminalText.safe(pick(h))) }
        }
        out("")
        out(g.t("Technische gegevens", "Technical details"))
        out(g.t("  Received-regels (nieuwste eerst; 'beweerd' = onder de vertrouwensgrens, niet gecontroleerd):",
                "  Received lines (newest first; 'claimed' = below the trust boundary, not verified):"))
        let hops = r.mail.hops
        for (i, h) in hops.enumerated() {
            let trusted = i < r.walk.trusted.count && r.walk.trusted[i]
            let status = trusted ? (i == r.walk.stopIndex ? g.t("grens", "boundary") : g.t("vertrouwd", "trusted")) : g.t("beweerd", "claimed")
            var delay = ""
            if i + 1 < hops.count, let a = h.date?.date, let b = hops[i + 1].date?.date { delay = " +\(Int(a.timeIntervalSince(b).rounded())) s" }
            let when = h.date?.rfc3339 ?? "—"
            out("  \(i + 1). [\(status)] " + g.t("van", "from") + " \(TerminalText.line(h.from ?? "—", limit: 50)) [\(TerminalText.line(h.ip ?? "—", limit: 45))] "
                + g.t("door", "by") + " \(TerminalText.line(h.by ?? "—", limit: 50)) " + g.t("met", "with") + " \(TerminalText.line(h.with ?? "—", limit: 30)) "
                + "\(when)\(delay)")
        }
        if !r.matches.isEmpty {
            out(g.t("  Kandidaten uit de logboeken:", "  Candidates from the logs:"))
            for m in r.matches {
                var seen = Set<String>()
                let who = [m.workstation, m.host, m.room, m.mac, m.user].compactMap { $0 }.filter { seen.insert($0.lowercased()).inserted }.map { TerminalText.line($0, limit: 40) }.joined(separator: " / ")
                out("    \(m.kind) \(m.ip) \(who) \(m.from.traceText) – \(m.until.traceText) "
                    + "(\(TerminalText.line((m.source as NSString).lastPathComponent, limit: 40)) " + g.t("regel", "line") + " \(m.line))")
            }
        }
        out(g.t("  Invoer:", "  Inputs:"))
        out("    " + g.t("bericht", "message") + " \(TerminalText.line(r.mail.name)) sha256 \(r.mail.sha256)")
        if let p = r.network.sourcePath {
            out("    " + g.t("netwerkbestand", "network file") + " \(TerminalText.line(p)) sha256 \(r.network.sourceSHA256 ?? "")")
        } else {
            out("    " + g.t("netwerkbestand: geen (standaardwaarden)", "network file: none (defaults)"))
        }
        for l in r.logs {
            out("    \(l.kind.rawValue) \(TerminalText.line(l.name)) sha256 \(l.sha256), \(l.records) " + g.t("records", "records")
                + (l.warnings.isEmpty ? "" : ", \(l.warnings.count) " + g.t("waarschuwingen", "warnings")))
        }
        out("  " + g.t("Hulpmiddel", "Tool") + ": bewaar \(r.toolVersion), " + g.t("regels", "rules") + " \(TraceRules.version), "
            + g.t("tijdzone", "time zone") + " \(r.network.timeZoneIdentifier), " + g.t("kloktolerantie", "clock tolerance") + " ±\(r.network.clockToleranceSeconds) s")
    }
}

extension Date {
    /// UTC RFC 3339 for the technical table; `?` for an open end.
    var traceText: String {
        if self == .distantPast || self == .distantFuture || timeIntervalSince1970 < -1e10 || timeIntervalSince1970 > 1e11 { return "?" }
        let f = ISO8601DateFormatter()
        return f.string(from: self)
    }
}
