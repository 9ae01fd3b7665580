/// One result row, read by position or by column name.
///
/// Rows handed out by ``StoreConnection/fetch(_:_:)`` and ``StoreConnection/fetchOne(_:_:)`` are
/// copies and may be kept; the row given to ``StoreConnection/forEach(_:_:_:)``'s body is only
/// valid during that call (it may be reused for the next row). The store's row types read their
/// columns through these two subscripts and turn a wrong or missing value into a
/// ``StoreError`` (``StoredRow``), never a crash.
package protocol SQLRow {
    /// The number of columns.
    var count: Int { get }

    /// The column names in order, as the database reports them (PostgreSQL folds unquoted names
    /// to lower case; SQLite keeps them as written).
    var columnNames: [String] { get }

    /// The value of the column at `index` (0-based). `index` must be less than ``count``, as
    /// with an array: the SQL names its columns, so a wrong index is a programming error.
    subscript(_ index: Int) -> SQLValue { get }

    /// The value of the column called `name`, matched without regard to ASCII case (as SQL
    /// names are): the first such column, or nil when the row has none.
    subscript(_ name: String) -> SQLValue? { get }
}

extension SQLRow {
    /// All values in column order.
    package var values: [SQLValue] { (0..<count).map { self[$0] } }
}
