import GRDB

/// v11: a case's life after its report — closing, reopening, a legal hold — and its end, the
/// destruction with proof.
///
/// - `cases` is rebuilt (SQLite cannot drop a NOT NULL): `retention_until` may now be empty,
///   because the retention period counts from closing. A case a store marked closed before
///   keeps its date (it was counted from opening); a running case loses it until it is closed.
///   New columns hold the closing (`closed_at`, `closed_by`, `outcome`, `close_reason`, and
///   `status_before_close`, the status a reopening returns to) and the legal hold (`hold_since`,
///   `hold_by`, `hold_reason`).
/// - `store_settings` holds store-wide settings: the school's retention policy (months after
///   closing; 24 when absent) and the head of the destruction log.
/// - `destruction_log` is the store-wide, hash-chained record of every destroyed case: one row
///   per case, its canonical JSON (`record`), the hash of the row before and its own hash. A
///   destroyed case's number is never given out again (the numbering triggers and
///   ``CaseStore/openCase(title:actor:people:)`` look at this log too).
enum LifecycleSchema {
    static let v11 = """
        CREATE TABLE cases_v11 (
            id TEXT PRIMARY KEY,
            year INTEGER NOT NULL,
            number INTEGER NOT NULL,
            title TEXT NOT NULL,
            opened TEXT NOT NULL,
            status TEXT NOT NULL,
            retention_until TEXT,
            summary TEXT NOT NULL DEFAULT '',
            no INTEGER,
            closed_at TEXT,
            closed_by TEXT,
            outcome TEXT,
            close_reason TEXT,
            status_before_close TEXT,
            hold_since TEXT,
            hold_by TEXT,
            hold_reason TEXT,
            UNIQUE (year, number)
        );
        INSERT INTO cases_v11 (id, year, number, title, opened, status, retention_until, summary, no, closed_by, close_reason)
            SELECT id, year, number, title, opened, status, CASE WHEN status = 'gesloten' THEN retention_until END, summary, no,
                   CASE WHEN status = 'gesloten' THEN '' END, CASE WHEN status = 'gesloten' THEN '' END
            FROM cases;
        DROP TABLE cases;
        ALTER TABLE cases_v11 RENAME TO cases;
        CREATE UNIQUE INDEX cases_no ON cases(no);
        CREATE TABLE store_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE destruction_log (
            seq INTEGER PRIMARY KEY,
            case_id TEXT NOT NULL UNIQUE,
            year INTEGER NOT NULL,
            number INTEGER NOT NULL,
            case_no INTEGER,
            time TEXT NOT NULL,
            actor TEXT NOT NULL,
            record TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE TRIGGER cases_number AFTER INSERT ON cases WHEN new.no IS NULL BEGIN
            UPDATE cases SET no = MAX((SELECT COALESCE(MAX(no), 0) FROM cases), (SELECT COALESCE(MAX(case_no), 0) FROM destruction_log)) + 1
            WHERE id = new.id;
        END;
        """
}
