import Foundation
import Hummingbird
import BewaarModel
import BewaarStore
import BewaarAccounts

/// /bestuur: the board's privacy officer's overview of every school — per school how many cases
/// are open, closed, on hold, past their retention, destroyed; the cases past their retention;
/// every case's status and dates; the destruction log. Numbers, dates, states and staff names
/// only (``BoardOverview``). Each view is logged in the board's own chain (`board-overview-viewed`).
extension WebApp {
    func addBoardRoutes(_ board: RouterGroup<SignedInContext>, seam: BoardSeam) {
        board.get("") { _, context -> Response in
            let v = context.visit
            let b = v.t.board
            guard let overview = seam.overview else { return self.page(v, title: b.title, current: "bestuur", "<p>\(b.noBoard)</p>") }
            let found: BoardOverview
            do {
                found = try overview()
                try self.store.recordAccess(
                    chain: CaseStore.storeChain, actor: v.account.name, action: "board-overview-viewed",
                    details: [
                        "schools": String(found.schools.count), "cases": String(found.cases.count), "destructions": String(found.destructions.count),
                    ])
            } catch { throw self.problem(error, v.t, back: "/instellingen") }
            return self.page(v, title: b.title, current: "bestuur", self.boardPage(v, found))
        }
    }

    func boardPage(_ v: Visit, _ o: BoardOverview) -> HTML {
        let t = v.t
        let b = t.board
        let now = store.clock()
        func table(_ head: [String], _ rows: [HTML]) -> HTML {
            let cols: [HTML] = head.map { "<th scope=\"col\">\($0)</th>" }
            let body: [HTML] = rows.isEmpty ? ["<tr><td colspan=\"\(head.count)\">\(b.none)</td></tr>"] : rows
            return "<table class=\"stapel\"><thead><tr>\(cols)</tr></thead><tbody>\(body)</tbody></table>"
        }
        let schoolRows: [HTML] = o.schools.map { school in
            let cases = o.cases.filter { $0.school == school }
            let closed = cases.filter { $0.status == CaseStatus.closed.rawValue }.count
            return """
                <tr><th scope="row" data-kop="\(b.colSchool)">\(school)</th><td data-kop="\(b.colOpen)">\(cases.count - closed)</td>\
                <td data-kop="\(b.colClosed)">\(closed)</td><td data-kop="\(b.colOnHold)">\(cases.filter(\.onHold).count)</td>\
                <td data-kop="\(b.colOverdue)">\(cases.filter { $0.overdue(at: now) }.count)</td>\
                <td data-kop="\(b.colDestroyed)">\(o.destructions.filter { $0.school == school }.count)</td></tr>
                """
        }
        func caseRow(_ c: BoardOverview.RetainedCase) -> HTML {
            let status = CaseStatus(rawValue: c.status).map { t.caseStatus($0) } ?? c.status
            return """
                <tr><td data-kop="\(b.colSchool)">\(c.school)</td><td data-kop="\(b.colCase)">\(c.caseID)</td>\
                <td data-kop="\(b.colStatus)">\(status)\(c.onHold ? " (\(b.onHold))" : "")</td>\
                <td data-kop="\(b.colOpened)">\(c.opened.map { Layout.day(of: $0, t) } ?? "—")</td>\
                <td data-kop="\(b.colClosed)">\(c.closed.map { Layout.day(of: $0, t) } ?? "—")</td>\
                <td data-kop="\(b.colUntil)">\(c.retainedUntil.map { Layout.day(of: $0, t) } ?? "—")</td></tr>
                """
        }
        let destroyedRows: [HTML] = o.destructions.map { d in
            """
            <tr><td data-kop="\(b.colSchool)">\(d.school)</td><td data-kop="\(b.colCase)">\(d.caseID)</td>\
            <td data-kop="\(b.colWhen)">\(Layout.time(d.time, t))\(d.early ? " (\(b.early))" : "")</td>\
            <td data-kop="\(b.colBy)">\(d.actor) (\(d.actorRole))</td><td data-kop="\(b.colOriginals)">\(d.originals)</td></tr>
            """
        }
        let caseHead = [b.colSchool, b.colCase, b.colStatus, b.colOpened, b.colClosed, b.colUntil]
        return """
            <p class="uitleg">\(b.explain)</p>
            <section aria-labelledby="scholen"><h2 id="scholen">\(b.schoolsHeading)</h2>
            \(table([b.colSchool, b.colOpen, b.colClosed, b.colOnHold, b.colOverdue, b.colDestroyed], schoolRows))</section>
            <section aria-labelledby="verstreken"><h2 id="verstreken">\(b.overdueHeading)</h2><p class="uitleg">\(b.overdueExplain)</p>
            \(table(caseHead, o.cases.filter { $0.overdue(at: now) }.map(caseRow)))</section>
            <section aria-labelledby="zaken"><h2 id="zaken">\(b.casesHeading)</h2>\(table(caseHead, o.cases.map(caseRow)))</section>
            <section aria-labelledby="vernietigd"><h2 id="vernietigd">\(b.destroyedHeading)</h2>
            \(table([b.colSchool, b.colCase, b.colWhen, b.colBy, b.colOriginals], destroyedRows))</section>
            """
    }
}
