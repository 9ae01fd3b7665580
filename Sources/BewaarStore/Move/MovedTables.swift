/// What `bewaar store migrate` copies of a school's SQLite store into a board's database, in the
/// order the foreign keys need, and what it leaves behind, with why. Every table of a school
/// (`PostgresSchema.schoolTables`) and of the board is in one of the lists: a test holds the
/// lists to the schema, so that a new table cannot be left out unseen.
enum MovedTables {
    /// A table copied row by row, every column both databases have, numbers included.
    struct Table {
        var name: String
        /// The order rows are read in (an item after the item it came out of).
        var order: String
    }

    /// The school's tables copied as they are (sealed columns opened with the SQLite store's
    /// keys and sealed with the board's, which for an encrypted store gives the same bytes: the
    /// case keys stay the same).
    static let copied: [Table] = [
        Table(name: "cases", order: "year, number"),
        Table(name: "people", order: "id"),
        Table(name: "items", order: "id"),
        Table(name: "acquisitions", order: "id"),
        Table(name: "warnings", order: "id"),
        Table(name: "authors", order: "id"),
        Table(name: "messages", order: "id"),
        Table(name: "record_links", order: "record_id, kind, other_item"),
        Table(name: "checklist", order: "case_id, step"),
        Table(name: "custody", order: "chain, seq"),
        Table(name: "chain_heads", order: "chain"),
        Table(name: "talks", order: "id"),
        Table(name: "escalations", order: "id"),
        Table(name: "handles", order: "id"),
        Table(name: "observations", order: "id"),
        Table(name: "statements", order: "id"),
        Table(name: "marks", order: "message_id"),
        Table(name: "traces", order: "id"),
        Table(name: "withdrawals", order: "item_id"),
        Table(name: "store_settings", order: "key"),
        Table(name: "destruction_log", order: "seq"),
        Table(name: "case_access", order: "id"),
        Table(name: "upload_links", order: "id"),
    ]

    /// Tables copied by code of their own (``CaseStore/moveIn(from:actor:hooks:)``).
    static let copiedApart: [String: String] = [
        "case_keys": "each case keeps its key, wrapped again with the board's master key",
        "object_keys": "copied with the sealed originals; a plain original is sealed on the way, with a key of its own",
        "accounts": "the school's staff, as the school's accounts",
        "security_log": "the school's sign-ins, appended to the board's log with new numbers",
    ]

    /// Tables left behind, with why.
    static let leftBehind: [String: String] = [
        "web_sessions": "sessions end: everyone signs in again on the board's servers",
        "web_flashes": "a message shown once after a form, gone in minutes",
        "upload_progress": "uploads under way; none is, while the store is moved",
        "rate_buckets": "sign-in budgets per address, refilled within the hour",
        "sign_on_requests": "school sign-ins under way, minutes old at most",
        "sign_on_sessions": "sessions at the identity provider end with the web sessions",
        "store_keys": "the board has its own master key",
        "schools": "the board's list; the school is made with `bewaar school add`",
        "schema_migrations": "the board's own schema",
    ]
}
