import Foundation
import BewaarAccounts
import BewaarMIME

/// How the herkomst pages show a trace: the conclusion with its certainty, why, what it does NOT
/// prove, the route (Received lines, newest first, the unverified ones greyed), the inputs with
/// their SHA-256, and the mail's header block (never its text).
extension WebApp {
    func traceBody(_ outcome: TraceOutcome?, headers hs: [(String, String)], step3: HTML, _ t: any PageText) -> HTML {
        let rows: [HTML] = hs.map { "<tr><th scope=\"row\">\($0.0)</th><td class=\"bericht\">\($0.1)</td></tr>" }
        let headerTable: HTML = """
            <h2>\(t.headersHeading)</h2>
            <table><tbody>\(rows)</tbody></table>
            """
        guard let o = outcome else {
            return """
                <h2>\(t.conclusionHeading)</h2>
                \(t.noConclusion)
                \(step3)
                \(headerTable)
                """
        }
        func list(_ title: String, _ items: [String]) -> HTML {
            items.isEmpty ? "" : "<h3>\(title)</h3><ul>\(items.map { i -> HTML in "<li>\(i)</li>" })</ul>"
        }
        let sure = o.certainty == "hoog" || o.certainty == "redelijk"
        let hops: [HTML] = o.hops.enumerated().map { i, h in
            """
            <tr\(HTML(raw: h.status == "beweerd" ? " class=\"beweerd\"" : ""))><td>\(i + 1)</td><td>\(h.from ?? "—")</td><td>\(h.ip ?? "—")</td>\
            <td>\(h.by ?? "—")</td><td>\(Layout.time(h.time, t))</td><td>\(t.hopStatus(h.status))</td></tr>
            """
        }
        var inputs: [HTML] = [o.networkName.map { "<li>\(t.networkFile($0, sha256: o.networkSHA256 ?? ""))</li>" } ?? "<li>\(t.networkDefaults)</li>"]
        inputs += o.logs.map { "<li>\(t.logInput(name: $0.name, kind: $0.kind, records: $0.records, warnings: $0.warnings, sha256: $0.sha256))</li>" }
        return """
            <h2>\(t.conclusionHeading)</h2>
            <div class="\(sure ? "goed" : "melding")" role="status"><p><strong>\(o.conclusion)</strong></p>\
            <p>\(t.certainty): \(t.certaintyWord(o.certainty).uppercased())</p></div>
            \(list(t.why, o.reasons))
            \(list(t.notProven, o.notProven))
            \(list(t.findings, o.findings))
            \(step3)
            <h2>\(t.routeHeading)</h2>
            <table><thead><tr><th scope="col">\(t.colHop)</th><th scope="col">\(t.colFrom)</th><th scope="col">\(t.colIP)</th><th scope="col">\(t.colBy)</th>\
            <th scope="col">\(t.colTime)</th><th scope="col">\(t.colTrusted)</th></tr></thead><tbody>\(hops)</tbody></table>
            <h2>\(t.inputsHeading)</h2>
            <ul>\(inputs)</ul>
            \(headerTable)
            """
    }

    /// The header block of a mail (at most 64 KiB), unfolded: lines of the form `Name: value` from
    /// the first line on, stopping at the first line that is not a header or a continuation — so
    /// a mail without a blank line, or a file that is no mail at all, never shows its text. For
    /// the systeembeheerder only the routing headers are shown; the rest (Subject, To, names)
    /// are listed by name with their value hidden.
    func headers(path: String, for role: AccountRole, _ t: any PageText) -> [(String, String)] {
        let all = MailHeaderBlock.read(path: path)
        guard role == .systeembeheerder else { return all }
        return all.map { MailHeaderBlock.isRouting($0.0) ? $0 : ($0.0, t.access.hiddenHeader($0.0)) }
    }
}

/// The header block at the start of a mail, as the MIME target reads it.
enum MailHeaderBlock {
    static func read(path: String) -> [(String, String)] {
        guard let h = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? h.close() }
        let data = (try? h.read(upToCount: 64 * 1024)) ?? Data()
        return HeaderBlock.parse(Array(data)).fields.map { ($0.name, $0.text) }
    }

    /// Headers that say how a mail travelled, not what it says or to whom.
    static func isRouting(_ name: String) -> Bool {
        let n = name.lowercased()
        let exact: Set<String> = ["received", "return-path", "message-id", "date", "authentication-results", "received-spf",
                                  "dkim-signature", "x-originating-ip", "x-mailer", "user-agent", "mime-version",
                                  "x-forwarded-for", "x-sender-ip"]
        return exact.contains(n) || n.hasPrefix("arc-") || n.hasPrefix("x-received")
    }
}
