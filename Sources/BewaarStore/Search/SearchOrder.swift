/// The order a timeline search gives its hits in.
package enum SearchOrder: Sendable, Equatable {
    /// Chronological, undated records last, then by id: `COALESCE(m.ts, 1e18), m.id` (the
    /// `messages_case_order` index on both databases).
    case time
    /// By record (the index's own order, so no sort): what the timeline uses when a search has
    /// more than ``CaseStore/searchSortLimit`` hits.
    case record
}

/// Where a page starts: just after (or, going backwards, just before) a record, known by its id
/// and its time key `COALESCE(ts, 1e18)`.
package struct SearchCursor: Sendable, Equatable {
    package var id: Int64
    package var time: Double
    /// True: the page holds the hits before the record, nearest first.
    package var backwards: Bool

    package init(id: Int64, time: Double, backwards: Bool = false) {
        self.id = id
        self.time = time
        self.backwards = backwards
    }
}
