import Foundation

/// A Swift type that a column is read as (``StoredRow``, ``StoreConnection/fetchValue(_:_:as:)``)
/// and that binds as an argument: the same on both databases.
///
/// Reading follows SQLite's own conversions, which the store has always relied on through GRDB:
/// an integer column reads as `Double`; a whole-number `double` as an integer; bytes that are
/// UTF-8 as `String` and text as `Data` (a sealed column holds text in a plain SQLite store and
/// bytes in an encrypted one or on PostgreSQL). Anything else — NULL for a non-optional type, a
/// number where text is wanted, a number out of range — reads as nil, which ``StoredRow`` turns
/// into a ``StoreError`` naming the row.
package protocol SQLValueConvertible {
    /// The value `value` holds, or nil when it cannot be one of this type.
    init?(sqlValue value: SQLValue)

    /// The value as an argument.
    var sqlValue: SQLValue { get }
}

extension Int64: SQLValueConvertible {
    package init?(sqlValue value: SQLValue) {
        switch value {
        case .int(let number): self = number
        case .double(let number):
            guard number >= Double(Int64.min), number < Double(Int64.max) else { return nil }
            self = Int64(number)
        default: return nil
        }
    }

    package var sqlValue: SQLValue { .int(self) }
}

extension Int: SQLValueConvertible {
    package init?(sqlValue value: SQLValue) {
        guard let number = Int64(sqlValue: value), let exact = Int(exactly: number) else { return nil }
        self = exact
    }

    package var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Int32: SQLValueConvertible {
    package init?(sqlValue value: SQLValue) {
        guard let number = Int64(sqlValue: value), let exact = Int32(exactly: number) else { return nil }
        self = exact
    }

    package var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Double: SQLValueConvertible {
    package init?(sqlValue value: SQLValue) {
        switch value {
        case .int(let number): self = Double(number)
        case .double(let number): self = number
        default: return nil
        }
    }

    package var sqlValue: SQLValue { .double(self) }
}

extension Bool: SQLValueConvertible {
    /// Zero is false and any other number true (SQLite has no boolean; PostgreSQL's `boolean` is
    /// read as 0 or 1). Text is not a boolean.
    package init?(sqlValue value: SQLValue) {
        switch value {
        case .int(let number): self = number != 0
        case .double(let number): self = number != 0
        default: return nil
        }
    }

    package var sqlValue: SQLValue { .int(self ? 1 : 0) }
}

extension String: SQLValueConvertible {
    package init?(sqlValue value: SQLValue) {
        switch value {
        case .text(let text): self = text
        case .bytes(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            self = text
        default: return nil
        }
    }

    package var sqlValue: SQLValue { .text(self) }
}

extension Data: SQLValueConvertible {
    package init?(sqlValue value: SQLValue) {
        switch value {
        case .bytes(let bytes): self = Data(bytes)
        case .text(let text): self = Data(text.utf8)
        default: return nil
        }
    }

    package var sqlValue: SQLValue { .bytes([UInt8](self)) }
}

extension Array: SQLValueConvertible where Element == UInt8 {
    package init?(sqlValue value: SQLValue) {
        switch value {
        case .bytes(let bytes): self = bytes
        case .text(let text): self = Array(text.utf8)
        default: return nil
        }
    }

    package var sqlValue: SQLValue { .bytes(self) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    /// NULL reads as nil; any other value as `Wrapped` reads it (and fails as it fails).
    package init?(sqlValue value: SQLValue) {
        if value.isNull {
            self = .none
        } else if let wrapped = Wrapped(sqlValue: value) {
            self = .some(wrapped)
        } else {
            return nil
        }
    }

    package var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension SQLValue: SQLValueConvertible {
    /// Any value as it is.
    package init?(sqlValue value: SQLValue) { self = value }

    package var sqlValue: SQLValue { self }
}
