/// A type read from one result row of either database: the store's `…Row` types, each reading
/// its table's columns through ``StoredRow`` (a damaged row throws a ``StoreError``).
package protocol SQLRecord {
    /// Reads the record from `row`.
    init(row: any SQLRow) throws
}

extension StoreConnection {
    /// The rows of `sql` read as `R`.
    package func fetchAll<R: SQLRecord>(_ type: R.Type, _ sql: String, _ arguments: [SQLValue] = []) throws -> [R] {
        try fetch(sql, arguments).map { try R(row: $0) }
    }

    /// The first row of `sql` read as `R`, or nil when there is none.
    package func fetchOne<R: SQLRecord>(_ type: R.Type, _ sql: String, _ arguments: [SQLValue] = []) throws -> R? {
        try fetchOne(sql, arguments).map { try R(row: $0) }
    }

    /// The first column of the first row of `sql` read as `V`: nil when there is no row or the
    /// value is NULL (ask for a non-optional `V` to have NULL refused); a value that is not a `V`
    /// is a ``StoreError``.
    package func fetchValue<V: SQLValueConvertible>(_ sql: String, _ arguments: [SQLValue] = [], as type: V.Type = V.self) throws -> V? {
        guard let row = try fetchOne(sql, arguments), row.count > 0, !row[0].isNull else { return nil }
        guard let value = V(sqlValue: row[0]) else { throw StoreError.unexpectedValue(sql) }
        return value
    }

    /// The first column of every row of `sql` read as `V`; a value that is not a `V` (NULL
    /// included, unless `V` is optional) is a ``StoreError``.
    package func fetchValues<V: SQLValueConvertible>(_ sql: String, _ arguments: [SQLValue] = [], as type: V.Type = V.self) throws -> [V] {
        try fetch(sql, arguments).map { row in
            guard row.count > 0, let value = V(sqlValue: row[0]) else { throw StoreError.unexpectedValue(sql) }
            return value
        }
    }
}

extension StoreConnection {
    /// Runs an `INSERT … RETURNING id` (both databases have `RETURNING`) and gives the new row's
    /// id: what SQLite's last-inserted row id was, without relying on it.
    package func insertedID(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64 {
        guard let id = try fetchValue(sql, arguments, as: Int64.self) else { throw StoreError.unexpectedValue(sql) }
        return id
    }
}

extension StoreError {
    /// A query's value was not of the type its caller reads: a store changed outside Bewaar.
    static func unexpectedValue(_ sql: String) -> StoreError {
        let query = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
        return StoreError(
            .damagedRow,
            nl:
                "De opslag gaf een waarde van een onverwacht soort terug (\(query)). Er is niets gewijzigd; draai `bewaar check` en vraag de beheerder.",
            en: "The store returned a value of an unexpected kind (\(query)). Nothing was changed; run `bewaar check` and ask the administrator.")
    }
}
