#!/usr/bin/env python3
"""Issue 16, flat memory for Messenger HTML, route c: rows staged as 1,024-row blobs in a table inside the transaction,
then inserted in order and each staged batch deleted (its pages reused). Usage: route-staging.py plain|stage"""
import sqlite3, time, os, sys
N=150000; B=1024
txt="Hoi Sanne, zie je morgen bij de bieb? " * 3
rest='{"platform":"facebook","layout":"meta-html-2022","timeAsDisplayed":"Jan 01, 2024 10:00:00 am","thread":"Klas 2B"}'
def mk(path):
    if os.path.exists(path): os.remove(path)
    db=sqlite3.connect(path, isolation_level=None); db.execute("PRAGMA journal_mode=WAL")
    db.execute("""CREATE TABLE messages (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, case_no INTEGER NOT NULL, seq INTEGER NOT NULL, ts REAL,
     author_no INTEGER, kind NOT NULL, text TEXT NOT NULL, origin_line INTEGER, origin_offset INTEGER NOT NULL, origin_length INTEGER NOT NULL, utc_offset INTEGER, rest TEXT, verbatim TEXT)""")
    db.execute("CREATE INDEX messages_author ON messages(author_no) WHERE author_no IS NOT NULL")
    db.execute("CREATE INDEX messages_case_order ON messages(case_no, COALESCE(ts, 1e18))")
    return db
mode=sys.argv[1]; path="/tmp/bewaar-route-s-"+mode+".db"; db=mk(path)
ins="INSERT INTO messages (id,item_id,case_no,seq,ts,author_no,kind,text,origin_line,origin_offset,origin_length,utc_offset,rest) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
blob=(txt+rest).encode()*B
t=time.process_time(); db.execute("BEGIN"); stage=0.0
if mode=="stage":
    s0=time.process_time()
    db.execute("CREATE TABLE bewaar_staged (batch INTEGER PRIMARY KEY, rows BLOB NOT NULL)")
    for k in range(N//B+1): db.execute("INSERT INTO bewaar_staged VALUES (?,?)", (k, blob))
    stage=time.process_time()-s0
for k in range(N//B+1):
    if mode=="stage":
        s0=time.process_time()
        b=db.execute("SELECT rows FROM bewaar_staged WHERE batch=?", (k,)).fetchone()[0]
        db.execute("DELETE FROM bewaar_staged WHERE batch=?", (k,))
        stage+=time.process_time()-s0
    db.executemany(ins, ((k*B+i+1,1,1,k*B+i,1.7e9+i,1+i%5,0,txt,None,i*300,300,3600,rest) for i in range(B)))
if mode=="stage": db.execute("DROP TABLE bewaar_staged")
db.execute("COMMIT"); db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
print(mode, "cpu %.2f s, staging part %.2f s, db %d MB"%(time.process_time()-t, stage, os.path.getsize(path)>>20))
