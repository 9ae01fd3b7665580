/// ``CaseNumbering`` on SQLite, as the store has always done it: the highest number of the year
/// in `cases` and in the destruction log, plus one. The IMMEDIATE transaction holds the store,
/// so no other writer can take the same number before this one commits.
package struct SQLiteCaseNumbering: CaseNumbering {
    package init() {}

    /// The highest case number of a year (`?1`), destroyed cases included: never given out again.
    package static let highestNumber = """
        SELECT MAX(COALESCE((SELECT MAX(number) FROM cases WHERE year = ?1), 0),
                   COALESCE((SELECT MAX(number) FROM destruction_log WHERE year = ?1), 0))
        """

    package func nextNumber(year: Int, in connection: any StoreConnection) throws -> Int {
        Int(try connection.fetchOne(Self.highestNumber, [SQLValue(year)])?[0].int ?? 0) + 1
    }
}
