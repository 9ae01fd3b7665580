import Foundation
import BewaarModel

/// How a case's place in its life is written on the terminal: status (with a legal hold),
/// retention, closing.
enum CaseLifecycleText {
    /// `open`, `geescaleerd`, `gesloten`, with `, bewaarplicht` when a legal hold stops destruction.
    static func status(_ c: Case, _ g: GlobalOptions) -> String {
        c.status.rawValue + (c.hold == nil ? "" : g.t(", bewaarplicht", ", legal hold"))
    }

    /// The retention: running, kept until a day, or due.
    static func retention(_ c: Case, at now: Date, _ g: GlobalOptions) -> String {
        guard let due = c.retentionUntil else {
            return g.t("loopt nog: de bewaartermijn begint bij het sluiten", "still running: the retention period starts at closing")
        }
        if c.isPastRetention(at: now) {
            return c.hold == nil
                ? g.t("bewaartermijn verstreken op \(DisplayTime.day(due)): vernietigen", "retention passed on \(DisplayTime.day(due)): destroy")
                : g.t(
                    "bewaartermijn verstreken op \(DisplayTime.day(due)), maar bewaarplicht",
                    "retention passed on \(DisplayTime.day(due)), but on legal hold")
        }
        return g.t("tot \(DisplayTime.day(due))", "until \(DisplayTime.day(due))")
    }

    static func closing(_ closing: CaseClosing, _ g: GlobalOptions) -> String {
        let when = closing.at.map { DisplayTime.string($0) } ?? "—"
        let outcome = closing.outcome.map { g.t($0.dutch, $0.english) } ?? "—"
        return g.t("Gesloten", "Closed") + " \(when) " + g.t("door", "by") + " \(TerminalText.line(closing.by)): \(outcome)"
            + (closing.reason.isEmpty ? "" : " — " + TerminalText.line(closing.reason, limit: 200))
    }

    static func hold(_ hold: LegalHold, _ g: GlobalOptions) -> String {
        g.t("Bewaarplicht sinds", "Legal hold since") + " \(DisplayTime.string(hold.since)) " + g.t("door", "by")
            + " \(TerminalText.line(hold.by)): \(TerminalText.line(hold.reason, limit: 200)) — "
            + g.t("kan niet worden vernietigd", "cannot be destroyed")
    }
}
