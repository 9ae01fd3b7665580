import BewaarModel
import BewaarStore
import BewaarImportWhatsApp

/// Two exports of the same chat in one case (the victim's phone and a witness's): which records
/// both hold and what each lacks. Each record keeps its own origin in its own original.
public struct ExportOverlap: Sendable {
    public var first: EvidenceItem
    public var second: EvidenceItem
    /// Pairs of records present in both.
    public var shared: [(first: Message, second: Message)]
    public var onlyInFirst: [Message]
    public var onlyInSecond: [Message]

    /// Compares two items' records (time to the minute, author, text).
    public static func compare(_ a: EvidenceItem, _ b: EvidenceItem, store: CaseStore) throws -> ExportOverlap {
        let ma = try store.messages(item: a.id), mb = try store.messages(item: b.id)
        let c = ExportComparison.compare(ma, mb)
        return ExportOverlap(first: a, second: b, shared: c.links.map { (ma[$0.first], mb[$0.second]) },
                             onlyInFirst: c.onlyInFirst.map { ma[$0] }, onlyInSecond: c.onlyInSecond.map { mb[$0] })
    }

    /// Earlier chat exports in the case that share records with `item`, most shared first.
    public static func overlaps(of item: EvidenceItem, store: CaseStore) throws -> [ExportOverlap] {
        let others = try store.items(item.caseID).filter {
            $0.id != item.id && $0.parentID == nil && $0.format == item.format && $0.messageCount > 0
        }
        guard item.messageCount > 0, item.format == "whatsapp", !others.isEmpty else { return [] }
        // Only exports that share a record can overlap: found by one query, then compared in full.
        let sharing = try store.itemsSharingRecords(with: item.id)
        return try others.filter { sharing.contains($0.id) }.map { try compare($0, item, store: store) }
            .filter { !$0.shared.isEmpty }
            .sorted { $0.shared.count > $1.shared.count }
    }
}
