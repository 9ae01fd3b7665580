#!/usr/bin/env python3
"""Writes the deterministic benchmark corpus for scripts/bench/mail: 2,000 messages (plain,
multipart with attachments up to 2 MB, encoded words, 5-12 Received hops). Fictional content,
documentation addresses only. Usage: mail-corpus.py FOLDER"""
import base64, os, random, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rnd = random.Random(20250304)
names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser", "Zoë Bakker", "Mohammed El Amrani", "Emma Smit"]
words = "jij bent echt zielig niemand wil met je praten morgen op school iedereen lacht om je groepsapp foto".split()

def ew(text):
    if rnd.random() < 0.5:
        return "=?utf-8?B?" + base64.b64encode(text.encode()).decode() + "?="
    q = "".join(c if c.isalnum() and ord(c) < 128 else ("_" if c == " " else "".join(f"={b:02X}" for b in c.encode())) for c in text)
    return "=?utf-8?Q?" + q + "?="

def hops(n, t):
    lines = []
    for k in range(n):
        a, b = rnd.randrange(1, 254), rnd.randrange(1, 254)
        kind = k % 4
        if kind == 0:
            lines.append(f"Received: from mx{k}.example.net (mx{k}.example.net [198.51.100.{a}])\n\tby relay{k}.example.org (Postfix) with ESMTPS id {rnd.getrandbits(40):X}\n\tfor <sanne@example.org>; Tue, 4 Mar 2025 09:{(t+k)%60:02d}:{b%60:02d} +0100 (CET)")
        elif kind == 1:
            lines.append(f"Received: from AM{k}PR07MB{a}.eurprd07.prod.outlook.com (2603:10a6:20b:{a:x}::{b:x}) by\n AM{k}PR07MB{b}.eurprd07.prod.outlook.com (2603:10a6:20b:{b:x}::1) with Microsoft SMTP\n Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8489.{a};\n Tue, 4 Mar 2025 08:{(t+k)%60:02d}:{b%60:02d} +0000")
        elif kind == 2:
            lines.append(f"Received: from host-203-0-113-{a}.example.net ([203.0.113.{a}] helo=[192.168.1.{b}])\n\tby mx.example.org with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384 (Exim 4.97)\n\t(envelope-from <x@example.org>) id 1tpQ7R-00{a:04X}-2x; Tue, 04 Mar 2025 09:14:{b%60:02d} +0100")
        else:
            lines.append(f"Received: from unknown (HELO desktop-{a}) (192.0.2.{a}) by mail.example.com with SMTP; 4 Mar 2025 08:14:{b%60:02d} -0000")
    return "\n".join(lines)

for i in range(2000):
    frm = rnd.choice(names); to = rnd.choice(names)
    subject = " ".join(rnd.choice(words) for _ in range(rnd.randrange(3, 9))) + (" één €" if rnd.random() < 0.5 else "")
    body = "\n".join(" ".join(rnd.choice(words) for _ in range(12)) for _ in range(rnd.randrange(3, 40)))
    head = hops(rnd.randrange(5, 13), i) + f"""
From: {ew(frm)} <user{i}@example.org>
To: {ew(to)} <sanne@example.org>
Subject: {ew(subject)}
Date: Tue, 4 Mar 2025 09:14:{i%60:02d} +0100
Message-ID: <bench-{i}@example.org>
MIME-Version: 1.0
"""
    if rnd.random() < 0.6:
        msg = head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body + "\n"
    else:
        parts = [f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{body}\n"]
        for k in range(rnd.randrange(1, 3)):
            size = int(2 ** rnd.uniform(10, 21))   # 1 KiB .. 2 MiB, log-uniform
            data = rnd.randbytes(size)
            b64 = base64.encodebytes(data).decode()
            parts.append(f"Content-Type: application/octet-stream; name=\"bijlage-{i}-{k}.bin\"\nContent-Disposition: attachment; filename*=utf-8''bijlage%20{i}-{k}.bin\nContent-Transfer-Encoding: base64\n\n{b64}")
        msg = head + "Content-Type: multipart/mixed; boundary=\"grens-{0}\"\n\n".format(i) + "".join(f"--grens-{i}\n{p}" for p in parts) + f"--grens-{i}--\n"
    with open(os.path.join(out, f"bericht-{i:04d}.eml"), "wb") as f:
        f.write(msg.encode())
