#!/usr/bin/env python3
"""Parses every .eml in a folder with one Python peer, as its documentation shows, and hashes
each attachment's decoded bytes with SHA-256 where the library does not already (so every
tool does the same work as Bewaar). Usage: mail-peers.py eml_parser|mail-parser FOLDER"""
import base64, hashlib, os, sys

tool, folder = sys.argv[1], sys.argv[2]
files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".eml"))
attachments = 0
if tool == "eml_parser":
    import eml_parser
    parser = eml_parser.EmlParser(include_attachment_data=False)
    for f in files:
        with open(f, "rb") as fp:
            r = parser.decode_email_bytes(fp.read())
        attachments += len(r.get("attachment", []))   # eml_parser hashes attachments itself
elif tool == "mail-parser":
    import mailparser
    for f in files:
        m = mailparser.parse_from_file(f)
        for a in m.attachments:
            payload = a["payload"]
            data = base64.b64decode(payload) if a.get("binary") else payload.encode("utf-8", "surrogateescape")
            hashlib.sha256(data).hexdigest()
            attachments += 1
else:
    sys.exit("unknown tool " + tool)
print(f"{tool}: {len(files)} messages, {attachments} attachments", file=sys.stderr)
