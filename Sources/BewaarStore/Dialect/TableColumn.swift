/// A column of a table as the store's database declares it: its name and the kind of value it
/// holds, for code that copies rows between the two databases (``CaseStore/moveIn(from:actor:hooks:)``).
package struct TableColumn: Sendable, Hashable {
    /// The kind of value a column holds: SQLite's affinities, PostgreSQL's types folded onto them.
    package enum Kind: Sendable, Hashable {
        case integer, real, text, bytes
    }

    package var name: String
    package var kind: Kind

    package init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The kind of a declared type, by SQLite's rules of affinity (which also read PostgreSQL's
    /// `bigint`, `integer`, `double precision`, `text` and `bytea` right).
    package init(name: String, declaredType: String) {
        let t = declaredType.lowercased()
        let kind: Kind
        if t.contains("int") {
            kind = .integer
        } else if t.contains("char") || t.contains("clob") || t.contains("text") {
            kind = .text
        } else if t.contains("blob") || t.contains("bytea") || t.isEmpty {
            kind = .bytes
        } else {
            kind = .real
        }
        self.init(name: name, kind: kind)
    }

    /// `value` as this column takes it: a number kept as text in a text column becomes text, a
    /// text in a bytes column its UTF-8 bytes, an integer in a real column a double (SQLite lets a
    /// column hold any type; PostgreSQL takes only its own).
    package func converted(_ value: SQLValue) -> SQLValue {
        switch (kind, value) {
        case (_, .null): return .null
        case (.text, .int(let i)): return .text(String(i))
        case (.text, .double(let d)): return .text(String(d))
        case (.text, .bytes(let b)): return .text(String(decoding: b, as: UTF8.self))
        case (.bytes, .text(let s)): return .bytes(Array(s.utf8))
        case (.real, .int(let i)): return .double(Double(i))
        case (.integer, .text(let s)): return Int64(s).map(SQLValue.int) ?? value
        default: return value
        }
    }
}
