extension PostgresSchema {
    /// The name of the migration that numbers rows per school (``schoolNumbers``). PostgreSQL's
    /// own: its name starts with `pg-`, and SQLite has no twin.
    static let schoolNumbersName = "pg-v15-school-numbers"

    /// The tables whose rows the database numbers (`id`), each a school's.
    static let numberedTables = [
        "people", "items", "acquisitions", "warnings", "authors", "messages", "talks", "escalations", "handles", "observations",
        "statements", "traces", "case_access", "upload_links",
    ]

    /// Numbers are a school's own, so that a school moved in from its SQLite store keeps them
    /// (`bewaar store migrate`): its custody chains name its rows by number (`itemId`,
    /// `messageId`, …) and are copied as they are, so that every hash stays the same.
    ///
    /// - Every numbered key holds `school_id`: the primary keys of ``numberedTables``,
    ///   `cases_no`, and the keys that hold a number (`messages_item_seq`, with it last, an
    ///   author's `(case_no, name)`, `record_links`, `marks`, `withdrawals`). The foreign keys that point at
    ///   a numbered table are made again on its new primary key (they already started with
    ///   `school_id`), and the separate `…_id_in_school` keys the baseline made for them go.
    /// - The sequences stay one per table for the whole board: a new row takes the next number,
    ///   which no school has used, as long as a school moved in moves them past its own numbers
    ///   first (`bewaar_numbers_past_school()`, below).
    static let schoolNumbers: [String] = [
        """
        CREATE TEMPORARY TABLE numbered_links ON COMMIT DROP AS
        SELECT c.conname::text AS name, c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS ref,
               c.confdeltype::text AS on_delete,
               ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
               ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_cols
        FROM pg_constraint c
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
          AND c.confrelid::regclass::text = ANY (\(numberedArray))
        """,
        """
        DO $$
        DECLARE l record; t text;
        BEGIN
            FOR l IN SELECT * FROM numbered_links LOOP
                IF l.ref_cols <> ARRAY['school_id', 'id'] OR l.on_delete NOT IN ('a', 'c') THEN
                    RAISE EXCEPTION 'foreign key % is not one the school-numbers migration can make again', l.name;
                END IF;
                EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', l.tbl, l.name);
            END LOOP;
            FOREACH t IN ARRAY \(numberedArray) LOOP
                EXECUTE format('ALTER TABLE %I DROP CONSTRAINT IF EXISTS %I', t, t || '_id_in_school');
                EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD CONSTRAINT %I PRIMARY KEY (school_id, id)',
                               t, t || '_pkey', t || '_pkey');
            END LOOP;
            FOR l IN SELECT * FROM numbered_links LOOP
                EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (%s) REFERENCES %I (school_id, id)%s',
                               l.tbl, l.name, (SELECT string_agg(quote_ident(c), ', ') FROM unnest(l.cols) c), l.ref,
                               CASE l.on_delete WHEN 'c' THEN ' ON DELETE CASCADE' ELSE '' END);
            END LOOP;
        END
        $$
        """,
        "DROP INDEX cases_no",
        "CREATE UNIQUE INDEX cases_no ON cases (school_id, no)",
        // `school_id` last here: the record queries go by `item_id` and `seq`. With it first the
        // planner multiplied the school's selectivity into the item's (the two go together) and
        // took a search's candidates by reading all of a case's records: 105 ms a search page
        // against 11 ms (`scripts/bench/board`, 10 schools of 100,000 records).
        "ALTER TABLE messages DROP CONSTRAINT messages_item_seq, ADD CONSTRAINT messages_item_seq UNIQUE (item_id, seq, school_id)",
        """
        ALTER TABLE authors DROP CONSTRAINT authors_case_no_name_key,
            ADD CONSTRAINT authors_case_no_name_key UNIQUE (school_id, case_no, name)
        """,
        """
        ALTER TABLE record_links DROP CONSTRAINT record_links_pkey,
            ADD CONSTRAINT record_links_pkey PRIMARY KEY (school_id, record_id, kind, other_item)
        """,
        "ALTER TABLE marks DROP CONSTRAINT marks_pkey, ADD CONSTRAINT marks_pkey PRIMARY KEY (school_id, message_id)",
        "ALTER TABLE withdrawals DROP CONSTRAINT withdrawals_pkey, ADD CONSTRAINT withdrawals_pkey PRIMARY KEY (school_id, item_id)",
        // Moves every sequence of a school's numbers past the highest number the school set now
        // (its own rows: row-level security holds for the owner too, as the tables force it), and
        // `cases.no` also past the case numbers of its destroyed cases. A sequence is never moved
        // back. Only the owner may `setval`, so the servers' role asks this function.
        """
        CREATE FUNCTION bewaar_numbers_past_school() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
        AS $$
        DECLARE t text; highest bigint;
        BEGIN
            IF public.bewaar_school() IS NULL THEN
                RAISE EXCEPTION 'bewaar_numbers_past_school() needs a school (bewaar.school)';
            END IF;
            FOREACH t IN ARRAY \(numberedArray) LOOP
                EXECUTE format('SELECT max(id) FROM public.%I', t) INTO highest;
                IF highest IS NOT NULL THEN
                    PERFORM setval(pg_get_serial_sequence('public.' || t, 'id'),
                                   GREATEST(highest, (SELECT last_value FROM pg_sequences
                                                      WHERE schemaname = 'public' AND sequencename = t || '_id_seq')));
                END IF;
            END LOOP;
            SELECT GREATEST((SELECT max(no) FROM public.cases), (SELECT max(case_no) FROM public.destruction_log)) INTO highest;
            IF highest IS NOT NULL THEN
                PERFORM setval(pg_get_serial_sequence('public.cases', 'no'),
                               GREATEST(highest, (SELECT last_value FROM pg_sequences
                                                  WHERE schemaname = 'public' AND sequencename = 'cases_no_seq')));
            END IF;
        END
        $$
        """,
    ]

    /// ``numberedTables`` as a SQL array literal.
    private static var numberedArray: String {
        "ARRAY[" + numberedTables.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }
}
