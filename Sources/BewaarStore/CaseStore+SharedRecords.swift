import BewaarModel

extension CaseStore {
    /// Other items of the same case that hold at least one record with the same minute, author
    /// and text (invisible direction marks and byte-order marks ignored) as a record of `itemID`:
    /// the only items an export comparison can link to it. One indexed query (`messages_case_order`),
    /// so a case with hundreds of exports is not compared pairwise in full. Records without a
    /// time are compared by author and text.
    public func itemsSharingRecords(with itemID: Int64) throws -> Set<Int64> {
        let x = dialect.expressions
        let all = dialect.records.condition("n", item: "?1")
        // The start of n's minute. The other items' records are found through the timeline index
        // (`COALESCE(ts, 1e18)`, undated records at 1e18).
        let minute = x.minuteStart("n.ts")
        let sameMinute = "COALESCE(o.ts, 1e18) >= \(minute) AND COALESCE(o.ts, 1e18) < \(minute) + 60"
        let undated = "COALESCE(o.ts, 1e18) = 1e18 AND o.ts IS NULL"
        func pairs(_ columns: String, _ textsMatch: String) -> String {
            """
            SELECT \(columns) FROM messages n JOIN messages o
              ON o.case_no = n.case_no AND \(sameMinute) AND \(x.same("o.author_no", "n.author_no"))
            WHERE \(all) AND n.ts IS NOT NULL AND o.item_id != ?1\(textsMatch)
            UNION
            SELECT \(columns) FROM messages n JOIN messages o
              ON o.case_no = n.case_no AND \(undated) AND \(x.same("o.author_no", "n.author_no"))
            WHERE \(all) AND n.ts IS NULL AND o.item_id != ?1\(textsMatch)
            """
        }
        guard sealer.seals else {
            // Plain text: compared in SQL, the marks removed there.
            let bare = x.withoutInvisibleMarks
            let sql = pairs("DISTINCT o.item_id", " AND \(bare("o.text")) = \(bare("n.text"))")
            return try reading { c in Set(try c.fetchValues(sql, [.int(itemID)], as: Int64.self)) }
        }
        // Sealed text: equal texts are equal bytes (sealing is deterministic per case), but texts
        // that differ only by marks are not, so the pairs of the same minute and author are
        // opened and compared here (a handful per record).
        let sql = pairs("o.item_id, o.text AS other, n.text AS mine, n.case_no", "")
        return try reading { c in
            let opener = SealedOpener(sealer)
            var found = Set<Int64>()
            try c.forEach(sql, [.int(itemID)]) { row in
                guard let item = row[0].int, !found.contains(item) else { return }
                if row[1] == row[2] {
                    found.insert(item)
                    return
                }
                let other = try opener.text(row[1], case: row[3]), mine = try opener.text(row[2], case: row[3])
                if let other, let mine, Self.withoutInvisibleMarks(other) == Self.withoutInvisibleMarks(mine) { found.insert(item) }
            }
            return found
        }
    }

    /// `text` without the marks ``SQLExpressions/withoutInvisibleMarks(_:)`` removes in SQL.
    static func withoutInvisibleMarks(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !invisibleMarks.contains(Int($0.value)) })
        return String(scalars)
    }
}
