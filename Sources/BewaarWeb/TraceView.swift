#if Web
import Foundation

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

    /// The header block of a mail (up to the first empty line, at most 64 KiB), unfolded.
    func headers(path: String) -> [(String, String)] {
        guard let h = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? h.close() }
        let data = (try? h.read(upToCount: 64 * 1024)) ?? Data()
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let block = text.components(separatedBy: "\n\n").first ?? ""
        var out: [(String, String)] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t", !out.isEmpty {
                out[out.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                out.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        return out
    }
}
#endif
