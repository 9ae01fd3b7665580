#!/usr/bin/env python3
"""Issue 16, flat memory for Messenger HTML, route b: rows inserted with descending ids (a newest-first page) then seq set
once the count is known, against ascending inserts, on a table of the v9 messages shape. Usage: route-descending.py asc|desc"""
import sqlite3, time, os, sys, random
N=150000
def mk(path):
    if os.path.exists(path): os.remove(path)
    db=sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("""CREATE TABLE messages (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, case_no INTEGER NOT NULL, seq INTEGER NOT NULL, ts REAL,
     author_no INTEGER, kind NOT NULL, text TEXT NOT NULL, origin_line INTEGER, origin_offset INTEGER NOT NULL, origin_length INTEGER NOT NULL, utc_offset INTEGER, rest TEXT, verbatim TEXT)""")
    db.execute("CREATE INDEX messages_author ON messages(author_no) WHERE author_no IS NOT NULL")
    db.execute("CREATE INDEX messages_case_order ON messages(case_no, COALESCE(ts, 1e18))")
    return db
txt="Hoi Sanne, zie je morgen bij de bieb? " * 3
rest='{"platform":"facebook","layout":"meta-html-2022","timeAsDisplayed":"Jan 01, 2024 10:00:00 am","thread":"Klas 2B"}'
mode=sys.argv[1]
db=mk("/tmp/bewaar-route-"+mode+".db")
t=time.time()
db.execute("BEGIN")
R=10_000_000
if mode=="asc":
    rows=((i+1,1,1,i,1.7e9+i,1+i%5,0,txt,None,i*300,300,3600,rest) for i in range(N))
else:
    rows=((R-i,1,1,0,1.7e9+N-i,1+i%5,0,txt,None,i*300,300,3600,rest) for i in range(N))
db.executemany("INSERT INTO messages (id,item_id,case_no,seq,ts,author_no,kind,text,origin_line,origin_offset,origin_length,utc_offset,rest) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
t1=time.time()
if mode=="desc":
    db.execute("UPDATE messages SET seq = id - ? WHERE id BETWEEN ? AND ?", (R-N+1, R-N+1, R))
t2=time.time()
db.execute("COMMIT")
t3=time.time()
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(mode, "insert %.3f update %.3f commit %.3f"%(t1-t,t2-t1,t3-t2), os.path.getsize("/tmp/bewaar-route-"+mode+".db"))
