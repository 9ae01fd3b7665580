import Foundation
import GRDB

/// Seals a case's text in Swift before the store binds it, and opens it after the store reads
/// it: the keys never go into SQL (a PostgreSQL server must never see them). Which columns are
/// sealed is ``SealedColumns``'s table; the bytes are exactly those `bw_seal` gives (one
/// ``SealedValue`` per text, its nonce from the text), so stores written before and after read
/// the same and equality on a sealed column still finds a value.
///
/// In a plain store (no keys) sealing and opening give the text as it is.
package struct Sealer: Sendable {
    /// The store's keys; nil when the store is not encrypted.
    let keyring: CaseKeyring?
    /// Whether a sealed column's plain text (the `store` chain's details) is bound as its UTF-8
    /// bytes: PostgreSQL's sealed columns are `bytea`. Read back as text either way (``open(_:case:)``).
    var plainAsBytes = false

    /// Whether the store seals (has keys).
    package var seals: Bool { keyring != nil }

    /// The value to bind for `text` in column `column` of `table`, for case `reference` (a case
    /// id such as `2026-0001`, or a case number `cases.no`): sealed in an encrypted store, the
    /// text itself in a plain one; NULL for nil. The store's own custody chain (`store`) belongs
    /// to no case and stays plain.
    package func seal(
        _ table: String, _ column: String, case reference: some DatabaseValueConvertible, _ text: String?
    ) throws -> DatabaseValue {
        guard let t = SealedColumns.table(table), t.columns.contains(column) else {
            preconditionFailure("\(table).\(column) is not a sealed column (SealedColumns)")
        }
        guard let text else { return .null }
        guard let keyring else { return text.databaseValue }
        let ref = reference.databaseValue
        if t.name == "custody" && ref == SealedColumns.storeChain { return plainAsBytes ? Data(text.utf8).databaseValue : text.databaseValue }
        return Data(SealedValue.seal(text, with: try key(keyring, ref))).databaseValue
    }

    /// ``seal(_:_:case:_:)`` with the case's key at hand (nil in a plain store), for a writer
    /// that holds it (``RecordWriter``).
    static func seal(_ table: String, _ column: String, with key: CaseKey?, _ text: String) -> DatabaseValue {
        guard let t = SealedColumns.table(table), t.columns.contains(column) else {
            preconditionFailure("\(table).\(column) is not a sealed column (SealedColumns)")
        }
        guard let key else { return text.databaseValue }
        return Data(SealedValue.seal(text, with: key)).databaseValue
    }

    /// The text of a stored value of case `reference`: a sealed value opened, a TEXT value as it
    /// is, nil for NULL. A sealed value that does not open is an error that says so.
    package func open(_ value: DatabaseValue, case reference: some DatabaseValueConvertible) throws -> String? {
        switch value.storage {
        case .null: return nil
        case .string(let s): return s
        case .blob(let data):
            guard data.withUnsafeBytes(SealedValue.isSealed) else { return String(decoding: data, as: UTF8.self) }
            return try opened(data, reference.databaseValue)
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        }
    }

    /// `row` of `table` with its sealed columns opened (under their own names), so that a row
    /// type reads it as it reads a plain store's row. The case is the row's own column
    /// (``SealedColumns/Table/caseColumn``: a query on acquisitions or warnings selects its
    /// item's `case_id`), or `reference` when given. A plain store's row is given back as it is.
    package func opened(_ row: Row, table: String, case reference: DatabaseValue? = nil) throws -> Row {
        guard keyring != nil, let t = SealedColumns.table(table) else { return row }
        return try opened(row, columns: t.columns, case: reference ?? (row[t.caseColumn] as DatabaseValue?) ?? .null)
    }

    /// `row` with the values of `columns` opened, for sealed columns a query selects under other
    /// names (a join's `p.name AS person_name`), all of case `reference`.
    package func opened(_ row: Row, columns: [String], case reference: @autoclosure () -> DatabaseValue) throws -> Row {
        guard keyring != nil else { return row }
        var sealed = false
        for column in columns {
            if case .blob(let data) = (row[column] as DatabaseValue?)?.storage, data.withUnsafeBytes(SealedValue.isSealed) {
                sealed = true
                break
            }
        }
        guard sealed else { return row }
        let ref = reference()
        var values: [String: (any DatabaseValueConvertible)?] = [:]
        for (name, value) in row where values[name] == nil {
            if case .blob(let data) = value.storage, columns.contains(name), data.withUnsafeBytes(SealedValue.isSealed) {
                values[name] = try opened(data, ref)
            } else {
                values[name] = value
            }
        }
        return Row(values)
    }

    /// Rows of `table` fetched with `sql`, their sealed columns opened, as `R`.
    package func fetchAll<R: FetchableRecord>(
        _ type: R.Type, _ db: Database, table: String, case reference: DatabaseValue? = nil, cached sql: String,
        arguments: StatementArguments = StatementArguments()
    ) throws -> [R] {
        guard keyring != nil else { return try R.fetchAll(db, cached: sql, arguments: arguments) }
        return try Row.fetchAll(db, cached: sql, arguments: arguments).map { try R(row: opened($0, table: table, case: reference)) }
    }

    /// The first row of `table` fetched with `sql`, its sealed columns opened, as `R`.
    package func fetchOne<R: FetchableRecord>(
        _ type: R.Type, _ db: Database, table: String, case reference: DatabaseValue? = nil, cached sql: String,
        arguments: StatementArguments = StatementArguments()
    ) throws -> R? {
        guard keyring != nil else { return try R.fetchOne(db, cached: sql, arguments: arguments) }
        return try Row.fetchOne(db, cached: sql, arguments: arguments).map { try R(row: opened($0, table: table, case: reference)) }
    }

    private func opened(_ data: Data, _ reference: DatabaseValue) throws -> String {
        guard let keyring else { throw Self.noKeyError }
        let key = try Self.key(keyring, reference)
        guard let plain = data.withUnsafeBytes({ SealedValue.open($0, with: key) }) else { throw Self.notOpening(reference) }
        return String(decoding: plain, as: UTF8.self)
    }

    /// The error for a sealed value that does not open with its case's key.
    static func notOpening(_ reference: DatabaseValue) -> StoreError {
        StoreError(
            .wrongKey,
            nl: "Een verzegelde waarde van zaak \(reference) gaat niet open (beschadigd, of niet van deze opslag). Draai `bewaar check`.",
            en: "A sealed value of case \(reference) does not open (damaged, or not of this store). Run `bewaar check`.")
    }

    private func key(_ keyring: CaseKeyring, _ reference: DatabaseValue) throws -> CaseKey { try Self.key(keyring, reference) }

    static func key(_ keyring: CaseKeyring, _ reference: DatabaseValue) throws -> CaseKey {
        guard let key = keyring.key(for: reference) else {
            throw StoreError(
                .wrongKey, nl: "Zaak \(reference) heeft geen sleutel in deze opslag.", en: "Case \(reference) has no key in this store.")
        }
        return key
    }

    static let noKeyError = StoreError(
        .keyMissing, nl: "Deze opslag heeft geen sleutel, maar bevat een verzegelde waarde. Draai `bewaar check`.",
        en: "This store has no key but holds a sealed value. Run `bewaar check`.")
}

extension CaseStore {
    /// Seals and opens the store's text in Swift with the store's current keys.
    package var sealer: Sealer { Sealer(keyring: sealing.keyring, plainAsBytes: dialect.sealedColumnsAreBytes) }
}
