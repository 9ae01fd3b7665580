extension PostgresSchema {
    /// The foreign keys of `messages` (`item_id` → `items.id`, `author_no` → `authors.id`),
    /// checked once per statement instead of once per row (`notes/issue-17-pg-fk.md`).
    ///
    /// A `REFERENCES` clause makes PostgreSQL 15 run one locking query per inserted row, about
    /// 40 % of the server's work for an ingest (`notes/issue-17-pg-records.md`). These triggers
    /// keep the same guarantee and the same error (SQLSTATE 23503, `foreign_key_violation`),
    /// with the foreign keys' default action, NO ACTION (the SQLite schema has no `ON DELETE`):
    ///
    /// - After an INSERT or UPDATE of `messages`: every item and author the statement's rows
    ///   name is locked `FOR KEY SHARE`, as a foreign key's check locks it, and one that is not
    ///   there fails the statement, naming it. The lock keeps a concurrent transaction from
    ///   deleting the parent (or changing its id) until this one ends.
    /// - After a DELETE or UPDATE of `items` or `authors`: an id that is gone while `messages`
    ///   still names it fails the statement. Each query of the trigger sees what other
    ///   transactions committed before it (READ COMMITTED), so messages committed while the
    ///   deletion waited for their lock are seen; in a snapshot transaction (REPEATABLE READ,
    ///   SERIALIZABLE) they might not be, so removing a parent there is refused (0A000). The
    ///   store writes in READ COMMITTED only (``PostgresStoreDatabase``).
    /// - Before a TRUNCATE of `items` or `authors` while `messages` has rows: refused, as
    ///   PostgreSQL refuses to truncate a table another one references.
    ///
    /// The error names the foreign key that `REFERENCES` would have had (`messages_item_id_fkey`,
    /// `messages_author_no_fkey`) as its constraint, although no such constraint exists.
    static let recordParentChecks =
        [
            """
            CREATE FUNCTION messages_parents_exist() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                missing bigint;
            BEGIN
            \(parentExists(column: "item_id", parent: "items", noun: "item"))
            \(parentExists(column: "author_no", parent: "authors", noun: "author"))
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER messages_parents_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS new_messages
            FOR EACH STATEMENT EXECUTE FUNCTION messages_parents_exist()
            """,
            """
            CREATE TRIGGER messages_parents_update AFTER UPDATE ON messages REFERENCING NEW TABLE AS new_messages
            FOR EACH STATEMENT EXECUTE FUNCTION messages_parents_exist()
            """,
            """
            CREATE FUNCTION messages_parent_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM messages) THEN
                    RAISE EXCEPTION 'cannot truncate table "%": table "messages" still names its rows', TG_TABLE_NAME
                        USING ERRCODE = 'foreign_key_violation', TABLE = 'messages';
                END IF;
                RETURN NULL;
            END
            $$
            """,
        ]
        + keepMessages(parent: "items", column: "item_id", noun: "item")
        + keepMessages(parent: "authors", column: "author_no", noun: "author")

    /// One parent's part of `messages_parents_exist()`: the parents the new rows name, locked
    /// `FOR KEY SHARE` (in a `MATERIALIZED` query, so the lock is taken once for each, whatever
    /// the plan), and the smallest one that is missing raised.
    static func parentExists(column: String, parent: String, noun: String) -> String {
        """
            WITH wanted AS (SELECT DISTINCT \(column) AS id FROM new_messages WHERE \(column) IS NOT NULL),
                locked AS MATERIALIZED (SELECT p.id FROM \(parent) p WHERE p.id IN (SELECT id FROM wanted) FOR KEY SHARE)
            SELECT w.id INTO missing FROM wanted w WHERE NOT EXISTS (SELECT 1 FROM locked l WHERE l.id = w.id) ORDER BY w.id LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'insert or update on table "messages" violates foreign key constraint "messages_\(column)_fkey": \(noun) % does not exist', missing
                    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'messages_\(column)_fkey', TABLE = 'messages',
                        DETAIL = format('Key (\(column))=(%s) is not present in table "\(parent)".', missing);
            END IF;
        """
    }

    /// The checks on one parent table: after a DELETE or an UPDATE, an id that is gone while
    /// `messages` still names it is refused; before a TRUNCATE, any message is.
    static func keepMessages(parent: String, column: String, noun: String) -> [String] {
        [
            """
            CREATE FUNCTION \(parent)_keep_messages() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                gone bigint;
            BEGIN
                PERFORM 1 FROM old_\(parent) o WHERE NOT EXISTS (SELECT 1 FROM \(parent) p WHERE p.id = o.id);
                IF NOT FOUND THEN
                    RETURN NULL;
                END IF;
                IF current_setting('transaction_isolation') <> 'read committed' THEN
                    RAISE EXCEPTION 'removing rows of table "\(parent)" needs a READ COMMITTED transaction: a snapshot may miss messages that name them'
                        USING ERRCODE = 'feature_not_supported', TABLE = '\(parent)';
                END IF;
                SELECT o.id INTO gone FROM old_\(parent) o
                WHERE NOT EXISTS (SELECT 1 FROM \(parent) p WHERE p.id = o.id)
                    AND EXISTS (SELECT 1 FROM messages m WHERE m.\(column) = o.id)
                ORDER BY o.id LIMIT 1;
                IF FOUND THEN
                    RAISE EXCEPTION 'update or delete on table "\(parent)" violates foreign key constraint "messages_\(column)_fkey" on table "messages": \(noun) % still has messages', gone
                        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'messages_\(column)_fkey', TABLE = 'messages',
                            DETAIL = format('Key (id)=(%s) is still referenced from table "messages".', gone);
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER \(parent)_keep_messages_delete AFTER DELETE ON \(parent) REFERENCING OLD TABLE AS old_\(parent)
            FOR EACH STATEMENT EXECUTE FUNCTION \(parent)_keep_messages()
            """,
            """
            CREATE TRIGGER \(parent)_keep_messages_update AFTER UPDATE ON \(parent) REFERENCING OLD TABLE AS old_\(parent)
            FOR EACH STATEMENT EXECUTE FUNCTION \(parent)_keep_messages()
            """,
            """
            CREATE TRIGGER \(parent)_keep_messages_truncate BEFORE TRUNCATE ON \(parent)
            FOR EACH STATEMENT EXECUTE FUNCTION messages_parent_truncate()
            """,
        ]
    }
}
