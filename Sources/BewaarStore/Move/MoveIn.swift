import BewaarModel

/// What the database a store moves into adds to the copy (``CaseStore/moveIn(from:actor:hooks:)``):
/// a PostgreSQL board's search column, and the numbers moved past the school's.
package struct MoveInHooks: Sendable {
    /// The search column of `messages` that the SQLite store keeps elsewhere (in FTS5): its
    /// name, the SQL that takes a bound value (given the placeholder, `?7`), and, for one case's
    /// key, the maker of a record's value from its plain text. Nil when the database has none.
    package var recordTerms: RecordTerms?
    /// Run in the copying transaction after the last row.
    package var afterCopy: @Sendable (any StoreConnection) throws -> Void

    package struct RecordTerms: Sendable {
        package var column: String
        package var expression: @Sendable (String) -> String
        package var maker: @Sendable (CaseKey) -> (String) -> SQLValue

        package init(
            column: String, expression: @escaping @Sendable (String) -> String, maker: @escaping @Sendable (CaseKey) -> (String) -> SQLValue
        ) {
            self.column = column
            self.expression = expression
            self.maker = maker
        }
    }

    package init(recordTerms: RecordTerms?, afterCopy: @escaping @Sendable (any StoreConnection) throws -> Void) {
        self.recordTerms = recordTerms
        self.afterCopy = afterCopy
    }
}

/// What moving a store in did (``CaseStore/moveIn(from:actor:hooks:)``).
package struct MoveInOutcome: Sendable, Equatable {
    /// Whether the rows were copied now, or had been by an earlier run (nothing was changed).
    package var copiedNow: Bool
    package var cases: Int
    package var records: Int
    /// Custody chains, the store's own included.
    package var chains: Int
    /// Originals copied (sealed ones as they are).
    package var originals: Int
    /// Of those, plain originals sealed on the way (a plain store's, or one an interrupted
    /// `bewaar store encrypt` left plain).
    package var sealedOnTheWay: Int
    /// Originals the store's rows name that its folder does not hold (as `bewaar check` on the
    /// store says): nothing to copy, and the board's check names them too.
    package var missing: [String]
    package var accounts: Int
    /// Accounts the school already had in the board, kept as they are.
    package var accountsKept: [String]
}
