import BewaarStore
import Foundation

/// A school board's Bewaar: one PostgreSQL database for all its schools, and one folder of
/// originals that every server shares (a network mount), with a folder per school in it.
///
/// The database is the board's; a school's store (``store(school:modules:clock:)``) is a pool that
/// acts for that school (`bewaar.school`, which row-level security reads) and its folder. The
/// master key is the board's: one key file (or passphrase) for the whole database, which wraps
/// each case's key.
package final class PostgresBoard: Sendable {
    /// The board's database, acting for no school (it sees the board's tables only).
    package let database: PostgresStoreDatabase
    /// The folder of originals all servers share.
    package let folder: String
    /// Where the master key comes from (nil: the key file beside ``folder``).
    package let key: StoreKeySource?

    /// Opens the board's database at `url` (a `postgres://` address) with the originals in
    /// `folder`, and brings its schema up to date when it is behind (that needs the owner role:
    /// the application's role is told to run `bewaar store init` as the owner).
    package init(url: PostgresURL, folder: String, key: StoreKeySource?, connections: Int = 8) throws {
        database = try PostgresStoreDatabase(url: url, connections: connections)
        self.folder = folder
        self.key = key
        migrated = try Self.upToDate(database)
        bypassesRowSecurity = try database.read { c in
            try c.fetchOne("SELECT (rolsuper OR rolbypassrls)::int FROM pg_roles WHERE rolname = current_user")?[0] == .int(1)
        }
    }

    /// Whether the role Bewaar connects as is a superuser or may bypass row-level security: then
    /// every school would see every other's rows, so no school's store opens (``store(school:modules:clock:faultBeforeCommit:)``).
    package let bypassesRowSecurity: Bool

    /// The key file used when none is named: beside the originals' folder, never in it.
    package var keyFile: String { StoreKeySource.defaultKeyFile(forStore: folder) }

    /// The migrations this opening ran (none when the schema was up to date).
    package let migrated: [String]

    /// Runs the schema's migrations that have not run yet and returns their names; none when it
    /// is up to date, without needing any right beyond reading `schema_migrations`. A database
    /// that is behind, opened by a role that may not change its schema (the servers'), is an
    /// error that says who must bring it up to date, and how.
    static func upToDate(_ database: PostgresStoreDatabase) throws -> [String] {
        let migrator = try PostgresSchema.migrator()
        let applied: Set<String>? = try? database.read { c in
            Set(try c.fetchValues("SELECT name FROM schema_migrations", as: String.self))
        }
        guard let applied else { return try migrator.migrate(database) }
        let missing = PostgresSchema.shippedOrder.filter { !applied.contains($0) }
        if missing.isEmpty { return [] }
        do {
            return try migrator.migrate(database)
        } catch let error as PostgresStoreError where error.sqlState == "42501" {
            throw StoreError(
                .invalidValue,
                nl:
                    "De database van het bestuur loopt achter op deze versie van Bewaar (nog niet uitgevoerd: \(missing.joined(separator: ", "))), en deze rol mag het schema niet wijzigen. Voer `bewaar store init` uit met het adres van de eigenaar (BEWAAR_DATABASE=postgres://bewaar_owner@…): dat werkt het schema bij en laat de sleutel zoals hij is.",
                en:
                    "The board's database is behind this version of Bewaar (not run yet: \(missing.joined(separator: ", "))), and this role may not change its schema. Run `bewaar store init` with the owner's address (BEWAAR_DATABASE=postgres://bewaar_owner@…): it brings the schema up to date and leaves the key as it is."
            )
        }
    }

    /// Makes the board's master key (a new key file beside ``folder``, or ``key``'s), once.
    package func makeMasterKey(now: Date = Date()) throws {
        try NewMasterKey.create(key ?? .keyFile(keyFile), storePath: folder, in: database, at: now)
    }

    /// Whether the database has its master key.
    package var hasMasterKey: Bool {
        get throws { try database.read { try $0.fetchOne("SELECT 1 FROM store_keys") != nil } }
    }

    /// A school of the board, or the board's office (``office()``).
    package struct School: Sendable, Hashable {
        package var id: Int
        package var name: String
        /// Whether this is the board's office: its own accounts (the privacy officer) and their
        /// custody chain, never a case.
        package var isOffice = false
    }

    /// Every school, by name (not the board's office).
    package func schools() throws -> [School] {
        try allSchools().filter { !$0.isOffice }
    }

    /// The schools and the board's office.
    func allSchools() throws -> [School] {
        try database.read { c in
            try c.fetch("SELECT id, name, board_office::int FROM schools ORDER BY lower(name), id").map { row in
                let r = StoredRow(row, table: "schools", key: "id")
                return School(id: try r("id"), name: try r("name"), isOffice: row[2] == .int(1))
            }
        }
    }

    /// The school named `name` (case does not matter; ``officeName`` is the board's office), or
    /// an error that names the schools there are.
    package func school(named name: String) throws -> School {
        let all = try allSchools()
        if let found = all.first(where: { $0.name.lowercased() == name.lowercased() }) { return found }
        let known = all.filter { !$0.isOffice }.map(\.name).joined(separator: ", ")
        // The name as typed, without control characters (it is shown on a terminal or a page).
        let name = String(String.UnicodeScalarView(name.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }).prefix(200))
        throw StoreError(
            .invalidValue,
            nl: "Er is geen school '\(name)' in deze database" + (known.isEmpty ? "; voeg er een toe met `bewaar school add`." : " (wel: \(known))."),
            en: "There is no school '\(name)' in this database" + (known.isEmpty ? "; add one with `bewaar school add`." : " (there are: \(known)).")
        )
    }

    /// The school numbered `id`.
    package func school(id: Int) throws -> School {
        guard let found = try allSchools().first(where: { $0.id == id }) else {
            throw StoreError(.invalidValue, nl: "Er is geen school met nummer \(id).", en: "There is no school numbered \(id).")
        }
        return found
    }

    /// The school of the account signed in with the web session whose id hashes to `sha256`: nil
    /// for no such session, nobody signed in, or an account of the board (no school). Read with no
    /// school set, so every account is seen.
    package func schoolOfSession(_ sha256: String) throws -> Int? {
        try database.read { c in
            try c.fetchOne(
                "SELECT a.school_id FROM web_sessions s JOIN accounts a ON lower(a.name) = lower(s.account) WHERE s.id_sha256 = ?1",
                [.text(sha256)]
            )?[0].int.map(Int.init)
        }
    }

    /// The school of the pupil's upload link whose token hashes to `sha256` (nil: no such link),
    /// through `board_upload_link_school`, which sees every school's links for this one question.
    package func schoolOfUploadLink(_ sha256: String) throws -> Int? {
        try database.read { c in
            try c.fetchOne("SELECT board_upload_link_school(?1)", [.text(sha256)])?[0].int.map(Int.init)
        }
    }

    /// Adds a school; its name must be new (case does not matter).
    @discardableResult
    package func addSchool(named name: String, now: Date = Date()) throws -> School {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        // No control or format characters (escapes, direction overrides): the name is shown on
        // every terminal and page that names the school.
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.unicodeScalars.contains(where: CharacterSet.controlCharacters.contains)
        else {
            throw StoreError(
                .invalidValue, nl: "Geef de school een naam van gewone tekens (hoogstens 200).",
                en: "Give the school a name of ordinary characters (200 at most).")
        }
        guard trimmed.lowercased() != Self.officeName else {
            throw StoreError(
                .invalidValue, nl: "De naam \(Self.officeName) is van het bestuur zelf; kies een andere.",
                en: "The name \(Self.officeName) is the board's own; choose another.")
        }
        if (try? school(named: trimmed)) != nil {
            throw StoreError(.invalidValue, nl: "De school '\(trimmed)' bestaat al.", en: "The school '\(trimmed)' exists already.")
        }
        let id = try database.write(retryable: true) { c in
            try c.fetchValue("INSERT INTO schools (name, created) VALUES (?1, ?2) RETURNING id", [.text(trimmed), .text(now.stored)], as: Int.self)
        }
        guard let id else { throw StoreError(.writeFailed, nl: "De school is niet opgeslagen.", en: "The school was not stored.") }
        return School(id: id, name: trimmed)
    }

    /// The folder of `school`'s originals and packets.
    package func folder(of school: School) -> String { folder + "/scholen/" + String(school.id) }

    /// The store of one school: the board's pool acting for it, its folder, the board's keys.
    /// With no school, the board's own store: it sees the board's tables (accounts, sessions) and
    /// no school's cases, and can write none (sign-in, and the board's own accounts).
    package func store(
        school: School?, modules: [any StoreModule], clock: @escaping @Sendable () -> Date = { Date() },
        faultBeforeCommit: (@Sendable () throws -> Void)? = nil
    ) throws -> CaseStore {
        guard !bypassesRowSecurity else {
            throw StoreError(
                .invalidValue,
                nl:
                    "Bewaar werkt niet als PostgreSQL-superuser (of een rol met BYPASSRLS): dan ziet elke school de zaken van de andere. Verbind als de rol voor de toepassing (zie README, 'Voor de IT van het schoolbestuur'); `store init` en `school add` mogen als eigenaar.",
                en:
                    "Bewaar does not work as a PostgreSQL superuser (or a role with BYPASSRLS): every school would then see the others' cases. Connect as the application's role (see README, 'For the school board's IT'); `store init` and `school add` may run as the owner."
            )
        }
        let scoped = school.map { database.with(settings: ["bewaar.school": String($0.id)]) } ?? database
        let path = school.map(folder(of:)) ?? folder + "/bestuur"
        do {
            for sub in ["/objects", "/tmp"] { try PrivateMode.makeFolder(path + sub) }
        } catch {
            throw StoreError.unreadable(folder, error)
        }
        let keySource = key ?? .keyFile(keyFile)
        let keyring = try CaseStore.openKeys(
            in: scoped, storePath: folder, source: keySource, keyring: { master in CaseKeyring(master: master, committed: { scoped }) })
        guard let keyring else {
            throw StoreError(
                .keyMissing,
                nl: "Deze database heeft nog geen hoofdsleutel: maak die eerst met `bewaar store init --database …`.",
                en: "This database has no master key yet: make it first with `bewaar store init --database …`.")
        }
        let opened = CaseStore.Opened(
            path: path, database: scoped, dialect: .postgres(scoped), keyring: keyring,
            keyringMaker: { master in CaseKeyring(master: master, committed: { scoped }) }, objects: (path + "/objects", path + "/tmp"))
        return try CaseStore(opened: opened, clock: clock, faultBeforeCommit: faultBeforeCommit, modules: modules)
    }
}
