import GRDB

/// The store's versioned migrations. Never edit a shipped migration: add a new one.
enum Schema {
    /// Every migration that shipped, in the order stores ran them: a new store runs them in this
    /// order too, whichever module registers each one.
    static let shippedOrder = [
        "v1-cases-items-custody", "v2-workflow-timeline", "v3-traces", "v3-accounts", "v4-web-sessions-language",
        "v5-access-links-security-log", "v7-upload-links", "v8-withdrawals", "v6-records-once",
        "v9-compact-records", "v10-record-links", "v11-case-lifecycle", "v12-case-keys",
        "v13-account-subjects", "v14-web-state", "v15-sign-on-sessions",
    ]

    /// The core's migrations and those of `modules`: a module migration that shipped in its place
    /// of ``shippedOrder``, newer ones after the core's. A shipped module migration that no module
    /// registers is left out (the store lacks that module's tables until one does).
    static func migrator(modules: [any StoreModule] = []) throws -> DatabaseMigrator {
        var fromModules: [String: StoreMigration] = [:]
        var newer: [StoreMigration] = []
        for migration in modules.flatMap(\.migrations) {
            guard fromModules[migration.name] == nil, !newer.contains(where: { $0.name == migration.name }) else {
                throw StoreError(.invalidValue, nl: "Migratie \(migration.name) is twee keer aangemeld.",
                                 en: "Migration \(migration.name) is registered twice.")
            }
            if shippedOrder.contains(migration.name) { fromModules[migration.name] = migration } else { newer.append(migration) }
        }
        var m = DatabaseMigrator()
        func shipped(_ names: String...) {
            for name in names {
                if let migration = fromModules.removeValue(forKey: name) { m.registerMigration(name, migrate: migration.migrate) }
            }
        }
        m.registerMigration("v1-cases-items-custody") { db in
            try db.execute(sql: """
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY,
                    year INTEGER NOT NULL,
                    number INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    opened TEXT NOT NULL,
                    status TEXT NOT NULL,
                    retention_until TEXT NOT NULL,
                    summary TEXT NOT NULL DEFAULT '',
                    UNIQUE (year, number)
                );
                CREATE TABLE people (
                    id INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    related_to TEXT,
                    grp TEXT
                );
                CREATE INDEX people_case ON people(case_id);
                CREATE TABLE items (
                    id INTEGER PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    sha256 TEXT NOT NULL,
                    name TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    media_type TEXT NOT NULL,
                    format TEXT NOT NULL,
                    collected_by TEXT NOT NULL,
                    collected_from TEXT,
                    collected_at TEXT NOT NULL,
                    note TEXT,
                    parent_id INTEGER REFERENCES items(id),
                    path_in_parent TEXT,
                    message_count INTEGER NOT NULL DEFAULT 0,
                    warning_count INTEGER NOT NULL DEFAULT 0,
                    extra TEXT NOT NULL DEFAULT '{}'
                );
                CREATE INDEX items_case ON items(case_id);
                CREATE INDEX items_sha ON items(sha256);
                CREATE TABLE acquisitions (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    name TEXT NOT NULL,
                    collected_by TEXT NOT NULL,
                    collected_from TEXT,
                    at TEXT NOT NULL,
                    note TEXT
                );
                CREATE TABLE messages (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    case_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    ts REAL,
                    author TEXT,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    origin_line INTEGER,
                    origin_offset INTEGER NOT NULL,
                    origin_length INTEGER NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE INDEX messages_item ON messages(item_id, seq);
                CREATE INDEX messages_case_ts ON messages(case_id, ts);
                CREATE TABLE warnings (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES items(id),
                    message TEXT NOT NULL,
                    line INTEGER,
                    code TEXT
                );
                CREATE INDEX warnings_item ON warnings(item_id);
                CREATE TABLE checklist (
                    case_id TEXT NOT NULL REFERENCES cases(id),
                    step INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    by TEXT,
                    at TEXT,
                    note TEXT,
                    fields TEXT NOT NULL DEFAULT '{}',
                    PRIMARY KEY (case_id, step)
                );
                CREATE TABLE custody (
                    chain TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    time TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    details TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL,
                    PRIMARY KEY (chain, seq)
                );
                CREATE TABLE chain_heads (
                    chain TEXT PRIMARY KEY,
                    count INTEGER NOT NULL,
                    head TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v2-workflow-timeline") { db in
            try db.execute(sql: WorkflowSchema.v2)
        }
        registerTraceMigrations(&m)
        shipped("v3-accounts", "v4-web-sessions-language", "v5-access-links-security-log", "v7-upload-links")
        m.registerMigration("v8-withdrawals") { db in
            try db.execute(sql: WithdrawalSchema.v8)
        }
        // Registered after v7 and v8 (the name was kept free for it): stores that have those run it next.
        m.registerMigration("v6-records-once") { db in
            try RecordSchema.v6(db)
        }
        m.registerMigration("v9-compact-records") { db in
            try CompactRecordSchema.v9(db)
        }
        m.registerMigration("v10-record-links") { db in
            try db.execute(sql: RecordLinkSchema.v10)
        }
        m.registerMigration("v11-case-lifecycle") { db in
            try db.execute(sql: LifecycleSchema.v11)
        }
        m.registerMigration("v12-case-keys") { db in
            try db.execute(sql: SealingSchema.v12)
        }
        // The accounts module's e-mail addresses and school-account subjects.
        shipped("v13-account-subjects")
        // The web module's state that several servers share (request budgets, upload flashes).
        shipped("v14-web-state")
        // The accounts module's school sessions that sign out at the school's provider.
        shipped("v15-sign-on-sessions")
        if let stray = fromModules.keys.sorted().first {
            throw StoreError(.invalidValue, nl: "Migratie \(stray) hoort bij de kern van de opslag, niet bij een module.",
                             en: "Migration \(stray) belongs to the store's core, not to a module.")
        }
        for migration in newer { m.registerMigration(migration.name, migrate: migration.migrate) }
        return m
    }
}
