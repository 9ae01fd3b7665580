import Testing

@testable import BewaarStorePostgres

/// `?1 … ?n` and `?` become `$1 … $n` in code, and nowhere else.
@Suite struct SQLPlaceholdersTests {
    func rewrite(_ sql: String) throws -> String { try SQLPlaceholders.rewrite(sql).sql }

    @Test func numberedAndPlainPlaceholders() throws {
        #expect(try rewrite("SELECT * FROM cases WHERE id = ?1 AND no = ?2") == "SELECT * FROM cases WHERE id = $1 AND no = $2")
        #expect(try rewrite("INSERT INTO t VALUES (?, ?, ?)") == "INSERT INTO t VALUES ($1, $2, $3)")
        // SQLite's rule: a plain ? is one more than the highest number before it.
        #expect(try rewrite("?2, ?, ?1, ?, ?10, ?") == "$2, $3, $1, $4, $10, $11")
        #expect(try rewrite("x = ?1 OR y = ?1") == "x = $1 OR y = $1")
        #expect(try SQLPlaceholders.rewrite("?3 + ?").parameters == 4)
        #expect(try SQLPlaceholders.rewrite("SELECT 1").parameters == 0)
        #expect(try rewrite("a=?1::int8,b=?2||'x'") == "a=$1::int8,b=$2||'x'")
    }

    @Test func quotedTextAndCommentsAreLeftAlone() throws {
        let untouched = [
            "SELECT 'Waarom? ?1'",
            "SELECT 'it''s ?', '?'",
            #"SELECT "kolom?" FROM "tabel ""?"" x""#,
            "SELECT 1 -- waarom ?1\n",
            "SELECT 1 /* ?1 /* genest ? */ nog ? */",
            "SELECT $$ ? $$, $tag$ ?1 $$ ? $tag$",
            #"SELECT E'\' ?', e'\\'"#,
            "SELECT $1, a$b",
        ]
        for sql in untouched { #expect(try rewrite(sql) == sql) }
        #expect(try rewrite("SELECT 'a?' || ?1 -- ?\n, ?") == "SELECT 'a?' || $1 -- ?\n, $2")
        #expect(try rewrite("SELECT $$?$$, ?") == "SELECT $$?$$, $1")
        #expect(try rewrite(#"SELECT E'\'?', ?"#) == #"SELECT E'\'?', $1"#)
        // Without the E, a backslash is an ordinary character and '' is the only escape.
        #expect(try rewrite(#"SELECT '\', ?"#) == #"SELECT '\', $1"#)
        #expect(try rewrite("SELECT 'ü?é', \"ö?\", ?") == "SELECT 'ü?é', \"ö?\", $1")
    }

    @Test func unclosedQuotesRunToTheEnd() throws {
        #expect(try rewrite("SELECT 'open ?") == "SELECT 'open ?")
        #expect(try rewrite("SELECT /* open ?") == "SELECT /* open ?")
        #expect(try rewrite("SELECT $x$ open ?") == "SELECT $x$ open ?")
    }

    @Test func impossibleNumbersAreRefused() throws {
        #expect(throws: SQLPlaceholders.PlaceholderError.self) { try SQLPlaceholders.rewrite("SELECT ?0") }
        #expect(throws: SQLPlaceholders.PlaceholderError.self) { try SQLPlaceholders.rewrite("SELECT ?65536") }
        #expect(throws: SQLPlaceholders.PlaceholderError.self) { try SQLPlaceholders.rewrite("SELECT ?99999999999999999999999") }
        #expect(try SQLPlaceholders.rewrite("SELECT ?65535").parameters == 65535)
    }
}
