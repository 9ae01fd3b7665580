import BewaarPostgresTestSupport
import BewaarTestSupport
import Foundation
import GRDB
import Testing

@testable import BewaarStore
@testable import BewaarStorePostgres
@testable import BewaarWeb

/// The PostgreSQL baseline against what a SQLite store has after every shipped migration: each
/// table and column on both sides, with a type PostgreSQL's executor reads back as SQLite's did,
/// the same nullability, primary keys and named indexes, except the differences listed in
/// ``PostgresSchemaTests/deliberate`` with their reasons. A migration added to one store only
/// fails here.
@Suite(.enabled(if: PostgresServer.installed, Comment(rawValue: PostgresServer.skipReason)))
struct PostgresSchemaTests {
    /// One column as either database describes it: the type as PostgreSQL names it (SQLite's
    /// declared type mapped, `notes/issue-17-store-design.md` §9), whether it may be NULL,
    /// whether it is part of the primary key.
    struct Column: Hashable, Sendable, CustomStringConvertible {
        var table: String
        var name: String
        var type: String
        var notNull: Bool
        var primaryKey: Bool
        var description: String { "\(table).\(name) \(type)\(notNull ? " NOT NULL" : "")\(primaryKey ? " (primary key)" : "")" }
    }

    /// What differs on purpose, each with its reason (also in `notes/issue-17-pg-schema.md`).
    enum Deliberate {
        static let sqliteOnlyTables: [String: String] = [
            "messages_fts": "FTS5's search index; PostgreSQL keeps each record's keyed terms in messages.terms with a GIN index (§5)",
            "messages_fts_data": "FTS5's shadow table (of messages_fts)",
            "messages_fts_idx": "FTS5's shadow table (of messages_fts)",
            "messages_fts_config": "FTS5's shadow table (of messages_fts)",
            "grdb_migrations": "GRDB's record of the migrations run; PostgreSQL's is schema_migrations (PostgresMigrator)",
            "bewaar_staged": "an ingest's staged records, made and dropped inside the ingest's transaction, never in a store at rest",
        ]
        static let postgresOnlyTables: [String: String] = [
            "schema_migrations": "PostgresMigrator's record of the migrations run; SQLite's is grdb_migrations",
            "schools": "the board's schools, the tenants (§7); a SQLite store is one school",
        ]
        /// `school_id` on PostgreSQL's school tables (and `accounts`): a SQLite store is one school.
        static let schoolColumn = "school_id"
        static let sqliteOnlyColumns: [String: String] = [
            "items.first_record":
                "the row id of an item's first record, for SQLite's rowid ranges; PostgreSQL finds an item's records by UNIQUE (item_id, seq) (§2.4)"
        ]
        static let postgresOnlyColumns: [String: String] = [
            "messages.terms": "the record's keyed search terms (int4[], GIN) instead of FTS5 (§5)"
        ]
        /// Columns whose PostgreSQL type is not the mapping of SQLite's declared one.
        static let types: [String: (type: String, reason: String)] = [
            "messages.kind": (
                "text",
                "SQLite keeps common kinds as an integer code and others as text in one untyped column (v9); PostgreSQL keeps every kind's text"
            )
        ]
        static let nullability: [String: String] = [
            "cases.no": "SQLite fills it after the insert (trigger cases_number); on PostgreSQL it is an identity column, never NULL"
        ]
        static let postgresOnlyIndexes: [String: String] = [
            "messages_terms": "the GIN index of the search terms (§5)",
            "accounts_name_nocase": "SQLite's account names are COLLATE NOCASE in their primary key; PostgreSQL's uniqueness is on lower(name)",
            "case_access_active": "one active link per case, account and role; SQLite's writers take turns, so grantAccess's check suffices there",
            "schools_name": "a school's name is unique on the board (§7)",
            "schools_board_office": "at most one row of schools is the board's office (its privacy officer's account)",
        ]
        /// PostgreSQL's foreign keys that SQLite has not.
        static let postgresOnlyForeignKeys: [String: String] = [
            "upload_progress.case_id → cases":
                "SQLite keeps upload_progress in a side file (web-voortgang.sqlite); PostgreSQL's lines go with their case (ON DELETE CASCADE)"
        ]
        /// SQLite's foreign keys that PostgreSQL checks with statement triggers instead
        /// (`PostgresSchema.recordParentChecks`), with the triggers that must be there.
        static let foreignKeysByTrigger: [String: (triggers: [String], reason: String)] = [
            "messages.item_id → items": (
                [
                    "messages_parents_insert", "messages_parents_update", "items_keep_messages_delete", "items_keep_messages_update",
                    "items_keep_messages_truncate",
                ],
                "checked once per statement, not once per row: about 40 % of an ingest's server CPU (notes/issue-17-pg-fk.md)"
            ),
            "messages.author_no → authors": (
                [
                    "messages_parents_insert", "messages_parents_update", "authors_keep_messages_delete", "authors_keep_messages_update",
                    "authors_keep_messages_truncate",
                ],
                "as messages.item_id"
            ),
        ]
    }

    /// Maps a SQLite column's declared type to PostgreSQL's name for it; columns an encrypted
    /// store seals are `bytea` whatever SQLite declares (TEXT holding sealed BLOBs).
    static func postgresType(_ table: String, _ column: String, declared: String) -> String {
        if let override = Deliberate.types["\(table).\(column)"] { return override.type }
        if sealed.contains("\(table).\(column)") { return "bytea" }
        switch declared.uppercased() {
        case "INTEGER", "BIGINT": return "bigint"
        case "REAL", "DOUBLE PRECISION": return "double precision"
        case "TEXT": return "text"
        case "BLOB": return "bytea"
        default: return "untyped (\(declared))"
        }
    }

    /// Every column an encrypted SQLite store seals (`SealedColumns.core`, the modules' own
    /// sealed columns are BLOBs already).
    static let sealed = Set(SealedColumns.core.flatMap { t in t.columns.map { "\(t.name).\($0)" } })

    /// What a SQLite store has: an encrypted store with every module (as `bewaar store init`
    /// makes it), and the web's upload progress table, which SQLite keeps beside the store.
    static func sqliteSchema() throws -> (columns: Set<Column>, indexes: Set<String>) {
        let dir = TempDir()
        let store = try dir.openStore(modules: WebServer.storeModules)
        _ = try store.encrypt(with: .keyFile(dir.file("sleutel")), actor: "J. Bakker")
        let queue = try DatabaseQueue(path: dir.store + "/" + CaseStore.databaseName)
        let progress = try DatabaseQueue()
        try progress.write { try $0.execute(sql: UploadProgressTable.schema) }
        var columns = Set<Column>()
        var indexes = Set<String>()
        for database in [SQLiteDatabase(queue), SQLiteDatabase(progress)] {
            try database.read { c in
                let tables = try c.fetch("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").compactMap { $0[0].text }
                for table in tables {
                    for row in try c.fetch("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)", [.text(table)]) {
                        let name = row[0].text ?? ""
                        columns.insert(
                            Column(
                                table: table, name: name, type: postgresType(table, name, declared: row[1].text ?? ""),
                                notNull: row[2].int == 1, primaryKey: (row[3].int ?? 0) > 0))
                    }
                    // A virtual table (FTS5) has columns too: listed with its table.
                    if try c.fetch("SELECT 1 FROM pragma_table_info(?1)", [.text(table)]).isEmpty {
                        columns.insert(Column(table: table, name: "", type: "", notNull: false, primaryKey: false))
                    }
                }
                indexes.formUnion(try c.fetch("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").compactMap { $0[0].text })
            }
        }
        return (columns, indexes)
    }

    /// What a fresh PostgreSQL store has after its migrations.
    static func postgresSchema(_ db: PostgresStoreDatabase) throws -> (columns: Set<Column>, indexes: Set<String>) {
        try db.read { c in
            let keys = Set(
                try c.fetch(
                    """
                    SELECT k.table_name::text || '.' || k.column_name::text
                    FROM information_schema.table_constraints t
                    JOIN information_schema.key_column_usage k
                      ON k.constraint_schema = t.constraint_schema AND k.constraint_name = t.constraint_name AND k.table_name = t.table_name
                    WHERE t.table_schema = 'public' AND t.constraint_type = 'PRIMARY KEY'
                    """
                ).compactMap { $0[0].text })
            let columns = try c.fetch(
                """
                SELECT table_name::text, column_name::text, data_type::text, udt_name::text, is_nullable::text
                FROM information_schema.columns WHERE table_schema = 'public'
                """
            ).map { row in
                let table = row[0].text ?? "", name = row[1].text ?? ""
                let type = row[2].text == "ARRAY" ? String((row[3].text ?? "").dropFirst()) + "[]" : row[2].text ?? ""
                return Column(table: table, name: name, type: type, notNull: row[4].text == "NO", primaryKey: keys.contains("\(table).\(name)"))
            }
            // Indexes made by CREATE INDEX; those behind a PRIMARY KEY or UNIQUE constraint are
            // compared as the constraint's columns (primary keys) or not at all.
            let indexes = try c.fetch(
                """
                SELECT indexname::text FROM pg_indexes i WHERE schemaname = 'public'
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """
            ).compactMap { $0[0].text }
            return (Set(columns), Set(indexes))
        }
    }

    /// Every difference between the two schemas that is not listed as deliberate, as lines a
    /// person reads (empty when they agree).
    static func differences(
        sqlite: (columns: Set<Column>, indexes: Set<String>), postgres: (columns: Set<Column>, indexes: Set<String>)
    ) -> [String] {
        var out: [String] = []
        let sqliteTables = Set(sqlite.columns.map(\.table)), postgresTables = Set(postgres.columns.map(\.table))
        for table in sqliteTables.subtracting(postgresTables).sorted() where Deliberate.sqliteOnlyTables[table] == nil {
            out.append("table \(table) is missing on PostgreSQL")
        }
        for table in postgresTables.subtracting(sqliteTables).sorted() where Deliberate.postgresOnlyTables[table] == nil {
            out.append("table \(table) is missing on SQLite")
        }
        for table in Deliberate.sqliteOnlyTables.keys.sorted() where postgresTables.contains(table) {
            out.append("table \(table) is listed as SQLite's only but PostgreSQL has it")
        }
        let common = sqliteTables.intersection(postgresTables)
        func byName(_ columns: Set<Column>) -> [String: Column] {
            Dictionary(columns.filter { common.contains($0.table) }.map { ("\($0.table).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let s = byName(sqlite.columns), p = byName(postgres.columns)
        for key in Set(s.keys).subtracting(p.keys).sorted() where Deliberate.sqliteOnlyColumns[key] == nil {
            out.append("column \(key) is missing on PostgreSQL (SQLite: \(s[key]?.description ?? ""))")
        }
        for key in Set(p.keys).subtracting(s.keys).sorted()
        where Deliberate.postgresOnlyColumns[key] == nil && p[key]?.name != Deliberate.schoolColumn {
            out.append("column \(key) is missing on SQLite (PostgreSQL: \(p[key]?.description ?? ""))")
        }
        for key in Set(s.keys).intersection(p.keys).sorted() {
            guard let a = s[key], let b = p[key] else { continue }
            if a.type != b.type { out.append("column \(key): SQLite's maps to \(a.type), PostgreSQL has \(b.type)") }
            if a.primaryKey != b.primaryKey { out.append("column \(key): primary key on \(a.primaryKey ? "SQLite" : "PostgreSQL") only") }
            // SQLite lets a non-INTEGER primary key column hold NULL unless it says NOT NULL;
            // PostgreSQL's never do. Key columns are compared as keys above.
            if !a.primaryKey, a.notNull != b.notNull, Deliberate.nullability[key] == nil {
                out.append("column \(key): NOT NULL on \(a.notNull ? "SQLite" : "PostgreSQL") only")
            }
        }
        for index in sqlite.indexes.subtracting(postgres.indexes).sorted() { out.append("index \(index) is missing on PostgreSQL") }
        for index in postgres.indexes.subtracting(sqlite.indexes).sorted() where Deliberate.postgresOnlyIndexes[index] == nil {
            out.append("index \(index) is missing on SQLite")
        }
        return out
    }

    /// Listed differences that are no longer differences (the list is then out of date).
    static func staleListings(
        sqlite: (columns: Set<Column>, indexes: Set<String>), postgres: (columns: Set<Column>, indexes: Set<String>)
    ) -> [String] {
        var out: [String] = []
        let s = Dictionary(sqlite.columns.map { ("\($0.table).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let p = Dictionary(postgres.columns.map { ("\($0.table).\($0.name)", $0) }, uniquingKeysWith: { a, _ in a })
        for key in Deliberate.sqliteOnlyColumns.keys.sorted() where s[key] == nil || p[key] != nil {
            out.append("column \(key) is listed as SQLite's only but is not")
        }
        for key in Deliberate.postgresOnlyColumns.keys.sorted() where p[key] == nil || s[key] != nil {
            out.append("column \(key) is listed as PostgreSQL's only but is not")
        }
        for key in Deliberate.nullability.keys.sorted() where s[key]?.notNull == p[key]?.notNull {
            out.append("column \(key) is listed as differing in NOT NULL but does not")
        }
        for (key, type) in Deliberate.types.sorted(by: { $0.key < $1.key }) where p[key]?.type != type.type {
            out.append("column \(key) is listed as \(type.type) on PostgreSQL but is not")
        }
        for index in Deliberate.postgresOnlyIndexes.keys.sorted() where !postgres.indexes.contains(index) || sqlite.indexes.contains(index) {
            out.append("index \(index) is listed as PostgreSQL's only but is not")
        }
        return out
    }

    /// Every foreign key of a SQLite store, as `table.column → parent`.
    static func sqliteForeignKeys() throws -> Set<String> {
        let dir = TempDir()
        let store = try dir.openStore(modules: WebServer.storeModules)
        _ = try store.encrypt(with: .keyFile(dir.file("sleutel")), actor: "J. Bakker")
        let database = SQLiteDatabase(try DatabaseQueue(path: dir.store + "/" + CaseStore.databaseName))
        return try database.read { c in
            let tables = try c.fetch("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").compactMap { $0[0].text }
            return Set(
                try tables.flatMap { table in
                    try c.fetch("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)", [.text(table)]).map { row in
                        "\(table).\(row[0].text ?? "") → \(row[1].text ?? "")"
                    }
                })
        }
    }

    /// Every foreign key of a PostgreSQL store, as ``sqliteForeignKeys()``, and its triggers' names.
    static func postgresForeignKeys(_ db: PostgresStoreDatabase) throws -> (keys: Set<String>, triggers: Set<String>) {
        try db.read { c in
            let keys = try c.fetch(
                """
                SELECT c.conrelid::regclass::text || '.' || a.attname::text || ' → ' || c.confrelid::regclass::text
                FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND a.attname <> 'school_id'
                """
            ).compactMap { $0[0].text }
            let triggers = try c.fetch("SELECT tgname::text FROM pg_trigger WHERE NOT tgisinternal").compactMap { $0[0].text }
            return (Set(keys), Set(triggers))
        }
    }

    /// The foreign keys that differ and are not listed, and listed ones that do not differ or
    /// whose triggers are missing.
    static func foreignKeyDifferences(sqlite: Set<String>, postgres: (keys: Set<String>, triggers: Set<String>)) -> [String] {
        var out: [String] = []
        for key in sqlite.subtracting(postgres.keys).sorted() where Deliberate.foreignKeysByTrigger[key] == nil {
            out.append("foreign key \(key) is missing on PostgreSQL")
        }
        for key in postgres.keys.subtracting(sqlite).sorted() where Deliberate.postgresOnlyForeignKeys[key] == nil {
            out.append("foreign key \(key) is missing on SQLite")
        }
        for (key, listed) in Deliberate.foreignKeysByTrigger.sorted(by: { $0.key < $1.key }) {
            if !sqlite.contains(key) || postgres.keys.contains(key) { out.append("foreign key \(key) is listed as checked by triggers but is not") }
            for trigger in listed.triggers where !postgres.triggers.contains(trigger) {
                out.append("foreign key \(key): trigger \(trigger) is missing on PostgreSQL")
            }
        }
        return out
    }

    // The blocking work runs on a thread of its own and hands back what it found; the
    // expectations are checked here, in the test's task, so a failure is reported as this
    // test's (an #expect on another thread is recorded for an «unknown» test).

    @Test func theBaselineHasWhatASQLiteStoreHas() async throws {
        let t = try await TestDatabase.made(.postgres)
        let db = try #require(t.postgres)
        let (ran, sqlite, postgres) = try await offThread {
            return (try PostgresSchema.migrator().migrate(db), try Self.sqliteSchema(), try Self.postgresSchema(db))
        }
        #expect(ran == PostgresSchema.shippedOrder)
        // The comparison saw the tables it is about (not two empty lists).
        #expect(sqlite.columns.contains { $0.table == "messages" && $0.name == "text" && $0.type == "bytea" })
        #expect(postgres.columns.contains { $0.table == "sign_on_sessions" && $0.name == "sealed_id_token" })
        #expect(Set(postgres.columns.map(\.table)).count == 36)
        #expect(Self.differences(sqlite: sqlite, postgres: postgres) == [])
        #expect(Self.staleListings(sqlite: sqlite, postgres: postgres) == [])
    }

    /// The foreign keys: PostgreSQL has each of SQLite's, except those its triggers check (each
    /// of their triggers present), and no other.
    @Test func theForeignKeysAreSQLitesOrCheckedByTriggers() async throws {
        let t = try await TestDatabase.made(.postgres)
        let db = try #require(t.postgres)
        let (sqlite, postgres) = try await offThread {
            _ = try PostgresSchema.migrator().migrate(db)
            return (try Self.sqliteForeignKeys(), try Self.postgresForeignKeys(db))
        }
        // The comparison saw foreign keys on both sides (not two empty lists).
        #expect(sqlite.contains("messages.item_id → items") && sqlite.contains("record_links.record_id → messages"))
        #expect(postgres.keys.contains("record_links.record_id → messages"))
        #expect(Self.foreignKeyDifferences(sqlite: sqlite, postgres: postgres) == [])
        // And it sees a missing trigger and an unlisted foreign key.
        var broken = postgres
        broken.triggers.remove("items_keep_messages_delete")
        broken.keys.remove("talks.case_id → cases")
        #expect(
            Self.foreignKeyDifferences(sqlite: sqlite, postgres: broken) == [
                "foreign key talks.case_id → cases is missing on PostgreSQL",
                "foreign key messages.item_id → items: trigger items_keep_messages_delete is missing on PostgreSQL",
            ])
    }

    /// The comparison itself: a column missing on either side, a type or a NOT NULL that
    /// differs, an index missing, each shows up.
    @Test func theComparisonSeesEachKindOfDifference() async throws {
        let c = { (table: String, name: String, type: String, notNull: Bool) in
            Column(table: table, name: name, type: type, notNull: notNull, primaryKey: false)
        }
        let sqlite: Set<Column> = [c("talks", "summary", "bytea", true), c("talks", "held_on", "text", true), c("talks", "gone", "text", false)]
        let postgres: Set<Column> = [c("talks", "summary", "text", true), c("talks", "held_on", "text", false), c("talks", "new", "bigint", false)]
        #expect(
            Self.differences(sqlite: (sqlite, ["talks_case"]), postgres: (postgres, [])) == [
                "column talks.gone is missing on PostgreSQL (SQLite: talks.gone text)",
                "column talks.new is missing on SQLite (PostgreSQL: talks.new bigint)",
                "column talks.held_on: NOT NULL on SQLite only",
                "column talks.summary: SQLite's maps to bytea, PostgreSQL has text",
                "index talks_case is missing on PostgreSQL",
            ])
    }

    /// A store already at the baseline is left alone: the second run runs nothing and changes
    /// nothing.
    @Test func theBaselineRunsOnce() async throws {
        let t = try await TestDatabase.made(.postgres)
        let db = try #require(t.postgres)
        let (first, before, second, after, recorded) = try await offThread {
            let migrator = try PostgresSchema.migrator()
            let first = try migrator.migrate(db)
            let before = try Self.postgresSchema(db)
            let second = try migrator.migrate(db)
            let after = try Self.postgresSchema(db)
            let recorded = try db.read { try $0.fetch("SELECT name FROM schema_migrations").compactMap { $0[0].text } }
            return (first, before, second, after, recorded)
        }
        #expect(first == PostgresSchema.shippedOrder)
        #expect(second == [])
        #expect(before.columns == after.columns && before.indexes == after.indexes)
        #expect(recorded == PostgresSchema.shippedOrder)
    }

    /// Two servers opening one new database at once: one makes the baseline, the other waits
    /// for the lock and finds it made.
    @Test func twoServersMakeTheBaselineOnce() async throws {
        let t = try await TestDatabase.made(.postgres)
        let url = try #require(t.postgres).url
        let ran = try await offThread {
            let migrator = try PostgresSchema.migrator()
            let ran = RanList()
            try onThreads(2) { _ in
                let server = try PostgresStoreDatabase(url: url, connections: 1)
                defer { server.close() }
                ran.append(try migrator.migrate(server))
            }
            return ran.all
        }
        #expect(ran.sorted { $0.count < $1.count } == [[], PostgresSchema.shippedOrder])
    }

    /// The PostgreSQL list starts with the baseline, which stands for the SQLite migrations up to
    /// `v15-sign-on-sessions`; every SQLite migration shipped after that needs a PostgreSQL twin
    /// of the same name, in the same place of `PostgresSchema.shippedOrder`. A name that starts with
    /// `pg-` is PostgreSQL's own (a board's schools) and has none.
    @Test func everyLaterSQLiteMigrationHasAPostgreSQLTwin() throws {
        #expect(PostgresSchema.shippedOrder.first == PostgresSchema.baselineName)
        let through = try #require(Schema.shippedOrder.firstIndex(of: "v15-sign-on-sessions"))
        let twins = PostgresSchema.shippedOrder.dropFirst().filter { !$0.hasPrefix("pg-") }
        #expect(Array(twins) == Array(Schema.shippedOrder[(through + 1)...]))
    }
}
