# Issue 16: times the store's own SQL for one case, as the code before migration v9 ("main": text
# case id, author and kind in every row, messages_item) and after it ("v9": case numbers, authors
# table, kind codes, items.first_record) writes it, on a store made by `bewaar ingest` of the
# bench chat (scripts/bench/ingest): median of the runs in ms, rows, and the query plan.
#   python3 scripts/bench/ingest.d/store-queries.py STORE/bewaar.sqlite main|v9
# Make one store with each build (e.g. main's binary and this one) and run both in the same run.
import sqlite3, sys, time, statistics
path, schema = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
if schema == "main":
    cols = "m.ts, m.utc_offset, m.author, m.kind, m.text, m.origin_line, m.origin_offset, m.origin_length, m.rest, m.verbatim"
    case = "m.case_id = '2026-0001'"
else:
    kinds = ["message", "system", "deleted", "media", "view-once", "email", "post", "comment", "text"]
    kind = "CASE m.kind " + "".join(f"WHEN {i} THEN '{k}' " for i, k in enumerate(kinds)) + "ELSE m.kind END"
    cols = f"m.ts, m.utc_offset, (SELECT name FROM authors WHERE id = m.author_no), {kind}, m.text, m.origin_line, m.origin_offset, m.origin_length, m.rest, m.verbatim"
    case = "m.case_no = (SELECT no FROM cases WHERE id = '2026-0001')"
sel = f"""SELECT m.id, m.item_id, {cols}, NULL AS hl, i.name, i.sha256, k.reason, k.note, k.by, k.at
FROM messages m JOIN items i ON i.id = m.item_id LEFT JOIN marks k ON k.message_id = m.id"""
base = f"{case} AND m.item_id NOT IN (SELECT item_id FROM withdrawals)"
def key(c): return db.execute("SELECT COALESCE(ts, 1e18) FROM messages WHERE id = ?", (c,)).fetchone()[0]
n = db.execute("SELECT MAX(id) FROM messages").fetchone()[0]
mid, last = n // 2, n - 100
def keyset(c, op=">", order="ASC"):
    k = key(c)
    return (sel + f" WHERE {base} AND COALESCE(m.ts, 1e18) {op}= ? AND (COALESCE(m.ts, 1e18) {op} ? OR m.id {op} ?) ORDER BY COALESCE(m.ts, 1e18) {order}, m.id {order} LIMIT 201", (k, k, c))
if schema == "main":
    authors = [r[0] for r in db.execute("SELECT DISTINCT author FROM messages WHERE case_id = '2026-0001' AND author IS NOT NULL")]
    daan = [a for a in authors if a == "Daan Jansen"]
    handle = (sel + f" WHERE {base} AND m.author IN (?) ORDER BY COALESCE(m.ts, 1e18), m.id LIMIT 201", tuple(daan))
    window = (sel + " WHERE m.item_id = ? AND m.seq >= ? ORDER BY m.seq LIMIT 201", (1, n - 500))
    authors_sql = ("SELECT author, COUNT(*) AS n FROM messages WHERE case_id = '2026-0001' AND author IS NOT NULL AND kind != 'system' GROUP BY author ORDER BY n DESC, author", ())
    authors_list = ("SELECT DISTINCT author FROM messages WHERE case_id = '2026-0001' AND author IS NOT NULL", ())
    bundle = ("SELECT " + cols + " FROM messages m WHERE m.item_id = 1 ORDER BY m.seq", ())
else:
    ids = [r[0] for r in db.execute("SELECT id FROM authors WHERE name = 'Daan Jansen'")]
    handle = (sel + f" WHERE {base} AND m.author_no IN (?) ORDER BY COALESCE(m.ts, 1e18), m.id LIMIT 201", tuple(ids))
    rng = lambda lo, hi: f"m.item_id = ?1 AND m.seq BETWEEN {lo} AND {hi} AND m.id BETWEEN COALESCE((SELECT first_record FROM items WHERE id = ?1) + ({lo}), -9223372036854775807) AND COALESCE((SELECT first_record FROM items WHERE id = ?1) + ({hi}), 9223372036854775807)"
    window = (sel + " WHERE " + rng(n - 500, n - 300) + " ORDER BY m.seq LIMIT 201", (1,))
    authors_sql = ("SELECT a.name AS author, COUNT(*) AS n FROM authors a JOIN messages m ON m.author_no = a.id WHERE a.case_no = (SELECT no FROM cases WHERE id = '2026-0001') AND m.kind NOT IN (1, 'system') GROUP BY a.id ORDER BY n DESC, a.name", ())
    authors_list = ("SELECT id, name FROM authors WHERE case_no = (SELECT no FROM cases WHERE id = '2026-0001')", ())
    bundle = ("SELECT " + cols + " FROM messages m WHERE m.item_id = ?1 AND m.id BETWEEN COALESCE((SELECT first_record FROM items WHERE id = ?1), -9223372036854775807) AND COALESCE((SELECT first_record + message_count - 1 FROM items WHERE id = ?1), 9223372036854775807) ORDER BY m.id", (1,))
first = (sel + f" WHERE {base} ORDER BY COALESCE(m.ts, 1e18), m.id LIMIT 201", ())
phrase = (sel.replace("FROM messages m", "FROM messages_fts f JOIN messages m ON m.id = f.rowid") + f" WHERE {base} AND messages_fts MATCH ? ORDER BY f.rowid LIMIT 201", ('text : ("doe je")',))
word = (sel.replace("FROM messages m", "FROM messages_fts f JOIN messages m ON m.id = f.rowid") + f" WHERE {base} AND messages_fts MATCH ? ORDER BY f.rowid LIMIT 201", ('text : ("veldje"* "vroeg"*)',))
tests = [("timeline page 1", first, 25), ("keyset page in the middle", keyset(mid), 25), ("keyset last page", keyset(last), 25),
         ("keyset page before the middle", keyset(mid, "<", "DESC"), 25), ("filter by handle (first 200)", handle, 25),
         ("search phrase doe je (rowid order)", phrase, 25), ("search veldje* vroeg* (rowid order)", word, 25),
         ("item window at the end", window, 25), ("authors of the case (timeline filter)", authors_list, 25),
         ("unlinked authors (counts)", authors_sql, 5), ("whole item in order (bundle)", bundle, 3)]
for name, (sql, args), runs in tests:
    ts = []
    for _ in range(runs + 2):
        t = time.perf_counter(); rows = db.execute(sql, args).fetchall(); ts.append((time.perf_counter() - t) * 1000)
    ts = sorted(ts[2:])
    plan = " | ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + sql, args))
    print(f"{name:42s} {statistics.median(ts):9.2f} ms  ({len(rows)} rows)  {plan[:150]}")
