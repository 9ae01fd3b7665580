import BewaarModel

extension CaseStore {
    /// Other items of the same case that hold at least one record with the same minute, author
    /// and text (invisible direction marks and byte-order marks ignored) as a record of `itemID`:
    /// the only items an export comparison can link to it. One indexed query (`messages_case_order`),
    /// so a case with hundreds of exports is not compared pairwise in full. Records without a
    /// time are compared by author and text.
    public func itemsSharingRecords(with itemID: Int64) throws -> Set<Int64> {
        let bare = { (column: String) in
            [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0xFEFF].reduce(column) { sql, code in
                "replace(\(sql), char(\(code)), '')"
            }
        }
        // The start of n's minute (floor, also before 1970). The other items' records are found
        // through the timeline index (`COALESCE(ts, 1e18)`, undated records at 1e18).
        let minute = "(CAST(n.ts / 60 AS INTEGER) - (n.ts < 0 AND CAST(n.ts / 60 AS INTEGER) != n.ts / 60)) * 60"
        let sql = """
            SELECT DISTINCT o.item_id FROM messages n JOIN messages o
              ON o.case_no = n.case_no
             AND COALESCE(o.ts, 1e18) >= \(minute) AND COALESCE(o.ts, 1e18) < \(minute) + 60
             AND o.author_no IS n.author_no
            WHERE \(ItemRecordRange.all("n", item: "?1")) AND n.ts IS NOT NULL AND o.item_id != ?1 AND \(bare("o.text")) = \(bare("n.text"))
            UNION
            SELECT DISTINCT o.item_id FROM messages n JOIN messages o
              ON o.case_no = n.case_no AND COALESCE(o.ts, 1e18) = 1e18 AND o.ts IS NULL AND o.author_no IS n.author_no
            WHERE \(ItemRecordRange.all("n", item: "?1")) AND n.ts IS NULL AND o.item_id != ?1 AND \(bare("o.text")) = \(bare("n.text"))
            """
        return try reading { c in Set(try c.fetchValues(sql, [.int(itemID)], as: Int64.self)) }
    }
}
