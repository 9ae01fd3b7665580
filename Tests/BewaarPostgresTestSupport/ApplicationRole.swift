import BewaarStore

/// The rights a board's servers' role gets in its database once the schema is there, as
/// `docs/board/roles.sql` and the README give them: rows of every table, the sequences, and the
/// board's two overview functions. Nothing it owns.
package enum ApplicationRole {
    package static func grant(to role: String, in c: any StoreConnection) throws {
        try c.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role)")
        try c.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO \(role)")
        try c.execute("GRANT EXECUTE ON FUNCTION board_destruction_log(), board_retention_overview() TO \(role)")
    }
}
