import Foundation
import BewaarAccounts

/// The page frame: header with navigation and the signed-in account, main content, footer.
/// Every page links only its own stylesheet and script (no inline script or style, CSP).
enum Layout {
    static func page(
        _ t: any PageText, title: String, account: Account?, csrf: String, caseNav: String? = nil, current: String = "",
        body: HTML
    ) -> HTML {
        var nav: [HTML] = []
        if let account {
            if account.role.readsCases { nav.append(link("/zaken", t.navCases, current == "zaken")) }
            if account.role == .afdelingsleider { nav.append(link("/inzage", t.privacy.navAccessRequest, current == "inzage")) }
            if WebApp.traceRoles.contains(account.role) { nav.append(link("/herkomst", t.navTrace, current == "herkomst")) }
            if account.role == .functionaris { nav.append(link("/bestuur", t.board.nav, current == "bestuur")) }
            if account.role == .beheerder { nav.append(link("/beheer", t.navAccounts, current == "beheer")) }
            if account.role == .afdelingsleider || account.role == .beheerder {
                nav.append(link("/bewaartermijn", t.lifecycle.navRetention, current == "bewaartermijn"))
            }
            nav.append(link("/instellingen", t.navSettings, current == "instellingen"))
        }
        var caseLinks: HTML = ""
        if let id = caseNav {
            caseLinks = """
                <nav class="zaaknav" aria-label="\(t.caseMenu(id))"><ul>\(link("/zaken/\(id)", t.navCase, current == "zaak"))\(link("/zaken/\(id)/tijdlijn", t.navTimeline, current == "tijdlijn"))\(link("/zaken/\(id)/pakket", t.navPacket, current == "pakket"))\(link("/zaken/\(id)/logboek", t.navLog, current == "logboek"))</ul></nav>
                """
        }
        let who: HTML =
            account.map { a -> HTML in
                """
                <form class="uit" method="post" action="/uitloggen"><input type="hidden" name="_csrf" value="\(csrf)">\
                <span>\(t.signedInAs(a.name, t.role(a.role)))</span> <button type="submit">\(t.logout)</button></form>
                """
            } ?? ""
        return """
            <!doctype html>
            <html lang="\(t.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) – Bewaar</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#inhoud">\(t.skipToContent)</a>
            <header><div class="merk">Bewaar</div><nav aria-label="\(t.mainMenu)"><ul>\(nav)</ul></nav>\(who)</header>
            \(caseLinks)
            <main id="inhoud">
            <h1>\(title)</h1>
            \(body)
            </main>
            <footer>\(t.footer)</footer>
            </body>
            </html>
            """
    }

    static func link(_ href: String, _ text: String, _ current: Bool) -> HTML {
        current ? "<li><a href=\"\(href)\" aria-current=\"page\">\(text)</a></li>" : "<li><a href=\"\(href)\">\(text)</a></li>"
    }

    /// A page without navigation (errors, refusals).
    static func bare(_ t: any PageText, title: String, message: String, back: String? = nil) -> HTML {
        let backLink: HTML = back.map { "<p><a href=\"\($0)\">\(t.back)</a></p>" } ?? "<p><a href=\"/\">\(t.toStart)</a></p>"
        return """
            <!doctype html>
            <html lang="\(t.language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) – Bewaar</title><link rel="stylesheet" href="/static/app.css"></head>
            <body><header><div class="merk">Bewaar</div></header><main id="inhoud"><h1>\(title)</h1><p class="melding">\(message)</p>\(backLink)</main></body>
            </html>
            """
    }

    static func csrfField(_ token: String) -> HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\">" }

    /// Date and time in Amsterdam time ("25 nov 2026 15:06", "25 Nov 2026 15:06"), without a
    /// DateFormatter per call (a timeline page shows a hundred of them).
    static func time(_ date: Date?, _ t: any PageText) -> String {
        guard let date else { return "—" }
        let c = amsterdam.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let months = t.months
        let hh = String(c.hour ?? 0).leftPadded(2), mm = String(c.minute ?? 0).leftPadded(2)
        return "\(c.day ?? 0) \(months[max(0, min(11, (c.month ?? 1) - 1))]) \(c.year ?? 0) \(hh):\(mm)"
    }

    /// A day written `yyyy-mm-dd` in the pages' one date style ("4 dec 2026"); other text as it is.
    /// The day of an instant in the school's zone, "5 december 2028".
    static func day(of date: Date, _ t: any PageText) -> String {
        let c = amsterdam.dateComponents([.year, .month, .day], from: date)
        return "\(c.day ?? 0) \(t.months[max(0, min(11, (c.month ?? 1) - 1))]) \(c.year ?? 0)"
    }

    static func day(_ text: String, _ t: any PageText) -> String {
        let p = text.split(separator: "-")
        guard text.utf8.count == 10, p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m) else {
            return text
        }
        return "\(d) \(t.months[m - 1]) \(y)"
    }

    static let amsterdam: Calendar = {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        return cal
    }()

    static func bytes(_ n: Int64, _ t: any PageText) -> String {
        if n < 1024 { return "\(n) B" }
        if n < 1 << 20 { return String(format: "%.1f kB", Double(n) / 1024).replacingOccurrences(of: ".", with: t.decimalSeparator) }
        return String(format: "%.1f MB", Double(n) / 1_048_576).replacingOccurrences(of: ".", with: t.decimalSeparator)
    }
}
