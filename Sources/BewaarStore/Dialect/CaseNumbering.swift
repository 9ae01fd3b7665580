/// Gives a new case its number within its year (`2026-0001`, `2026-0002`, …): one more than the
/// highest number the year has given, destroyed cases' included, so a number is never given out
/// twice, not even by two servers opening cases at the same moment, and a number is only used up
/// when the case's transaction commits (no gaps from transactions that were rolled back). One
/// implementation per database: ``SQLiteCaseNumbering`` (the highest number, read inside the
/// IMMEDIATE transaction) and `PostgresCaseNumbering` (a counter row per year, locked).
package protocol CaseNumbering: Sendable {
    /// The next number of `year`, taken for the caller's transaction (which then inserts the
    /// case with it); another transaction asking for the same year waits until this one ends.
    func nextNumber(year: Int, in connection: any StoreConnection) throws -> Int
}
