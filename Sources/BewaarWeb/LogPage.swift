#if Web
import Foundation
import Hummingbird
import BewaarModel
import BewaarStore

/// /zaken/ID/logboek: the custody log of the case with its chain status.
extension WebApp {
    func addLogRoute(_ router: Router<BasicRequestContext>) {
        router.get("/zaken/:id/logboek") { request, context -> Response in
            let (v, id) = try await self.caseVisit(request, context: context, page: "logboek")
            let events = try self.store.events(chain: id.description)
            let report = try self.store.verifyChain(id.description)
            let status: HTML = report.intact
                ? "<p class=\"goed\" role=\"status\">De keten is heel: \(report.eventCount) gebeurtenissen, elk verwijst naar de vorige. Laatste hash <code>\(report.headHash ?? "")</code>.</p>"
                : "<p class=\"melding\" role=\"alert\">De keten is NIET heel: \(report.problems.map(\.dutch).joined(separator: " "))</p>"
            let shown = events.suffix(500)
            let rows: [HTML] = shown.reversed().map { e in
                let details = e.details.keys.sorted().map { "\($0): \(e.details[$0]!)" }.joined(separator: "; ")
                return "<tr><td>\(e.sequence)</td><td>\(Layout.time(e.time))</td><td>\(e.actor)</td><td>\(e.action.rawValue)</td><td>\(details)</td><td><code>\(String(e.hash.prefix(12)))</code></td></tr>"
            }
            let more: HTML = events.count > shown.count ? "<p>De nieuwste 500 van \(events.count) gebeurtenissen; <code>bewaar log</code> toont ze allemaal.</p>" : ""
            return self.page(v, title: "Logboek van zaak \(id)", caseNav: id, current: "logboek", """
                \(status)
                <p class="uitleg">Elke handeling op deze zaak, ook elk bekijken en downloaden, staat hier: wie, wat en wanneer. Het logboek kan niet ongemerkt worden gewijzigd.</p>
                \(more)
                <table><thead><tr><th scope="col">Nr.</th><th scope="col">Tijd</th><th scope="col">Wie</th><th scope="col">Handeling</th><th scope="col">Gegevens</th><th scope="col">Hash</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """)
        }
    }
}
#endif
