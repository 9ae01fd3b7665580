#!/usr/bin/env python3
"""Writes a deterministic Messenger-style HTML thread page (2023 layout) of about SIZE_MB megabytes.

Usage: generate.py OUT SIZE_MB
Fictional pupils only; the same arguments always give the same bytes.
"""
import random
import sys

out, size_mb = sys.argv[1], float(sys.argv[2])
rng = random.Random(20240304)
names = ["Sanne de Vries", "Daan Jansen", "Lotte Visser", "Tim Bakker", "Zoë Smit", "Noah de Jong"]
words = ("jij bent zo stom niemand wil naast je zitten haha echt waarom doe je dit laat me met rust "
         "morgen in de kantine zie je wel kijk dan die foto 😂 ❤ wie is dit lol stop hiermee zoë").split()
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
head = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Klas 2B</title><style>body{font:12px}</style></head>'
        '<body class="_a6-g"><div class="_a705"><div class="_a706" role="main">\n'
        '<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><div class="_a6-p">Deelnemers: ' + ", ".join(names) + '</div></div>\n')
target = int(size_mb * 1_000_000)
written = 0
minute = 0
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write(head)
    written += len(head.encode())
    while written < target:
        minute += rng.randint(0, 7)
        day, hh, mm = 1 + (minute // 1440) % 28, (minute // 60) % 24, minute % 60
        h12 = hh % 12 or 12
        t = f"{months[(minute // 40320) % 12]} {day:02d}, 2024 {h12}:{mm:02d} {'pm' if hh >= 12 else 'am'}"
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 30)))
        extra = ""
        r = rng.random()
        if r < 0.1:
            extra = '<div><a href="https://www.example.org/p/%d/">https://www.example.org/p/%d/</a></div>' % (minute, minute)
        elif r < 0.15:
            extra = '<div><img src="messages/inbox/klas2b_123/photos/%d.jpg"></div>' % minute
        react = '<div><ul class="_a6-q"><li><span>❤%s</span></li></ul></div>' % rng.choice(names) if rng.random() < 0.2 else ""
        block = ('<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder"><h2 class="_3-95 _2pim _a6-h _a6-i">%s</h2>'
                 '<div class="_3-95 _a6-p"><div><div></div><div>%s</div>%s%s</div></div>'
                 '<div class="_3-94 _a6-o">%s</div></div>\n') % (rng.choice(names), text, extra, react, t)
        f.write(block)
        written += len(block.encode())
    f.write("</div></div></body></html>\n")
