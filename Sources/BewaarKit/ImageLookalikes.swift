import BewaarModel
import BewaarJSON
import BewaarImage
import BewaarStore

/// Images of a case that look alike by their perceptual hash (the same screenshot saved
/// again, resized, recompressed or slightly cropped): pointed out, never merged — each stays
/// an original of its own with its own hash.
public enum ImageLookalikes {
    /// The other images of case `id` that look like `item`, nearest first, with the number of
    /// differing hash bits (0–64; at most ``PerceptualHash/nearDistance``).
    public static func of(_ item: EvidenceItem, store: CaseStore) throws -> [(item: EvidenceItem, distance: Int)] {
        guard item.format == "image", let mine = try hash(of: item.id, store: store) else { return [] }
        let withdrawn = try store.withdrawals(item.caseID)
        var out: [(item: EvidenceItem, distance: Int)] = []
        for other in try store.items(item.caseID)
        where other.id != item.id && other.format == "image" && other.sha256 != item.sha256 && withdrawn[other.id] == nil {
            guard let theirs = try hash(of: other.id, store: store), mine.isNear(theirs) else { continue }
            out.append((other, mine.distance(to: theirs)))
        }
        return out.sorted { ($0.distance, $0.item.id) < ($1.distance, $1.item.id) }
    }

    static func hash(of itemID: Int64, store: CaseStore) throws -> PerceptualHash? {
        try store.itemExtra(itemID)["image"]?["screenshot"]?["perceptualHash"]?.stringValue.flatMap(PerceptualHash.init(hex:))
    }
}
