extension PostgresSchema {
    /// What the board's privacy officer sees of every school (plan §7): the destruction log
    /// (which holds no pupil data: counts, hashes, staff names, see `DestructionRecord`) and the
    /// retention overview (case number, status, dates, whether on hold: no title, no names).
    /// Two functions, `board_destruction_log()` and `board_retention_overview()`, run as the
    /// schema's owner (`SECURITY DEFINER`) and turn `bewaar.overview` on for their one query
    /// (a function's own `SET` clause cannot name a setting PostgreSQL does not know unless a
    /// superuser makes it, which a managed database's owner is not); a second, read-only
    /// policy on `cases` and `destruction_log` lets exactly that through: the setting on, and
    /// the current role the tables' owner. The application's role, which owns nothing, passes
    /// only through the functions, whatever it sets; the rows it reads itself stay its school's.
    ///
    /// Nobody may call them until the board grants it: `GRANT EXECUTE ON FUNCTION
    /// board_destruction_log(), board_retention_overview() TO` the application's role. Bewaar
    /// decides at the route which account is the board's privacy officer.
    static let boardOverview = [
        """
        CREATE FUNCTION bewaar_board_overview() RETURNS boolean LANGUAGE sql STABLE
        AS $$ SELECT current_setting('bewaar.overview', true) = 'on'
                  AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.cases'::regclass) $$
        """,
        "CREATE POLICY board_overview ON cases FOR SELECT USING (bewaar_board_overview())",
        "CREATE POLICY board_overview ON destruction_log FOR SELECT USING (bewaar_board_overview())",
        """
        CREATE FUNCTION board_destruction_log()
        RETURNS TABLE (school_id integer, school text, seq bigint, case_id text, "time" text, actor text, record text,
                       prev_hash text, hash text)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
            PERFORM set_config('bewaar.overview', 'on', true);
            RETURN QUERY SELECT d.school_id, s.name, d.seq, d.case_id, d.time, d.actor, d.record, d.prev_hash, d.hash
                FROM destruction_log d JOIN schools s ON s.id = d.school_id ORDER BY d.school_id, d.seq;
            PERFORM set_config('bewaar.overview', '', true);
        END
        $$
        """,
        """
        CREATE FUNCTION board_retention_overview()
        RETURNS TABLE (school_id integer, school text, case_id text, status text, opened text, closed_at text,
                       retention_until text, on_hold boolean)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
            PERFORM set_config('bewaar.overview', 'on', true);
            RETURN QUERY SELECT c.school_id, s.name, c.id, c.status, c.opened, c.closed_at, c.retention_until, c.hold_since IS NOT NULL
                FROM cases c JOIN schools s ON s.id = c.school_id ORDER BY c.school_id, c.year, c.number;
            PERFORM set_config('bewaar.overview', '', true);
        END
        $$
        """,
        // A pupil's upload link reaches the server before any school is known (no session): its
        // school, found by the token's SHA-256, which only the link's holder knows. Nothing else
        // of the link or its case goes out, so every role may ask.
        "CREATE POLICY board_overview ON upload_links FOR SELECT USING (bewaar_board_overview())",
        """
        CREATE FUNCTION board_upload_link_school(token_sha256 text) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        DECLARE found integer;
        BEGIN
            PERFORM set_config('bewaar.overview', 'on', true);
            SELECT l.school_id INTO found FROM upload_links l WHERE l.token_sha256 = board_upload_link_school.token_sha256;
            PERFORM set_config('bewaar.overview', '', true);
            RETURN found;
        END
        $$
        """,
        "REVOKE EXECUTE ON FUNCTION board_destruction_log() FROM PUBLIC",
        "REVOKE EXECUTE ON FUNCTION board_retention_overview() FROM PUBLIC",
    ]
}
