import GRDB

/// How a record's kind is kept in `messages.kind` since migration v9: the common kinds as a small
/// integer (the position in ``codes``: `message` is 0, which SQLite keeps in no bytes at all),
/// any other kind as its text. The list is fixed: a kind is never moved or removed, so a code
/// means the same in every store.
enum StoredKind {
    /// The kinds kept as a number, by code.
    static let codes = ["message", "system", "deleted", "media", "view-once", "email", "post", "comment", "text"]

    private static let codeOf: [String: Int64] = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, Int64($0)) })

    /// The code of a kind, nil for a kind kept as text.
    static func code(of kind: String) -> Int64? { codeOf[kind] }

    /// The SQL expression that gives the kind's text back from `column` (for ``StoredRecord/columns``),
    /// on both databases: compared as text (SQLite's code `0` is `'0'`), as PostgreSQL's `kind` is
    /// always a kind's text (never a code, so no `WHEN` matches there).
    static func name(_ column: String) -> String {
        "CASE CAST(\(column) AS TEXT) " + codes.enumerated().map { "WHEN '\($0)' THEN '\($1)' " }.joined() + "ELSE \(column) END"
    }

    /// What to bind for one kind in a `kind IN (…)` condition: its code and its text (both, so a
    /// row is found however it was stored), two placeholders per kind.
    static func values(_ kind: String) -> [any DatabaseValueConvertible] {
        [code(of: kind) ?? -1, kind]
    }

    /// ``values(_:)`` as arguments of a ``StoreConnection``: SQLite's `kind` holds a code or a text
    /// (PostgreSQL's is always the text: ``RecordStorage/kindCondition(_:in:first:)`` binds each
    /// database's).
    static func sqlValues(_ kind: String) -> [SQLValue] {
        [.int(Int64(code(of: kind) ?? -1)), .text(kind)]
    }

    /// The CASE expression of the migration: a kind's text as its code, other kinds unchanged.
    static func encode(_ column: String) -> String {
        "CASE \(column) " + codes.enumerated().map { "WHEN '\($1)' THEN \($0) " }.joined() + "ELSE \(column) END"
    }
}
