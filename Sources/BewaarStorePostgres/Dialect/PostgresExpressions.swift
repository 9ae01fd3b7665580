import BewaarStore

/// ``SQLExpressions`` in PostgreSQL. A record's text is always sealed there (`bytea`), so the
/// invisible marks cannot be removed in SQL: sealed texts compare as their bytes, which are equal
/// for equal texts of one case (sealing is deterministic per case), as in an encrypted SQLite store.
package struct PostgresExpressions: SQLExpressions {
    package init() {}

    package func same(_ a: String, _ b: String) -> String { "\(a) IS NOT DISTINCT FROM \(b)" }

    package func minuteStart(_ seconds: String) -> String { "floor(\(seconds) / 60) * 60" }

    package func withoutInvisibleMarks(_ text: String) -> String { text }

    package func localClock(_ seconds: String, offsetSeconds: String) -> String {
        // trunc, as SQLite's CAST to INTEGER; to_timestamp gives a timestamptz, shown in UTC.
        "to_char(to_timestamp(trunc(\(seconds)) + COALESCE(\(offsetSeconds), 0)) AT TIME ZONE 'UTC', 'HH24:MI')"
    }
}
