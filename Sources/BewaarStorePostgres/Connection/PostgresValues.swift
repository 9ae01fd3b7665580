import BewaarStore
import Foundation
import NIOCore
import PostgresNIO

// SQLValue to and from PostgreSQL's wire values. Arguments are sent typed (bigint, double
// precision, text, bytea; NULL untyped, so the server infers it), rows come back in PostgreSQL's
// binary format and are read into the nearest SQLValue.

extension PostgresBindings {
    /// `values` as a statement's parameters `$1 … $n`.
    init(_ values: [SQLValue]) {
        self.init(capacity: values.count)
        for value in values {
            switch value {
            case .null: appendNull()
            case .int(let number): append(number)
            case .double(let number): append(number)
            case .text(let text): append(text)
            case .bytes(let bytes): append(ByteBuffer(bytes: bytes))
            }
        }
    }
}

extension SQLValue {
    /// The value of one cell: `smallint`/`integer`/`bigint` and `boolean` (0 or 1) as
    /// ``SQLValue/int(_:)``; `real`/`double precision` as ``SQLValue/double(_:)``; `numeric` as
    /// an integer when it is whole and fits, else as a double; `text`, `varchar`, `char(n)`,
    /// `name`, `uuid`, `json` and `jsonb` as text; `bytea` as bytes. Any other type throws: cast
    /// it in the SQL (`col::text`).
    init(_ cell: PostgresCell) throws {
        guard var buffer = cell.bytes else {
            self = .null
            return
        }
        do {
            switch cell.dataType {
            case .int2, .int4, .int8: self = .int(try cell.decode(Int64.self))
            case .float4, .float8: self = .double(try cell.decode(Double.self))
            case .bool: self = .int(try cell.decode(Bool.self) ? 1 : 0)
            case .numeric:
                let text = "\(try cell.decode(Decimal.self))"
                if let whole = Int64(text) {
                    self = .int(whole)
                } else {
                    self = .double(Double(text) ?? .nan)
                }
            case .bytea: self = .bytes(buffer.readBytes(length: buffer.readableBytes) ?? [])
            case .text, .varchar, .bpchar, .name, .unknown, .uuid, .json, .jsonb: self = .text(try cell.decode(String.self))
            default: throw Self.unsupported(cell)
            }
        } catch let error as PostgresStoreError {
            throw error
        } catch {
            throw Self.unsupported(cell)
        }
    }

    static func unsupported(_ cell: PostgresCell) -> PostgresStoreError {
        PostgresStoreError(
            .unsupportedValue,
            nl:
                "Kolom \(cell.columnName) heeft een PostgreSQL-type (\(cell.dataType)) dat Bewaar niet leest. Dit is een fout in Bewaar; meld het aan de beheerder.",
            en:
                "Column \(cell.columnName) has a PostgreSQL type (\(cell.dataType)) that Bewaar does not read. This is a bug in Bewaar; tell the administrator."
        )
    }
}

/// The column names of one result, shared by its rows, with a case-insensitive index.
final class PostgresColumnNames: Sendable {
    let names: [String]
    let index: [String: Int]

    init(_ row: PostgresRow) {
        names = row.map(\.columnName)
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name.lowercased()] == nil { index[name.lowercased()] = i }
        self.index = index
    }
}

/// A row read from PostgreSQL: its values, decoded once.
struct PostgresStoreRow: SQLRow {
    let columns: PostgresColumnNames
    let values: [SQLValue]

    init(_ row: PostgresRow, columns: PostgresColumnNames) throws {
        self.columns = columns
        var values: [SQLValue] = []
        values.reserveCapacity(columns.names.count)
        for cell in row { values.append(try SQLValue(cell)) }
        self.values = values
    }

    var count: Int { values.count }
    var columnNames: [String] { columns.names }
    subscript(_ index: Int) -> SQLValue { values[index] }
    subscript(_ name: String) -> SQLValue? { columns.index[name.lowercased()].map { values[$0] } }
}
