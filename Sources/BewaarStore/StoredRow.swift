import Foundation
import GRDB
import BewaarModel

/// One row of one table, read into model values with every failure turned into a
/// ``StoreError`` that names the table, the row and the column.
///
/// The store's `…Row` record types read their columns through it in `init(row:)`: a value of
/// the wrong type, a NULL where the table requires one, an instant that is not RFC 3339, a case
/// number or a digest that does not parse — a damaged store, edited by hand or by a faulty tool —
/// makes the call throw, never stops the program. Columns are found by name; the hot record
/// paths read by position instead (``StoredRecord/message(from:at:)``). The row is an
/// ``SQLRow`` of either database (``SQLValueConvertible`` says how a value is read).
package struct StoredRow {
    let row: any SQLRow
    /// The table the row comes from, for the error.
    let table: String
    /// The columns that name the row in an error (its key), read only when there is one.
    let key: [String]

    package init(_ row: any SQLRow, table: String, key: String...) {
        self.row = row
        self.table = table
        self.key = key.isEmpty ? ["id"] : key
    }

    /// A GRDB row, for code that still reads through GRDB (plan step 2b moves it).
    package init(_ row: Row, table: String, key: String...) {
        self.row = SQLiteRow(row)
        self.table = table
        self.key = key.isEmpty ? ["id"] : key
    }

    /// The value of `column`; an optional type reads NULL as nil. A missing column is damage
    /// too (a store older or newer than this Bewaar).
    package func callAsFunction<Value: SQLValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard let value = row[column], let read = Value(sqlValue: value) else { throw damaged(column) }
        return read
    }

    /// The value of the column selected at `index`, named `column` in an error: for rows read in
    /// bulk, where finding each column by its name costs more than the rest of the reading.
    package func at<Value: SQLValueConvertible>(_ index: Int, _ column: String, as type: Value.Type = Value.self) throws -> Value {
        guard index < row.count, let read = Value(sqlValue: row[index]) else { throw damaged(column) }
        return read
    }

    /// The optional value of `column`: nil for NULL, an error for a value of another type.
    package func optional<Value: SQLValueConvertible>(_ column: String, as type: Value.Type = Value.self) throws -> Value? {
        try self(column, as: Value?.self)
    }

    /// An instant in the store's form (``Foundation/Date/stored``).
    package func date(_ column: String) throws -> Date {
        guard let date = Date(stored: try optional(column, as: String.self)) else { throw damaged(column) }
        return date
    }

    /// An instant that may be absent: nil for NULL, an error for text that is not an instant.
    package func optionalDate(_ column: String) throws -> Date? {
        guard let text = try optional(column, as: String.self) else { return nil }
        guard let date = Date(stored: text) else { throw damaged(column) }
        return date
    }

    /// An instant where an unreadable one has always been read as absent (nil), as for times
    /// that only inform (a lock's end, when a session was last seen); NULL is nil too.
    package func lenientDate(_ column: String) throws -> Date? {
        Date(stored: try optional(column, as: String.self))
    }

    /// A case number (`2025-0001`).
    package func caseID(_ column: String) throws -> CaseID {
        guard let id = CaseID(try self(column, as: String.self)) else { throw damaged(column) }
        return id
    }

    /// A SHA-256 digest in lower-case hex.
    package func sha256(_ column: String) throws -> SHA256Digest {
        guard let digest = SHA256Digest(hex: try self(column, as: String.self)) else { throw damaged(column) }
        return digest
    }

    /// The error for a value of `column` that cannot be read.
    func damaged(_ column: String) -> StoreError {
        let name = key.map { column -> String in
            switch row[column] ?? .null {
            case .text(let text): return "\(column) \(text)"
            case .int(let number): return "\(column) \(number)"
            case .double(let number): return "\(column) \(number)"
            case .bytes(let bytes): return "\(column) (\(bytes.count) bytes)"
            case .null: return "\(column) NULL"
            }
        }.joined(separator: ", ")
        return StoreError.damagedRow(table: table, row: name, column: column)
    }
}

extension StoreError {
    /// A row whose value cannot be read: the store was changed outside Bewaar or is damaged.
    static func damagedRow(table: String, row: String, column: String) -> StoreError {
        StoreError(
            .damagedRow,
            nl:
                "Rij \(row) van tabel \(table) in de opslag is beschadigd: kolom \(column) is onleesbaar. Er is niets gewijzigd; draai `bewaar check` en vraag de beheerder.",
            en:
                "Row \(row) of table \(table) in the store is damaged: column \(column) cannot be read. Nothing was changed; run `bewaar check` and ask the administrator."
        )
    }
}
