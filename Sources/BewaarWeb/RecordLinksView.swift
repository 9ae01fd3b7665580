import BewaarModel
import BewaarStore
import BewaarKit

/// What Bewaar found comparing a record with the case's other evidence, as lines for the
/// pages that show the record: a screenshot message's export record or the finding that the
/// export lacks it, the earlier screenshot that showed it, and for an export's record the
/// screenshots that show it. Every name is evidence text and is escaped.
extension WebApp {
    func linkLines(of recordID: Int64, in id: CaseID, _ t: any PageText) -> [HTML] {
        guard let links = try? store.recordLinks(record: recordID), !links.isEmpty else { return [] }
        let s = t.screenshot
        var names: [Int64: String] = [:]
        func name(_ item: Int64) -> String {
            if let n = names[item] { return n }
            let n = (try? store.item(item).name) ?? "[\(item)]"
            names[item] = n
            return n
        }
        func source(_ record: Int64) -> String { "/zaken/\(id.description)/tijdlijn/\(record)/bron" }
        return links.compactMap { l -> HTML? in
            if l.recordID == recordID {
                switch l.kind {
                case .export:
                    guard let other = l.otherRecord, let n = try? store.recordNumber(other) else { return nil }
                    return s.matchesExport(number: n.number, name: name(l.otherItem), href: source(other), score: l.score)
                case .missing:
                    return s.missingFromExport(name: name(l.otherItem))
                case .repeated:
                    guard let other = l.otherRecord, let n = try? store.recordNumber(other) else { return nil }
                    return s.repeatOf(number: n.number, name: name(n.item), href: source(other))
                }
            }
            // Another record's link to this one: a screenshot that shows this export record (or repeats this screenshot message).
            guard let n = try? store.recordNumber(l.recordID) else { return nil }
            return s.onScreenshot(number: n.number, name: name(n.item), href: source(l.recordID))
        }
    }

    /// The compared-with section of a record's origin page; empty when nothing was found.
    func linkSection(of recordID: Int64, in id: CaseID, _ t: any PageText) -> HTML {
        let lines = linkLines(of: recordID, in: id, t)
        guard !lines.isEmpty else { return "" }
        let items: [HTML] = lines.map { "<li>\($0)</li>" }
        return "<section aria-labelledby=\"vergeleken\"><h2 id=\"vergeleken\">\(t.screenshot.comparedHeading)</h2><ul>\(items)</ul></section>"
    }

    /// The images of the case that look like `item`, as lines for its page.
    func lookalikeLines(_ item: EvidenceItem, in id: CaseID, _ t: any PageText) -> [HTML] {
        ((try? ImageLookalikes.of(item, store: store)) ?? []).map { l in
            t.screenshot.looksLike(id: l.item.id, name: l.item.name, href: "/zaken/\(id.description)/stukken/\(l.item.id)", distance: l.distance)
        }
    }
}
