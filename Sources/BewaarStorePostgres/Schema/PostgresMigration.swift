/// One migration of a PostgreSQL store: its name, as `schema_migrations` records it, and its
/// statements, run in order in one transaction (PostgreSQL's DDL is transactional, so a failed
/// migration leaves nothing). One statement per string: the extended protocol takes one at a
/// time. A shipped migration is never edited: a change is a new migration.
package struct PostgresMigration: Sendable {
    package let name: String
    package let statements: [String]

    package init(_ name: String, _ statements: [String]) {
        self.name = name
        self.statements = statements
    }
}
