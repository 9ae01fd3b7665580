import Foundation
import BewaarModel
import BewaarJSON
import BewaarStore

/// What one screenshot shares with the case's other evidence (see ``ScreenshotLinking``).
public struct ScreenshotCheck: Sendable {
    /// A chat export compared with the screenshot.
    public struct ExportResult: Sendable {
        public var export: EvidenceItem
        /// Screenshot messages found in the export.
        public var matched: Int
        /// Screenshot messages the export does not hold although it covers their time.
        public var missing: Int
    }

    public var item: EvidenceItem
    /// The messages read from it.
    public var records: Int
    /// Earlier screenshots of the same scrolled conversation and how many messages each already showed.
    public var repeated: [(earlier: EvidenceItem, count: Int)]
    /// Exports of the same chat (at least two of the screenshot's messages found in them).
    public var exports: [ExportResult]
}

/// Checks a case's screenshots against each other and against its chat exports, and keeps
/// the outcome as ``RecordLink``s: a message an earlier screenshot already showed (counted once
/// in the timeline), the export record a screenshot message is (linked both ways), and a
/// screenshot message an export of that chat covering that time lacks (a finding). Worked out
/// again for the whole case whenever a screenshot or an export comes in.
public enum ScreenshotLinking {
    /// Re-checks every screenshot of case `id` — or, with `only`, just that screenshot (the one
    /// just ingested: it is the newest, so no other screenshot's findings change); returns what
    /// each checked screenshot shares.
    @discardableResult
    public static func relink(_ id: CaseID, store: CaseStore, only: Int64? = nil) throws -> [ScreenshotCheck] {
        let withdrawn = try store.withdrawals(id)
        let all = try store.items(id)
        // A withdrawn screenshot keeps no findings and stands for no message a later one repeats.
        for item in all where item.format == "image" && withdrawn[item.id] != nil { try store.replaceRecordLinks(item: item.id, []) }
        let items = all.filter { $0.parentID == nil && $0.messageCount > 0 && withdrawn[$0.id] == nil }
        let shots = items.filter { $0.format == "image" }.sorted { $0.id < $1.id }
        guard !shots.isEmpty else { return [] }
        let exports = items.filter { $0.format != "image" && $0.format != "email" }
        var loaded: [Int64: [NumberedRecord]] = [:]
        func records(_ item: EvidenceItem) throws -> [NumberedRecord] {
            if let r = loaded[item.id] { return r }
            let r = try store.numberedRecords(item: item.id)
            loaded[item.id] = r
            return r
        }
        // The root of a repeated record: the record on the first screenshot that showed the message.
        var root: [Int64: Int64] = [:]
        if let only {
            // The earlier screenshots keep their findings: their repeats' roots come from the store.
            for earlier in shots where earlier.id < only {
                for l in try store.recordLinks(item: earlier.id) where l.kind == .repeated { root[l.recordID] = l.otherRecord }
            }
        }
        var checks: [ScreenshotCheck] = []
        for (n, shot) in shots.enumerated() where only == nil || shot.id == only {
            let mine = try records(shot)
            let candidates = mine.enumerated().map { ScreenshotMatcher.Candidate(index: $0.offset, message: $0.element.message) }
            let header = try store.itemExtra(shot.id)["image"]?["screenshot"]?["header"]?.stringValue
            var links: [RecordLink] = []
            var check = ScreenshotCheck(item: shot, records: mine.count, repeated: [], exports: [])
            var repeated = Set<Int>()
            for earlier in shots[..<n] {
                let theirHeader = try store.itemExtra(earlier.id)["image"]?["screenshot"]?["header"]?.stringValue
                if let header, let theirHeader, !ScreenshotMatcher.authorsFit(header, theirHeader) { continue }
                let theirs = try records(earlier)
                let others = theirs.enumerated().map { ScreenshotMatcher.Candidate(index: $0.offset, message: $0.element.message) }
                var count = 0
                for c in candidates where !repeated.contains(c.index) && c.text.count >= 3 {
                    guard let (j, score) = ScreenshotMatcher.best(for: c, among: others, sameSide: true) else { continue }
                    let target = root[theirs[j].id] ?? theirs[j].id
                    root[mine[c.index].id] = target
                    repeated.insert(c.index)
                    links.append(RecordLink(recordID: mine[c.index].id, kind: .repeated, otherItem: earlier.id, otherRecord: target, score: score))
                    count += 1
                }
                if count > 0 { check.repeated.append((earlier, count)) }
            }
            let checkable = candidates.filter { $0.message.kind != .system && $0.side != nil }
            // An export's records that no message of this screenshot can match by its time are passed over.
            let clocks = Set(checkable.compactMap(\.clock))
            let untimed = checkable.contains { $0.clock == nil }
            // Every clock one misread digit away from a shown time: what the store is asked for.
            let wanted = untimed ? nil : Set(clocks.flatMap(ScreenshotMatcher.nearClocks))
            for export in exports {
                let theirs = try store.numberedRecords(item: export.id, localClocks: wanted)
                let others = theirs.enumerated().map { ScreenshotMatcher.Candidate(index: $0.offset, message: $0.element.message) }
                var found: [Int: (Int, Int)] = [:]
                var used = Set<Int>()
                for c in checkable {
                    let free = others.filter { !used.contains($0.index) }
                    guard let (j, score) = ScreenshotMatcher.best(for: c, among: free, sameSide: false) else { continue }
                    found[c.index] = (j, score)
                    used.insert(j)
                }
                // One shared message can be chance; two written ones make it the same chat. A photo or a
                // deleted message at the same minute, or a short "ok", proves nothing in a long export.
                let written = checkable.filter { Self.isEvidenceOfSameChat($0) }
                let writtenFound = written.count { found[$0.index] != nil }
                guard !written.isEmpty, writtenFound >= min(2, written.count) else { continue }
                for (i, (j, score)) in found {
                    links.append(RecordLink(recordID: mine[i].id, kind: .export, otherItem: export.id, otherRecord: theirs[j].id, score: score))
                }
                let span = try store.timeSpan(item: export.id)
                let matchedIndices = found.keys.sorted()
                var missing = 0
                for c in checkable where found[c.index] == nil {
                    let between = (matchedIndices.first ?? Int.max) < c.index && c.index < (matchedIndices.last ?? Int.min)
                    let inSpan = c.message.timestamp.map { t in span.map { $0.first <= t.date && t.date < $0.last.addingTimeInterval(60) } ?? false }
                    guard inSpan ?? between else { continue }
                    links.append(RecordLink(recordID: mine[c.index].id, kind: .missing, otherItem: export.id, otherRecord: nil, score: 0))
                    missing += 1
                }
                check.exports.append(ScreenshotCheck.ExportResult(export: export, matched: found.count, missing: missing))
            }
            try store.replaceRecordLinks(item: shot.id, links)
            checks.append(check)
        }
        return checks
    }

    /// Whether a screenshot message found in an export shows the two are the same chat: a
    /// written message of some length (not a photo, a deleted notice or a word like "ok").
    static func isEvidenceOfSameChat(_ c: ScreenshotMatcher.Candidate) -> Bool {
        c.message.kind == .message && c.text.count >= 8
    }

}
