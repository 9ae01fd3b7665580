/// What the web interface kept in one process's memory, in the case store, so a request can
/// land on any of several servers (migration v14, shipped as `v14-web-state`):
///
/// - `rate_buckets`: the request budgets (a token bucket per scope and key): the login's per
///   client, the upload pages' per client and per link. `key` is the SHA-256 of the client's
///   address or of the link's token key, never the address itself; `tokens` and `at` (seconds
///   since 1970) are the bucket as it was after the last take, `granted` whether that take was
///   allowed. A bucket full again is purged now and then.
/// - `web_flashes`: what one upload's redirect shows once (the mentor's results, the pupil's
///   receipt), per session (the SHA-256 of its id), with the random token of that redirect; the
///   text is sealed with the case's key in an encrypted store, and the row is removed with its
///   case and after `until`.
///
/// The upload progress lines are not here: an ingest holds SQLite's one write lock until it
/// commits, so they go into a small database of their own (``UploadProgressTable``).
///
/// Plain SQL that PostgreSQL runs as it is (`DOUBLE PRECISION`, not `REAL`, which is 4 bytes there).
enum WebStateSchema {
    static let v14 = """
        CREATE TABLE rate_buckets (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            tokens DOUBLE PRECISION NOT NULL,
            at DOUBLE PRECISION NOT NULL,
            granted INTEGER NOT NULL,
            PRIMARY KEY (scope, key)
        );
        CREATE INDEX rate_buckets_at ON rate_buckets(at);
        CREATE TABLE web_flashes (
            session_sha256 TEXT PRIMARY KEY,
            token TEXT NOT NULL,
            kind TEXT NOT NULL,
            case_id TEXT NOT NULL REFERENCES cases(id),
            body BLOB NOT NULL,
            until TEXT NOT NULL
        );
        CREATE INDEX web_flashes_case ON web_flashes(case_id);
        CREATE INDEX web_flashes_until ON web_flashes(until);
        """
}
