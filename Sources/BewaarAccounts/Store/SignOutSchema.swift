/// Migration v15 (`v15-sign-on-sessions`): what signing out at the school's provider needs. A
/// session begun with a school account, on a server whose provider has a sign-out page
/// (`end_session_endpoint`), keeps the ID token of its sign-in, to name that sign-in to the
/// provider at sign-out (`id_token_hint`). The row is known by the SHA-256 of the session id,
/// like the session itself, and the token is sealed with a key made from the session id, which
/// only the browser's cookie holds: whoever reads the database cannot read the token. The row is
/// taken (deleted) at sign-out; rows of sessions that ended otherwise are purged when a new one is
/// saved.
enum SignOutSchema {
    static let v15 = """
        CREATE TABLE sign_on_sessions (
            session_sha256 TEXT PRIMARY KEY,
            sealed_id_token BLOB NOT NULL,
            created TEXT NOT NULL
        );
        """
}
