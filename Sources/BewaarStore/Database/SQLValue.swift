/// A value as both databases bind and return it: SQLite's five storage classes, which
/// PostgreSQL's `bigint`, `double precision`, `text` and `bytea` carry one to one.
///
/// Statements take their arguments as `[SQLValue]` and rows give their columns back as
/// `SQLValue` (``SQLRow``). What a column holds beyond these (a PostgreSQL `boolean`, `numeric`,
/// `uuid`) is turned into the nearest of them by the executor, which documents how.
package enum SQLValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer (`INTEGER` / `bigint`).
    case int(Int64)
    /// A double-precision number (`REAL` / `double precision`).
    case double(Double)
    /// UTF-8 text (`TEXT` / `text`).
    case text(String)
    /// Raw bytes, zero bytes included (`BLOB` / `bytea`).
    case bytes([UInt8])

    /// True for ``null``.
    package var isNull: Bool { self == .null }

    /// The integer, or nil for any other case.
    package var int: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The number, or nil for any other case (an integer is not converted: a column is one type).
    package var double: Double? {
        if case .double(let value) = self { return value }
        return nil
    }

    /// The text, or nil for any other case.
    package var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The bytes, or nil for any other case.
    package var bytes: [UInt8]? {
        if case .bytes(let value) = self { return value }
        return nil
    }
}

extension SQLValue {
    /// An integer argument (Swift's `Int` is 64 bits on every platform Bewaar runs on).
    package init(_ value: Int) { self = .int(Int64(value)) }

    /// A text argument, or NULL for nil.
    package init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
}
