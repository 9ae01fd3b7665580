import GRDB

// Sealing and opening for code that reads and writes through ``StoreConnection`` (either
// database): the same bytes as the GRDB-typed calls in Sealer.swift, which go when the store has
// moved onto the connection (plan step 2b).

extension Sealer {
    /// The argument for `text` in sealed column `column` of `table`, for case `reference` (its
    /// id as text, or its number): sealed in an encrypted store, the text in a plain one; NULL
    /// for nil (see ``seal(_:_:case:_:)``).
    package func seal(_ table: String, _ column: String, case reference: SQLValue, _ text: String?) throws -> SQLValue {
        SQLValue(try seal(table, column, case: reference.databaseValue, text))
    }

    /// The text of `value` of case `reference`: opened when sealed, as it is otherwise; nil for
    /// NULL (see ``open(_:case:)``).
    package func open(_ value: SQLValue, case reference: SQLValue) throws -> String? {
        try open(value.databaseValue, case: reference.databaseValue)
    }

    /// `row` of `table` with its sealed columns opened under their own names; the case is the
    /// row's own column (``SealedColumns/Table/caseColumn``) or `reference` when given. A plain
    /// store's row, or one with nothing sealed, comes back as it is.
    package func opened(_ row: any SQLRow, table: String, case reference: SQLValue? = nil) throws -> any SQLRow {
        guard keyring != nil, let t = SealedColumns.table(table) else { return row }
        return try opened(row, columns: t.columns, case: reference ?? row[t.caseColumn] ?? .null)
    }

    /// `row` with the values of `columns` opened, all of case `reference`.
    package func opened(_ row: any SQLRow, columns: [String], case reference: @autoclosure () -> SQLValue) throws -> any SQLRow {
        guard keyring != nil else { return row }
        let names = row.columnNames
        var values = row.values
        var known: SQLValue?
        for (index, name) in names.enumerated() where columns.contains(name) {
            guard case .bytes(let bytes) = values[index], bytes.withUnsafeBytes(SealedValue.isSealed) else { continue }
            let ref = known ?? reference()
            known = ref
            values[index] = SQLValue(try open(.bytes(bytes), case: ref))
        }
        return known == nil ? row : SQLValueRow(columnNames: names, values: values)
    }

    /// The rows of `sql` read from `table` as `R`, their sealed columns opened.
    package func fetchAll<R: SQLRecord>(
        _ type: R.Type, _ connection: any StoreConnection, table: String, case reference: SQLValue? = nil, _ sql: String,
        _ arguments: [SQLValue] = []
    ) throws -> [R] {
        try connection.fetch(sql, arguments).map { try R(row: opened($0, table: table, case: reference)) }
    }

    /// The first row of `sql` read from `table` as `R`, its sealed columns opened; nil when none.
    package func fetchOne<R: SQLRecord>(
        _ type: R.Type, _ connection: any StoreConnection, table: String, case reference: SQLValue? = nil, _ sql: String,
        _ arguments: [SQLValue] = []
    ) throws -> R? {
        try connection.fetchOne(sql, arguments).map { try R(row: opened($0, table: table, case: reference)) }
    }
}
