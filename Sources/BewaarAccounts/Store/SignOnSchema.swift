/// Migration v13 (shipped as `v13-account-subjects`): sign-in with the school's accounts (OpenID
/// Connect). Each account gets an e-mail address (set by the beheerder; a verified address from
/// the provider finds the account on its first sign-in) and the provider's subject, stored
/// after that first sign-in. `sign_on_requests` holds the sign-ins under way: the SHA-256 of
/// their `state`, of the browser's binding cookie, the nonce and the PKCE verifier. A request is
/// taken (deleted) once, whatever the answer, and is good for a few minutes only. Kept in the
/// store, beside the sessions, so a sign-in begun on one server can end on another.
enum SignOnSchema {
    static let v13 = """
        ALTER TABLE accounts ADD COLUMN email TEXT COLLATE NOCASE;
        ALTER TABLE accounts ADD COLUMN oidc_issuer TEXT;
        ALTER TABLE accounts ADD COLUMN oidc_subject TEXT;
        CREATE UNIQUE INDEX accounts_email ON accounts(email) WHERE email IS NOT NULL;
        CREATE UNIQUE INDEX accounts_oidc_subject ON accounts(oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
        CREATE TABLE sign_on_requests (
            state_sha256 TEXT PRIMARY KEY,
            binding_sha256 TEXT NOT NULL,
            nonce TEXT NOT NULL,
            verifier TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX sign_on_requests_created ON sign_on_requests(created);
        """
}
