/// One hit of a search: the record's id, its time key (`COALESCE(ts, 1e18)`, for the next
/// page's ``SearchCursor``), and its text, opened.
package struct SearchHit: Sendable, Equatable {
    package var id: Int64
    package var time: Double
    package var text: String

    package init(id: Int64, time: Double, text: String) {
        self.id = id
        self.time = time
        self.text = text
    }

    /// The cursor of the page that follows this hit (or, `backwards`, precedes it).
    package func cursor(backwards: Bool = false) -> SearchCursor { SearchCursor(id: id, time: time, backwards: backwards) }
}

/// One page of hits.
package struct SearchHits: Sendable, Equatable {
    /// At most the page's limit, in the page's order (nearest first when going backwards).
    package var hits: [SearchHit]
    /// Whether more hits follow the page (in its direction).
    package var hasMore: Bool
    /// How many candidates were read, and how many of them the check in Swift took out.
    package var candidates: Int
    package var falseCandidates: Int
}
