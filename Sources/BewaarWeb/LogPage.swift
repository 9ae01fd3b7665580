import Foundation
import Hummingbird
import BewaarModel
import BewaarStore

/// /zaken/ID/logboek: the custody log of the case with its chain status.
extension WebApp {
    func addLogRoute(_ cases: RouterGroup<CaseContext>) {
        cases.get("/logboek", viewed: viewed("logboek")) { request, context -> Response in
            let (v, id) = (context.visit, context.caseID)
            let t = v.t
            let events = try self.store.events(chain: id.description)
            let report = try self.store.verifyChain(id.description)
            let status: HTML = report.intact
                ? "<p class=\"goed\" role=\"status\">\(t.chainIntact(events: report.eventCount, head: report.headHash ?? ""))</p>"
                : "<p class=\"melding\" role=\"alert\">\(t.chainBroken(report.problems.map { t.choose(nl: $0.dutch, en: $0.english) }.joined(separator: " ")))</p>"
            let shown = events.suffix(500)
            let rows: [HTML] = shown.reversed().map { e in
                let details = e.details.keys.sorted().map { "\($0): \(e.details[$0]!)" }.joined(separator: "; ")
                return "<tr><td>\(e.sequence)</td><td>\(Layout.time(e.time, t))</td><td>\(e.actor)</td><td>\(e.action.rawValue)</td><td>\(details)</td><td><code>\(String(e.hash.prefix(12)))</code></td></tr>"
            }
            let more: HTML = events.count > shown.count ? "<p>\(t.newest500(of: events.count))</p>" : ""
            return self.page(v, title: t.logTitle(id.description), caseNav: id, current: "logboek", """
                \(status)
                <p class="uitleg">\(t.logExplain)</p>
                \(more)
                <table><thead><tr><th scope="col">\(t.colNumber)</th><th scope="col">\(t.colTime)</th><th scope="col">\(t.colWho)</th><th scope="col">\(t.colAction)</th><th scope="col">\(t.colDetails)</th><th scope="col">\(t.colHash)</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """)
        }
    }
}
