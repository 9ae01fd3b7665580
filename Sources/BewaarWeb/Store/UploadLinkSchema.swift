/// Upload links for pupils and parents (migration v7).
///
/// A link lets one person on a case (a pupil or a parent) hand in files for that case, and
/// nothing else, for a set time. The store keeps only the SHA-256 of the link's token, never
/// the token: whoever reads the database cannot use a link. Making, revoking and every use of a
/// link are events in the case's custody chain.
enum UploadLinkSchema {
    static let v7 = """
        CREATE TABLE upload_links (
            id INTEGER PRIMARY KEY,
            token_sha256 TEXT NOT NULL UNIQUE,
            case_id TEXT NOT NULL REFERENCES cases(id),
            person_id INTEGER NOT NULL REFERENCES people(id),
            made_by TEXT NOT NULL,
            made_at TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            revoked_by TEXT,
            revoked_at TEXT,
            upload_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX upload_links_case ON upload_links(case_id);
        """
}
